"""Loading and validating the knowledge base: its manifest, synonyms, calibration and facts."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from bot.knowledge.fact_files import check_links, load_facts
from bot.knowledge.files import (
    ARTICLE_FILE,
    CALIBRATION_FILE,
    MANIFEST_FILE,
    SYNONYMS_FILE,
    KnowledgeError,
    default_knowledge_dir,
    read_yaml,
)
from bot.knowledge.manifest import read_manifest
from bot.knowledge.models import Fact, Knowledge
from bot.knowledge.overview import OVERVIEW_FILE, load_overview
from bot.knowledge.resources import LANGUAGES_DIR, load_languages

# What `check` enforces, in the words `python -m bot check --rules` prints.
RULES = (
    "knowledge.yaml (or article.yaml for a single article) declares the languages, the topics "
    "(optional) and the sources; a source is an article (file with its text verbatim, "
    "publisher, date; photo credit optional) or a faq or notes source (a title only); every "
    "title and topic name exists in every language",
    "every language has a language file (bot/knowledge/languages/xx.yaml) that validates",
    "the knowledge base has at least one fact file (*.yaml), and YAML is only ever read safely",
    "fact ids are unique across all fact files; related ids exist and are not the fact itself",
    "a fact has phrasings and an answer in every language of the knowledge base, and no "
    "language it does not declare",
    "a fact names its source when there are several; an article's fact quotes its text "
    "verbatim; other facts need no quote",
    "a fact has a known topic when the knowledge base has topics, and none otherwise",
    "a not_in_article phrasing is not also one of the same fact's questions",
    "synonyms.yaml holds lists of words per language, no word in two groups",
    "calibration.yaml, when present, maps threshold names to numbers; under `languages`, a "
    "language of the knowledge base may have its own",
    "overview.yaml, when present, gives the article's overview in the first language and "
    "any others of the knowledge base; every number in it is in a source's text",
)


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


def _numbers(raw: object) -> dict[str, float] | None:
    """A mapping of names to numbers, or None when it is not one."""
    if not isinstance(raw, dict) or not all(
        isinstance(key, str) and isinstance(value, int | float) and not isinstance(value, bool)
        for key, value in raw.items()
    ):
        return None
    return {key: float(value) for key, value in raw.items()}


def _load_calibration(
    directory: Path, languages: Iterable[str], problems: list[str]
) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
    """The optional calibrated thresholds: names to numbers (the engine checks the names),
    and under `languages`, a language's own."""
    path = directory / CALIBRATION_FILE
    if not path.exists():
        return {}, {}
    raw = read_yaml(path, problems)
    if raw is None:
        return {}, {}
    per_language = raw.pop("languages", {}) if isinstance(raw, dict) else {}
    overall = _numbers(raw)
    if overall is None:
        problems.append(f"{CALIBRATION_FILE}: expected a mapping of threshold names to numbers")
        return {}, {}
    own: dict[str, dict[str, float]] = {}
    if not isinstance(per_language, dict):
        per_language = {"": None}
    for language, values in per_language.items():
        numbers = _numbers(values)
        if language not in languages or numbers is None:
            problems.append(f"{CALIBRATION_FILE}: field 'languages.{language}': expected a "
                            "language of the knowledge base with threshold names and numbers")
            continue
        own[language] = numbers
    return overall, own


def _check_languages(languages: Iterable[str], manifest: str, problems: list[str]) -> None:
    """The language files' own problems, and a knowledge language that has no file."""
    try:
        shipped = load_languages()
    except KnowledgeError as error:
        problems.extend(error.problems)
        return
    for language in languages:
        if language not in shipped:
            problems.append(f"{manifest}: field 'languages': no language file "
                            f"{language}.yaml in {LANGUAGES_DIR}")


def load_knowledge(directory: Path | str | None = None) -> Knowledge:
    """Load and fully validate a knowledge base; raise `KnowledgeError` listing every problem."""
    root = Path(directory) if directory is not None else default_knowledge_dir()
    if not root.is_dir():
        raise KnowledgeError([f"{root}: knowledge directory not found"])
    problems: list[str] = []
    manifest = read_manifest(root, problems)
    if manifest is None:
        raise KnowledgeError(problems)
    _check_languages(manifest.languages, manifest.file, problems)
    synonyms = _load_synonyms(root, manifest.languages, problems)
    calibration, language_calibration = _load_calibration(root, manifest.languages, problems)
    fact_files = sorted(
        path for path in root.glob("*.yaml")
        if path.name not in {MANIFEST_FILE, ARTICLE_FILE, SYNONYMS_FILE, CALIBRATION_FILE,
                             OVERVIEW_FILE}
    )
    overview = load_overview(root, manifest.languages,
                             (source.text for source in manifest.sources.values()), problems)
    if not fact_files:
        problems.append(f"{root}: no fact files (*.yaml besides {manifest.file})")
    facts: list[Fact] = []
    for path in fact_files:
        facts.extend(load_facts(path, manifest, problems))
    check_links(facts, problems)
    if not facts and not problems:
        problems.append(f"{root}: no facts")  # the engine cannot answer from nothing
    if problems:
        raise KnowledgeError(problems)
    return Knowledge(
        article=next(iter(manifest.sources.values())),
        languages=manifest.languages,
        topics=manifest.topics,
        facts=tuple(facts),
        synonyms=synonyms,
        calibration=calibration,
        language_calibration=language_calibration,
        directory=root,
        sources=manifest.sources,
        overview=overview,
    )
