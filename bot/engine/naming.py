"""Which facts' answers give a name: a question asking for one needs such a fact."""

from __future__ import annotations

import re
from functools import cache

from bot.engine.cue_reading import plain_words
from bot.engine.index import Index
from bot.knowledge import Knowledge, language_resources

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


@cache
def kinds(language: str) -> frozenset[tuple[str, str]]:
    """The language's "which companies" pairs (the asking word, the kind of things), as
    plain words."""
    pairs = (plain_words(pair, language) for pair in language_resources(language).name_kinds)
    return frozenset((pair[0], pair[-1]) for pair in pairs if len(pair) == 2)


def asks_kind(index: Index, question: str, language: str) -> bool:
    """Whether the question asks which of a kind of named things: one of the language's
    `name_kinds` pairs, its words next to each other but for the article's subjects and
    words made from them ("which Russian companies", not "what are Russian companies
    doing")."""
    pairs = kinds(language)
    if not pairs:
        return False
    askers = {asker for asker, _ in pairs}
    kind_tokens = {asker: {index.analyzer.token(kind) for other, kind in pairs if other == asker}
                   for asker in askers}
    read = plain_words(question, language)
    for at, word in enumerate(read):
        if word not in askers:
            continue
        after = next((index.analyzer.token(other) for other in read[at + 1:]
                      if not _subject_word(index, other)), None)
        if after is not None and after in kind_tokens[word]:
            return True
    return False


def _subject_word(index: Index, word: str) -> bool:
    """Whether a word is one of the article's subjects or made from one ("Russian")."""
    token = index.analyzer.token(word)
    return token is not None and any(token.startswith(subject) for subject in index.subjects)
