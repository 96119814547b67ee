"""Tests for bot.engine.reasons: which facts' answers give a reason."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.reasons import asked_why, reason_facts


def test_facts_giving_a_reason_are_those_saying_why(engine: Engine) -> None:
    """The routes are opened "due to" growing cargo flows and hydropower takes "advantage of"
    the water; the routes themselves and the trade figures give no reason."""
    assert reason_facts(engine.knowledge, engine.index("en")) == {"routes_reason",
                                                                  "textile_hydropower"}


def test_the_facts_asked_why_are_those_nearly_only_asked_why(engine: Engine) -> None:
    """The reason for the routes is asked "why" and "what prompted"; hydropower, though its
    answer gives a reason, is mostly asked what."""
    assert asked_why(engine.knowledge, engine.index("en")) == {"routes_reason"}


@pytest.mark.parametrize(
    "question", ["any train stuff? rail link?", "is there going to be a railway??"])
def test_a_question_asking_no_reason_is_not_the_reason(engine: Engine, question: str) -> None:
    """Between the routes and the reason for them, a question asking no "why" is the routes."""
    decision = engine.decide(question)
    assert (decision.kind, decision.fact_id) == ("fact", "new_routes")


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("why does russia even bother with new freight links to laos", "routes_reason"),
        ("зачем россии расширять перевозки в лаос", "routes_reason"),
        ("ເປັນຫຍັງຣັດເຊຍຢາກເພີ່ມເສັ້ນທາງຂົນສົ່ງ", "routes_reason"),
    ],
)
def test_why_is_answered_by_the_fact_giving_the_reason(
    engine: Engine, question: str, fact_id: str
) -> None:
    """A "why" question in other words than the facts' is answered with the reason, not
    offered as a "did you mean" beside the facts it is the reason for."""
    decision = engine.decide(question)
    assert (decision.kind, decision.fact_id) == ("fact", fact_id)


@pytest.mark.parametrize("question", ["sao lại hợp tác thủy điện với Lào?", "sao lai la lao?"])
def test_colloquial_why_asks_a_reason(engine: Engine, question: str) -> None:
    """Vietnamese "sao lại" (how come) asks why, as "tại sao" does, with marks or without."""
    index = engine.index("vi")
    assert index.asks_for_reason(index.analyzer.normal(question))
