"""Tests for bot.engine.places: country names in each language."""

from __future__ import annotations

import pytest

from bot.engine.places import country_words


@pytest.mark.parametrize(("language", "name"), [("en", "russia"), ("ru", "россия"), ("en", "laos")])
def test_short_country_names_are_countries(language: str, name: str) -> None:
    """Countries ISO lists only by a long name ("Russian Federation") are known by the short one."""
    assert name in country_words(language)
