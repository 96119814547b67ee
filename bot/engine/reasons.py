"""Which facts' answers give a reason or say when: of facts equally likely, one answers
"why"; a fact that says no time cannot answer "when"."""

from __future__ import annotations

from bot.engine.index import Index, asking
from bot.knowledge import Knowledge, language_resources


def timed_facts(knowledge: Knowledge, index: Index) -> frozenset[str]:
    """The facts whose answer, in the index's language, says when: a date or a number, or
    one of the language's `gives_time` words ("following his talks")."""
    analyzer = index.analyzer
    giving = asking(analyzer, language_resources(analyzer.language).gives_time)

    def says_when(answer: str) -> bool:
        """Whether an answer has a number or a date, or a word giving a time."""
        return any(char.isdigit() for char in answer) or (
            giving is not None and giving.search(analyzer.normal(answer)) is not None)

    return frozenset(fact.id for fact in knowledge.facts
                     if says_when(fact.answer_in(analyzer.language)))


def reason_facts(knowledge: Knowledge, index: Index) -> frozenset[str]:
    """The facts whose answer, in the index's language, gives a reason with one of the
    language's `gives_reason` words ("due to the growth of cargo flows")."""
    analyzer = index.analyzer
    giving = asking(analyzer, language_resources(analyzer.language).gives_reason)
    if giving is None:
        return frozenset()
    return frozenset(fact.id for fact in knowledge.facts
                     if giving.search(analyzer.normal(fact.answer_in(analyzer.language))))
