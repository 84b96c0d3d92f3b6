"""Real-browser fixtures: Debian's Chromium driven by Playwright, and a live dashboard.

Under ``CI=true`` a Chromium that cannot start fails the run; these tests never skip.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from tests.browser.streamlit_server import free_port, start_streamlit, stop, wait_until_healthy

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]
STARTUP_TIMEOUT_S = 60


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test in this folder as a browser test."""
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    """Headless Debian Chromium; a launch failure is a test failure, never a skip."""
    if not Path(CHROMIUM).exists():
        msg = f"Chromium not found at {CHROMIUM}: install Debian's chromium (./run-tests does)"
        pytest.fail(msg)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh browser profile per test (no cookies, storage or cache carried over)."""
    ctx = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    """A page whose dialogs are recorded in ``page.dialogs`` and dismissed."""
    new_page = context.new_page()
    new_page.dialogs = []  # type: ignore[attr-defined]

    def _record(dialog) -> None:
        new_page.dialogs.append(dialog.message)  # type: ignore[attr-defined]
        dialog.dismiss()

    new_page.on("dialog", _record)
    return new_page


@pytest.fixture(scope="session")
def dashboard_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``streamlit run app.py`` on a free localhost port, stopped after the session."""
    port = free_port()
    log = tmp_path_factory.mktemp("streamlit") / "server.log"
    process = start_streamlit(port, log)
    url = f"http://127.0.0.1:{port}"
    try:
        try:
            wait_until_healthy(url, process, log, timeout_s=STARTUP_TIMEOUT_S)
        except RuntimeError as error:
            pytest.fail(str(error))
        yield url
    finally:
        stop(process)
