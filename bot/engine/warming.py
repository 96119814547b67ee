"""Reading each language's cue phrases before the first question: they are read once per
process, and the first question would otherwise pay for them."""

from __future__ import annotations

import time
from collections.abc import Callable

from bot.engine.cues import (
    after_more,
    asks_again,
    asks_more,
    asks_overview,
    leans_back,
    overview_cut,
)
from bot.engine.smalltalk import detect_smalltalk, opening_smalltalk
from bot.engine.splitting import groupings, sentences
from bot.knowledge import Knowledge

# Seconds a serving bot spends rehearsing before it starts answering.
REHEARSAL_SECONDS = 0.5


def warm(knowledge: Knowledge) -> None:
    """Read the cue phrases, small talk and joining words of the knowledge base's languages,
    on a question of its own."""
    for code in knowledge.languages:
        sample = next(iter(knowledge.facts[0].questions.get(code, ())), "")
        detect_smalltalk(sample, code)
        opening_smalltalk(sample, code)
        asks_overview(sample, code)
        asks_more(sample, code)
        asks_again(sample, code)
        leans_back(sample, code, 0)
        after_more(sample, code)
        overview_cut(sample, code)
        groupings(sentences(sample, code)[0] if sample else "", code)


def rehearse(knowledge: Knowledge, decide: Callable[[str], object],
             budget: float = REHEARSAL_SECONDS, clock: Callable[[], float] = time.monotonic,
             ) -> int:
    """Decide each fact's first question in each language once, fact by fact (every language
    at the first fact), until `budget` seconds are spent; how many were decided. What an
    engine builds at a fact's or a language's first question (phrasing postings, near-miss
    shapes, readings, patterns) is then built before a user's first question, not during
    it: a serving bot rehearses; a one-question command does not. A knowledge base of many
    thousand facts is rehearsed in part: its start must not wait for all of them."""
    started, decided = clock(), 0
    for fact in knowledge.facts:
        for code in knowledge.languages:
            first = next(iter(fact.questions.get(code, ())), None)
            if first is not None:
                decide(first)
                decided += 1
        if clock() - started > budget:
            break
    return decided
