"""Peak memory of this process, as the batch workers report it and the benchmarks measure it.

Stdlib only, so a benchmark's child process can import it without changing what it measures.
"""

from __future__ import annotations

import resource


def peak_rss_kib() -> int:
    """This process's peak resident memory in KiB: Linux's VmHWM, which starts afresh when a
    program is exec'd (``ru_maxrss`` keeps the high-water mark of the process it replaced, so
    a child started by a large parent would report the parent's peak); ``ru_maxrss`` where
    /proc is missing."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return maxrss_kib()


def maxrss_kib() -> int:
    """``getrusage``'s ``ru_maxrss`` of this process (KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
