"""Country names in each language, so a question about another country is not answered."""

from __future__ import annotations

import gettext
from functools import cache

import pycountry

from bot.engine.analysis import words

# Short names people use that ISO 3166 lists only in a longer form ("Russian Federation").
_SHORT_NAMES = {"en": ("Russia", "Korea"), "ru": ("Россия", "Корея", "Молдова")}


@cache
def country_words(language: str) -> frozenset[str]:
    """Folded one-word country names (Thailand, Таиланд) in the language."""
    names = {word for name in _SHORT_NAMES.get(language, ()) for word in words(name)}
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
                parts = words(translate(name))
                if len(parts) == 1:
                    names.add(parts[0])
    return frozenset(names)
