"""Synthetic knowledge bases of any size: the real knowledge base's words as often as they occur
there, mixed with tens of thousands of made-up words drawn with Zipf frequencies, so the
vocabulary grows with the base as a real one would."""

from __future__ import annotations

import dataclasses
import logging
import random
from collections.abc import Sequence

from bot.engine.reading import words
from bot.knowledge import Fact, Knowledge

log = logging.getLogger(__name__)

PHRASINGS_PER_FACT = 6
DEFAULT_SEED = 20250801
# Half the words of a synthetic sentence are made up: ranks 1..ZIPF_WORDS with probability
# proportional to 1/rank, so a 10,000-fact base has tens of thousands of distinct words.
ZIPF_SHARE = 0.5
ZIPF_WORDS = 200_000


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


class MadeUpWords:
    """Words of a language's letters, by Zipf rank: rank r is always the same word."""

    def __init__(self, vocabulary: Vocabulary, seed: int) -> None:
        letters = sorted({char for word in vocabulary.occurrences for char in word
                          if char.isalpha()})
        self._letters = letters or list("abcdefghijklmnopqrstuvwxyz")
        self._seed = seed
        self._words: dict[int, str] = {}
        # Cumulative 1/rank weights, for rng.choices.
        total, cumulative = 0.0, []
        for rank in range(1, ZIPF_WORDS + 1):
            total += 1.0 / rank
            cumulative.append(total)
        self._cumulative = cumulative
        self._ranks = range(ZIPF_WORDS)

    def draw(self, rng: random.Random, count: int) -> list[str]:
        """`count` words drawn by Zipf frequency."""
        ranks = rng.choices(self._ranks, cum_weights=self._cumulative, k=count)
        return [self._word(rank) for rank in ranks]

    def _word(self, rank: int) -> str:
        word = self._words.get(rank)
        if word is None:
            made = random.Random(self._seed * 1_000_003 + rank)  # noqa: S311 - test data
            word = "".join(made.choices(self._letters, k=made.randint(4, 10)))
            self._words[rank] = word
        return word


def _sentence(rng: random.Random, vocabulary: Vocabulary, lengths: Sequence[int],
              made_up: MadeUpWords) -> str:
    length = rng.choice(lengths)
    chosen = rng.choices(vocabulary.occurrences, k=length)
    invented = iter(made_up.draw(rng, length))
    chosen = [next(invented) if rng.random() < ZIPF_SHARE else word for word in chosen]
    chosen[0] = chosen[0].capitalize()
    return " ".join(chosen)


def generate_knowledge(
    knowledge: Knowledge,
    size: int,
    seed: int = DEFAULT_SEED,
    phrasings: int = PHRASINGS_PER_FACT,
) -> Knowledge:
    """A knowledge base of `size` facts: the real facts first, then synthetic ones whose
    phrasings and answers draw half their words from the real ones as often as they occur
    there (so the common words stay common) and half from made-up words by Zipf frequency, with
    real phrasing and answer lengths, `phrasings` per language.
    Built in memory; nothing is validated or written."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    languages = knowledge.languages
    vocabularies = {language: collect_vocabulary(knowledge, language) for language in languages}
    made_up = {language: MadeUpWords(vocabularies[language], seed) for language in languages}
    topics = list(knowledge.topics)
    facts: list[Fact] = list(knowledge.facts[:size])
    for number in range(size - len(facts)):
        questions: dict[str, tuple[str, ...]] = {}
        answers: dict[str, str] = {}
        for language in languages:
            vocabulary = vocabularies[language]
            questions[language] = tuple(
                _sentence(rng, vocabulary, vocabulary.question_lengths, made_up[language]) + "?"
                for _ in range(phrasings)
            )
            answers[language] = _sentence(rng, vocabulary, vocabulary.answer_lengths,
                                          made_up[language]) + "."
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
