"""Synthetic knowledge bases of any size, generated from the real knowledge base's vocabulary."""

from __future__ import annotations

import dataclasses
import logging
import random
from collections.abc import Sequence

from bot.engine.analysis import words
from bot.knowledge import Fact, Knowledge

log = logging.getLogger(__name__)

PHRASINGS_PER_FACT = 6
DEFAULT_SEED = 20250801


@dataclasses.dataclass(frozen=True)
class Vocabulary:
    """One language's word occurrences (a word appears as often as in the real facts) and the
    lengths, in words, of its real phrasings and answers."""

    occurrences: tuple[str, ...]
    question_lengths: tuple[int, ...]
    answer_lengths: tuple[int, ...]


def collect_vocabulary(knowledge: Knowledge, language: str) -> Vocabulary:
    """Gather the words, phrasing lengths and answer lengths of one language."""
    occurrences: list[str] = []
    question_lengths: list[int] = []
    answer_lengths: list[int] = []
    for fact in knowledge.facts:
        for question in fact.questions.get(language, ()):
            found = words(question)
            occurrences.extend(found)
            question_lengths.append(max(len(found), 1))
        answer = words(fact.answer.get(language, ""))
        occurrences.extend(answer)
        answer_lengths.append(max(len(answer), 1))
    if not occurrences:
        raise ValueError(f"the knowledge base has no '{language}' text to generate from")
    return Vocabulary(tuple(occurrences), tuple(question_lengths), tuple(answer_lengths))


def _sentence(rng: random.Random, vocabulary: Vocabulary, lengths: Sequence[int]) -> str:
    chosen = rng.choices(vocabulary.occurrences, k=rng.choice(lengths))
    chosen[0] = chosen[0].capitalize()
    return " ".join(chosen)


def generate_knowledge(
    knowledge: Knowledge,
    size: int,
    seed: int = DEFAULT_SEED,
    phrasings: int = PHRASINGS_PER_FACT,
) -> Knowledge:
    """A knowledge base of `size` facts: the real facts first, then synthetic ones whose
    phrasings and answers draw words from the real ones as often as they occur there (so the
    common words stay common), with real phrasing and answer lengths, `phrasings` per language.
    Built in memory; nothing is validated or written."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    languages = knowledge.languages
    vocabularies = {language: collect_vocabulary(knowledge, language) for language in languages}
    topics = list(knowledge.topics)
    facts: list[Fact] = list(knowledge.facts[:size])
    for number in range(size - len(facts)):
        questions: dict[str, tuple[str, ...]] = {}
        answers: dict[str, str] = {}
        for language in languages:
            vocabulary = vocabularies[language]
            questions[language] = tuple(
                _sentence(rng, vocabulary, vocabulary.question_lengths) + "?"
                for _ in range(phrasings)
            )
            answers[language] = _sentence(rng, vocabulary, vocabulary.answer_lengths) + "."
        facts.append(
            Fact(
                id=f"synthetic_{number:06d}",
                topic=topics[number % len(topics)],
                questions=questions,
                answer=answers,
                quote="",
                related=(),
                file="synthetic",
            )
        )
    log.debug("generated %d synthetic facts", max(size - len(knowledge.facts), 0))
    return Knowledge(
        article=knowledge.article,
        languages=languages,
        topics=knowledge.topics,
        facts=tuple(facts),
        synonyms=knowledge.synonyms,
        directory=knowledge.directory,
    )
