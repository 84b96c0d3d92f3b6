"""``tools.requirements_met``: when ./run-tests may skip pip, and when it must not."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

from tools.requirements_met import main, unmet

INSTALLED = f"pytest=={metadata.version('pytest')}"


def _requirements(tmp_path: Path, text: str, name: str = "requirements.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_installed_pins_through_an_include_are_met(tmp_path: Path) -> None:
    _requirements(tmp_path, f"# runtime\n{INSTALLED}  # the runner\n\n", "base.txt")
    dev = _requirements(tmp_path, "-r base.txt\n")
    assert unmet(dev) is None
    assert main([str(dev)]) == 0


def test_another_version_is_not_met_and_is_named(tmp_path: Path) -> None:
    path = _requirements(tmp_path, f"{INSTALLED}\npytest==0.0.1\n")
    reason = unmet(path)
    assert reason is not None and "pytest==0.0.1" in reason and "installed" in reason


def test_a_package_that_is_not_installed_is_not_met(tmp_path: Path) -> None:
    reason = unmet(_requirements(tmp_path, "no-such-package-reported-routes==1.0\n"))
    assert reason is not None and "not installed" in reason


def test_a_line_that_is_not_a_pin_leaves_the_decision_to_pip(tmp_path: Path) -> None:
    for line in ("pytest>=1", "pytest", "--extra-index-url file:///x", "git+https://x/y.git"):
        assert unmet(_requirements(tmp_path, f"{line}\n")) is not None, line


def test_an_unreadable_file_is_not_met(tmp_path: Path, capsys) -> None:
    assert main([str(tmp_path / "missing.txt")]) == 1
    assert "missing.txt" in capsys.readouterr().err


def test_the_projects_own_requirements_are_all_pins(tmp_path: Path) -> None:
    reason = unmet(Path(__file__).resolve().parents[1] / "requirements-dev.txt")
    assert reason is None or "not a name==version pin" not in reason
