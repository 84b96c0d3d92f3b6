"""The dashboard starts with no arguments and no network, in a real browser."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect


def test_dashboard_opens_on_the_bundled_report_without_an_exception(
    page: Page, dashboard_url: str
) -> None:
    page.goto(dashboard_url, wait_until="domcontentloaded")
    expect(page.get_by_role("heading", name="Reported Routes")).to_be_visible(timeout=60_000)
    # Wait for this page's first run to finish (app.py draws this marker last; its number is
    # the server's, so it depends on what ran before), then make sure Streamlit drew no
    # exception box.
    finished = page.locator(".rr-run-finished")
    expect(finished).to_have_attribute("data-run", re.compile(r"^[1-9]\d*$"), timeout=60_000)
    assert page.get_by_test_id("stException").count() == 0
    assert page.dialogs == []  # type: ignore[attr-defined]
