"""Docs-time: redraw the README's images of the exports from the bundled report.

``python -m tools.docs_images`` runs ``python -m routes build`` on the first bundled report twice
(the default tall size and ``--size 16:9``) and copies each ``map.png`` into ``docs/``, then
opens the tall build's ``map.html`` offline (every non-file request aborted, so the offline
outline basemap shows) in Debian's Chromium through Playwright at 1440×900 and 390×844
and saves both screenshots. The dashboard's images come from the browser tests
(``./run-tests --refresh-docs``). Nothing here reaches the network.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Route, sync_playwright

from routes.paths import PROJECT_DIR
from routes.read.reports import bundled_report_paths

DOCS = PROJECT_DIR / "docs"
#: The first bundled sample report (``geodata/reports/``): what the README shows.
REPORT = bundled_report_paths()[0]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
#: docs/ file name -> the ``--size`` of the build whose map.png it is.
PNGS = {"map.png": "tall", "map-16x9.png": "16:9"}
#: docs/ file name -> the browser viewport (width, height) map.html is shot at.
SCREENS = {"map-html-desktop.png": (1440, 900), "map-html-phone.png": (390, 844)}


def build(out: Path, size: str) -> Path:
    """``python -m routes build`` of the bundled report into ``out`` at ``size``."""
    command = [sys.executable, "-m", "routes", "build", str(REPORT), "--out", str(out)]
    subprocess.run([*command, "--size", size], check=True, cwd=PROJECT_DIR)
    return out


def _offline(route: Route) -> None:
    """Let file: requests through, abort everything else (map tiles)."""
    if route.request.url.startswith("file://"):
        route.continue_()
    else:
        route.abort()


def screenshots(page_file: Path) -> None:
    """Save ``page_file`` (a map.html) as each of :data:`SCREENS` in ``docs/``."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            for name, (width, height) in SCREENS.items():
                page = browser.new_page(viewport={"width": width, "height": height})
                page.route("**/*", _offline)
                page.goto(page_file.as_uri())
                page.wait_for_selector(".rr-stop-icon", state="visible")
                page.wait_for_load_state("networkidle")
                page.screenshot(path=str(DOCS / name))
                page.close()
        finally:
            browser.close()


def main() -> int:
    """Redraw every image this module owns; print each path written."""
    with tempfile.TemporaryDirectory(prefix="routes-docs-") as tmp:
        for name, size in PNGS.items():
            out = build(Path(tmp) / size.replace(":", "x"), size)
            shutil.copyfile(out / "map.png", DOCS / name)
            print(DOCS / name)
        screenshots(Path(tmp) / "tall" / "map.html")
    for name in SCREENS:
        print(DOCS / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
