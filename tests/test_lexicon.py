"""The reader's word lists are data: each language file loads, and a broken one says where."""

from __future__ import annotations

from pathlib import Path

import pytest

from routes.read import lexicon
from routes.read.lexicon import load_lexicon


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
