"""The CI script and the test runner, driven with a stand-in Python that records its calls."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest

from tests.browser.docs_images import ARTIFACTS, DOCS, readme_image
from tests.conftest import PROJECT

pytestmark = pytest.mark.slow  # subprocesses, worker pools, whole builds

#: A stand-in ``python``: logs each call, makes a venv on ``-m venv``, fails pytest on demand.
FAKE_PYTHON = """#!/usr/bin/env bash
echo "python $* REFRESH_DOCS=${REFRESH_DOCS:-}" >> "$CALLS"
if [ "$1" = "-m" ] && [ "$2" = "venv" ]; then
  mkdir -p "$3/bin"
  cp "$0" "$3/bin/python"
  echo "export PATH=\\"$3/bin:\\$PATH\\"" > "$3/bin/activate"
fi
if [ "$1" = "-m" ] && [ "$2" = "pytest" ]; then exit "$PYTEST_EXIT"; fi
if [ "$1" = "-m" ] && [ "$2" = "ruff" ]; then exit "$RUFF_EXIT"; fi
if [ "$1" = "-m" ] && [ "$2" = "tools.requirements_met" ]; then exit "${REQS_UNMET:-0}"; fi
exit 0
"""


def _stand_ins(tmp_path: Path) -> dict[str, str]:
    """A PATH whose python3.11 (and chromium) are stand-ins; the environment to run with."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, text in (("python3.11", FAKE_PYTHON), ("chromium", "#!/bin/sh\n")):
        (bin_dir / name).write_text(text)
        (bin_dir / name).chmod(stat.S_IRWXU)
    (tmp_path / "tmp").mkdir()
    return {
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "TMPDIR": str(tmp_path / "tmp"),
        "CALLS": str(tmp_path / "calls.log"),
    }


def _ci(tmp_path: Path, pytest_exit: int, ruff_exit: int) -> tuple[int, str, list[str]]:
    """Run .ci/run with the stand-ins: exit code, stderr and the Python calls made."""
    env = {**_stand_ins(tmp_path), "PYTEST_EXIT": str(pytest_exit), "RUFF_EXIT": str(ruff_exit)}
    done = subprocess.run(
        [str(PROJECT / ".ci" / "run")], env=env, capture_output=True, text=True, timeout=60
    )
    return done.returncode, done.stderr, (tmp_path / "calls.log").read_text().splitlines()


@pytest.mark.parametrize(("pytest_exit", "ruff_exit"), [(1, 0), (0, 1), (1, 1)])
def test_ci_runs_ruff_even_when_the_tests_fail_and_fails_if_either_fails(
    tmp_path: Path, pytest_exit: int, ruff_exit: int
) -> None:
    code, stderr, calls = _ci(tmp_path, pytest_exit, ruff_exit)
    assert code != 0
    assert any(" -m pytest" in call for call in calls)
    assert any(call.startswith("python -m ruff check .") for call in calls)
    assert "ci: FAILED" in stderr


def test_ci_passes_and_removes_its_venv(tmp_path: Path) -> None:
    code, stderr, calls = _ci(tmp_path, 0, 0)
    assert code == 0, stderr
    assert any("-r requirements-dev.txt" in call for call in calls)  # the project's own file
    assert list((tmp_path / "tmp").iterdir()) == []  # the temporary venv is gone


def test_ci_fails_when_pytest_collects_no_tests(tmp_path: Path) -> None:
    code, stderr, _calls = _ci(tmp_path, 5, 0)
    assert code != 0
    assert "collected no tests" in stderr


def _run_tests(tmp_path: Path, *args: str, unmet: bool = False) -> list[str]:
    """Run ./run-tests with a stand-in venv python; the Python calls it made."""
    env = _stand_ins(tmp_path)
    venv = tmp_path / "venv" / "bin"
    venv.mkdir(parents=True)
    (venv / "python").write_text(FAKE_PYTHON)
    (venv / "python").chmod(stat.S_IRWXU)
    env = {**env, "PATH": f"{venv}:{env['PATH']}", "PYTEST_EXIT": "0", "RUFF_EXIT": "0"}
    env["REQS_UNMET"] = "1" if unmet else "0"
    command = [str(PROJECT / "run-tests"), *args]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return (tmp_path / "calls.log").read_text().splitlines()


def test_run_tests_refresh_docs_sets_the_switch_and_passes_other_arguments(
    tmp_path: Path,
) -> None:
    calls = _run_tests(tmp_path, "--refresh-docs", "-k", "dashboard")
    assert "python -m pytest -k dashboard REFRESH_DOCS=1" in calls


@pytest.mark.parametrize("unmet", [True, False])
def test_run_tests_runs_pip_only_when_a_pinned_requirement_is_not_met(
    tmp_path: Path, unmet: bool
) -> None:
    calls = _run_tests(tmp_path, "-q", unmet=unmet)
    pip = [call for call in calls if " -m pip install " in call]
    assert bool(pip) is unmet
    assert calls[-1].startswith("python -m pytest -q")


def test_readme_images_go_to_the_ignored_artifacts_unless_refreshing() -> None:
    assert readme_image("dashboard.png", {}) == ARTIFACTS / "docs" / "dashboard.png"
    assert readme_image("dashboard.png", {"REFRESH_DOCS": "0"}).parent == ARTIFACTS / "docs"
    assert readme_image("dashboard.png", {"REFRESH_DOCS": "1"}) == DOCS / "dashboard.png"
    ignored = subprocess.run(
        ["git", "check-ignore", "-q", str(ARTIFACTS / "docs" / "dashboard.png")],
        cwd=PROJECT, env={**os.environ}, check=False,
    )  # fmt: skip
    assert ignored.returncode == 0, "tests/artifacts/ must be git-ignored"
