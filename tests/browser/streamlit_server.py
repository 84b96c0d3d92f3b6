"""The dashboard server helper, shared with the benchmarks (see routes.dashboard.server)."""

from routes.dashboard.server import (
    PROJECT,
    STARTUP_TIMEOUT_S,
    free_port,
    start_streamlit,
    stop,
    wait_until_healthy,
)

__all__ = [
    "PROJECT",
    "STARTUP_TIMEOUT_S",
    "free_port",
    "start_streamlit",
    "stop",
    "wait_until_healthy",
]
