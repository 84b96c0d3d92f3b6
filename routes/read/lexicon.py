"""The reader's word lists per language, read from ``routes/read/lang/<language>.toml``.

Lists are data (like spaCy's patterns): a new title, outlet or demonym is a line in the
language's TOML file, never a change to a regex. :func:`load_lexicon` validates a file and
returns a frozen :class:`Lexicon`; a file with a missing or mistyped list fails at once
with a message naming the file and the key.
"""

from __future__ import annotations

import itertools
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from routes.model import STOP_ROLES, Role

#: Where the per-language files live.
LANG_DIR = Path(__file__).resolve().parent / "lang"


@dataclass(frozen=True)
class Lexicon:
    """The word lists of one language, lower case.

    Attributes
    ----------
    not_places
        Names never taken as places (outlets, weekdays, institutions, time zones).
    person_heads, titles
        First words of people's names, and titles before them.
    demonyms
        Nationality word → ISO country code ("" for none).
    common
        Ordinary words that are also small towns somewhere.
    tails, geo, connectors
        Words that end, join or sit inside place names.
    """

    not_places: tuple[str, ...]
    person_heads: frozenset[str]
    titles: frozenset[str]
    demonyms: dict[str, str]
    common: frozenset[str]
    tails: frozenset[str]
    geo: frozenset[str]
    connectors: frozenset[str]
    cues: tuple[Cue, ...] = ()
    vessels: tuple[str, ...] = ()
    #: Words right before a name (maybe quoted) that make it a thing's name ("nicknamed").
    named_things: tuple[str, ...] = ()
    vessels_after: tuple[str, ...] = ()
    landmarks: tuple[str, ...] = ()
    after_cues: tuple[Cue, ...] = ()
    frames: dict[str, tuple[str, ...]] = field(default_factory=dict)
    statuses: tuple[Cue, ...] = ()
    borders: tuple[re.Pattern[str], ...] = ()
    descriptions: tuple[Cue, ...] = ()  # their role is the gazetteer id of the place
    actor_before: Cue | None = None
    actor_after: Cue | None = None
    actor_speaker: Cue | None = None  # "a diplomat in": the speaker is there, not the place
    border_words: dict[str, str] = field(default_factory=dict)
    border_anchors: tuple[str, ...] = ()  # every [borders] pattern holds one of them
    border_town_words: tuple[str, ...] = ()  # beside a name: the reading on a border wins
    #: Geographic words that open a feature's name ("Lake Onega", "Mount Kumgang").
    feature_heads: frozenset[str] = frozenset()
    #: Geographic words that close a feature's name ("Rogers Pass", "the Fraser Canyon").
    feature_tails: frozenset[str] = frozenset()
    #: Those of them that are verbs too ("trains from X pass through"): see en.toml.
    feature_tails_verbs: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Cue:
    """Cue phrases of one journey role, compiled into one pattern with its gate words.

    Attributes
    ----------
    role
        The role the cue gives (``origin``, ``via``, ``border``, ``destination``).
    pattern
        For a cue before the place: the phrases, optional words and a gap of words, anchored
        at the end of the text before the place. For a cue after it: the phrases anchored at
        its start.
    gates
        Lower-case words of which every match holds one: text without any is not searched.
        Derived from the phrases, so a new phrase can never silently not fire.
    """

    role: str
    pattern: re.Pattern[str]
    gates: tuple[str, ...]
    first: bool = False  # an "after" cue that counts before the "before" cues
    #: The gates as whole words (the first letters of each) and as stems ("cancel*"), for
    #: a quicker test against the words of a clause (:meth:`may_match`).
    whole: frozenset[str] = frozenset()
    stems: tuple[str, ...] = ()

    def may_match(self, words: set[str]) -> bool:
        """Whether a text of these words (lower case, letters only) may hold a phrase."""
        if not self.whole.isdisjoint(words):
            return True
        if not self.stems:
            return False
        # map and any loop in C: this runs for every status of every clause read
        return any(map(str.startswith, words, itertools.repeat(self.stems)))


#: A word of a cue's gap: what may stand between a cue and the place ("the port city of"),
#: a clock time among them ("began at 8:01 a.m. in X").
GAP_WORD = r"(?:[\w'’.:-]+\s+)"
#: What "…" stands for inside a phrase: up to four words.
_ELLIPSIS = r"(?:[\w'’-]+\s+){0,4}"
#: A comma inside a number ("4,000 km"): no clause break.
NUMBER_COMMA = r"(?<=\d),(?=\d)"
#: What "~" stands for inside a phrase: up to 60 characters of the same clause.
_SPAN = rf"(?:[^.;,]|{NUMBER_COMMA}){{0,60}}?"


def literal_phrase(phrase: str) -> str:
    """The regex of ``phrase`` taken literally, each run of blanks matching any blank space
    (no stems, gaps or alternatives: see :func:`compile_phrase` for those)."""
    return r"\s+".join(re.escape(word) for word in phrase.split())


def by_first_letter(alternatives: Sequence[str]) -> str:
    """``(?:a|b|…)`` for regex ``alternatives`` that each open with a plain letter, written
    grouped by that letter (``(?:M(?:onday|arch|ay)|…)``).

    The same matches in a pattern matched case-sensitively: two groups never match at one
    place and each group keeps its order.
    The regex engine, though, tries only the group of the letter it meets, not every
    alternative (several times quicker when the pattern scans a whole text).
    """
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        first, rest = alternative[:1], alternative[1:]
        if not first.isalpha() or rest[:1] in ("*", "+", "?", "{"):
            msg = f"{alternative!r} does not open with a plain letter"
            raise ValueError(msg)
        groups.setdefault(first, []).append(rest)
    grouped = (f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())
    return "(?:" + "|".join(grouped) + ")"


def alternation(phrases: Sequence[str]) -> str:
    """Cue ``phrases`` as one regex alternation (:func:`compile_phrase` each), grouped by
    first letter where they allow it: ``t(?:rain\\b|rains\\b)|m(?:otorcade\\b)``; "" for none.

    The same matches as ``"|".join(compile_phrase(p) for p in phrases)``, with or without
    ``re.IGNORECASE``: a phrase opening with ``a|b`` is one alternative per word (``a …|b
    …``, tried in the same order); two groups never match at one place (their letters differ
    in any case) and each keeps its order. The regex engine, though, tries only the group of
    the letter it meets, not every phrase (the patterns are searched at every place of a
    clause). Phrases opening with a gap or holding a slot are joined as they are.
    """
    plain = "|".join(compile_phrase(p) for p in phrases)
    alternatives = _first_word_alternatives(phrases)
    if alternatives is None:
        return plain
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        groups.setdefault(alternative[0].lower(), []).append(alternative)
    if _letters_clash(tuple(groups)):
        return plain
    return "|".join(_letter_group(members) for members in groups.values())


def _first_word_alternatives(phrases: Sequence[str]) -> list[str] | None:
    """One compiled alternative per first word of each phrase, in order, each opening with
    that word's first character as written; None when a phrase opens otherwise (a gap, a
    slot, a character the regex escapes)."""
    alternatives = []
    for phrase in phrases:
        tokens = phrase.split()
        if not tokens or "{" in phrase or tokens[0] in _GAPS:
            return None
        for word in tokens[0].split("|"):
            if not word or word[0].isspace() or re.escape(word[0]) != word[0]:
                return None  # no first character written as itself
            alternatives.append(compile_phrase(" ".join([word, *tokens[1:]])))
    return alternatives


def _letters_clash(letters: Sequence[str]) -> bool:
    """Whether two of ``letters`` match each other without regard to case (as "i" and the
    dotless "ı" do in Python's regex): their groups could then match at one place."""
    return any(
        re.fullmatch(re.escape(a), b, re.IGNORECASE) is not None
        for a, b in itertools.permutations(letters, 2)
    )


def _letter_group(members: Sequence[str]) -> str:
    """Alternatives opening with one letter as one group, the letter written once when they
    all write it alike (``t(?:rain\\b|rains\\b)``)."""
    first = members[0][0]
    if len(members) == 1:
        return members[0]
    if all(m[0] == first for m in members):
        return first + "(?:" + "|".join(m[1:] for m in members) + ")"
    return "(?:" + "|".join(members) + ")"


def compile_phrase(phrase: str) -> str:
    """The regex of one cue phrase.

    Words are separated by blank space; ``a|b`` is either word; a word ending in ``*`` is a
    stem ("arriv*" is arrive, arrived, arrival …); ``…`` stands for up to four words and
    ``~`` for up to 60 characters of the same clause.
    """
    parts: list[tuple[str, str]] = []
    for token in phrase.split():
        if token in _GAPS:
            parts.append((token, _GAPS[token]))
        else:
            words = [_word(w) for w in token.split("|")]
            parts.append(("word", words[0] if len(words) == 1 else f"(?:{'|'.join(words)})"))
    out = parts[0][1]
    for (before, _), (kind, regex) in itertools.pairwise(parts):
        out += _SEPARATOR[before, kind] + regex
    return out


#: What joins two parts of a phrase, by the kinds of the two.
_SEPARATOR = {
    ("word", "word"): r"\s+",
    ("word", "…"): r"\s+",
    ("word", "~"): r"\b",
    ("…", "word"): "",
    ("~", "word"): r"\b",
    ("…", "~"): "",
    ("~", "…"): "",
    ("…", "…"): "",
    ("~", "~"): "",
}
_GAPS = {"…": _ELLIPSIS, "~": _SPAN}


#: What ``{a}`` or ``{b}`` stands for in a phrase: a capitalised name of one or two words.
_SLOT = r"(?-i:(?:[Tt]he\s+)?[A-Z][\w.]*(?:[ ][A-Z][\w.]*)?)"


def _word(word: str) -> str:
    """One word of a phrase: literal, a stem when it ends in ``*``, or holding slots.

    A slot ``{a}`` becomes the named group ``a``, a capitalised name; a hyphen beside
    slots matches any dash ("the {a}-{b} border": "the Polish-Ukrainian border").
    """
    if "{" in word:
        parts = re.split(r"\{(\w+)\}", word)
        out = ""
        for i, part in enumerate(parts):
            if i % 2:
                out += f"(?P<{part}>{_SLOT})"
            else:
                out += "".join(
                    "[-‐–]" if c == "-" else "['’]" if c in "'’" else re.escape(c) for c in part
                )
        return out
    if word.endswith("*"):
        return re.escape(word[:-1]) + r"\w*"
    return re.escape(word) + (r"\b" if word[-1:].isalnum() else "")


def _gates(phrases: list[str]) -> tuple[str, ...]:
    """The first words of ``phrases`` in lower case (stems without their ``*``)."""
    gates: list[str] = []
    for phrase in phrases:
        first = next(t for t in phrase.split() if t not in ("…", "~"))
        gates += [w.rstrip("*").lower() for w in first.split("|")]
    return tuple(dict.fromkeys(gates))


_LETTERS = re.compile(r"[^\W\d_]+")


def gate_words(phrases: list[str]) -> tuple[frozenset[str], tuple[str, ...]]:
    """The first words of ``phrases`` as whole words and stems (see :class:`Cue`).

    Every match of the phrases' pattern starts with one of them: a text whose words
    (lower case, letters only) hold none, and no word starting with a stem, need not be
    searched.
    """
    whole: set[str] = set()
    stems: set[str] = set()
    for phrase in phrases:
        first = next(t for t in phrase.split() if t not in ("…", "~"))
        for word in first.lower().split("|"):
            letters = _LETTERS.findall(word.replace("{a}", "").replace("{b}", ""))
            if not letters:
                continue
            if word.endswith("*") or letters[0] != word.strip("-‐'’"):
                stems.add(letters[0]) if word.endswith("*") else whole.add(letters[0])
            else:
                whole.add(letters[0])
    return frozenset(whole), tuple(sorted(stems))


def _before_cue(table: dict[str, Any], path: Path) -> Cue:
    """A cue table with ``before`` phrases: phrases, optional words, then a gap, then the place."""
    role, phrases = _role(table, path), list(_strings(table, "before", path))
    optional = "".join(f"(?:{compile_phrase(p)}\\s+)?" for p in table.get("then", ["the"]))
    gap = int(table.get("gap", 0))
    alternatives = alternation(phrases)
    word = _gap_word(table.get("gap_not", ()))
    regex = rf"\b{_not_after(table)}(?:{alternatives})\s+{optional}{word}{{0,{gap}}}$"
    return Cue(role, re.compile(regex, re.IGNORECASE), _gates(phrases))


def _gap_word(not_words: Sequence[str]) -> str:
    """:data:`GAP_WORD`, or a gap word that is none of ``not_words`` (a cue table's
    ``gap_not``: "left X for Y and Z" must not make Z where the train left from)."""
    if not not_words:
        return GAP_WORD
    words = "|".join(re.escape(w) for w in not_words)
    return rf"(?:(?!(?:{words})\s)[\w'’.:-]+\s+)"


def _not_after(table: dict[str, Any]) -> str:
    """Look-behinds for a cue table's ``not_after`` words: the phrases do not count right
    after one of them ("the visit came as X": a noun, not the verb of "will visit X")."""
    return "".join(rf"(?<!\b{re.escape(word)}\s)" for word in table.get("not_after", ()))


def _after_cue(table: dict[str, Any], path: Path) -> Cue:
    """A cue table with ``after`` phrases, matched from the end of the place on."""
    role, phrases = _role(table, path), list(_strings(table, "after", path))
    alternatives = alternation(phrases)
    regex = rf"^[\s,]*(?:{alternatives})"
    first = table.get("when", "last") == "first"
    return Cue(role, re.compile(regex, re.IGNORECASE), _gates(phrases), first)


def _status(table: dict[str, Any], path: Path) -> Cue:
    """A ``[[statuses]]`` table: the phrases anywhere in a clause that give it a status.

    Its ``role`` is the status; gates are lower case unless the table keeps ``exact_case``.
    """
    status, phrases = table.get("status"), list(table.get("phrases", []))
    if not isinstance(status, str) or not phrases or not all(isinstance(p, str) for p in phrases):
        msg = f"{path.name}: a [[statuses]] table needs a status and a list of phrases"
        raise ValueError(msg)
    exact = bool(table.get("exact_case", False))
    regex = r"(?<![\w'’])(?:" + alternation(phrases) + ")"
    pattern = re.compile(regex, 0 if exact else re.IGNORECASE)
    gates = _gates(phrases) if exact else _gates([p.lower() for p in phrases])
    whole, stems = gate_words(phrases)
    return Cue(status, pattern, gates, whole=whole, stems=stems)


def _borders(table: dict[str, Any], path: Path) -> tuple[re.Pattern[str], ...]:
    """The ``[borders]`` patterns, each barred before its ``locatives`` and ``heads``."""
    if not table:
        return ()
    heads = "|".join(re.escape(w) for w in _strings(table, "heads", path))
    barred = "".join(rf"(?<!\b{re.escape(w)} )" for w in _strings(table, "locatives", path))
    patterns = []
    for phrase in _strings_raw(table, "patterns", path):
        regex = compile_phrase(phrase)
        # the look-behind that fails inside a word first: the locatives' are rarely tried
        regex = rf"(?<![\w'’-]){barred}(?:{regex})(?!\s+(?:{heads})\b)"
        patterns.append(re.compile(regex, re.IGNORECASE))
    return tuple(patterns)


def _border_anchors(table: dict[str, Any], path: Path) -> tuple[str, ...]:
    """The ``[borders]`` anchors; a pattern holding none of them is an error, not a silent miss."""
    if not table:
        return ()
    anchors = tuple(w.lower() for w in _strings(table, "anchors", path))
    for phrase in _strings_raw(table, "patterns", path):
        words = {w for token in phrase.lower().split() for w in token.split("|")}
        if not words & set(anchors):
            msg = f"{path.name}: border pattern {phrase!r} holds none of the anchors {anchors}"
            raise ValueError(msg)
    return anchors


def _strings_raw(table: dict[str, Any], key: str, path: Path) -> tuple[str, ...]:
    """The list of strings ``key`` of a table, as written (slots keep their case)."""
    items = table.get(key)
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        msg = f"{path.name}: {key} must be a list of strings"
        raise ValueError(msg)
    return tuple(items)


#: Another name and "and" between an actor frame and its place ("between Beijing and").
_AND_NAME = r"(?-i:(?:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+(?:and|or)\s+)?)"


def _actor(table: dict[str, Any], where: str, path: Path) -> Cue | None:
    """The ``[actors]`` frames before or after a capital, compiled into one cue."""
    if where not in table:
        return None
    phrases = list(_strings(table, where, path))
    alternatives = alternation(phrases)
    if where in ("before", "speaker"):
        regex = rf"\b(?:{alternatives})\s+(?:the\s+)?{_AND_NAME}$"
    else:
        regex = rf"^\s*(?:{alternatives})"
    return Cue(Role.ACTOR, re.compile(regex, re.IGNORECASE), _gates(phrases))


def _description(table: dict[str, Any], path: Path) -> Cue:
    """A ``[[descriptions]]`` table: phrases naming one place (its id kept as the role)."""
    place, phrases = table.get("place"), list(_strings(table, "phrases", path))
    if not isinstance(place, str) or not place:
        msg = f"{path.name}: a [[descriptions]] table needs the id of its place"
        raise ValueError(msg)
    regex = r"(?<![\w'’-])(?:" + alternation(phrases) + r")(?![\w-])"
    return Cue(place, re.compile(regex, re.IGNORECASE), _gates(phrases))


def _role(table: dict[str, Any], path: Path) -> str:
    """The role a cue table gives."""
    role = table.get("role")
    if role not in STOP_ROLES:
        msg = f"{path.name}: a [[cues]] table has no journey role (got {role!r})"
        raise ValueError(msg)
    return role


@cache
def language_file(language: str) -> dict[str, Any]:
    """The parsed ``lang/<language>.toml``, read once per process and shared by every
    reader of the language's words (treat it as read-only).

    Raises
    ------
    FileNotFoundError
        When the language has no file.
    """
    with (LANG_DIR / f"{language}.toml").open("rb") as handle:
        return tomllib.load(handle)


def language_table(language: str, key: str) -> dict[str, Any]:
    """The table ``[key]`` of ``lang/<language>.toml``.

    Raises
    ------
    ValueError
        When the file has no such table (the message names the file and the table).
    """
    table = language_file(language).get(key)
    if not isinstance(table, dict):
        msg = f"{language}.toml: the table [{key}] is missing"
        raise ValueError(msg)
    return table


@cache
def lexicon_for(language: str) -> Lexicon:
    """The lexicon a report in ``language`` is read with: its own file, else English.

    This is where a language plugs in: a ``lang/<code>.toml`` file with the tables of
    ``en.toml`` makes every pass read that language's words.
    """
    if (LANG_DIR / f"{language}.toml").is_file():
        return load_lexicon(language)
    return load_lexicon("en")


@cache
def load_lexicon(language: str) -> Lexicon:
    """The lexicon of ``language`` (``"en"``), read once per process.

    Raises
    ------
    FileNotFoundError
        When the language has no file.
    ValueError
        When a list is missing or holds something other than strings.
    """
    path = LANG_DIR / f"{language}.toml"
    data = language_file(language)
    names, words = _table(data, "names", path), _table(data, "words", path)
    return Lexicon(
        not_places=_strings(names, "not_places", path),
        person_heads=frozenset(_strings(names, "person_heads", path)),
        titles=frozenset(_strings(names, "titles", path)),
        demonyms={str(k): str(v) for k, v in _table(data, "demonyms", path).items()},
        common=frozenset(_strings(words, "common", path)),
        tails=frozenset(_strings(words, "tails", path)),
        geo=frozenset(_strings(words, "geo", path)),
        feature_heads=frozenset(words.get("feature_heads", ())),
        feature_tails=frozenset(w.lower() for w in words.get("feature_tails", ())),
        feature_tails_verbs=frozenset(w.lower() for w in words.get("feature_tails_verbs", ())),
        connectors=frozenset(_strings(words, "connectors", path)),
        vessels=tuple(w.lower() for w in names.get("vessels", [])),
        named_things=tuple(w.lower() for w in names.get("named_things", [])),
        vessels_after=tuple(w.lower() for w in names.get("vessels_after", [])),
        landmarks=tuple(w.lower() for w in names.get("landmarks", [])),
        cues=tuple(_before_cue(t, path) for t in data.get("cues", []) if "before" in t),
        after_cues=tuple(_after_cue(t, path) for t in data.get("cues", []) if "after" in t),
        statuses=tuple(_status(t, path) for t in data.get("statuses", [])),
        actor_before=_actor(data.get("actors", {}), "before", path),
        actor_after=_actor(data.get("actors", {}), "after", path),
        actor_speaker=_actor(data.get("actors", {}), "speaker", path),
        descriptions=tuple(_description(t, path) for t in data.get("descriptions", [])),
        borders=_borders(data.get("borders", {}), path),
        border_anchors=_border_anchors(data.get("borders", {}), path),
        border_town_words=tuple(
            w.lower() for w in _strings(data.get("borders", {}), "town_words", path)
        ),
        border_words={
            **{str(k): str(v) for k, v in _table(data, "demonyms", path).items() if v},
            **{str(k): str(v) for k, v in data.get("borders", {}).get("adjectives", {}).items()},
        },
        frames={str(k): _strings(data["frames"], k, path) for k in data.get("frames", {})},
    )


def _table(data: dict[str, Any], key: str, path: Path) -> dict[str, Any]:
    """The table ``[key]`` of a lexicon file."""
    table = data.get(key)
    if not isinstance(table, dict):
        msg = f"{path.name}: the table [{key}] is missing"
        raise ValueError(msg)
    return table


def _strings(table: dict[str, Any], key: str, path: Path) -> tuple[str, ...]:
    """The list of strings ``key`` of a table, lower case."""
    items = table.get(key)
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        msg = f"{path.name}: {key} must be a list of strings"
        raise ValueError(msg)
    return tuple(item.lower() for item in items)
