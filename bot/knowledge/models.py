"""The knowledge base as the rest of the bot sees it: the article, its facts and synonyms."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Fact:
    """One statement of the article, answerable in every language of the knowledge base."""

    id: str
    topic: str
    questions: Mapping[str, tuple[str, ...]]
    answer: Mapping[str, str]
    quote: str
    related: tuple[str, ...]
    file: str
    # Questions that sound like this fact but ask what the article does not say.
    not_in_article: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def answer_in(self, language: str) -> str:
        """The answer in the language, else in the knowledge base's first language."""
        return self.answer.get(language) or next(iter(self.answer.values()))


@dataclass(frozen=True)
class Article:
    """What the bot knows about its source article."""

    publisher: str
    date: str
    title: Mapping[str, str]
    photo_credit: str
    text: str


@dataclass(frozen=True)
class Knowledge:
    """A complete, validated knowledge base."""

    article: Article
    languages: tuple[str, ...]
    topics: Mapping[str, Mapping[str, str]]
    facts: tuple[Fact, ...]
    synonyms: Mapping[str, tuple[tuple[str, ...], ...]]
    directory: Path
    calibration: Mapping[str, float] = field(default_factory=dict)  # decision thresholds
    by_id: Mapping[str, Fact] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_id", {fact.id: fact for fact in self.facts})

    def facts_in_topic(self, topic: str) -> tuple[Fact, ...]:
        """Return the facts of one topic, in knowledge-base order."""
        return tuple(fact for fact in self.facts if fact.topic == topic)
