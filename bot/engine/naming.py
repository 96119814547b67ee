"""Which facts' answers give a name: a question asking for one needs such a fact."""

from __future__ import annotations

import re

from bot.engine.index import Index
from bot.knowledge import Knowledge

_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"[^\W\d_][\w.'’-]*")


def named_facts(knowledge: Knowledge, index: Index) -> frozenset[str]:
    """The facts whose answer, in the index's language, names someone or something: a word
    written with a capital inside a sentence, other than the article's main subjects and
    words made from them ("Russian", "Lao")."""
    subjects = index.subjects
    named: set[str] = set()
    for fact in knowledge.facts:
        for sentence in _SENTENCE.split(fact.answer_in(index.analyzer.language)):
            for word in _WORD.findall(sentence)[1:]:
                token = index.analyzer.token(word.casefold())
                if word[0].isupper() and token and not any(
                        token.startswith(subject) for subject in subjects):
                    named.add(fact.id)
    return frozenset(named)
