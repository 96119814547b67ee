"""Tests for bot.replies.plain: plain text and the command line's JSON object."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.replies import Composer, Part, Reply, json_object, plain_text

FIELDS = {"question", "kind", "answer", "fact_id", "closest_fact_id", "score", "language",
          "suggestions", "parts"}


def test_plain_text_keeps_all_and_plain_parts() -> None:
    """Plain text joins every part except those meant only for rich channels."""
    reply = Reply((Part("a"), Part("b", "i", "rich"), Part("c", "b", "plain"), Part("d")))
    assert plain_text(reply) == "acd"


@pytest.mark.parametrize(
    ("question", "kind", "fact_id", "closest", "suggested"),
    [
        ("how much did trade grow?", "fact", "trade_growth", None, ["new_routes", "routes_reason"]),
        ("water resources", "clarify", None, None, ["memoranda", "textile_hydropower"]),
        ("what does russia export to laos?", "none", None, "agri_exports",
         ["textile_hydropower", "talks_topics"]),
        ("привет", "smalltalk", None, None, []),
    ],
)
def test_json_object_fields(
    engine: Engine, composer: Composer, question: str, kind: str, fact_id: str | None,
    closest: str | None, suggested: list[str],
) -> None:
    """The JSON object has every contract field: the decision, its plain text and the
    suggested facts with their display questions."""
    decision = engine.decide(question)
    reply = composer.compose(decision)
    answer = json_object(decision, reply)
    assert set(answer) == FIELDS
    assert (answer["question"], answer["kind"], answer["fact_id"]) == (question, kind, fact_id)
    assert answer["closest_fact_id"] == closest
    assert answer["answer"] == plain_text(reply)
    assert answer["language"] == decision.language
    assert answer["score"] == round(decision.score, 1)
    assert [item["fact_id"] for item in answer["suggestions"]] == suggested
    for item in answer["suggestions"]:
        assert item["question"] == engine.knowledge.by_id[item["fact_id"]].questions[
            answer["language"]][0]


def test_json_object_leaves_out_the_topics_button(engine: Engine, composer: Composer) -> None:
    """The browse-topics button of a decline is not a suggestion."""
    decision = engine.decide("asdfghjkl")
    answer = json_object(decision, composer.compose(decision))
    assert [item["fact_id"] for item in answer["suggestions"]] == list(decision.suggestions)
