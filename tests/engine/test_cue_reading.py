"""Tests for bot.engine.cue_reading: a message's words as the cue checks read them."""

from __future__ import annotations

import pytest

from bot.engine.cue_reading import cue_read, read_word


@pytest.mark.parametrize(
    ("word", "language", "read"),
    [
        ("sumarise", "en", "summarise"),  # one edit from a cue word
        ("artcle", "en", "article"),  # one edit from a stopword
        ("summarizing", "en", "summarize"),  # another form of a cue word
        ("резюмируй", "ru", "резюме"),
        ("текстиль", "ru", "текстиль"),  # begins like the five-letter "текст", no form of it
        ("point", "en", "points"),  # short, but of a cue word's stem ("main points")
        ("итог", "ru", "итог"),  # a cue word itself
        ("trade", "en", "trade"),  # too short to tell, and no cue word
        ("chinh", "vi", "chinh"),  # a Vietnamese syllable: too short to tell
    ],
)
def test_read_word(word: str, language: str, read: str) -> None:
    """A misspelt or other form of a cue word or stopword is read as that word; a short
    word or another word is left as it is."""
    assert read_word(word, language) == read


def test_cue_read_keeps_the_order_of_the_words() -> None:
    """A message is read word by word, in order."""
    assert cue_read("can u sumarise the artcle", "en") == (
        "can", "u", "summarise", "the", "article")
