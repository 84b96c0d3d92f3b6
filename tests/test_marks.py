"""The fast layer leaves whole-slow modules and the browser folder unimported, never more."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.conftest import PROJECT, pytest_ignore_collect
from tests.marks import deselects_all, module_markers, path_markers

FAST = "not slow and not browser"


def _module(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "test_sample.py"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("import pytest\npytestmark = pytest.mark.slow\n", {"slow"}),
        (
            "import pytest\npytestmark = [pytest.mark.slow, pytest.mark.filterwarnings('x')]\n",
            {"slow", "filterwarnings"},
        ),
        ("import pytest\n\n@pytest.mark.slow\ndef test_a():\n    pass\n", set()),
        ("def broken(:\n", set()),
    ],
)
def test_module_markers_are_read_from_the_syntax_tree(
    tmp_path: Path, text: str, expected: set[str]
) -> None:
    assert module_markers(_module(tmp_path, text)) == expected


def test_the_fast_layer_deselects_whole_slow_and_browser_paths_only() -> None:
    assert deselects_all(FAST, frozenset({"slow"}))
    assert deselects_all(FAST, frozenset({"browser"}))
    assert not deselects_all(FAST, frozenset())
    assert not deselects_all("slow", frozenset({"slow"}))
    assert not deselects_all("", frozenset({"slow"}))


def test_a_test_with_an_extra_marker_the_module_does_not_declare_is_never_left_out() -> None:
    # a test in a slow module that is also marked "network" matches "not slow or network"
    assert not deselects_all("not slow or network", frozenset({"slow"}))
    assert not deselects_all("not (slow and not network)", frozenset({"slow"}))


def test_a_bad_expression_is_left_for_pytest_to_report() -> None:
    assert not deselects_all("slow and (", frozenset({"slow"}))


def test_the_browser_folder_and_a_slow_module_are_not_imported_by_the_fast_layer() -> None:
    config = SimpleNamespace(getoption=lambda name, default=None: FAST)
    assert path_markers(PROJECT / "tests" / "browser") == {"browser"}
    assert pytest_ignore_collect(PROJECT / "tests" / "browser", config) is True
    assert pytest_ignore_collect(PROJECT / "tests" / "test_static.py", config) is True
    assert pytest_ignore_collect(Path(__file__), config) is None
    whole = SimpleNamespace(getoption=lambda name, default=None: "")
    assert pytest_ignore_collect(PROJECT / "tests" / "browser", whole) is None
