"""Where the test run saves the README's images: the ignored tests/artifacts/ unless asked.

``REFRESH_DOCS=1`` (what ``./run-tests --refresh-docs`` sets) saves them over the tracked
``docs/`` images instead; an ordinary run never rewrites a tracked file.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from tests.conftest import ARTIFACTS, PROJECT

#: The tracked folder of the README's images.
DOCS = PROJECT / "docs"
#: The environment variable that asks the test run to refresh the README's images.
REFRESH_DOCS = "REFRESH_DOCS"


def readme_image(name: str, environ: Mapping[str, str] = os.environ) -> Path:
    """The path to save the README image ``name`` to (its folder is created).

    Parameters
    ----------
    name
        The image's file name in ``docs/``, e.g. ``"dashboard.png"``.
    environ
        The environment to read ``REFRESH_DOCS`` from.

    Returns
    -------
    Path
        ``docs/<name>`` when ``REFRESH_DOCS`` is ``1``, else ``tests/artifacts/docs/<name>``.
    """
    folder = DOCS if environ.get(REFRESH_DOCS) == "1" else ARTIFACTS / "docs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name
