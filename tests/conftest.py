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
