"""Messages, failures shown in place, and the marker that says a run has finished drawing."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from routes.dashboard.messages import md_escaped

#: Where drawing failures go (the server log), besides the message on the page.
LOG = logging.getLogger("reported_routes.app")


@contextmanager
def guard(what: str) -> Iterator[None]:
    """Show an error in place of ``what`` if drawing it fails; the rest of the page stays."""
    try:
        yield
    except Exception as error:  # one broken part must not take the page down
        LOG.exception("could not show %s", what)
        st.error(f"Could not show {what}: {md_escaped(str(error) or type(error).__name__)}")


def show_messages() -> None:
    """Problems from the last action stay until the next one; a notice shows once, as a toast."""
    state = st.session_state
    for problem in state.problems:
        st.error(md_escaped(problem), icon="⚠️")
    for notice in state.notices:
        st.toast(md_escaped(notice), icon="✅")
    state.notices = []


@st.cache_resource(show_spinner=False)
def _run_counter() -> Iterator[int]:
    """One counter of finished runs for the whole server, so it only ever grows."""
    return itertools.count(1)


def mark_finished() -> None:
    """A hidden marker numbering finished runs, drawn last.

    It changes only once a run has drawn the whole page (or the map's fragment, when only
    that reran), so a test (or any tool driving the page) waits for a number above the one
    it saw before acting, never for a time.  The number is the server's, not the
    session's: a browser that reconnects into a new session still sees it grow.
    """
    run = next(_run_counter())
    st.html(f'<div class="rr-run-finished" data-run="{run}" hidden></div>')
