"""Grouping what people asked: questions reduced to their content words, grouped by similarity."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from rapidfuzz import fuzz, process

from bot.engine import Engine
from bot.engine.analysis import Analyzer
from bot.engine.reading import words

GROUP_CUTOFF = 80.0  # similarity (0-100) from which two questions are "the same question"


# Question words tell questions apart when matching facts, but not when grouping what people
# asked: "how many tourists" and "number of tourists" are one gap in the knowledge base.
QUESTION_WORDS = frozenset("""
    what who whom whose when where why how which many much
    что кто кого чей чья чьё чьи когда где куда откуда почему зачем как какой какая какое какие
    каких каком сколько ли
""".split())


class Normaliser:
    """Reduces a question to its canonical content words (stems, synonyms merged), sorted."""

    def __init__(self, engine: Engine) -> None:
        knowledge = engine.knowledge
        self._analyzers = {language: Analyzer(language, knowledge.synonyms.get(language, ()))
                           for language in knowledge.languages}

    def __call__(self, question: str, language: str) -> str:
        """The normalised form of a question in a language."""
        content = " ".join(word for word in words(question) if word not in QUESTION_WORDS)
        analyzer = self._analyzers.get(language)
        tokens = analyzer.tokens(content) if analyzer else tuple(content.split())
        return " ".join(sorted(tokens))


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
