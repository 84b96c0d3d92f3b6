"""The Share tab: a download per registered output, the embed code, alt texts and caption."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import streamlit as st

from routes.dashboard.exports import DEFAULT_MAP_URL, share_texts
from routes.dashboard.messages import md_escaped
from routes.model import Journey
from routes.publish.outputs import OUTPUTS


def share_tab(journey: Journey, quick: Mapping[str, bytes], make: Callable[[str], bytes]) -> None:
    """One download button per output of the registry, the files a build writes.

    Parameters
    ----------
    journey
        The journey on the map.
    quick
        The quick outputs' bytes by file name (``Output.quick``), offered as they are.
    make
        Makes any other output's bytes from its file name, when its button is clicked.
    """
    st.session_state.project_file = quick["project.json"].decode("utf-8")
    st.caption("The map and its data to download or publish. The maps, KML and GPX files "
               "are made when you click.")  # fmt: skip
    columns = st.columns(len(OUTPUTS))
    for column, output in zip(columns, OUTPUTS, strict=True):
        data = quick[output.file] if output.quick else (lambda name=output.file: make(name))
        column.download_button(
            output.label, data, file_name=output.file, mime=output.mime, on_click="ignore",
            key=f"download_{output.file}", help=output.description, width="stretch",
        )  # fmt: skip
    _embed_and_captions(journey)


def _embed_and_captions(journey: Journey) -> None:
    """The iframe code for map.html and the maps' alt texts and caption, each copyable."""
    url = st.text_input("Where map.html will be published", key="embed_url",
                        placeholder=DEFAULT_MAP_URL)  # fmt: skip
    try:
        texts = share_texts(journey, url or DEFAULT_MAP_URL)
    except ValueError as error:
        st.error(md_escaped(str(error)))
        return
    st.caption("Embed the map in an article: paste this code into the page.")
    st.code(texts.embed, language="html", wrap_lines=True)
    st.caption("Alt text of map.html (its description for screen readers and link previews)")
    st.code(texts.map_alt, language=None, wrap_lines=True)
    st.caption("Alt text of map.png")
    st.code(texts.png_alt, language=None, wrap_lines=True)
    st.caption("Suggested caption")
    st.code(texts.caption, language=None, wrap_lines=True)
