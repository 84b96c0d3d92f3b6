"""Hostile input: run-on sentences and repeated names stay bounded in work and output."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from routes.pipeline import build
from routes.publish.export import write_all
from routes.read.geoparse import MAX_MENTIONS_PER_REPORT, QUOTE_CONTEXT
from routes.read.reports import MAX_SENTENCE_CHARS, report_from_text, sentence_spans

#: How much larger than the report an export may be (the README's stated bound).
OUTPUT_FACTOR = 20


def _repeated(name: str, size: int) -> str:
    """One sentence, no full stop, repeating ``name`` up to ``size`` characters."""
    return " ".join([name] * (size // (len(name) + 1)))


def test_a_run_on_sentence_is_quoted_in_pieces_of_bounded_length() -> None:
    text = _repeated("Khasan", 20_000)
    spans = sentence_spans(text)
    assert all(end - start <= MAX_SENTENCE_CHARS for start, end in spans)
    assert all(text[start:end].split() and " " not in text[start:end][:1] for start, end in spans)
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "")


def test_a_long_sentence_is_cut_after_a_clause_mark_not_inside_a_word() -> None:
    text = "Kim travelled on, " * 300 + "and arrived"
    spans = sentence_spans(text)
    assert len(spans) > 1
    assert all(text[start:end].endswith(",") for start, end in spans[:-1])


def test_a_normal_sentence_is_still_one_span() -> None:
    text = "Kim left Pyongyang on Sunday. He reached Khasan on Tuesday."
    assert sentence_spans(text) == ((0, 29), (30, 59))


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict, Path]:
    """Every export of a 35 KB report that repeats one place name, with no full stop."""
    text = _repeated("Khasan", 35_000)
    journey = build([report_from_text(text, report_id="hostile", title="Hostile")])
    out = tmp_path_factory.mktemp("hostile")
    write_all(journey, out)
    collection = json.loads((out / "route.geojson").read_text(encoding="utf-8"))
    return text, collection, out


def test_repeated_names_give_outputs_linear_in_the_input(hostile_build) -> None:
    text, _, out = hostile_build
    for name in ("route.geojson", "route.kml", "route.gpx", "places.csv", "project.json"):
        assert (out / name).stat().st_size <= OUTPUT_FACTOR * len(text), name


def test_kept_mentions_keep_the_contract_and_the_rest_are_counted(hostile_build) -> None:
    text, collection, out = hostile_build
    khasan = next(f for f in collection["features"] if f["properties"].get("name") == "Khasan")
    props = khasan["properties"]
    assert len(props["mentions"]) == MAX_MENTIONS_PER_REPORT
    total = text.count("Khasan")
    assert len(props["mentions"]) + props["mentions_omitted"] == total
    for mention in props["mentions"]:
        assert text[mention["start"] : mention["end"]] == "Khasan"
        assert len(mention["quote"]) <= 2 * QUOTE_CONTEXT + len("Khasan")
        assert "Khasan" in mention["quote"]
    rows = list(csv.DictReader(io.StringIO((out / "places.csv").read_text(encoding="utf-8"))))
    assert int(next(r for r in rows if r["name"] == "Khasan")["mention_count"]) == total


def test_the_quote_is_a_window_of_whole_words_around_the_mention() -> None:
    words = [f"word{n}" for n in range(400)]
    text = " ".join([*words[:200], "Vladivostok", *words[200:]])
    journey = build([report_from_text(text, report_id="long")])
    mention = next(p for p in journey.places if p.place.name == "Vladivostok").mentions[0]
    assert text[mention.sentence_start : mention.sentence_end] == mention.quote
    assert mention.quote.split()[0] in words and mention.quote.split()[-1] in words
    assert mention.sentence_start < mention.start < mention.end < mention.sentence_end
    assert len(mention.quote) <= 2 * QUOTE_CONTEXT + len("Vladivostok")
