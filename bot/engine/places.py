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
    import pycountry  # imported here: only building an index needs it, a cached one does not

    # The language file adds the short names ISO 3166 lists only in a longer form ("Russia").
    short = language_resources(language).countries
    read = reader(language)
    prepare = read.normal if language_resources(language).segment is not None else read.prepare
    # A name of two words ("Triều Tiên") is a place only as one: the language file joins it.
    names = {parts[0] for parts in (words(prepare(name)) for name in short) if len(parts) == 1}
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
            name = getattr(country, attribute, None)
            if name:
                parts = words(prepare(translate(name)))
                if len(parts) == 1:
                    names.add(parts[0])
    return frozenset(names)
