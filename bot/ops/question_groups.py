"""Grouping what people asked: questions reduced to their content words, grouped by similarity."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from rapidfuzz import fuzz, process

from bot.engine import Engine
from bot.engine.analysis import Analyzer
from bot.engine.reading import words
from bot.knowledge import language_resources

GROUP_CUTOFF = 80.0  # similarity (0-100) from which two questions are "the same question"


class Normaliser:
    """Reduces a question to its canonical content words (stems, synonyms merged), sorted."""

    def __init__(self, engine: Engine) -> None:
        knowledge = engine.knowledge
        self._analyzers = {language: Analyzer(language, knowledge.synonyms.get(language, ()))
                           for language in knowledge.languages}
        self._question_words = {language: question_words(language)
                                for language in knowledge.languages}

    def __call__(self, question: str, language: str) -> str:
        """The normalised form of a question in a language."""
        asking = self._question_words.get(language, frozenset())
        content = " ".join(word for word in words(question) if word not in asking)
        analyzer = self._analyzers.get(language)
        tokens = analyzer.tokens(content) if analyzer else tuple(content.split())
        return " ".join(sorted(tokens))


def question_words(language: str) -> frozenset[str]:
    """A language's question words, from its language file. They tell questions apart when
    matching facts, but not when grouping what people asked: "how many tourists" and "number
    of tourists" are one gap in the knowledge base."""
    resources = language_resources(language)
    phrases = [*(word for group in resources.interrogatives for word in group),
               *resources.conversation.asks]
    return frozenset(word for phrase in phrases for word in words(phrase))


def similarity(left: str, right: str, **_: Any) -> float:
    """How alike two normalised questions are (0-100): the mean of the token-set score (one
    inside the other counts) and the token-sort score (so a lone shared word is not enough)."""
    return (fuzz.token_set_ratio(left, right) + fuzz.token_sort_ratio(left, right)) / 2


def group_questions(
    questions: Iterable[tuple[str, str]],
    normalise: Normaliser | None = None,
    cutoff: float = GROUP_CUTOFF,
) -> list[tuple[str, str, list[str]]]:
    """Group (question, language) pairs greedily by similarity, most frequent first.

    Returns (representative, language, members) with members in decreasing frequency, the
    representative being the most frequent member; groups ordered by size.
    """
    counts: Counter[tuple[str, str]] = Counter(
        (" ".join(question.split()), language) for question, language in questions
    )
    keyed: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for (question, language), count in counts.items():
        key = normalise(question, language) if normalise else " ".join(words(question))
        keyed[(key, language)][question] += count
    order = sorted(keyed.items(), key=lambda item: (-sum(item[1].values()), item[0]))
    groups: dict[str, list[tuple[str, Counter[str]]]] = defaultdict(list)
    for (key, language), members in order:
        existing = groups[language]
        match = None
        if key:
            match = process.extractOne(key, [group[0] for group in existing], scorer=similarity,
                                       score_cutoff=cutoff)
        if match is None:
            existing.append((key, Counter(members)))
        else:
            existing[match[2]][1].update(members)
    result: list[tuple[int, str, str, list[str]]] = []
    for language, language_groups in groups.items():
        for _, members in language_groups:
            ranked = [question for question, _ in members.most_common()]
            result.append((sum(members.values()), ranked[0], language, ranked))
    result.sort(key=lambda item: (-item[0], item[1]))
    return [(representative, language, members) for _, representative, language, members
            in result]
