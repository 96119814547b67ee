"""The knowledge base as the rest of the bot sees it: its sources, facts and synonyms."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Fact:
    """One statement of a source, answerable in every language of the knowledge base."""

    id: str
    topic: str  # "" when the knowledge base has no topics
    questions: Mapping[str, tuple[str, ...]]
    answer: Mapping[str, str]
    quote: str  # verbatim from an article source; "" for other kinds of source
    related: tuple[str, ...]
    file: str
    # Questions that sound like this fact but ask what the article does not say.
    not_in_article: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    source: str = ""  # the id of its source; "" for the knowledge base's first source

    def answer_in(self, language: str) -> str:
        """The answer in the language, else in the knowledge base's first language."""
        return self.answer.get(language) or next(iter(self.answer.values()))


@dataclass(frozen=True)
class Source:
    """Where facts come from: an article (publisher, date, photo credit, its text verbatim)
    or another kind (a FAQ, an operator's notes) with a title only."""

    publisher: str
    date: str
    title: Mapping[str, str]
    photo_credit: str
    text: str
    id: str = "article"
    kind: str = "article"  # article | faq | notes

    @property
    def is_article(self) -> bool:
        """Whether facts from it must quote its text verbatim."""
        return self.kind == "article"


Article = Source  # the name the single-article knowledge bases grew up with


@dataclass(frozen=True)
class Knowledge:
    """A complete, validated knowledge base."""

    article: Source  # the first source: the one the bot introduces itself with
    languages: tuple[str, ...]
    topics: Mapping[str, Mapping[str, str]]
    facts: tuple[Fact, ...]
    synonyms: Mapping[str, tuple[tuple[str, ...], ...]]
    directory: Path
    calibration: Mapping[str, float] = field(default_factory=dict)  # decision thresholds
    # Thresholds of one language over the others': scores are distributed differently in a
    # language read as character n-grams (Lao) than in one read as words.
    language_calibration: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    sources: Mapping[str, Source] = field(default_factory=dict)  # by id, the first first
    overview: Mapping[str, str] = field(default_factory=dict)  # what it is about, by language
    by_id: Mapping[str, Fact] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_id", {fact.id: fact for fact in self.facts})
        if not self.sources:
            object.__setattr__(self, "sources", {self.article.id: self.article})

    def source_of(self, fact: Fact) -> Source:
        """The source a fact comes from."""
        return self.sources.get(fact.source, self.article)

    def overview_in(self, language: str) -> str:
        """The overview in the language, else in the first language; "" when there is none."""
        return self.overview.get(language) or self.overview.get(self.languages[0], "")

    def facts_in_topic(self, topic: str) -> tuple[Fact, ...]:
        """Return the facts of one topic, in knowledge-base order."""
        return tuple(fact for fact in self.facts if fact.topic == topic)
