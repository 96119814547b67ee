"""Years named relative to now ("last year"), read as years counted from the source's date."""

from __future__ import annotations

import re
from functools import cache

from bot.engine.cue_reading import phrase_pattern
from bot.engine.reading import strip_marks
from bot.knowledge import Knowledge, language_resources

_YEAR = re.compile(r"\d{4}")


def source_year(knowledge: Knowledge) -> int | None:
    """The year of the knowledge base's first source ("2025-08-01": 2025); None when it has
    no date (a FAQ): then no year is relative to anything."""
    found = _YEAR.match(knowledge.article.date or "")
    return int(found.group()) if found else None


@cache
def _phrases(language: str) -> tuple[re.Pattern[str], dict[str, int]] | None:
    """One pattern for the language's `relative_years` (with and without marks), and each
    form's offset."""
    offsets: dict[str, int] = {}
    for phrase, offset in language_resources(language).relative_years.items():
        for form in (phrase.casefold(), strip_marks(phrase.casefold())):
            offsets.setdefault(form, offset)
    pattern = phrase_pattern(offsets, language, re.IGNORECASE)
    return (pattern, offsets) if pattern is not None else None


def dated(question: str, language: str, year: int | None) -> str:
    """The question with its relative years written as years counted from `year` ("how much
    did trade grow last year" of a 2025 article: "... 2024"); as it is otherwise."""
    found = _phrases(language) if year is not None else None
    if found is None or year is None:
        return question
    pattern, offsets = found
    return pattern.sub(lambda match: f" {year + offsets[match.group().casefold()]} ", question)
