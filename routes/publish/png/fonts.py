"""Fonts of the static map: DejaVu Sans (matplotlib's own: Latin, Cyrillic, Greek) and, for
Hangul, NanumGothic as shipped by the ``koreanize-matplotlib`` package from PyPI.

NanumGothic is © NHN Corporation under the SIL Open Font License 1.1. The package is only
used for its font files: importing it would change matplotlib's global settings, so its folder
is found without importing it and the files are registered with matplotlib's font manager.
Matplotlib falls back glyph by glyph along :data:`FAMILY`, in PNG, SVG and PDF alike.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from matplotlib import font_manager

#: The font list of every text on the map, first choice first.
FAMILY: tuple[str, ...] = ("DejaVu Sans", "NanumGothic")
#: The distribution that ships NanumGothic, and its font folder inside the package.
_FONT_PACKAGE = "koreanize_matplotlib"
_FONT_FOLDER = "fonts"


@lru_cache(maxsize=1)
def register_fonts() -> tuple[str, ...]:
    """Register the shipped Hangul font files with matplotlib, once; return :data:`FAMILY`.

    Raises
    ------
    RuntimeError
        When the font package is not installed (it is in requirements.txt).
    """
    spec = find_spec(_FONT_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        msg = (
            f"the Hangul font package {_FONT_PACKAGE!r} is not installed: "
            "pip install -r requirements.txt"
        )
        raise RuntimeError(msg)
    folder = Path(next(iter(spec.submodule_search_locations))) / _FONT_FOLDER
    for path in sorted(folder.glob("NanumGothic*.ttf")):
        font_manager.fontManager.addfont(str(path))
    logging.getLogger("fontTools.subset").addFilter(_hinting_tables_dropped)
    return FAMILY


#: OpenType layout tables: glyph substitution and positioning rules for text shaping. A PDF
#: of the map never shapes text (matplotlib places every glyph itself), so its font subsets
#: leave them out; subsetting them was most of the time a PDF took to save.
_LAYOUT_TABLES = ("GPOS", "GSUB", "GDEF", "BASE", "JSTF", "MATH")
#: The tables matplotlib itself leaves out of a subset (matplotlib 3.10's list).
_UNUSED_TABLES = (
    "FFTM", "PfEd", "BDF", "meta", "MERG", "TSIV", "Zapf", "bdat", "bloc", "cidg", "fdsc",
    "feat", "fmtx", "fond", "just", "kerx", "ltag", "morx", "trak", "xref",
)  # fmt: skip


@contextmanager
def lean_pdf_subsets() -> Iterator[None]:
    """Within the block, the PDF backend embeds font subsets without the layout tables.

    The PDF backend subsets each font through ``_backend_pdf_ps.get_glyphs_subset``;
    that (private) hook is swapped for :func:`_subset_without_layout` for the block only,
    and left alone if a matplotlib without it is installed.
    """
    from matplotlib.backends import _backend_pdf_ps

    original = getattr(_backend_pdf_ps, "get_glyphs_subset", None)
    if original is None:
        yield
        return
    _backend_pdf_ps.get_glyphs_subset = _subset_without_layout
    try:
        yield
    finally:
        _backend_pdf_ps.get_glyphs_subset = original


def _subset_without_layout(fontfile: str, characters: str):
    """``fontfile`` cut to the glyphs of ``characters``, as matplotlib's own subsetter
    does, but without :data:`_LAYOUT_TABLES`; a fontTools ``TTFont`` the caller closes."""
    from fontTools import subset

    options = subset.Options(glyph_names=True, recommended_glyphs=True, layout_features=[])
    options.drop_tables += [*_UNUSED_TABLES, *_LAYOUT_TABLES]
    if fontfile.endswith(".ttc"):
        options.font_number = 0
    font = subset.load_font(fontfile, options)
    subsetter = subset.Subsetter(options=options)
    subsetter.populate(text=characters)
    subsetter.subset(font)
    return font


def _hinting_tables_dropped(record: logging.LogRecord) -> bool:
    """False for fontTools' notes that NanumGothic's VTT hinting tables (TSI0-TSI5) are left
    out of a PDF's font subset: expected every time, and no loss in print."""
    return not record.getMessage().startswith("TSI")
