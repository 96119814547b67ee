"""Words a language's dictionary spells right: such a word is no typo of another word."""

from __future__ import annotations

from functools import cache

_SHORTEST = 3  # shorter words are never looked up as typos


def _counts(name: str) -> dict[str, int]:
    """A pyspellchecker word list's words and their counts (not kept: the callers keep
    only the words they need)."""
    from spellchecker import SpellChecker  # only a language naming a word list needs it

    counts: dict[str, int] = SpellChecker(language=name, distance=1).word_frequency.dictionary
    return counts


@cache
def dictionary_words(name: str | None, common: int) -> frozenset[str]:
    """The words of a pyspellchecker word list occurring at least `common` times, none
    without one. Loading one takes about 0.3 s: an index keeps them, and the engine cache
    with it."""
    if name is None:
        return frozenset()
    return frozenset(word for word, count in _counts(name).items()
                     if count >= common and len(word) >= _SHORTEST)


@cache
def listed_words(name: str | None) -> frozenset[str]:
    """Every word of a pyspellchecker word list long enough to tell a language by (its
    counts differ from list to list: the Russian one has about 20,000 words), none without
    one."""
    if name is None:
        return frozenset()
    return frozenset(word for word in _counts(name) if len(word) >= _SHORTEST)
