"""Sound keys: a Korean transcription of a foreign name and the Latin name it renders."""

from __future__ import annotations

import pytest

from routes.read.gazetteer import normalize
from routes.read.sound import hangul_sound, latin_sound, worth_matching


@pytest.mark.parametrize(
    ("latin", "hangul"),
    [
        ("Irpin", "이르핀"),  # the vowel Korean adds between consonants (ㅡ) is no sound
        ("Bucha", "부차"),  # "ch" is ㅊ
        ("Lviv", "르비우"),  # l/r alike; a final "v" is a vowel, an inner one a consonant
        ("Kharkiv", "하르키우"),  # "kh" is ㅎ
        ("Khabarovsk", "하바롭스크"),  # "v" before a consonant is a consonant (ㅂ)
        ("Ussuriysk", "우수리스크"),  # "iy" before a consonant is one vowel
        ("Zhytomyr", "지토미르"),
        ("Ji'an", "지안"),
        ("Pingxiang", "핑샹"),  # "ng" closing a syllable is the final ㅇ
        ("Vilnius", "빌뉴스"),
    ],
)
def test_a_korean_transcription_sounds_as_the_name_it_renders(latin: str, hangul: str) -> None:
    assert latin_sound(normalize(latin)) == hangul_sound(hangul)


@pytest.mark.parametrize(
    ("latin", "hangul"),
    [
        ("Irving", "이르핀"),  # "ng" is not "n"
        ("Fuding", "푸틴"),  # nor is it for Putin
        ("Ziyang", "지안"),  # a "y" before a vowel is a sound of its own
    ],
)
def test_names_that_only_look_alike_do_not_sound_alike(latin: str, hangul: str) -> None:
    assert latin_sound(normalize(latin)) != hangul_sound(hangul)


def test_keys_of_other_scripts_or_too_short_are_not_matched() -> None:
    assert latin_sound("москва") == "" and hangul_sound("Kyiv") == ""
    assert not worth_matching(hangul_sound("부산"[:1]))
    assert not worth_matching("PA")  # two sounds name too many towns
