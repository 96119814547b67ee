"""The knowledge base's manifest: its languages, topics and sources, declared once.

`knowledge.yaml` declares any number of sources: articles (publisher, date, photo credit, the
text verbatim in a file) and other kinds (a FAQ, an operator's notes) with a title only. The
older `article.yaml` is the same thing for one article and is still read."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from bot.knowledge.files import ARTICLE_FILE, MANIFEST_FILE, describe, oversized, read_yaml
from bot.knowledge.models import Source

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]



class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceModel(_Strict):
    id: NonEmpty
    kind: Literal["article", "faq", "notes"]
    title: dict[str, NonEmpty] = Field(min_length=1)
    file: NonEmpty | None = None  # an article's text, verbatim
    publisher: NonEmpty | None = None
    date: NonEmpty | None = None
    photo_credit: NonEmpty | None = None


class ManifestModel(_Strict):
    languages: list[NonEmpty] = Field(min_length=1)
    topics: dict[NonEmpty, dict[str, NonEmpty]] = Field(default_factory=dict)
    sources: list[SourceModel] = Field(min_length=1)


class ArticleModel(_Strict):
    source_file: NonEmpty
    publisher: NonEmpty
    date: NonEmpty
    title: dict[str, NonEmpty]
    photo_credit: NonEmpty
    languages: list[NonEmpty] = Field(min_length=1)
    topics: dict[NonEmpty, dict[str, NonEmpty]] = Field(min_length=1)


@dataclass(frozen=True)
class Manifest:
    """What the manifest declares, validated."""

    file: str  # the manifest's file name, for problem lines
    languages: tuple[str, ...]
    topics: dict[str, dict[str, str]]
    sources: dict[str, Source]  # by id, in declared order


def _read_text(directory: Path, name: str, where: str, problems: list[str]) -> str:
    path = directory / name
    too_large = oversized(path, f"{where}: {path.name}")
    if too_large is not None:
        problems.append(too_large)
        return ""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        problems.append(f"{where}: cannot read {path.name} ({error})")
        return ""


def _check_languages(manifest: Manifest, titles: dict[str, dict[str, str]],
                     problems: list[str]) -> None:
    """Every title and topic name in every language."""
    for language in manifest.languages:
        for label, names in titles.items():
            if language not in names:
                problems.append(f"{manifest.file}: field '{label}.{language}': missing")
        for topic, names in manifest.topics.items():
            if language not in names:
                problems.append(f"{manifest.file}: field 'topics.{topic}.{language}': missing")


def _from_article_file(directory: Path, raw: object, problems: list[str]) -> Manifest | None:
    try:
        article = ArticleModel.model_validate(raw)
    except ValidationError as error:
        problems.extend(describe(error, f"{ARTICLE_FILE}: "))
        return None
    text = _read_text(directory, article.source_file, f"{ARTICLE_FILE}: field 'source_file'",
                      problems)
    source = Source(publisher=article.publisher, date=article.date, title=dict(article.title),
                    photo_credit=article.photo_credit, text=text)
    manifest = Manifest(ARTICLE_FILE, tuple(article.languages),
                        {topic: dict(names) for topic, names in article.topics.items()},
                        {source.id: source})
    _check_languages(manifest, {"title": dict(article.title)}, problems)
    return manifest


def _from_manifest_file(directory: Path, raw: object, problems: list[str]) -> Manifest | None:
    try:
        model = ManifestModel.model_validate(raw)
    except ValidationError as error:
        problems.extend(describe(error, f"{MANIFEST_FILE}: "))
        return None
    sources: dict[str, Source] = {}
    titles: dict[str, dict[str, str]] = {}
    for number, item in enumerate(model.sources):
        where = f"{MANIFEST_FILE}: field 'sources.{number}"
        if item.id in sources:
            problems.append(f"{where}.id': duplicate source id '{item.id}'")
        text = ""
        if item.kind == "article":
            # An article is cited with its publisher and date, and its facts quote its text.
            for name in ("file", "publisher", "date"):
                if getattr(item, name) is None:
                    problems.append(f"{where}.{name}': required for an article")
            if item.file is not None:
                text = _read_text(directory, item.file, f"{where}.file'", problems)
        sources[item.id] = Source(
            publisher=item.publisher or "", date=item.date or "", title=dict(item.title),
            photo_credit=item.photo_credit or "", text=text, id=item.id, kind=item.kind,
        )
        titles[f"sources.{number}.title"] = dict(item.title)
    manifest = Manifest(MANIFEST_FILE, tuple(model.languages),
                        {topic: dict(names) for topic, names in model.topics.items()}, sources)
    _check_languages(manifest, titles, problems)
    return manifest


def read_manifest(directory: Path, problems: list[str]) -> Manifest | None:
    """The manifest of the knowledge base in the directory; None (with problems) when it is
    missing or invalid."""
    name = MANIFEST_FILE if (directory / MANIFEST_FILE).exists() else ARTICLE_FILE
    raw = read_yaml(directory / name, problems)
    if raw is None:
        if not problems:
            problems.append(f"{name}: file is empty")
        return None
    if name == MANIFEST_FILE:
        return _from_manifest_file(directory, raw, problems)
    return _from_article_file(directory, raw, problems)
