"""Tests for bot.engine.contrasts: words saying the contrary of a word facts use."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.contrasts import contrasted


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("is the nuclear thing for weapons or what", "en"),
        ("Ядерную энергию собираются использовать в военных целях?", "ru"),
        ("hợp tác hạt nhân này là để làm vũ khí hả", "vi"),
        ("ນິວເຄຼຍນີ້ເອົາໄປເຮັດອາວຸດບໍ", "lo"),
    ],
)
def test_a_contrary_beside_what_a_fact_is_about_asks_that_fact(
        engine: Engine, question: str, language: str) -> None:
    """Asked whether the nuclear cooperation is military, the road map saying it is for
    peaceful purposes answers."""
    decision = engine.decide(question)
    assert (decision.kind, decision.fact_id) == ("fact", "nuclear_roadmap")


@pytest.mark.parametrize(
    ("question", "language", "read_as"),
    [
        ("is the nuclear deal military", "en", "peaceful"),
        # "Cooperation" is many facts' word: the question is about the military.
        ("military cooperation laos russia", "en", None),
        ("did they talk about weapons?", "en", None),
        ("атом в военных целях?", "ru", "мирный"),
        # Trade said to fall is trade growing, said the other way.
        ("has trade slowed down this year", "en", "grow"),
    ],
)
def test_a_contrary_is_read_as_the_word_only_beside_a_specific_one(
        engine: Engine, question: str, language: str, read_as: str | None) -> None:
    """A word saying the contrary is read as the facts' word only where another word of the
    question is one of the few facts' having it."""
    index = engine.index(language)
    pairs = index.analyzer.pairs(question)
    read = contrasted(index, pairs)
    if read_as is None:
        assert read == pairs
    else:
        assert index.analyzer.token(read_as) in {token for _, token in read}
