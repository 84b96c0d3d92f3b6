"""Shared fixtures: paths to the bundled data, a private cache for every test run."""

from __future__ import annotations

from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
BUNDLED_REPORT = PROJECT / "geodata" / "reports" / "2023-09-11-kim-train-to-russia.md"
ARTIFACTS = PROJECT / "tests" / "artifacts"


@pytest.fixture(scope="session")
def project_dir() -> Path:
    """The project's root folder."""
    return PROJECT


@pytest.fixture(scope="session")
def bundled_report() -> Path:
    """The sample report shipped as the default input."""
    return BUNDLED_REPORT


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """Where tests leave screenshots and files for a person to look at (git-ignored)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def gazetteer():
    """The gazetteer the app uses: curated places plus the GeoNames fallback."""
    from routes.read.gazetteer import load_gazetteer

    return load_gazetteer()


@pytest.fixture(scope="session")
def bundled_reports(bundled_report: Path):
    """The bundled report, loaded as the CLI loads it."""
    from routes.read.reports import load_paths

    loaded = load_paths([bundled_report])
    assert loaded.problems == ()
    return loaded.reports


@pytest.fixture(scope="session")
def built_journey(bundled_reports):
    """The bundled report through the whole pipeline with default settings."""
    from routes.pipeline import build

    return build(bundled_reports)


@pytest.fixture(scope="session")
def journey():
    """The hand-built journey of the bundled report plus a hostile one (tests/journey_fixture)."""
    from tests.journey_fixture import fixture_journey

    return fixture_journey()


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """Leave a module or folder unimported when ``-m`` deselects every test it holds.

    The fast layer (``-m "not slow and not browser"``) then skips importing the modules
    that are slow as a whole and the browser folder; see ``tests/marks.py``.
    """
    from tests.marks import deselects_all, path_markers

    markexpr = config.getoption("markexpr", default="") or ""
    if markexpr and deselects_all(markexpr, path_markers(collection_path)):
        return True
    return None
