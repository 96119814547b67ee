"""Tests for bot.engine.spelling: a word spelt right is another word, not a typo."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.spelling import dictionary_words
from bot.engine.typos import token_matches


@pytest.mark.parametrize(
    ("language", "word", "expected"),
    [
        ("en", "more", True),
        ("en", "weather", True),
        ("en", "mvoe", False),  # a typo
        ("ru", "больше", True),
        ("ru", "кофе", True),
        ("ru", "агенство", False),  # in the Russian list, but rarely: a misspelling
        ("vi", "more", False),  # Vietnamese names no word list
    ],
)
def test_an_index_keeps_its_language_word_list(engine: Engine, language: str, word: str,
                                              expected: bool) -> None:
    """A language naming a word list knows its common words; one naming none knows none."""
    assert (word in engine.index(language).spelt) is expected


def test_a_word_list_keeps_common_words_only() -> None:
    """Rare entries (often misspellings themselves) and words too short for typos are left out."""
    words = dictionary_words("en", 3000)
    assert {"more", "weather", "percentage"} <= words
    assert "to" not in words and dictionary_words(None, 3000) == frozenset()
    assert "кофе" in dictionary_words("ru", 1000)
    assert "агенство" not in dictionary_words("ru", 1000)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("more", []),  # not "move"
        ("weather", []),  # not "water"
        ("lone", []),  # not "lane", a synonym of "route"
        ("mvoe", [("transport", 90.0)]),  # a typo still is one (of "move", a synonym)
        ("harbours", [("port", 90.0)]),  # a form of "harbors", a synonym of "port"
        ("industries", [("industri", 100.0)]),  # a form of "industry"
    ],
)
def test_real_words_stand_only_for_forms_of_themselves(
    engine: Engine, word: str, expected: list[tuple[str, float]]
) -> None:
    """A dictionary word matches a knowledge word only when one's stem begins the other's."""
    index = engine.index("en")
    assert token_matches(index, word, index.analyzer.token(word) or "") == expected


def test_a_real_word_no_longer_answers_another_fact(engine: Engine) -> None:
    """"Weather" read as "water" made a weather question offer the water-resources memoranda."""
    decision = engine.decide("what's the weather in vientiane")
    assert decision.kind == "none"
    assert "memoranda" not in decision.suggestions


def test_a_common_russian_word_is_no_typo(engine: Engine) -> None:
    """"Кофе" (coffee) is a word of its own, not "копи" (mines) mistyped."""
    index = engine.index("ru")
    assert token_matches(index, "кофе", index.analyzer.token("кофе") or "") == []


def test_a_category_member_is_no_typo(engine: Engine) -> None:
    """"Maize", a member of the language file's categories, is spelt right: its equivalent
    "corn", not "main" mistyped."""
    index = engine.index("en")
    assert "maize" in index.spelt
    found = token_matches(index, "maize", index.analyzer.token("maize") or "")
    assert [choice for choice, _ in found] == ["corn"]
