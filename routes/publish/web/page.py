"""The map page around the map: document language and meta tags, the title above the map,
and the script that makes the page work on every screen (key button, bottom-sheet popups,
Escape, story mode: ``assets/page.js``).
"""

from __future__ import annotations

import re
from typing import Any

from branca.element import Element, Figure, MacroElement
from folium.template import Template

from routes.model import Journey
from routes.paths import WEB_ASSETS_DIR
from routes.publish.web.inline import read_asset
from routes.publish.web.popups import title_html
from routes.publish.web.share import alt_text
from routes.publish.web.text import clip_text, escape, js_literal

#: Below this width, or this height, the title sits above the map, the key is a button, the
#: minimap is hidden and popups open as a bottom sheet (phones and embedded frames).
NARROW_QUERY = "(max-width: 700px), (max-height: 500px)"
#: The zoom a story step shows a stop at (at least; a closer view is kept).
STORY_ZOOM = 8
PAGE_JS = WEB_ASSETS_DIR / "page.js"
#: Zoom allowed: folium's viewport tag forbids it (``user-scalable=no``), an accessibility fault.
VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1.0" />'
_VIEWPORT_TAG = re.compile(r'<meta name="viewport"[^>]*>')


class Page(Figure):
    """folium's page (branca ``Figure``) in English, with a viewport that lets people zoom."""

    _template = Template(
        "<!DOCTYPE html>\n"
        '<html lang="en">\n'
        "<head>\n"
        "    {{this.header.render(**kwargs)}}\n"
        "</head>\n"
        "<body>\n"
        "    {{this.html.render(**kwargs)}}\n"
        "</body>\n"
        "<script>\n"
        "    {{this.script.render(**kwargs)}}\n"
        "</script>\n"
        "</html>\n"
    )

    def render(self, **kwargs: Any) -> str:
        """The page, folium's fixed viewport tag replaced by :data:`VIEWPORT`."""
        return _VIEWPORT_TAG.sub(VIEWPORT, super().render(**kwargs), count=1)


def add_page_parts(root: Figure, journey: Journey) -> None:
    """Title, description and social tags in the head; the title block above the map."""
    title = escape(clip_text(journey.title or "Reported route", 140))
    description = escape(alt_text(journey))
    tags = [
        f"<title>{title}</title>",
        f'<meta name="description" content="{description}" />',
        '<meta property="og:type" content="website" />',
        f'<meta property="og:title" content="{title}" />',
        f'<meta property="og:description" content="{description}" />',
        '<meta name="twitter:card" content="summary" />',
        f'<meta name="twitter:title" content="{title}" />',
        f'<meta name="twitter:description" content="{description}" />',
    ]
    root.header.add_child(Verbatim("\n".join(tags)), name="rr_meta")
    header = (
        f'<header class="rr-title" id="rr-title">{title_html(journey)}'
        f'<p class="rr-alt" id="rr-alt">{description}</p></header>'
    )
    root.html.add_child(Verbatim(header), name="rr_title")


class Verbatim(Element):
    """Trusted, already escaped HTML written as is (never compiled as a template)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self, **kwargs: Any) -> str:
        """The text itself."""
        return self.text


class PageScript(MacroElement):
    """``assets/page.js`` run against the map once every layer and control exists."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            {{ this.code() }}
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "PageScript"

    def code(self) -> str:
        """The page script and its call with the map's variable."""
        options = js_literal({"narrow": NARROW_QUERY, "storyZoom": STORY_ZOOM})
        map_name = self._parent.get_name()
        return (
            f"{read_asset(PAGE_JS)}\n"
            f'{map_name}.getContainer().setAttribute("aria-describedby", "rr-alt");\n'
            f"rrPage({map_name}, {options});"
        )
