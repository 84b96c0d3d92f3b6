"""Sound keys: how a name sounds, so a Korean transcription finds the Latin name it renders.

Korean writes foreign names by their sound (외래어 표기법): Irpin is 이르핀, Bucha 부차, Lviv
르비우, Ji'an 지안. GeoNames gives Hangul names to few towns, but every town its Latin name,
so the two are compared by a key of their sounds: consonants in classes Korean does not
tell apart in foreign names (b/p/f/v, d/t, g/k/c, l/r), vowels as five, the vowel Korean
adds between consonants (ㅡ, "Lviv" as 르-비-우) left out, a doubled consonant as one.
"""

from __future__ import annotations

import re
import unicodedata

#: The key letter of "ng" closing a syllable, Korean's final ㅇ: apart from "n" (푸틴 is
#: no Fuding; 이르핀 Irpin, not Irving).
_NG = "Q"
#: Latin letter groups read as one sound, longest first, each with its key letters: the
#: spellings of Slavic and Chinese names that Korean renders with one consonant.
_LATIN_GROUPS: tuple[tuple[str, str], ...] = (
    ("shch", "S"),
    ("kh", "H"),
    ("zh", "J"),
    ("ch", "J"),
    ("sh", "S"),
    ("ts", "J"),
    ("tz", "J"),
    ("ph", "P"),
    ("th", "T"),
)
#: Single Latin letters and their key letters (a name with any other letter has no key).
_LATIN_LETTERS: dict[str, str] = {
    **dict.fromkeys("bpfv", "P"),
    **dict.fromkeys("dt", "T"),
    **dict.fromkeys("gkc", "K"),
    "q": _NG,  # "ng" closing a syllable (the "q" of pinyin is written "ch" before this)
    **dict.fromkeys("jz", "J"),
    "s": "S",
    "x": "S",
    **dict.fromkeys("lr", "R"),
    "m": "M",
    "n": "N",
    "h": "H",
    "a": "A",
    "e": "E",
    "i": "I",
    "y": "I",
    "o": "O",
    "u": "U",
    "w": "U",
}
_VOWELS = frozenset("AEIOU")
#: A "v" ending a name, a "w" before a consonant or at the end, is a vowel to Korean ("Lviv"
#: 르비우, "Kyiv" 키이우; "Khabarovsk" 하바롭스크 keeps its "v" as a consonant).
_LATIN_VOWEL_V = re.compile(r"v$|w(?=[^aeiouy]|$)")
#: A "y" after an "i" and before a consonant or the end is no sound of its own
#: ("Ussuriysk" 우수리스크); before a vowel it is ("Ziyang").
_LATIN_IY = re.compile(r"(?<=i)y(?![aeiou])")
#: Pinyin's "q" is Korean's ㅊ ("Qiqihar" 치치하얼).
_PINYIN_Q = re.compile(r"q(?=[iu])")
#: "ng" closing a syllable is one sound, Korean's final ㅇ.
_LATIN_NG = re.compile(r"ng(?![aeiouy])")

#: Hangul jamo (initial consonants, vowels, final consonants, in Unicode order) as keys.
_INITIALS = (
    "K", "K", "N", "T", "T", "R", "M", "P", "P", "S", "S", "", "J", "J", "J", "K", "T", "P", "H",
)  # fmt: skip
_MEDIALS = (  # ㅓ and ㅕ render an "e" ("Tumen" 투먼)
    "A", "E", "IA", "IE", "E", "E", "IE", "IE", "O", "UA", "UE", "UE", "IO", "U", "UO", "UE",
    "UI", "IU", "", "UI", "I",
)  # fmt: skip
_FINALS = (
    "", "K", "K", "K", "N", "N", "N", "T", "R", "R", "R", "R", "R", "R", "R", "R", "M", "P",
    "P", "S", "S", _NG, "T", "T", "K", "T", "P", "H",
)  # fmt: skip
_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3
#: Fewest key letters a key must have to be worth matching (two sounds match too much).
MIN_KEY_LETTERS = 4


def latin_sound(key: str) -> str:
    """The sound key of a normalised Latin name (:func:`routes.read.gazetteer.normalize`):
    ``"irpin"`` → ``"IRPIN"``, ``"bucha"`` → ``"PUJA"``, ``"lviv"`` → ``"RPIU"``; "" when it
    holds other letters."""
    if not key.isascii():
        return ""
    word = _PINYIN_Q.sub("ch", key.replace(" ", ""))
    word = _LATIN_NG.sub("q", _LATIN_VOWEL_V.sub("u", _LATIN_IY.sub("", word)))
    out: list[str] = []
    i = 0
    while i < len(word):
        for group, sound in _LATIN_GROUPS:
            if word.startswith(group, i):
                out.append(sound)
                i += len(group)
                break
        else:
            sound = _LATIN_LETTERS.get(word[i])
            if sound is None:
                return ""
            out.append(sound)
            i += 1
    return _merged("".join(out))


def hangul_sound(name: str) -> str:
    """The sound key of a name written in Hangul syllables: ``"이르핀"`` → ``"IRPIN"``,
    ``"르비우"`` → ``"RPIU"``; "" when it holds anything else."""
    out: list[str] = []
    for char in unicodedata.normalize("NFC", name):
        code = ord(char)
        if not _HANGUL_FIRST <= code <= _HANGUL_LAST:
            return ""
        index = code - _HANGUL_FIRST
        initial, rest = divmod(index, len(_MEDIALS) * len(_FINALS))
        medial, final = divmod(rest, len(_FINALS))
        out += [_INITIALS[initial], _MEDIALS[medial], _FINALS[final]]
    return _merged("".join(out))


def _merged(sounds: str) -> str:
    """``sounds`` with each run of one consonant as one ("Vinnytsia"'s "nn"); vowels stay
    apart, as Korean writes them (키이우, Kyiv; 지안, Ji'an, not Ziyang)."""
    return _CONSONANT_RUN.sub(r"\1", sounds)


_CONSONANT_RUN = re.compile(r"([^AEIOU])\1+")


def worth_matching(sound: str) -> bool:
    """Whether a sound key is long enough to name one place rather than many, and holds a
    consonant and a vowel."""
    return (
        len(sound) >= MIN_KEY_LETTERS
        and any(c in _VOWELS for c in sound)
        and any(c not in _VOWELS for c in sound)
    )
