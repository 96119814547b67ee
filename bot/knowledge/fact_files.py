"""A fact file: its schema, each fact's checks, and the links between facts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from bot.knowledge.files import describe, numbers_in, read_yaml
from bot.knowledge.manifest import Manifest
from bot.knowledge.models import Fact

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FactModel(_Strict):
    id: NonEmpty
    source: NonEmpty | None = None  # may be left out when there is one source
    topic: NonEmpty | None = None
    questions: dict[str, list[NonEmpty]]
    answer: dict[str, NonEmpty]
    quote: NonEmpty | None = None  # required for an article's facts
    related: list[NonEmpty] = Field(default_factory=list)
    not_in_article: dict[str, list[NonEmpty]] = Field(default_factory=dict)


class FactsFileModel(_Strict):
    facts: list[dict[str, Any]] = Field(min_length=1)


def _plain(text: str) -> str:
    """A phrasing with case and spacing ignored, to compare two phrasings."""
    return " ".join(text.casefold().split())


def _check_fact(fact: FactModel, prefix: str, manifest: Manifest, problems: list[str]) -> None:
    if fact.topic is not None and fact.topic not in manifest.topics:
        problems.append(f"{prefix}field 'topic': unknown topic '{fact.topic}'")
    elif fact.topic is None and manifest.topics:  # a topic menu would leave this fact out
        problems.append(f"{prefix}field 'topic': required when the knowledge base has topics")
    for language in manifest.languages:
        if not fact.questions.get(language):
            problems.append(f"{prefix}field 'questions.{language}': no phrasings in '{language}'")
        if language not in fact.answer:
            problems.append(f"{prefix}field 'answer.{language}': no answer in '{language}'")
    for language in fact.questions:
        if language not in manifest.languages:
            problems.append(f"{prefix}field 'questions.{language}': unknown language")
    for language, misses in fact.not_in_article.items():
        if language not in manifest.languages:
            problems.append(f"{prefix}field 'not_in_article.{language}': unknown language")
        asked = set(map(_plain, fact.questions.get(language, ())))
        for miss in misses:
            if _plain(miss) in asked:
                problems.append(
                    f"{prefix}field 'not_in_article.{language}': '{miss}' is also one of its "
                    "questions"
                )
    if fact.source is None and len(manifest.sources) > 1:
        problems.append(f"{prefix}field 'source': required when there are several sources")
    source = manifest.sources.get(fact.source or next(iter(manifest.sources)))
    if source is None:
        problems.append(f"{prefix}field 'source': unknown source '{fact.source}'")
    elif source.is_article and fact.quote is None:
        problems.append(f"{prefix}field 'quote': required for a fact from an article")
    elif source.text and fact.quote is not None and fact.quote not in source.text:
        problems.append(f"{prefix}field 'quote': not found verbatim in the text of "
                        f"'{source.id}'")


def load_facts(path: Path, manifest: Manifest, problems: list[str]) -> list[Fact]:
    known = len(problems)
    raw = read_yaml(path, problems, fast=True)
    if raw is None:
        # An empty or comment-only fact file would otherwise pass as "no facts here": say so.
        if len(problems) == known:
            problems.append(f"{path.name}: file is empty (no facts)")
        return []
    try:
        facts_file = FactsFileModel.model_validate(raw)
    except ValidationError as error:
        problems.extend(describe(error, f"{path.name}: "))
        return []
    facts: list[Fact] = []
    for number, item in enumerate(facts_file.facts):
        fact_id = item.get("id") if isinstance(item, dict) else None
        label = (
            f"fact '{fact_id}'" if isinstance(fact_id, str) and fact_id else f"fact #{number + 1}"
        )
        prefix = f"{path.name}: {label}: "
        try:
            model = FactModel.model_validate(item)
        except ValidationError as error:
            problems.extend(describe(error, prefix))
            continue
        _check_fact(model, prefix, manifest, problems)
        _check_numbers(model, prefix, problems)
        facts.append(
            Fact(
                id=model.id,
                topic=model.topic or "",
                questions={lang: tuple(qs) for lang, qs in model.questions.items()},
                answer=dict(model.answer),
                quote=model.quote or "",
                source=model.source or "",
                related=tuple(model.related),
                file=path.name,
                not_in_article={lang: tuple(qs) for lang, qs in model.not_in_article.items()},
            )
        )
    return facts


def _check_numbers(fact: FactModel, prefix: str, problems: list[str]) -> None:
    """Every number in one language's answer is in every other language's: a translation
    that drops or changes a figure, a date or a year says something the article does not."""
    found = {language: numbers_in(answer) for language, answer in fact.answer.items()}
    for language, numbers in found.items():
        for other, theirs in found.items():
            for number in sorted(numbers - theirs):
                problems.append(f"{prefix}field 'answer.{other}': lacks the number {number} "
                                f"that answer.{language} has")


def check_links(facts: list[Fact], problems: list[str]) -> None:
    seen: dict[str, str] = {}
    for fact in facts:
        if fact.id in seen:
            problems.append(
                f"{fact.file}: fact '{fact.id}': field 'id': duplicate id (also in {seen[fact.id]})"
            )
        seen.setdefault(fact.id, fact.file)
    for fact in facts:
        for related in fact.related:
            if related not in seen:
                problems.append(
                    f"{fact.file}: fact '{fact.id}': field 'related': unknown id '{related}'"
                )
            elif related == fact.id:
                problems.append(f"{fact.file}: fact '{fact.id}': field 'related': refers to itself")
