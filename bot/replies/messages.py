"""Everything the bot says that is not a fact's answer, from the language files."""

from __future__ import annotations

from bot.knowledge import language_resources, load_languages


def message(language: str, key: str, **values: object) -> str:
    """Return one message in the language (English when it has no file), filled with values."""
    template = language_resources(language).messages[key]
    return template.format(**values) if values else template


def language_name(code: str) -> str:
    """A language's name in itself (Русский) for the language menu; the code if it has no file."""
    language = load_languages().get(code)
    return language.name if language is not None else code
