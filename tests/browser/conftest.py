"""Real-browser fixtures: Debian's Chromium driven by Playwright, and a live dashboard.

Under ``CI=true`` a Chromium that cannot start fails the run; these tests never skip.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from tests.browser.streamlit_server import free_port, start_streamlit, stop, wait_until_healthy
from tests.marks import FOLDER_MARKERS

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
#: The one-off builds of a new install (GeoNames index, world rail graph) may take minutes on
#: a loaded machine; they are made before the server starts (see ``_build_caches``).
CACHE_BUILD_TIMEOUT_S = 900
#: How much of the server log a failed test shows.
LOG_TAIL_CHARS = 4000
#: What the page says about itself when a test fails: run markers, status widget, errors.
PAGE_STATE_JS = """() => ({
  runs: Array.from(document.querySelectorAll(".rr-run-finished"), (m) => m.dataset.run),
  status: (document.querySelector('[data-testid="stStatusWidget"]') || {}).innerText || null,
  exceptions: Array.from(document.querySelectorAll('[data-testid="stException"]'),
                         (e) => e.innerText.slice(0, 1500)),
  alerts: Array.from(document.querySelectorAll('[data-testid="stAlert"]'),
                     (e) => e.innerText.slice(0, 300)),
  connection: (document.querySelector('[data-testid="stConnectionStatus"]') || {}).innerText
    || null,
})"""


@dataclass(frozen=True)
class Dashboard:
    """A running dashboard: its address and the file its server logs to."""

    url: str
    log: Path


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test in this folder with its folder markers (browser)."""
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            for name in FOLDER_MARKERS["browser"]:
                item.add_marker(getattr(pytest.mark, name))


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
def dashboard(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dashboard]:
    """``streamlit run app.py`` on a free localhost port, stopped after the session."""
    _build_caches()
    port = free_port()
    log = tmp_path_factory.mktemp("streamlit") / "server.log"
    process = start_streamlit(port, log)
    url = f"http://127.0.0.1:{port}"
    try:
        try:
            wait_until_healthy(url, process, log, timeout_s=STARTUP_TIMEOUT_S)
        except RuntimeError as error:
            pytest.fail(str(error))
        yield Dashboard(url=url, log=log)
    finally:
        stop(process)


def _build_caches() -> None:
    """Build the once-per-install caches the way a user's first command does.

    ``python -m routes route`` opens the GeoNames index and the world rail graph, building
    each into the user cache when missing (seconds when both exist). Without it the first
    test to open the dashboard on a new machine would also time that one-off build, not the
    page; the dashboard's own first-run message is tested without a browser.
    """
    done = subprocess.run(
        [sys.executable, "-m", "routes", "route", "Pyongyang", "Vladivostok"],
        capture_output=True,
        text=True,
        timeout=CACHE_BUILD_TIMEOUT_S,
        check=False,
    )
    if done.returncode != 0:
        pytest.fail(f"building the place index and rail network failed:\n{done.stderr[-2000:]}")


@pytest.fixture(scope="session")
def dashboard_url(dashboard: Dashboard) -> str:
    """The address of the running dashboard."""
    return dashboard.url


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator[None]:
    """A failed browser test reports what the page showed and the end of the server log."""
    report = yield
    if report.when == "call" and report.failed:
        funcargs = getattr(item, "funcargs", {})
        page = funcargs.get("page")
        if page is not None:
            report.sections.append(("page state at failure", _page_state(page)))
        server = funcargs.get("dashboard")
        if server is not None:
            tail = server.log.read_text(errors="replace")[-LOG_TAIL_CHARS:]
            report.sections.append(("dashboard server log (end)", tail))
    return report


def _page_state(page: Page) -> str:
    """The page's run markers, status, exceptions and alerts, or why they could not be read."""
    try:
        return repr(page.evaluate(PAGE_STATE_JS))
    except Exception as error:  # a closed or crashed page: say so, keep the real failure
        return f"could not read the page: {error}"
