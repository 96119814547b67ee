"""Words a language's dictionary spells right: such a word is no typo of another word."""

from __future__ import annotations

from functools import cache

from bot.knowledge import language_resources

# Counts in pyspellchecker's lists come from subtitles; below this a word is rare enough to be
# a misspelling itself, and above it the list keeps every word people commonly type.
COMMON = 3000
_SHORTEST = 3  # shorter words are never looked up as typos


@cache
def dictionary_words(name: str) -> frozenset[str]:
    """The common words of a pyspellchecker word list (loaded once, about 0.1 s)."""
    from spellchecker import SpellChecker  # imported when a typo is first looked up

    counts = SpellChecker(language=name, distance=1).word_frequency.dictionary
    return frozenset(word for word, count in counts.items()
                     if count >= COMMON and len(word) >= _SHORTEST)


def spelt_right(language: str, word: str) -> bool:
    """Whether the language's dictionary, if it has one, knows the word as written."""
    name = language_resources(language).dictionary
    return name is not None and word in dictionary_words(name)
