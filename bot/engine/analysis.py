"""Normalising text for matching: Unicode, case, punctuation, stopwords, stemming, synonyms."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import cache

import snowballstemmer

from bot.knowledge import language_resources, load_languages

_TOKEN = re.compile(r"\d+(?:[.,]\d+)?|[^\W\d_]+|%", re.UNICODE)
_MARKUP = re.compile(r"</?[a-zA-Z][^<>]{0,80}>")


@cache
def _joined() -> Mapping[tuple[str, str], str]:
    """Words written with a hyphen or a space that are one word to the reader ("из-за" is
    "because"), in every language: `words` runs before a question's language is known."""
    return {
        (fold(first), fold(second)): fold(first + second)
        for language in load_languages().values()
        for first, second in language.joined
    }


def fold(text: str) -> str:
    """Unicode-normalise, case-fold and fold ё and э to е (typed interchangeably)."""
    return unicodedata.normalize("NFKC", text).casefold().replace("ё", "е").replace("э", "е")


def words(text: str) -> list[str]:
    """Split folded text into words, numbers and percent signs; HTML-like tags are not words,
    and a compound written apart ("из-за", "из за") is one word."""
    plain = _MARKUP.sub(" ", text) if "<" in text else text
    # The same tokens as `_TOKEN.findall` over the whole text, faster: no token spans white
    # space, an all-letter piece is one word, and "," only ever appears in numbers as ".".
    found: list[str] = []
    joined = _joined()
    for piece in fold(plain).replace(",", ".").split():
        if piece.isalpha():
            found.append(piece)
        else:
            found.extend(_TOKEN.findall(piece))
        if len(found) > 1 and (found[-2], found[-1]) in joined:
            found[-2:] = [joined[found[-2], found[-1]]]
    return found


class Analyzer:
    """Turns a text of one language into canonical tokens (stemmed, synonyms merged)."""

    def __init__(self, language: str, synonyms: Iterable[Iterable[str]] = ()) -> None:
        self.language = language
        resources = language_resources(language)
        self.stopwords = frozenset(map(fold, resources.stopwords))
        self._filler = resources.filler
        self._stemmer = snowballstemmer.stemmer(resources.stemmer)
        self._canonical: dict[str, str] = {}
        self._percent = self._stem(resources.percent)
        # Small numbers written as words ("five months") are read as digits ("5 months").
        self._numbers = {self._stem(fold(word)): str(value)
                         for word, value in resources.numbers.items()}
        for group in synonyms:
            folded = [fold(word) for word in group]
            if not folded:
                continue
            canonical = self._stem(folded[0])
            for word in folded:
                self._canonical.setdefault(word, canonical)
                self._canonical.setdefault(self._stem(word), canonical)
        self._stop_stems = frozenset(
            stem for stem in map(self._stem, self.stopwords) if len(stem) >= 4
        )
        self._cache: dict[str, str | None] = {}
        self._stems: dict[str, str] = {}

    def _stem(self, word: str) -> str:
        return str(self._stemmer.stemWord(word))

    def token(self, word: str) -> str | None:
        """Return the canonical token for one folded word, or None for a stopword."""
        cached = self._cache.get(word, "")
        if cached != "":
            return cached
        result: str | None
        if word == "%":
            result = self._canonical.get(self._percent, self._percent)
        elif word[0].isdigit():
            result = word
        elif word in self.stopwords or len(word) == 1:
            result = None
        elif word in self._canonical:
            result = self._canonical[word]
        else:
            stem = self._stem(word)
            if stem in self._stop_stems and stem not in self._canonical:
                result = None  # an inflected stopword: "wants", "saying"
            elif stem in self._numbers:
                result = self._numbers[stem]
            else:
                result = self._canonical.get(stem, stem)
        if len(self._cache) < 100_000:
            self._cache[word] = result
        return result

    def stem(self, word: str) -> str:
        """The Snowball stem of one folded word (the key typos are matched on)."""
        stem = self._stems.get(word)
        if stem is None:
            stem = self._stem(word)
            if len(self._stems) < 100_000:
                self._stems[word] = stem
        return stem

    def _drop_filler(self, text: str) -> str:
        """Remove phrases about the article itself ("what does the article say about")."""
        return self._filler.sub(" ", text)

    def pairs(self, text: str) -> tuple[tuple[str, str], ...]:
        """Return (word, canonical token) for each distinct canonical token of a text."""
        seen: dict[str, str] = {}
        cache = self._cache
        for word in words(self._drop_filler(text)):
            token = cache.get(word, "")  # inlined cache hit of `token`: indexing calls it a lot
            if token == "":
                token = self.token(word)
            if token and token not in seen:
                seen[token] = word
        return tuple((word, token) for token, word in seen.items())

    def tokens(self, text: str) -> tuple[str, ...]:
        """Return the distinct canonical tokens of a text, in order."""
        seen: dict[str, None] = {}
        for word in words(self._drop_filler(text)):
            token = self.token(word)
            if token:
                seen.setdefault(token, None)
        return tuple(seen)
