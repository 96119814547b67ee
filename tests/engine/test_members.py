"""Tests for bot.engine.members: a thing of a category the article names other things of."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.members import kin_fact, names_member


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


@pytest.mark.parametrize(
    ("question", "language", "named"),
    [
        ("is coffee or tea mentioned?", "en", True),  # tea is on the list coffee is not
        ("а кофе в списке есть? ну или чай хотя бы", "ru", True),
        ("is coffee mentioned?", "en", False),  # the thing alone
        ("посоветуй отель в луангпрабанге, куда ездить", "ru", False),  # a word of no list
    ],
)
def test_names_member(engine: Engine, question: str, language: str, named: bool) -> None:
    """Beside a thing no fact has, a thing of its kind the farm exports list is named."""
    number = [fact.id for fact in engine.knowledge.facts].index("agri_exports")
    assert names_member(engine.index(language), question, number) is named


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("а кофе в списке есть? ну или чай хотя бы", "fact"),  # tea is listed
        ("батат упоминают? ну сладкая картошка", "fact"),  # sweet potatoes are
        ("сколько стоит доставить контейнер морем в лаос", "none"),  # a cost it never gives
    ],
)
def test_a_listed_thing_beside_its_kin_is_answered(engine: Engine, question: str,
                                                   kind: str) -> None:
    """A thing the article lists, asked beside one of its kind it does not, is answered."""
    assert engine.decide(question).kind == kind
