"""Which facts' answers give a reason: of facts equally likely, one answers "why"."""

from __future__ import annotations

from bot.engine.index import Index, asking
from bot.knowledge import Knowledge, language_resources


def reason_facts(knowledge: Knowledge, index: Index) -> frozenset[str]:
    """The facts whose answer, in the index's language, gives a reason with one of the
    language's `gives_reason` words ("due to the growth of cargo flows")."""
    analyzer = index.analyzer
    giving = asking(analyzer, language_resources(analyzer.language).gives_reason)
    if giving is None:
        return frozenset()
    return frozenset(fact.id for fact in knowledge.facts
                     if giving.search(analyzer.normal(fact.answer_in(analyzer.language))))


def asked_why(knowledge: Knowledge, index: Index, share: float = 0.75) -> frozenset[str]:
    """The facts whose phrasings, in the index's language, nearly all ask for a reason
    ("why new routes", "what prompted ..."): a question asking none is not theirs."""
    analyzer = index.analyzer
    language = analyzer.language
    found = set()
    for fact in knowledge.facts:
        texts = fact.questions.get(language, ())
        asked = sum(1 for text in texts if index.asks_for_reason(analyzer.normal(text)))
        if texts and asked >= share * len(texts):
            found.add(fact.id)
    return frozenset(found)
