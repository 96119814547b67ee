"""Country names in each language, so a question about another country is not answered."""

from __future__ import annotations

import gettext
from functools import cache

from bot.engine.reading import reader, words
from bot.knowledge import language_resources


@cache
def country_words(language: str) -> frozenset[str]:
    """Folded one-word country names (Thailand, Таиланд) in the language; in a language
    written without spaces (Lao), each name as read, not cut into tokens."""
    return frozenset(name for name, _ in _names(language))


@cache
def single_words(language: str) -> frozenset[str]:
    """The country names written as one word ("Đức"), not read as one from several ("Trung
    Quốc"): where words are written syllable by syllable, such a name is also a syllable of
    other words ("giáo dục", education, typed without marks)."""
    return frozenset(name for name, single in _names(language) if single)


@cache
def _names(language: str) -> frozenset[tuple[str, bool]]:
    """Each folded one-word country name, and whether it is written as one word."""
    import pycountry  # imported here: only building an index needs it, a cached one does not

    # The language file adds the short names ISO 3166 lists only in a longer form ("Russia").
    short = language_resources(language).countries
    read = reader(language)
    prepare = read.normal if language_resources(language).segment is not None else read.prepare
    names: set[tuple[str, bool]] = set()

    def add(name: str) -> None:
        # A name of two words ("Triều Tiên") is a place only as one: the language file
        # joins it.
        prepared = prepare(name)
        parts = words(prepared)
        if len(parts) == 1:
            names.add((parts[0], len(prepared.split()) == 1))

    for name in short:
        add(name)
    translate = gettext.NullTranslations().gettext
    if language != "en":
        try:
            translate = gettext.translation(
                "iso3166-1", pycountry.LOCALES_DIR, languages=[language]
            ).gettext
        except OSError:
            return frozenset()
    for country in pycountry.countries:
        for attribute in ("name", "common_name"):
            listed = getattr(country, attribute, None)
            if listed:
                add(translate(listed))
    return frozenset(names)
