"""Tests for bot.engine.typos: a misspelt question word finds the knowledge word it means."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.typos import (
    has_unknown,
    names_known,
    names_missing,
    swapped_stopword,
    token_matches,
)


@pytest.mark.parametrize(
    ("language", "word", "expected"),
    [
        ("en", "trade", [("trade", 100.0)]),
        ("en", "trdae", [("trade", 90.0)]),
        ("en", "grwo", [("grow", 90.0)]),
        ("en", "vietnma", [("vietnam", 90.0)]),
        ("en", "rutes", [("rout", 90.0)]),
        ("en", "perc", [("percent", 85.0)]),
        ("ru", "товорооборот", [("товарооборот", 90.0)]),
        ("ru", "маршрты", [("маршрут", 90.0)]),
    ],
)
def test_typos_and_abbreviations_find_the_knowledge_word(
    tiny_engine: Engine, language: str, word: str, expected: list[tuple[str, float]]
) -> None:
    """A known word matches itself; a typo matches at 90 per edit step, an abbreviation at 85."""
    index = tiny_engine.index(language)
    (token,) = index.analyzer.tokens(word)
    assert token_matches(index, word, token) == expected


@pytest.mark.parametrize(
    ("word", "why"),
    [
        ("rade", "a typo rarely hits the first letter, so 'rade' is not 'trade'"),
        ("frade", "same: 'frade' is one edit from 'trade' but starts with another letter"),
        ("67", "numbers must match exactly: 67 percent is not 66 percent"),
        ("ab", "two letters are too short to guess a word from"),
        ("xyzzy", "nothing in the knowledge base is close"),
    ],
)
def test_words_that_are_not_typos_match_nothing(tiny_engine: Engine, word: str, why: str) -> None:
    """First-letter changes, other numbers, very short and unrelated words match no word."""
    index = tiny_engine.index("en")
    (token,) = index.analyzer.tokens(word)
    assert token_matches(index, word, token) == [], why


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("harbours", [("port", 90.0)]),  # one typo from "harbors", a synonym of "port"
        ("shares", []),  # two from "soars", which only a synonym of "grow" brings
    ],
)
def test_typos_of_synonyms(engine: Engine, word: str, expected: list[tuple[str, float]]) -> None:
    """A word one typo from a synonym stands for it; two typos from one it does not."""
    index = engine.index("en")
    assert token_matches(index, word, index.analyzer.token(word) or "") == expected


@pytest.mark.parametrize(("word", "expected"), [
    ("day", []),  # "what day": not "dam" (hydropower) with one typo
    ("whom", [("who", 100.0)]),  # a question word of the group "who" opens
])
def test_asking_words_are_no_typos(engine: Engine, word: str,
                                   expected: list[tuple[str, float]]) -> None:
    """A word the language asks with is read as its question-word group, never as a typo of
    another word."""
    index = engine.index("en")
    assert token_matches(index, word, index.analyzer.token(word) or word) == expected


def test_fuzzy_lookups_are_cached(tiny_engine: Engine) -> None:
    """A misspelt word is looked up once and then answered from the index's cache."""
    index = tiny_engine.index("en")
    (token,) = index.analyzer.tokens("trdae")
    first = token_matches(index, "trdae", token)
    assert index.fuzzy_cache["trdae"] == first
    assert token_matches(index, "trdae", token) is first


@pytest.mark.parametrize(
    ("text", "named", "unknown"),
    [
        ("summary of the trade figures", True, True),  # "summary" is in no fact
        ("for my channel", False, True),  # "channel" is a word of its own, no "change"
        ("how much is that in dollars", False, True),  # question words name nothing
        ("in 2025", True, False),  # a number the facts have
        ("bauxite mines", True, False),
        # A long word one letter off names the knowledge word; a short one may be another.
        ("the hydropwer plans", True, False),
        ("the trde", False, False),
    ],
)
def test_names_known_and_has_unknown(engine: Engine, text: str, named: bool,
                                     unknown: bool) -> None:
    """A text names the knowledge base by words it has as written, or long ones a letter
    off; a word unknown is one no fact has even as a typo (numbers aside)."""
    index = engine.index("en")
    assert (names_known(index, text), has_unknown(index, text)) == (named, unknown)


@pytest.mark.parametrize(
    ("language", "text", "missing"),
    [
        ("en", "how much is that in dollars", True),
        ("en", "how much did trade grow", False),
        ("lo", "ມູນຄ່າການຄ້າເປັນໂດລາ", True),
        # One 3-gram spanning two words ("ບົກຊິດ" + "ເດ") is no word of a near miss.
        ("lo", "ແລ້ວແຮ່ບົກໄຊເດ?", False),
    ],
)
def test_names_missing(engine: Engine, language: str, text: str, missing: bool) -> None:
    """A word known only from what the article does not say is named; in Lao, a word, not
    a lone 3-gram."""
    assert names_missing(engine.index(language), text) is missing


@pytest.mark.parametrize(
    ("language", "word", "swapped"),
    [
        ("en", "teh", True),  # "the", not "tea" or "technology"
        ("en", "adn", True),
        ("en", "osme", True),
        ("en", "form", False),  # a word of the dictionary: no "from"
        ("en", "waht", False),  # a word that asks: read as "what"
        ("ru", "оин", True),
    ],
)
def test_swapped_stopword(engine: Engine, language: str, word: str, swapped: bool) -> None:
    """A stopword with two neighbouring letters swapped is that stopword typed fast."""
    assert swapped_stopword(engine.index(language), word) is swapped


def test_a_swapped_stopword_matches_no_knowledge_word(engine: Engine) -> None:
    """"teh" says nothing: it is no typo of "tea" nor an abbreviation of "technology"."""
    assert token_matches(engine.index("en"), "teh", "teh") == []


@pytest.mark.parametrize(
    ("word", "slip"),
    [
        ("duon", "duong"),  # "đườn": the end of "đường" (road) left off
        ("nuo", "nuoc"),  # "nướ": the end of "nước" (country) left off
        ("luoi", None),  # "lười" (lazy) is a syllable of its own, not "lợi" (benefit)
        ("sac", "sat"),  # "sắc": "sắt" (iron, of "đường sắt", railway), its last consonant slipped
        ("mua", None),  # "mua" (buy) ends in a vowel where "mục" (purpose) has a consonant
    ],
)
def test_a_vietnamese_syllable_slips_only_at_its_end(engine: Engine, word: str,
                                                     slip: str | None) -> None:
    """Where words are written syllable by syllable, a syllable mistyped or cut at its end
    stands for the known one; a letter changed inside it, or a vowel at its end, makes
    another syllable."""
    index = engine.index("vi")
    matches = [token for token, _ in token_matches(index, word, index.analyzer.token(word) or word)]
    assert (slip in matches) if slip else matches == []
