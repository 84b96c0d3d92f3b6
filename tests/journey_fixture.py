"""A hand-built Journey of the bundled report (and a hostile one) for map and export tests."""

# Stops, legs and places are written out by hand (coordinates from geodata/places.json and the
# Korean east-coast and Khasan-Baranovsky lines) so drawing stages can be tested without the
# gazetteer, geoparser or rail network.  Mention offsets are found in the real report text, so
# report.text[m.start:m.end] is always exact.  XSS_REPORT carries <script> and <img onerror>.

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from pyproj import Geod

from routes.model import (
    Corrections,
    Journey,
    Leg,
    LocatedPlace,
    Mention,
    Place,
    Report,
    Route,
    Settings,
    Stop,
)
from routes.pipeline import build
from routes.read.gazetteer import load_gazetteer
from routes.read.reports import load_paths, sentence_spans

BUNDLED_REPORT = (
    Path(__file__).resolve().parent.parent
    / "geodata"
    / "reports"
    / "2023-09-11-kim-train-to-russia.md"
)
#: The sentence in which Japanese media place Kim's entry into Russia at Khasan.
KHASAN_SENTENCE_START = "Japanese media reported security was being stepped up"
#: Untrusted markup carried by the hostile report.
XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"
XSS_REPORT = Report(
    id="xss-report",
    title=f"{XSS_SCRIPT} Train seen {XSS_IMG}",
    source=XSS_IMG,
    text=f"Witnesses said {XSS_SCRIPT} the train reached Vladivostok {XSS_IMG} at dawn.",
    url="javascript:alert(1)",
    filename="xss.txt",
)
_GEOD = Geod(ellps="WGS84")
_SPEED_KMH = 50.0
_DEPART = datetime(2023, 9, 10, 22, 0)
_BORDER_DWELL = timedelta(hours=4)

PYONGYANG = Place(
    "pyongyang", "Pyongyang", "city", 39.00472, 125.73639, "KP", 3_222_000, source="fixture"
)
KHASAN = Place(
    "khasan", "Khasan", "border-crossing", 42.42806, 130.64528, "RU", 492, source="fixture"
)
VLADIVOSTOK = Place(
    "vladivostok", "Vladivostok", "city", 43.11139, 131.88222, "RU", 604_901, source="fixture"
)
NORTH_KOREA = Place("north-korea", "North Korea", "country", 40.0, 127.0, "KP", source="fixture")
MOSCOW = Place("moscow", "Moscow", "city", 55.75204, 37.61781, "RU", 10_381_222, source="fixture")
#: A coarse outline of the Primorye and Khabarovsk coast, enough to shade "Russia's far east".
RUSSIAN_FAR_EAST = Place(
    "russian-far-east",
    "Russian Far East",
    "area",
    48.0,
    136.0,
    "RU",
    source="fixture",
    outline=(
        (
            (130.64, 42.42),
            (131.8, 42.9),
            (133.2, 42.7),
            (135.6, 43.9),
            (138.5, 46.6),
            (140.4, 48.8),
            (141.0, 52.2),
            (137.0, 54.0),
            (134.0, 52.0),
            (127.5, 49.6),
            (131.0, 47.7),
            (134.7, 48.3),
            (133.1, 45.1),
            (131.1, 44.9),
            (131.3, 43.4),
            (130.64, 42.42),
        ),
    ),
)
#: Rail through North Korea along the east coast: Pyongyang, Kowon, Hamhung, Tanchon,
#: Kimchaek, Chongjin, Rajin, Tumangang, over the Tumen river bridge to Khasan.
LEG_KP = (
    (125.73639, 39.00472),
    (126.55, 39.22),
    (127.25, 39.44),
    (127.54, 39.92),
    (128.91, 40.46),
    (129.19, 40.67),
    (129.78, 41.79),
    (130.30, 42.25),
    (130.6081, 42.4214),
    (130.64528, 42.42806),
)
#: The Friendship Bridge over the Tumen, where the line enters Russia.
BORDER_POINT = (130.6333, 42.4247)
#: Khasan - Kraskino - Baranovsky junction - Uglovaya - Vladivostok.
LEG_RU = (
    (130.64528, 42.42806),
    (130.80, 42.71),
    (131.05, 42.98),
    (131.47, 43.19),
    (131.95, 43.48),
    (132.07, 43.34),
    (131.99, 43.20),
    (131.88222, 43.11139),
)


def bundled_report() -> Report:
    """The bundled report, loaded the way the pipeline loads it."""
    result = load_paths([BUNDLED_REPORT])
    if not result.reports:
        msg = f"could not load {BUNDLED_REPORT}: {result.problems}"
        raise RuntimeError(msg)
    return result.reports[0]


def mention(
    report: Report,
    place: Place,
    words: str,
    sentence_start: str,
    *,
    source: str,
    role: str,
    date: str | None = None,
    status: str = "reported",
) -> Mention:
    """The mention of ``words`` in the sentence of ``report`` that begins ``sentence_start``."""
    begin = report.text.index(sentence_start)
    sentence = next(span for span in _spans(report) if span[0] <= begin < span[1])
    start = report.text.index(words, begin)
    if start >= sentence[1]:
        msg = f"{words!r} is not in the sentence starting {sentence_start!r}"
        raise ValueError(msg)
    return Mention(
        report_id=report.id,
        place_id=place.id,
        start=start,
        end=start + len(words),
        text=words,
        sentence_start=sentence[0],
        sentence_end=sentence[1],
        quote=report.text[sentence[0] : sentence[1]],
        source=source,
        date=date,
        status=status,
        role=role,
    )


def fixture_journey(*, with_xss: bool = True) -> Journey:
    """A realistic Journey for the bundled report (plus the hostile report when asked).

    Pyongyang (origin) - Khasan (border) - Vladivostok (destination) by two rail legs; the
    Russian Far East as a shaded area, North Korea as a context country, Moscow as an actor.
    """
    report = bundled_report()
    reports = (report, XSS_REPORT) if with_xss else (report,)
    places = _places(report, with_xss=with_xss)
    legs = (
        Leg("pyongyang", "khasan", "rail", LEG_KP, _km(LEG_KP), ("KP", "RU"), BORDER_POINT),
        Leg("khasan", "vladivostok", "rail", LEG_RU, _km(LEG_RU), ("RU",)),
    )
    return Journey(
        title=report.title,
        reports=reports,
        places=places,
        route=Route(stops=_stops(legs), legs=legs),
        settings=Settings(speed_kmh=_SPEED_KMH, depart=_DEPART),
    )


def with_stop_added_by_hand(journey: Journey, place_id: str = "khasan") -> Journey:
    """``journey`` as if the user had added stop ``place_id`` by hand: no report mentions it."""
    places = tuple(replace(p, mentions=()) if p.place.id == place_id else p for p in journey.places)
    return replace(journey, places=places, corrections=Corrections(added=(place_id,)))


def _places(report: Report, *, with_xss: bool) -> tuple[LocatedPlace, ...]:
    """Every place of the fixture with its mentions in the bundled (and hostile) report."""
    chosun = "South Korea's Chosun Ilbo"
    pyongyang = (
        mention(report, PYONGYANG, "Pyongyang", "South Korea's Chosun Ilbo newspaper said",
                source=chosun, role="origin", date="2023-09-10"),
        mention(report, PYONGYANG, "Pyongyang", "The United States has said it would be",
                source="The United States", role="actor", date="2023-09-11"),
    )  # fmt: skip
    khasan = (
        mention(report, KHASAN, "Khasan", KHASAN_SENTENCE_START, source="Japanese media",
                role="border", date="2023-09-11", status="expected"),
    )  # fmt: skip
    vladivostok = [
        mention(report, VLADIVOSTOK, "Vladivostok", "The Kremlin said on Saturday",
                source="The Kremlin", role="destination", date="2023-09-09",
                status="expected"),
        mention(report, VLADIVOSTOK, "Vladivostok", "Kim's last trip abroad in 2019",
                source="wire report", role="historical", date="2019"),
    ]  # fmt: skip
    if with_xss:
        vladivostok.append(
            mention(XSS_REPORT, VLADIVOSTOK, "Vladivostok", "Witnesses said",
                    source=XSS_IMG, role="destination", date="2023-09-12")
        )  # fmt: skip
    far_east = (
        mention(report, RUSSIAN_FAR_EAST, "far east", "Russia's Interfax news agency",
                source="Interfax", role="context", date="2023-09-11", status="expected"),
    )  # fmt: skip
    north_korea = (
        mention(report, NORTH_KOREA, "North Korea", "North Korea is one of the few countries",
                source="wire report", role="context"),
        mention(report, NORTH_KOREA, "North Korea", "The broadcaster YTN reported",
                source="YTN", role="context", date="2023-09-11"),
    )  # fmt: skip
    moscow = (
        mention(report, MOSCOW, "Moscow", "The United States has said talks",
                source="The United States", role="actor"),
    )  # fmt: skip
    return (
        LocatedPlace(PYONGYANG, "origin", pyongyang),
        LocatedPlace(KHASAN, "border", khasan),
        LocatedPlace(VLADIVOSTOK, "destination", tuple(vladivostok)),
        LocatedPlace(RUSSIAN_FAR_EAST, "context", far_east),
        LocatedPlace(NORTH_KOREA, "context", north_korea),
        LocatedPlace(MOSCOW, "actor", moscow),
    )


def _stops(legs: tuple[Leg, ...]) -> tuple[Stop, ...]:
    """Origin, border and destination with cumulative km and ETAs at the fixture speed."""
    km_khasan = legs[0].km
    km_total = km_khasan + legs[1].km
    eta_khasan = _DEPART + _running(km_khasan)
    eta_vlad = eta_khasan + _BORDER_DWELL + _running(legs[1].km)
    return (
        Stop(PYONGYANG, "origin", 1, 0.0, _DEPART, node="n-pyongyang"),
        Stop(KHASAN, "border", 2, km_khasan, eta_khasan, node="n-khasan"),
        Stop(VLADIVOSTOK, "destination", 3, km_total, eta_vlad, node="n-vladivostok"),
    )


def _running(km: float) -> timedelta:
    """Running time over ``km`` at the fixture speed, to the minute."""
    return timedelta(minutes=round(km / _SPEED_KMH * 60))


def _km(coords: tuple[tuple[float, float], ...]) -> float:
    """Length of a (lon, lat) line on the WGS84 ellipsoid, km."""
    lons, lats = zip(*coords, strict=True)
    return _GEOD.line_length(lons, lats) / 1000.0


def _spans(report: Report) -> tuple[tuple[int, int], ...]:
    """Sentence spans of a report, as the reader splits them."""
    return sentence_spans(report.text)


#: Stops across the North Pacific, west to east over the antimeridian.
PACIFIC = ("Magadan", "Petropavlovsk-Kamchatsky", "Anchorage", "Seattle")


def hand_made_journey(names: tuple[str, ...]) -> Journey:
    """A journey of stops a user added by hand in this order (each name's best-known
    namesake in the gazetteer), with no report behind it."""
    gazetteer = load_gazetteer()
    ids = tuple(gazetteer.candidates(name)[0].id for name in names)
    return build([], corrections=Corrections(added=ids, order=ids), gazetteer=gazetteer)
