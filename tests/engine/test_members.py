"""Tests for bot.engine.members: a thing of a category the article names other things of."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.members import kin_fact


@pytest.mark.parametrize(
    ("question", "language", "fact_id"),
    [
        ("is coffee mentioned?", "en", "agri_exports"),  # a crop among the crops it lists
        ("does it say anything about wheat", "en", "agri_exports"),
        ("how much did trade grow?", "en", None),  # every word is the facts' own
        ("what is the weather like", "en", None),  # no thing of any category
    ],
)
def test_kin_fact(engine: Engine, question: str, language: str, fact_id: str | None) -> None:
    """A thing no fact has, of a category one fact alone names, points to that fact."""
    number = kin_fact(engine.index(language), question)
    assert (engine.knowledge.facts[number].id if number is not None else None) == fact_id


def test_a_thing_the_article_does_not_name_is_not_said_with_its_kin(engine: Engine) -> None:
    """"Is coffee mentioned?" is not said, and the crops the article lists are what it says."""
    decision = engine.decide("is coffee mentioned?")
    assert decision.kind == "none"
    assert decision.closest is not None
    assert decision.closest.id == "agri_exports"
