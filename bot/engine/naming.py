"""Which facts' answers give a name: a question asking for one needs such a fact."""

from __future__ import annotations

import itertools
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


def placed_facts(knowledge: Knowledge, index: Index) -> frozenset[str]:
    """The facts whose answer, in the index's language, names a country other than the
    article's main subjects ("through the ports of Vietnam")."""
    analyzer = index.analyzer
    return frozenset(fact.id for fact in knowledge.facts if not index.places.isdisjoint(
        token for _, token in analyzer.pairs(fact.answer_in(analyzer.language))
        if token not in index.subjects))


def people(knowledge: Knowledge, index: Index) -> dict[str, tuple[frozenset[str], ...]]:
    """Per fact, the names its answer gives in the index's language, each as the tokens of
    one run of capitalised words inside a sentence ("Thongloun Sisoulith"), without the
    article's subjects, places and the words more than one name shares (titles:
    "President")."""
    found: dict[str, list[frozenset[str]]] = {}
    for fact in knowledge.facts:
        runs = found.setdefault(fact.id, [])
        for sentence in _SENTENCE.split(fact.answer_in(index.analyzer.language)):
            run: set[str] = set()
            end = 0
            for match in [*list(_WORD.finditer(sentence))[1:], None]:
                word = match.group().rstrip(".'’-") if match else ""
                # A run of names ends at a word in lower case or at punctuation.
                broken = match is None or sentence[end:match.start()].strip() != ""
                if broken or not word[0].isupper():
                    if run:
                        runs.append(frozenset(run))
                    run = set()
                if match is None:
                    break
                end = match.start() + len(word)
                if not word[0].isupper():
                    continue
                # Read as a question is ("Lào" as "lao"); "Russian" of "Russian President
                # Vladimir Putin" names nobody, nor does a country.
                run.update(token for _, token in index.analyzer.pairs(word)
                           if not _from_subject(index, token) and token not in index.places
                           and token not in index.common)
    # A title stands beside names never written together ("President" beside Thongloun's
    # and beside Putin's): it names neither.
    beside: dict[str, set[str]] = {}
    for name in (name for runs in found.values() for name in runs):
        for token in name:
            beside.setdefault(token, set()).update(name - {token})
    titles = {token for token, others in beside.items()
              if any(second not in beside[first] for first in others for second in others
                     if first != second)}
    return {fact: tuple(name for name in (words - titles for words in runs) if name)
            for fact, runs in found.items()}


@cache
def kinds(language: str) -> dict[str, frozenset[str]]:
    """The language's `name_kinds` as plain words: each asking word ("which") with the kinds
    of things it asks names of with ("companies", "firms")."""
    pairs = [plain_words(pair, language) for pair in language_resources(language).name_kinds]
    return {asker: frozenset(pair[-1] for pair in pairs if pair[0] == asker)
            for asker in {pair[0] for pair in pairs if len(pair) == 2}}


_DESCRIBING = 1  # words describing a kind of named things that may stand before it


def asks_kind(index: Index, question: str, language: str) -> bool:
    """Whether the question asks which of a kind of named things: one of the language's
    `name_kinds` pairs, its words next to each other but for the article's subjects, words
    made from them and one more ("which Russian mining companies", not "what are Russian
    companies doing")."""
    askers = kinds(language)
    read = plain_words(question, language)
    for at, word in enumerate(read):
        if word not in askers:
            continue
        wanted = {index.analyzer.token(kind) for kind in askers[word]}
        # Read lazily, as far as needed: past the subjects, the next two words.
        after = itertools.dropwhile(lambda token: token is not None and _from_subject(
            index, token), map(index.analyzer.token, read[at + 1:]))
        # One word of what they do may stand right before the kind ("which Russian mining
        # companies"; not "which metals Russian firms ..."); a stopword ends the phrase
        # ("what are ... doing").
        near = list(itertools.islice(after, _DESCRIBING + 1))
        if (near and near[0] in wanted) or (len(near) > 1 and None not in near
                                          and near[1] in wanted):
            return True
    return False


def _from_subject(index: Index, token: str) -> bool:
    """Whether a token is one of the article's subjects or made from one ("russian")."""
    return any(token.startswith(subject) for subject in index.subjects)
