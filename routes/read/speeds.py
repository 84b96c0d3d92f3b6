"""The train's timing as the reports tell it: a speed they state, or the kind of train.

Reports often say how fast the train goes ("the armoured train travels at about 50 km/h",
"시속 50km 안팎으로", "со скоростью 45–60 км/ч") or what kind of train it is ("his armoured
train"). :func:`reported_speed` reads both, with the words of ``[speeds]`` in
``routes/read/lang/<code>.toml``; the speed of each kind of train is ``geodata/trains.toml``
and the general default, when the reports say neither, ``routes.model.DEFAULT_SPEED_KMH``.
"""

from __future__ import annotations

import re
import statistics
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from routes.model import DEFAULT_SPEED_KMH, Report
from routes.paths import GEODATA_DIR
from routes.read.lexicon import language_file, literal_phrase
from routes.read.native import report_language
from routes.read.reports import sentence_spans

#: The kinds of train and their speeds.
TRAINS_PATH = GEODATA_DIR / "trains.toml"
#: What a speed rests on, as the map's credit and the dashboard say it.
STATED = "stated in the reports"
CAPPED = "the top speed stated in the reports"
DEFAULT = "a long-distance train's average"
#: Speeds outside this range (km/h) are no train's average, whatever the words say.
PLAUSIBLE_KMH = (5.0, 400.0)
_NUMBER = r"\d{1,3}(?:[.,]\d+)?"


@dataclass(frozen=True)
class ReportedSpeed:
    """The speed to time the journey at, and what it rests on (shown beside estimates)."""

    kmh: float
    basis: str  # STATED, CAPPED, the label of a kind of train, or DEFAULT


@dataclass(frozen=True)
class _SpeedWords:
    """The compiled ``[speeds]`` of one language."""

    phrases: tuple[tuple[re.Pattern[str], float], ...]
    about: tuple[str, ...]
    not_about: tuple[str, ...]
    upper: re.Pattern[str]
    trains: tuple[tuple[str, str], ...]  # (lower-case phrase, preset key), longest first


@cache
def presets(path: Path = TRAINS_PATH) -> dict[str, tuple[str, float]]:
    """The kinds of train of ``geodata/trains.toml``: key → (label, km/h), read once.

    Raises
    ------
    ValueError
        When a preset has no positive ``speed_kmh`` (the message names the file and preset).
    """
    with path.open("rb") as handle:
        table = tomllib.load(handle).get("presets", {})
    found = {}
    for key, preset in table.items():
        kmh = preset.get("speed_kmh") if isinstance(preset, dict) else None
        if not isinstance(kmh, int | float) or isinstance(kmh, bool) or kmh <= 0:
            msg = f"{path.name}: [presets.{key}] needs a speed_kmh above 0"
            raise ValueError(msg)
        found[str(key)] = (str(preset.get("label", key)), float(kmh))
    return found


def reported_speed(reports: Sequence[Report]) -> ReportedSpeed:
    """The speed the reports give the train, else that of the train they describe.

    A speed stated for the train (in a sentence about it, not about a plane or a car) is
    taken as its average; several are taken by their median, a range by its middle. A
    top speed ("up to 60 km/h") only caps what is used. Without a stated average, the
    first kind of train a report describes ("armoured train") gives its preset's speed;
    without either, the general default.
    """
    averages: list[float] = []
    caps: list[float] = []
    preset = ""
    for report in reports:
        words = _speed_words(report_language(report))
        if words is None:
            continue
        for sentence in _sentences(report):
            for kmh, is_cap in _stated(words, sentence):
                (caps if is_cap else averages).append(kmh)
        preset = preset or _described(words, report.text)
    return _chosen(averages, caps, preset)


def _chosen(averages: list[float], caps: list[float], preset: str) -> ReportedSpeed:
    """What :func:`reported_speed` settles on from what the reports said."""
    if averages:
        speed = ReportedSpeed(statistics.median(averages), STATED)
    elif preset in presets():
        label, kmh = presets()[preset]
        speed = ReportedSpeed(kmh, label)
    else:
        speed = ReportedSpeed(DEFAULT_SPEED_KMH, DEFAULT)
    if caps and min(caps) < speed.kmh:
        return ReportedSpeed(min(caps), CAPPED)
    return speed


def _sentences(report: Report) -> list[str]:
    """The report's sentences in lower case."""
    text = report.text
    return [text[start:end].lower() for start, end in sentence_spans(text)]


def _stated(words: _SpeedWords, sentence: str) -> list[tuple[float, bool]]:
    """Each speed the sentence states for a train, in km/h, and whether it is a top speed."""
    if not any(w in sentence for w in words.about) or any(w in sentence for w in words.not_about):
        return []
    found = []
    for pattern, factor in words.phrases:
        for m in pattern.finditer(sentence):
            values = [float(v.replace(",", ".")) for v in (m.group("a"), m.group("b")) if v]
            kmh = statistics.fmean(values) * factor
            if PLAUSIBLE_KMH[0] <= kmh <= PLAUSIBLE_KMH[1]:
                is_cap = words.upper.search(sentence[max(0, m.start() - 40) : m.start()])
                found.append((kmh, is_cap is not None))
    return found


def _described(words: _SpeedWords, text: str) -> str:
    """The preset key of the first kind of train ``text`` describes, or ""."""
    lowered = text.lower()
    hits = [(lowered.find(phrase), key) for phrase, key in words.trains if phrase in lowered]
    return min(hits)[1] if hits else ""


@cache
def _speed_words(language: str) -> _SpeedWords | None:
    """The ``[speeds]`` words of ``language``, compiled; None when its file has none."""
    try:
        table = language_file(language).get("speeds")
    except FileNotFoundError:
        return None
    if not isinstance(table, dict):
        return None
    between = "|".join(re.escape(w) for w in table.get("range", ()))
    number = (
        rf"(?P<a>{_NUMBER})(?:\s*(?:{between})\s*(?P<b>{_NUMBER}))?"
        if between
        else (rf"(?P<a>{_NUMBER})(?P<b>)")
    )
    phrases = tuple(
        (re.compile(_phrase(str(phrase).lower(), number)), float(factor))
        for phrase, factor in table.get("phrases", {}).items()
    )
    upper = "|".join(re.escape(w) for w in table.get("upper", ())) or "(?!)"
    trains = {str(k).lower(): str(v) for k, v in table.get("trains", {}).items()}
    return _SpeedWords(
        phrases=phrases,
        about=tuple(w.lower() for w in table.get("about", ())),
        not_about=tuple(w.lower() for w in table.get("not_about", ())),
        upper=re.compile(rf"(?:{upper})[^.\d]*$"),
        trains=tuple(sorted(trains.items(), key=lambda kv: -len(kv[0]))),
    )


def _phrase(phrase: str, number: str) -> str:
    """The regex of one speed phrase: ``{n}`` a number or a range, blanks any blank space
    (or none, around the number: "50km/h", "시속50㎞"); a particle may follow ("50㎞로")."""
    before, _, after = phrase.partition("{n}")
    parts = [literal_phrase(before.strip()), number, literal_phrase(after.strip())]
    return r"(?<![\w.,])" + r"\s*".join(p for p in parts if p) + r"(?![a-z])"
