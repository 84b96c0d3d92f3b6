"""``streamlit run app.py`` on a free localhost port, for the browser tests and the benchmarks."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]  # routes/dashboard/server.py -> the checkout
#: How long a cold server may take to answer its health check (seconds).
STARTUP_TIMEOUT_S = 90


def free_port() -> int:
    """A TCP port on localhost that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_streamlit(port: int, log: Path) -> subprocess.Popen:
    """``python -m streamlit run app.py`` headless on 127.0.0.1:``port``, output to ``log``."""
    env = {
        **os.environ,
        "PYTHONPATH": str(PROJECT),
        "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
        "STREAMLIT_SERVER_HEADLESS": "true",
    }
    command = [
        sys.executable, "-m", "streamlit", "run", str(PROJECT / "app.py"),
        "--server.port", str(port), "--server.address", "127.0.0.1",
        "--server.headless", "true", "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
    ]  # fmt: skip
    with log.open("w") as out:
        return subprocess.Popen(command, cwd=PROJECT, env=env, stdout=out, stderr=out)


def wait_until_healthy(
    base_url: str, server: subprocess.Popen, log: Path, *, timeout_s: float = STARTUP_TIMEOUT_S
) -> None:
    """Block until ``base_url``'s health check answers 200.

    Raises
    ------
    RuntimeError
        When the server exits or does not answer within ``timeout_s``; the message
        carries the end of its log.
    """
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if server.poll() is not None:
            tail = log.read_text(errors="replace")[-2000:]
            msg = f"streamlit exited {server.returncode}:\n{tail}"
            raise RuntimeError(msg)
        try:
            with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    msg = f"streamlit gave no answer within {timeout_s:g} s:\n{log.read_text()[-2000:]}"
    raise RuntimeError(msg)


def stop(server: subprocess.Popen, *, timeout_s: float = 10) -> None:
    """Terminate the server, killing it if it does not stop within ``timeout_s``."""
    server.terminate()
    try:
        server.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        server.kill()
