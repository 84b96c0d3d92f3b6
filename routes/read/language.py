"""Which language a report is written in: the report's own field when given, else detected.

Detection uses lingua (``lingua-language-detector``) restricted to the languages the reader
has word lists for (:data:`READ_LANGUAGES`), so a report is always read as one of them. The
detector is built on first use and shared; it looks at most :data:`DETECT_CHARS` characters.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lingua import LanguageDetector

#: Languages the reader reads (ISO 639-1), each with a word list in ``routes/read/lang/``.
READ_LANGUAGES: tuple[str, ...] = ("en", "ko", "ru")
#: How the dashboard names each language read.
LANGUAGE_NAMES: dict[str, str] = {"en": "English", "ko": "Korean", "ru": "Russian"}
#: The language assumed when nothing can be told (empty text, digits only).
DEFAULT_LANGUAGE = "en"
#: A letter of a script other than Latin among those we read (Hangul, Cyrillic).
_NON_LATIN = re.compile(r"[\u0400-\u04ff\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
#: Characters of a text the detector looks at: a wire report's opening tells its language.
DETECT_CHARS = 2000


def detect_language(text: str) -> str:
    """The language of ``text`` among :data:`READ_LANGUAGES`.

    Parameters
    ----------
    text
        Report text (untrusted; only its first :data:`DETECT_CHARS` characters are read).

    Returns
    -------
    str
        ``"en"``, ``"ko"`` or ``"ru"``; :data:`DEFAULT_LANGUAGE` (without asking the
        detector) when the text has no Hangul or Cyrillic letter.
    """
    sample = text[:DETECT_CHARS]
    if not _NON_LATIN.search(sample):
        return DEFAULT_LANGUAGE  # English is the one language read in Latin script
    found = _detector().detect_language_of(sample)
    if found is None:
        return DEFAULT_LANGUAGE
    return found.iso_code_639_1.name.lower()


def resolve_language(declared: str | None, text: str) -> str:
    """The language a report is read in: ``declared`` when it is one we read, else detected.

    Parameters
    ----------
    declared
        The report's own ``language`` field ("ko", "RU", "ko-KR" …), or None/"" when absent.
    text
        The report body, detected when ``declared`` is absent or not a language we read.
    """
    code = (declared or "").strip().lower().replace("_", "-").split("-")[0]
    if code in READ_LANGUAGES:
        return code
    return detect_language(text)


@functools.cache
def _detector() -> LanguageDetector:
    """The lingua detector for :data:`READ_LANGUAGES`, built once per process."""
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, code.upper()) for code in READ_LANGUAGES]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()


def language_names(codes: list[str] | tuple[str, ...]) -> str:
    """The languages of some reports, named once each in order ("Korean, English")."""
    seen = dict.fromkeys(LANGUAGE_NAMES.get(code, code) for code in codes if code)
    return ", ".join(seen)
