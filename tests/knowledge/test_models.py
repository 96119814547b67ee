"""Tests for bot.knowledge.models: facts, their answers by language, and facts by topic."""

from __future__ import annotations

import pytest

from bot.knowledge import Fact, Knowledge


@pytest.mark.parametrize(
    ("answer", "language", "expected"),
    [
        ({"en": "Grew.", "ru": "Вырос."}, "ru", "Вырос."),
        ({"en": "Grew.", "ru": "Вырос."}, "de", "Grew."),
        ({"ru": "Вырос.", "en": "Grew."}, "de", "Вырос."),
    ],
)
def test_answer_in_falls_back_to_the_first_language(
    answer: dict[str, str], language: str, expected: str
) -> None:
    """A fact answers in the language asked, else in its first language."""
    fact = Fact("f", "t", {"en": ("q",)}, answer, "quote", (), "facts.yaml")
    assert fact.answer_in(language) == expected


def test_facts_by_id_and_topic(tiny_knowledge: Knowledge) -> None:
    """Facts are found by id, and by topic in knowledge-base order."""
    assert set(tiny_knowledge.by_id) == {"growth", "routes"}
    assert [fact.id for fact in tiny_knowledge.facts_in_topic("trade")] == ["growth", "routes"]
    assert tiny_knowledge.facts_in_topic("sport") == ()


def test_real_topics_all_have_facts(knowledge: Knowledge) -> None:
    """Every topic of the shipped knowledge base has at least one fact, and every fact a topic."""
    assert all(knowledge.facts_in_topic(topic) for topic in knowledge.topics)
    assert sum(len(knowledge.facts_in_topic(topic)) for topic in knowledge.topics) == len(
        knowledge.facts)
