"""Tests for bot.engine.beyond: what a question asks for beyond any fact."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.beyond import asks_beyond, asks_other_occasion, asks_unknown_kind


@pytest.mark.parametrize(
    ("question", "language", "unknown"),
    [
        ("in which chinese city did they talk", "en", True),
        ("what is the price of rice in laos", "en", True),
        ("how many tons of cargo were shipped", "en", True),
        ("whats the price of tea", "en", True),
        ("в каком городе проходили переговоры", "ru", True),
        ("skolko v dollarah torgovlya", "ru", True),  # "сколко": one letter short
        ("which metals do russian companies mine", "en", False),
        ("how much did trade grow in 2024", "en", False),
        ("when exactly did putin announce it", "en", False),  # "when" takes no kind
        ("what exactly did putin announce", "en", False),  # an adverb, then its clause
        ("what else did they discuss", "en", False),
        ("what is the name of the lao president", "en", False),
        # The kind ends before a verb taking an object: the agency, not "put".
        ("which news agency put this out", "en", False),
        ("какие металлы добывают российские компании", "ru", False),
        # A possessive ends the kind at its noun: what describes it is no kind of its own.
        ("which neighbouring country's ports will be used", "en", False),
        ("which chinese city's port will be used", "en", True),
    ],
)
def test_an_unknown_kind_is_the_word_after_a_kind_asker(
    engine: Engine, question: str, language: str, unknown: bool
) -> None:
    """A kind-asking word followed by a word no fact has asks for an unknown kind."""
    assert asks_unknown_kind(engine.index(language), question, language) is unknown


@pytest.mark.parametrize(
    ("question", "language", "other"),
    [
        ("when is the next summit", "en", True),
        ("когда следующая встреча президентов", "ru", True),
        ("when did the summit take place", "en", False),
        ("what happened following the talks", "en", False),
    ],
)
def test_another_occasion_is_asked_with_the_languages_words(
    engine: Engine, question: str, language: str, other: bool
) -> None:
    """A word asking of another occasion than the article's, unknown to the facts, is one."""
    assert asks_other_occasion(engine.index(language), question, language) is other
    assert asks_beyond(engine.index(language), question, language) is other


def test_a_question_asking_beyond_the_facts_is_not_answered_on_its_other_words(
    engine: Engine,
) -> None:
    """"In which city were the talks held" fits the talks fact well but asks for a city no
    fact names: it is not answered with the talks."""
    decision = engine.decide("in which city were putin and thongloun's talks held")
    assert decision.kind != "fact"
