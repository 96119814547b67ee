"""Which facts' answers give a name: a question asking for one needs such a fact."""

from __future__ import annotations

import re
from functools import cache

from bot.engine.cue_reading import plain_words
from bot.engine.index import Index
from bot.knowledge import Knowledge, language_resources

_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"[^\W\d_][\w.'’-]*")


def named_facts(knowledge: Knowledge, index: Index, *, people: bool = False) -> frozenset[str]:
    """The facts whose answer, in the index's language, names someone or something: a word
    written with a capital inside a sentence, other than the article's main subjects and
    words made from them ("Russian", "Lao"). With `people`, not a country either: "who"
    asks for someone, and "through the ports of Vietnam" names no one."""
    named: set[str] = set()
    for fact in knowledge.facts:
        for sentence in _SENTENCE.split(fact.answer_in(index.analyzer.language)):
            for word in _WORD.findall(sentence)[1:]:
                token = index.analyzer.token(word.casefold())
                if word[0].isupper() and token and not _from_subject(index, token) and not (
                        people and token in index.places):
                    named.add(fact.id)
    return frozenset(named)


@cache
def kinds(language: str) -> dict[str, frozenset[str]]:
    """The language's `name_kinds` as plain words: each asking word ("which") with the kinds
    of things it asks names of with ("companies", "firms")."""
    pairs = [plain_words(pair, language) for pair in language_resources(language).name_kinds]
    return {asker: frozenset(pair[-1] for pair in pairs if pair[0] == asker)
            for asker in {pair[0] for pair in pairs if len(pair) == 2}}


def asks_kind(index: Index, question: str, language: str) -> bool:
    """Whether the question asks which of a kind of named things: one of the language's
    `name_kinds` pairs, its words next to each other but for the article's subjects and
    words made from them ("which Russian companies", not "what are Russian companies
    doing")."""
    askers = kinds(language)
    read = plain_words(question, language)
    for at, word in enumerate(read):
        if word not in askers:
            continue
        after = next((token for token in map(index.analyzer.token, read[at + 1:])
                      if token is None or not _from_subject(index, token)), None)
        if after is not None and after in {index.analyzer.token(kind) for kind in askers[word]}:
            return True
    return False


def _from_subject(index: Index, token: str) -> bool:
    """Whether a token is one of the article's subjects or made from one ("russian")."""
    return any(token.startswith(subject) for subject in index.subjects)
