"""The article's overview (overview.yaml): what the article is about, in each language,
checked like an answer: every number in it is in the source text."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from bot.knowledge.files import numbers_in, read_yaml

OVERVIEW_FILE = "overview.yaml"


def load_overview(directory: Path, languages: tuple[str, ...], texts: Iterable[str],
                  problems: list[str]) -> dict[str, str]:
    """The overview by language ({} when the file is absent); a problem line for a language
    the knowledge base lacks, an empty text, or a number no source has."""
    path = directory / OVERVIEW_FILE
    if not path.exists():
        return {}
    raw = read_yaml(path, problems)
    if raw is None:
        return {}
    written = raw.get("overview") if isinstance(raw, dict) else None
    if not isinstance(written, dict) or not written:
        problems.append(f"{OVERVIEW_FILE}: field 'overview': expected a text per language")
        return {}
    source = " ".join(texts)
    known = numbers_in(source)
    overview: dict[str, str] = {}
    for language, text in written.items():
        where = f"{OVERVIEW_FILE}: field 'overview.{language}'"
        if language not in languages:
            problems.append(f"{where}: unknown language")
        elif not isinstance(text, str) or not text.strip():
            problems.append(f"{where}: expected a non-empty text")
        else:
            for number in sorted(numbers_in(text) - known):
                problems.append(f"{where}: the number {number} is not in the source text")
            overview[language] = " ".join(text.split())
    if languages and languages[0] not in overview:
        problems.append(f"{OVERVIEW_FILE}: field 'overview.{languages[0]}': missing (the "
                        "first language is every other's fallback)")
    return overview
