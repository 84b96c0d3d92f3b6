"""Markers that hold for a whole test module or folder, known without importing it.

``pytest -m "not slow and not browser"`` (the fast layer) deselects tests only after
importing their modules, and the modules that are slow as a whole import the heaviest
libraries (matplotlib drawing, Dask, Playwright, Streamlit's AppTest): a few seconds of
every fast run spent on tests that never run. ``tests/conftest.py`` asks
:func:`deselects_all` before collecting a file or folder and leaves it unimported when the
``-m`` expression deselects every test it could hold. The markers come from a module's
``pytestmark = pytest.mark.NAME`` (or a list of them), read from its syntax tree, and from
:data:`FOLDER_MARKERS` for folders whose conftest marks every test.
"""

from __future__ import annotations

import ast
import functools
import itertools
import re
from collections.abc import Callable
from pathlib import Path

from _pytest.mark.expression import Expression

#: Folders whose conftest adds these markers to every test in them.
FOLDER_MARKERS: dict[str, tuple[str, ...]] = {"browser": ("browser",)}
#: More names than this in one ``-m`` expression: collect normally (2**n evaluations).
_MAX_NAMES = 8
_KEYWORDS = frozenset({"and", "or", "not"})


def module_markers(path: Path) -> frozenset[str]:
    """The marker names of ``path``'s module-level ``pytestmark``, without importing it."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    except (OSError, SyntaxError, ValueError):
        return frozenset()  # let pytest import it and report the problem itself
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "pytestmark" for target in node.targets
        ):
            value = node.value
            values = value.elts if isinstance(value, ast.List | ast.Tuple) else [value]
            return frozenset(_marker_name(value) for value in values) - {""}
    return frozenset()


def _marker_name(node: ast.expr) -> str:
    """``NAME`` of ``pytest.mark.NAME`` (called or not); empty for anything else."""
    if isinstance(node, ast.Call):
        node = node.func
    if (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Attribute)
        and node.value.attr == "mark"
    ):
        return node.attr
    return ""


def path_markers(path: Path) -> frozenset[str]:
    """Markers every test under ``path`` carries: its folder's and, for a module, its own."""
    folders = frozenset(name for part in path.parts for name in FOLDER_MARKERS.get(part, ()))
    if path.suffix == ".py" and path.name.startswith("test_"):
        return folders | module_markers(path)
    return folders if path.name in FOLDER_MARKERS else frozenset()


@functools.cache
def _names(markexpr: str) -> tuple[str, ...]:
    """The marker names an ``-m`` expression mentions."""
    return tuple(dict.fromkeys(w for w in re.findall(r"[\w.-]+", markexpr) if w not in _KEYWORDS))


def _has(present: frozenset[str]) -> Callable[..., bool]:
    """A marker matcher for a test carrying exactly ``present``."""
    return lambda name, /, **_kwargs: name in present


def deselects_all(markexpr: str, markers: frozenset[str]) -> bool:
    """True when no test carrying ``markers`` (and any others) can match ``markexpr``.

    Every combination of the other names the expression mentions is tried, so a test with
    an extra marker the module does not declare is never wrongly left out.
    """
    if not markexpr or not markers:
        return False
    others = [name for name in _names(markexpr) if name not in markers]
    if len(others) > _MAX_NAMES:
        return False
    try:
        expression = Expression.compile(markexpr)
    except SyntaxError:
        return False  # pytest reports the bad expression itself
    for count in range(len(others) + 1):
        for extra in itertools.combinations(others, count):
            if expression.evaluate(_has(markers | set(extra))):
                return False
    return True
