"""Tests for rehearsing an engine before its first user."""

from __future__ import annotations

import itertools

import pytest

from bot.engine.warming import rehearse
from bot.knowledge import Knowledge


def _first_questions(knowledge: Knowledge) -> list[str]:
    """Each fact's first question in each language, fact by fact."""
    return [questions[0] for fact in knowledge.facts for code in knowledge.languages
            if (questions := fact.questions.get(code, ()))]


def test_a_rehearsal_within_its_budget_asks_each_facts_first_question(
        knowledge: Knowledge) -> None:
    """With time to spare, every fact's first question in every language is decided once."""
    asked: list[str] = []
    decided = rehearse(knowledge, asked.append, budget=60.0)
    assert asked == _first_questions(knowledge)
    assert decided == len(asked)


@pytest.mark.parametrize(("budget", "facts"), [(0.0, 1), (2.5, 3)])
def test_a_rehearsal_stops_at_its_budget_after_a_whole_fact(
        knowledge: Knowledge, budget: float, facts: int) -> None:
    """A large knowledge base is rehearsed only as far as the budget goes, each fact in every
    language before stopping, so every language is rehearsed at least once."""
    ticks = itertools.count()  # one second per look at the clock
    asked: list[str] = []
    rehearse(knowledge, asked.append, budget=budget, clock=lambda: float(next(ticks)))
    languages = len(knowledge.languages)
    assert asked == _first_questions(knowledge)[:facts * languages]
