"""Loading and validating the knowledge base: the article's metadata, synonyms and facts."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from bot.knowledge.files import KnowledgeError, describe, read_yaml
from bot.knowledge.models import Article, Fact, Knowledge
from bot.knowledge.resources import LANGUAGES_DIR, load_languages

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

ARTICLE_FILE = "article.yaml"
SYNONYMS_FILE = "synonyms.yaml"
CALIBRATION_FILE = "calibration.yaml"  # decision thresholds fitted by `python -m bot calibrate`


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ArticleModel(_Strict):
    source_file: NonEmpty
    publisher: NonEmpty
    date: NonEmpty
    title: dict[str, NonEmpty]
    photo_credit: NonEmpty
    languages: list[NonEmpty] = Field(min_length=1)
    topics: dict[NonEmpty, dict[str, NonEmpty]] = Field(min_length=1)


class FactModel(_Strict):
    id: NonEmpty
    topic: NonEmpty
    questions: dict[str, list[NonEmpty]]
    answer: dict[str, NonEmpty]
    quote: NonEmpty
    related: list[NonEmpty] = Field(default_factory=list)
    not_in_article: dict[str, list[NonEmpty]] = Field(default_factory=dict)


class FactsFileModel(_Strict):
    facts: list[dict[str, Any]] = Field(min_length=1)


def default_knowledge_dir() -> Path:
    """Return `KNOWLEDGE_DIR` if set, else the knowledge base shipped with the package."""
    configured = os.environ.get("KNOWLEDGE_DIR")
    if configured:
        return Path(configured)
    source_tree = Path(__file__).resolve().parents[2] / "knowledge"
    if (source_tree / ARTICLE_FILE).is_file():
        return source_tree
    return Path(__file__).resolve().parents[1] / "knowledge_data"


def _load_article(directory: Path, problems: list[str]) -> tuple[ArticleModel | None, str]:
    raw = read_yaml(directory / ARTICLE_FILE, problems)
    if raw is None:
        if not problems:
            problems.append(f"{ARTICLE_FILE}: file is empty")
        return None, ""
    try:
        article = ArticleModel.model_validate(raw)
    except ValidationError as error:
        problems.extend(describe(error, f"{ARTICLE_FILE}: "))
        return None, ""
    source = directory / article.source_file
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        problems.append(f"{ARTICLE_FILE}: field 'source_file': cannot read {source.name} ({error})")
        return article, ""
    for language in article.languages:
        if language not in article.title:
            problems.append(f"{ARTICLE_FILE}: field 'title.{language}': missing")
        for topic, names in article.topics.items():
            if language not in names:
                problems.append(f"{ARTICLE_FILE}: field 'topics.{topic}.{language}': missing")
    return article, text


def _load_synonyms(
    directory: Path, languages: Iterable[str], problems: list[str]
) -> dict[str, tuple[tuple[str, ...], ...]]:
    path = directory / SYNONYMS_FILE
    if not path.exists():
        return {}
    raw = read_yaml(path, problems)
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        problems.append(f"{SYNONYMS_FILE}: expected a mapping of language to word groups")
        return {}
    result: dict[str, tuple[tuple[str, ...], ...]] = {}
    for language in languages:
        groups = raw.get(language) or []
        seen: dict[str, int] = {}
        clean: list[tuple[str, ...]] = []
        for number, group in enumerate(groups):
            if not isinstance(group, list) or not all(
                isinstance(word, str) and word.strip() for word in group
            ):
                problems.append(
                    f"{SYNONYMS_FILE}: field '{language}.{number}': expected a list of words"
                )
                continue
            words = tuple(word.strip().lower() for word in group)
            for word in words:
                if word in seen and seen[word] != number:
                    problems.append(
                        f"{SYNONYMS_FILE}: field '{language}.{number}': "
                        f"'{word}' is already in group {seen[word]}"
                    )
                seen[word] = number
            clean.append(words)
        result[language] = tuple(clean)
    return result


def _load_calibration(directory: Path, problems: list[str]) -> dict[str, float]:
    """The optional calibrated thresholds: a mapping of names to numbers (the engine checks
    the names)."""
    path = directory / CALIBRATION_FILE
    if not path.exists():
        return {}
    raw = read_yaml(path, problems)
    if raw is None:
        return {}
    if not isinstance(raw, dict) or not all(
        isinstance(key, str) and isinstance(value, int | float) and not isinstance(value, bool)
        for key, value in raw.items()
    ):
        problems.append(f"{CALIBRATION_FILE}: expected a mapping of threshold names to numbers")
        return {}
    return {key: float(value) for key, value in raw.items()}


def _plain(text: str) -> str:
    """A phrasing with case and spacing ignored, to compare two phrasings."""
    return " ".join(text.casefold().split())


def _check_fact(
    fact: FactModel, prefix: str, article: ArticleModel, text: str, problems: list[str]
) -> None:
    if fact.topic not in article.topics:
        problems.append(f"{prefix}field 'topic': unknown topic '{fact.topic}'")
    for language in article.languages:
        if not fact.questions.get(language):
            problems.append(f"{prefix}field 'questions.{language}': no phrasings in '{language}'")
        if language not in fact.answer:
            problems.append(f"{prefix}field 'answer.{language}': no answer in '{language}'")
    for language in fact.questions:
        if language not in article.languages:
            problems.append(f"{prefix}field 'questions.{language}': unknown language")
    for language, misses in fact.not_in_article.items():
        if language not in article.languages:
            problems.append(f"{prefix}field 'not_in_article.{language}': unknown language")
        asked = set(map(_plain, fact.questions.get(language, ())))
        for miss in misses:
            if _plain(miss) in asked:
                problems.append(
                    f"{prefix}field 'not_in_article.{language}': '{miss}' is also one of its "
                    "questions"
                )
    if text and fact.quote not in text:
        problems.append(f"{prefix}field 'quote': not found verbatim in {article.source_file}")


def _load_facts(path: Path, article: ArticleModel, text: str, problems: list[str]) -> list[Fact]:
    raw = read_yaml(path, problems)
    if raw is None:
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
        _check_fact(model, prefix, article, text, problems)
        _check_numbers(model, prefix, problems)
        facts.append(
            Fact(
                id=model.id,
                topic=model.topic,
                questions={lang: tuple(qs) for lang, qs in model.questions.items()},
                answer=dict(model.answer),
                quote=model.quote,
                related=tuple(model.related),
                file=path.name,
                not_in_article={lang: tuple(qs) for lang, qs in model.not_in_article.items()},
            )
        )
    return facts


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _check_numbers(fact: FactModel, prefix: str, problems: list[str]) -> None:
    """Every number in one language's answer is in every other language's: a translation
    that drops or changes a figure, a date or a year says something the article does not."""
    found = {language: set(_NUMBER.findall(answer)) for language, answer in fact.answer.items()}
    for language, numbers in found.items():
        for other, theirs in found.items():
            for number in sorted(numbers - theirs):
                problems.append(f"{prefix}field 'answer.{other}': lacks the number {number} "
                                f"that answer.{language} has")


def _check_links(facts: list[Fact], problems: list[str]) -> None:
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


def _check_languages(languages: Iterable[str], problems: list[str]) -> None:
    """The language files' own problems, and a knowledge language that has no file."""
    try:
        shipped = load_languages()
    except KnowledgeError as error:
        problems.extend(error.problems)
        return
    for language in languages:
        if language not in shipped:
            problems.append(f"{ARTICLE_FILE}: field 'languages': no language file "
                            f"{language}.yaml in {LANGUAGES_DIR}")


def load_knowledge(directory: Path | str | None = None) -> Knowledge:
    """Load and fully validate a knowledge base; raise `KnowledgeError` listing every problem."""
    root = Path(directory) if directory is not None else default_knowledge_dir()
    if not root.is_dir():
        raise KnowledgeError([f"{root}: knowledge directory not found"])
    problems: list[str] = []
    article, text = _load_article(root, problems)
    if article is None:
        raise KnowledgeError(problems)
    _check_languages(article.languages, problems)
    synonyms = _load_synonyms(root, article.languages, problems)
    calibration = _load_calibration(root, problems)
    fact_files = sorted(
        path for path in root.glob("*.yaml")
        if path.name not in {ARTICLE_FILE, SYNONYMS_FILE, CALIBRATION_FILE}
    )
    if not fact_files:
        problems.append(f"{root}: no fact files (*.yaml besides {ARTICLE_FILE})")
    facts: list[Fact] = []
    for path in fact_files:
        facts.extend(_load_facts(path, article, text, problems))
    _check_links(facts, problems)
    if problems:
        raise KnowledgeError(problems)
    return Knowledge(
        article=Article(
            publisher=article.publisher,
            date=article.date,
            title=dict(article.title),
            photo_credit=article.photo_credit,
            text=text,
        ),
        languages=tuple(article.languages),
        topics={topic: dict(names) for topic, names in article.topics.items()},
        facts=tuple(facts),
        synonyms=synonyms,
        calibration=calibration,
        directory=root,
    )
