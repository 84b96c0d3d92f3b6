"""Tell whether every pinned requirement is already installed, so ``./run-tests`` can skip pip.

``pip install -r requirements-dev.txt`` takes about 5 s even when nothing needs installing
(it resolves every pin against the configured indexes). ``./run-tests`` asks this script
first and runs pip only when something is missing or at another version. Standard library
only: it runs before anything is installed.

Usage: ``python -m tools.requirements_met requirements-dev.txt`` exits 0 when every
``name==version`` line (following ``-r`` includes) is installed at exactly that version,
1 otherwise, naming the first requirement that is not met. Any line it does not understand
(an unpinned name, a URL, an option other than ``-r``) counts as not met, so pip decides.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

#: A pinned requirement: ``name==version``, optionally followed by a comment.
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([A-Za-z0-9.+!_-]+)$")
#: An include of another requirements file.
_INCLUDE = re.compile(r"^-r\s+(\S+)$")


def requirement_lines(path: Path) -> Iterator[str]:
    """Yield the meaningful lines of a requirements file, following ``-r`` includes.

    Comments and blank lines are left out; an include is replaced by the lines of the
    file it names (relative to the including file).
    """
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        include = _INCLUDE.match(line)
        if include:
            yield from requirement_lines(path.parent / include.group(1))
        else:
            yield line


def unmet(path: Path) -> str | None:
    """Return the first requirement of ``path`` that is not installed as pinned, or None."""
    for line in requirement_lines(path):
        pin = _PIN.match(line)
        if pin is None:
            return f"{line} (not a name==version pin)"
        name, wanted = pin.groups()
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            return f"{line} (not installed)"
        if installed != wanted:
            return f"{line} ({installed} installed)"
    return None


def main(argv: list[str]) -> int:
    """Exit 0 when every file's pins are met, 1 (with the reason on stderr) otherwise."""
    for name in argv or ["requirements-dev.txt"]:
        try:
            reason = unmet(Path(name))
        except OSError as error:
            reason = f"cannot read {name}: {error.strerror}"
        if reason is not None:
            print(f"requirements_met: {reason}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
