"""Accuracy on the team-written annotated set: places found, roles, words that are no place."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from routes.evaluate.annotated import AnnotatedCase, load_cases
from routes.model import ROLES, STOP_ROLES, LocatedPlace
from routes.read.geoparse import parse
from routes.read.reports import sentence_spans

#: Micro precision and recall of located places the set must reach (what a newsroom can rely on).
MIN_PRECISION = 0.95
MIN_RECALL = 0.95
#: Share of expected stop places (origin, via, border, destination) given their role.
MIN_ROLE_AGREEMENT = 0.9
CASES = load_cases()


@pytest.fixture(scope="module")
def parsed(gazetteer) -> dict[str, tuple[LocatedPlace, ...]]:
    """Each case's report parsed on its own, so roles are that report's roles."""
    return {case.report.id: parse([case.report], gazetteer).places for case in CASES}


def test_the_set_is_big_enough_and_well_formed(project_dir: Path) -> None:
    curated = {
        p["id"] for p in json.loads((project_dir / "geodata" / "places.json").read_text())["places"]
    }
    assert len(CASES) >= 45
    assert len({c.report.id for c in CASES}) == len(CASES)
    assert any(c.report.filename.endswith("2023-09-11-kim-train-to-russia.md") for c in CASES)
    for case in CASES:
        assert case.expected, case.path.name
        places = [e["place"] for e in case.expected]
        assert len(places) == len(set(places)), case.path.name
        for entry in case.expected:
            assert entry["role"] in ROLES, (case.path.name, entry)
            assert entry["place"] in curated or entry["place"].startswith("gn:"), (
                case.path.name,
                entry,
            )
        for word in case.not_places:
            assert word in case.report.text, (case.path.name, word)
        if "bundled" not in case.path.name:
            assert 3 <= len(sentence_spans(case.report.text)) <= 8, case.path.name


def test_places_found_reach_the_precision_and_recall_floor(
    parsed: dict[str, tuple[LocatedPlace, ...]],
) -> None:
    true_pos = false_pos = false_neg = 0
    misses: list[str] = []
    for case in CASES:
        expected = {e["place"] for e in case.expected}
        found = {located.place.id for located in parsed[case.report.id]}
        true_pos += len(expected & found)
        false_pos += len(found - expected)
        false_neg += len(expected - found)
        if found != expected:
            missed, extra = sorted(expected - found), sorted(found - expected)
            misses.append(f"{case.path.name}: missed {missed}, extra {extra}")
    precision = true_pos / max(1, true_pos + false_pos)
    recall = true_pos / max(1, true_pos + false_neg)
    report = f"precision {precision:.3f}, recall {recall:.3f}\n" + "\n".join(misses)
    print(report)
    assert precision >= MIN_PRECISION, report
    assert recall >= MIN_RECALL, report


def test_stop_places_get_their_journey_role(parsed: dict[str, tuple[LocatedPlace, ...]]) -> None:
    agree = total = 0
    wrong: list[str] = []
    for case in CASES:
        roles = {located.place.id: located.role for located in parsed[case.report.id]}
        for entry in case.expected:
            if entry["role"] not in STOP_ROLES:
                continue
            total += 1
            got = roles.get(entry["place"], "(not found)")
            if got == entry["role"]:
                agree += 1
            else:
                wrong.append(f"{case.path.name}: {entry['place']} {got}, expected {entry['role']}")
    share = agree / max(1, total)
    report = f"role agreement {share:.3f} on {total} stop places\n" + "\n".join(wrong)
    print(report)
    assert total > 100
    assert share >= MIN_ROLE_AGREEMENT, report


@pytest.mark.parametrize("case", CASES, ids=[c.path.stem for c in CASES])
def test_words_that_are_no_place_never_become_one(
    case: AnnotatedCase, parsed: dict[str, tuple[LocatedPlace, ...]]
) -> None:
    taken = [
        (m.start, m.end, located.place.id, m.text)
        for located in parsed[case.report.id]
        for m in located.mentions
    ]
    for word in case.not_places:
        for hit in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", case.report.text):
            clash = [t for t in taken if t[0] < hit.end() and hit.start() < t[1]]
            assert not clash, f"{word!r} at {hit.start()} became {clash}"


def test_mentions_quote_the_report_exactly(parsed: dict[str, tuple[LocatedPlace, ...]]) -> None:
    texts = {case.report.id: case.report.text for case in CASES}
    for report_id, places in parsed.items():
        for located in places:
            for m in located.mentions:
                assert m.report_id == report_id
                assert texts[report_id][m.start : m.end] == m.text
