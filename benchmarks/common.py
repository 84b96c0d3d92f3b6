"""What every benchmark shares: figures with targets, timing, subprocesses and profiles."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent
BUNDLED_REPORT = PROJECT / "geodata" / "reports" / "2023-09-11-kim-train-to-russia.md"
#: Lines of a pyinstrument call tree kept in results.md for a missed target.
PROFILE_LINES = 30
#: Functions listed in each hot-spot table of a profile summary.
PROFILE_TOP = 8


@dataclass(frozen=True)
class Figure:
    """One measured number, its unit and, when the issue sets one, its target.

    ``better`` says which way is good: ``"lower"`` (times, sizes, memory) or
    ``"higher"`` (throughput, ratios, precision).
    """

    metric: str
    value: float | None
    unit: str = ""
    target: float | None = None
    better: str = "lower"
    note: str = ""

    @property
    def status(self) -> str:
        """``pass``, ``miss``, ``error`` (no value) or ``info`` (no target)."""
        if self.value is None:
            return "error"
        if self.target is None:
            return "info"
        ok = self.value <= self.target if self.better == "lower" else self.value >= self.target
        return "pass" if ok else "miss"

    @property
    def margin(self) -> str:
        """How far a missed figure is from its target, e.g. ``+120 ms (+40%)``; else ``""``."""
        if self.status != "miss" or self.target is None or self.value is None:
            return ""
        gap = self.value - self.target
        pct = f" ({gap / self.target:+.0%})" if self.target else ""
        return f"{format_value(gap, self.unit, signed=True)}{pct}"


@dataclass
class Outcome:
    """What one benchmark found: its figures, notes for the reader and profiles of misses."""

    name: str
    title: str
    figures: list[Figure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    profiles: dict[str, str] = field(default_factory=dict)
    error: str = ""
    seconds: float = 0.0
    #: 1-minute load average of the machine before and after the benchmark ran.
    load: tuple[float, float] = (0.0, 0.0)
    #: When (UTC, ISO minutes) and with which command it last ran; quick mode or full.
    ran_at: str = ""
    command: str = ""
    quick: bool = False

    def add(self, *figures: Figure) -> None:
        """Append ``figures`` to this outcome."""
        self.figures.extend(figures)

    @property
    def misses(self) -> list[Figure]:
        """Figures that missed their target."""
        return [f for f in self.figures if f.status == "miss"]


@dataclass(frozen=True)
class Options:
    """Run-wide options from the command line."""

    quick: bool = False
    workdir: Path = Path("/tmp")
    profile: bool = True


def format_value(value: float | None, unit: str, *, signed: bool = False) -> str:
    """``value`` with its unit, at a precision that suits its size."""
    if value is None:
        return "—"
    sign = "+" if signed else ""
    size = abs(value)
    if unit in ("", "ratio"):
        return f"{value:{sign}.3f}"
    if unit == "s" and size < 100:
        text = f"{value:{sign}.2f}"
    elif size >= 100 or (float(value).is_integer() and unit in ("reports", "mentions", "places")):
        text = f"{value:{sign},.0f}"
    elif size >= 1:
        text = f"{value:{sign},.1f}"
    else:
        text = f"{value:{sign},.3f}"
    return f"{text} {unit}"


def median_time(run: Callable[[], Any], repeats: int) -> tuple[float, list[float]]:
    """Call ``run`` ``repeats`` times; the median and every wall time, in seconds."""
    times = []
    for _ in range(max(1, repeats)):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times), times


#: For child Pythons: ``peak_kib()``, the process's own peak RSS (VmHWM) in KiB, and
#: ``maxrss_kib()``. ``ru_maxrss`` is not used alone: on Linux a child spawned by a big parent
#: reports at least the parent's RSS at fork time, while VmHWM belongs to the new process
#: only (``routes.memory``, stdlib only: importing it does not move what the child measures).
PEAK_SNIPPET = """
from routes.memory import maxrss_kib, peak_rss_kib as peak_kib
"""


def python_env() -> dict[str, str]:
    """The environment for child Pythons: the project importable, no stray bytecode writes."""
    env = {**os.environ, "PYTHONPATH": str(PROJECT), "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("PYTHONSTARTUP", None)
    return env


def run_python(
    code: str,
    *,
    env: dict[str, str] | None = None,
    timeout: float = 600,
    cwd: Path = PROJECT,
    python: str = sys.executable,
) -> dict[str, Any]:
    """Run ``code`` in a fresh interpreter (``python``, by default this one); return the
    JSON object it prints last.

    The child must print one JSON object on its last stdout line. A child that
    fails raises ``RuntimeError`` with its stderr, so the reader sees why.
    """
    done = subprocess.run(
        [python, "-c", code],
        cwd=cwd,
        env=env or python_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        msg = f"child python exited {done.returncode}: {done.stderr.strip()[-1500:]}"
        raise RuntimeError(msg)
    return json.loads(lines[-1])


def profile_call(run: Callable[[], Any], *, lines: int = PROFILE_LINES) -> str:
    """Hot spots and the call tree (first ``lines``) of one call of ``run``, by pyinstrument."""
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.0005)
    profiler.start()
    try:
        run()
    finally:
        profiler.stop()
    session = profiler.last_session
    text = profiler.output_text(unicode=False, color=False, show_all=False)
    return hot_spots(session) + "\n\n" + trim_profile(text, lines)


def profile_subprocess(
    args: Sequence[str],
    *,
    workdir: Path,
    env: dict[str, str] | None = None,
    lines: int = PROFILE_LINES,
) -> str:
    """Hot spots and the call tree of ``python ARGS`` in a fresh interpreter, by pyinstrument."""
    from pyinstrument.renderers import ConsoleRenderer
    from pyinstrument.session import Session

    out = workdir / f"profile-{time.monotonic_ns()}.pyisession"
    command = [sys.executable, "-m", "pyinstrument", "-r", "pyisession", "-o", str(out), *args]
    done = subprocess.run(
        command,
        cwd=PROJECT,
        env=env or python_env(),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if not out.exists():
        return f"(profile failed: exit {done.returncode}: {done.stderr.strip()[-500:]})"
    session = Session.load(str(out))
    text = ConsoleRenderer(unicode=False, color=False, show_all=False).render(session)
    return hot_spots(session) + "\n\n" + trim_profile(text, lines)


def hot_spots(session: Any, *, top: int = PROFILE_TOP) -> str:
    """A summary of a pyinstrument session: where the time went, in a few lines.

    Lists the project's own functions (``routes/``, ``app.py``) by time spent in them
    and everything they call, then any functions by time spent in their own code.
    """
    root = session.root_frame()
    if root is None or not root.time:
        return "(empty profile)"
    total = root.time
    inclusive: Counter[str] = Counter()
    exclusive: Counter[str] = Counter()
    stack = [(root, frozenset())]
    while stack:
        frame, above = stack.pop()
        key = f"{frame.function} ({frame.file_path_short}:{frame.line_no})"
        real = [c for c in frame.children if not c.function.startswith("[")]
        exclusive[key] += frame.time - sum(child.time for child in real)
        path = (frame.file_path or "").replace("\\", "/")
        if key not in above and ("/routes/" in path or path.endswith("/app.py")):
            inclusive[key] += frame.time
        stack.extend((child, above | {key}) for child in real)
    # Entry points that hold (nearly) all the time say nothing about where it went.
    spots = [(k, t) for k, t in inclusive.most_common() if t < 0.97 * total][:top]
    lines = [f"Hot spots of {total:.2f} s sampled:", "  project functions, inclusive time:"]
    lines += [f"    {t:6.2f} s {t / total:4.0%}  {k}" for k, t in spots]
    lines.append("  any function, own time:")
    lines += [f"    {t:6.2f} s {t / total:4.0%}  {k}" for k, t in exclusive.most_common(top)]
    return "\n".join(lines)


def trim_profile(text: str, lines: int) -> str:
    """The header and the heaviest ``lines`` lines of a pyinstrument text report."""
    kept = [line.rstrip() for line in text.splitlines() if line.strip()]
    kept = [line for line in kept if not set(line.strip()) <= {"_", "-", "=", "."}]
    if len(kept) > lines:
        kept = [*kept[:lines], f"... ({len(kept) - lines} more lines)"]
    return "\n".join(kept)


def mb(n_bytes: float) -> float:
    """Bytes as megabytes (10^6 bytes), the unit of text throughput."""
    return n_bytes / 1_000_000


def kb(n_bytes: float) -> float:
    """Bytes as kilobytes (10^3 bytes, written kB), the unit of file sizes."""
    return n_bytes / 1_000


def mib_from_kib(kib: float) -> float:
    """Kibibytes (as ``ru_maxrss`` and ``/proc/*/status`` give them) as MiB."""
    return kib / 1024
