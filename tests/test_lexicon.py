"""The reader's word lists are data: each language file loads, and a broken one says where."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from routes.read import lexicon
from routes.read.lexicon import load_lexicon


@pytest.fixture(autouse=True)
def _fresh_language_files() -> Iterator[None]:
    """Each test reads the language files it writes, not ones an earlier test left parsed."""
    lexicon.language_file.cache_clear()
    yield
    lexicon.language_file.cache_clear()


def test_the_english_lists_load_lower_case_and_feed_the_reader() -> None:
    english = load_lexicon("en")
    assert "interfax" in english.not_places  # an outlet is never a place
    assert "governor" in english.titles
    assert english.demonyms["japanese"] == "JP"
    assert all(word == word.lower() for word in english.common)


def test_a_list_of_the_wrong_type_is_named_with_its_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (lexicon.LANG_DIR / "en.toml").read_text(encoding="utf-8")
    (tmp_path / "xx.toml").write_text(text.replace("titles = [", "titles = 3\nold = ["), "utf-8")
    monkeypatch.setattr(lexicon, "LANG_DIR", tmp_path)
    with pytest.raises(ValueError, match=r"xx\.toml: titles must be a list of strings"):
        load_lexicon.__wrapped__("xx")


def test_a_cue_phrase_added_to_the_language_file_fires_and_gates_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (lexicon.LANG_DIR / "en.toml").read_text(encoding="utf-8")
    extra = '\n[[cues]]\nrole = "via"\ngap = 2\nbefore = ["trundled … past"]\n'
    (tmp_path / "xx.toml").write_text(text + extra, "utf-8")
    monkeypatch.setattr(lexicon, "LANG_DIR", tmp_path)
    cue = load_lexicon.__wrapped__("xx").cues[-1]
    assert cue.role == "via"
    assert "trundled" in cue.gates  # derived from the phrase: it can never silently not fire
    assert cue.pattern.search("the train trundled slowly past ")
    assert cue.pattern.search("the train trundled past the town of ")
    assert not cue.pattern.search("the train trundled on, far from ")


@pytest.mark.parametrize(
    ("phrase", "text", "matches"),
    [
        ("arriv* … in", "arrived on Friday in", True),
        ("arriv* … in", "arrival in", True),
        ("stopped|halted at", "halted at", True),
        ("cross* ~ into", "crossed the long bridge into", True),
        ("cross* ~ into", "crossed the bridge. Then into", False),
        ("the {a}-{b} border", "the Polish-Ukrainian border", True),
    ],
)
def test_phrases_read_like_the_file_says(phrase: str, text: str, matches: bool) -> None:
    import re

    found = re.fullmatch(lexicon.compile_phrase(phrase), text, re.IGNORECASE)
    assert (found is not None) is matches


def test_statuses_and_frames_load_in_their_order() -> None:
    english = load_lexicon("en")
    order = [status.role for status in english.statuses]
    # negation before modality: "could not stop" rules out; "may have" is a hedged report
    assert order[:3] == ["ruled-out", "superseded", "denied"]
    assert order[3:] == ["expected", "speculative", "expected"]
    assert "express" in english.frames["route_name"]
    assert english.actor_before is not None and english.actor_after is not None
    assert english.border_words["sino"] == "CN"


def test_a_cue_table_without_a_journey_role_is_named_with_its_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (lexicon.LANG_DIR / "en.toml").read_text(encoding="utf-8")
    (tmp_path / "xx.toml").write_text(text + '\n[[cues]]\nrole = "boss"\nbefore = ["x"]\n')
    monkeypatch.setattr(lexicon, "LANG_DIR", tmp_path)
    with pytest.raises(ValueError, match=r"xx\.toml: a \[\[cues\]\] table has no journey role"):
        load_lexicon.__wrapped__("xx")


def test_the_crossings_file_loads_and_a_broken_one_names_itself(tmp_path: Path) -> None:
    from routes.read import crossings

    loaded = crossings.load_crossings(lambda _id: None)
    pairs = {frozenset(c.countries) for c in loaded}
    assert {frozenset({"KP", "RU"}), frozenset({"KP", "CN"}), frozenset({"CN", "VN"})} <= pairs
    assert {frozenset({"PL", "UA"}), frozenset({"CN", "MN"}), frozenset({"MN", "RU"})} <= pairs
    broken = tmp_path / "crossings.json"
    broken.write_text('{"crossings": [{"id": "x", "countries": ["KP"]}]}', encoding="utf-8")
    with pytest.raises(ValueError, match=r"crossings\.json: not a valid crossings file"):
        crossings.load_crossings(lambda _id: None, broken)


def test_a_border_pattern_without_an_anchor_word_is_refused_with_its_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (lexicon.LANG_DIR / "en.toml").read_text(encoding="utf-8")
    broken = text.replace('"the {b} border|frontier",', '"the {b} boundary",')
    assert broken != text
    (tmp_path / "xx.toml").write_text(broken, "utf-8")
    monkeypatch.setattr(lexicon, "LANG_DIR", tmp_path)
    with pytest.raises(ValueError, match=r"xx\.toml: border pattern 'the \{b\} boundary'"):
        load_lexicon.__wrapped__("xx")


def test_a_border_anchor_added_to_the_language_file_is_read_with_its_patterns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (lexicon.LANG_DIR / "en.toml").read_text(encoding="utf-8")
    grown = text.replace(
        'anchors = ["border", "frontier"]', 'anchors = ["border", "frontier", "boundary"]'
    )
    grown = grown.replace('"the {b} border|frontier",', '"the {b} border|frontier|boundary",')
    (tmp_path / "xx.toml").write_text(grown, "utf-8")
    monkeypatch.setattr(lexicon, "LANG_DIR", tmp_path)
    assert "boundary" in load_lexicon.__wrapped__("xx").border_anchors
