"""Normalising text for matching: stopwords, stemming, synonyms, over a language's reading."""

from __future__ import annotations

from collections.abc import Iterable

import snowballstemmer

from bot.engine.reading import CACHE_WORDS, Reader, filler, own_word, strip_marks, words
from bot.knowledge import language_resources


class Analyzer:
    """Turns a text of one language into canonical tokens (stemmed, synonyms merged)."""

    def __init__(self, language: str, synonyms: Iterable[Iterable[str]] = (),
                 foreign: Analyzer | None = None) -> None:
        self.language = language
        # Reads the words typed in Latin letters in a language with a script of its own.
        self._foreign = foreign
        resources = language_resources(language)
        self.reader = Reader(resources)
        # The knowledge base's synonyms first: a word in both is read as the knowledge base
        # groups it.
        groups = [tuple(group) for group in synonyms]
        known = len(groups)
        groups += resources.equivalents
        self.reader.substitute(groups)
        normal = self.normal = self.reader.normal
        self.stopwords = frozenset(map(normal, resources.stopwords))
        if resources.romanized is not None and resources.romanized.dropped:
            left_out = str.maketrans("", "", resources.romanized.dropped)
            self.stopwords |= {word.translate(left_out) for word in self.stopwords}
        self._filler = filler(language)
        self._stemmer = (snowballstemmer.stemmer(resources.stemmer)
                         if resources.stemmer else None)
        self._canonical: dict[str, str] = {}
        self._percent = self._stem(normal(resources.percent))
        # Where words are cut into n-grams (Lao), "%" is read as the word, cut the same way.
        self._percent_text = (f" {normal(resources.percent)} "
                              if resources.segment is not None else "")
        # Small numbers written as words ("five months") are read as digits ("5 months").
        self._numbers = {self._stem(normal(word)): str(value)
                         for word, value in resources.numbers.items()}
        # Where words are written syllable by syllable (Vietnamese), a synonym may be two
        # syllables ("buôn bán", "thương mại"): read as one token, written with "_" as the
        # knowledge base's own pairs are.
        syllables = bool(resources.collocations)
        for number, group in enumerate(groups):
            folded = [normal(word) for word in group]
            if not folded:
                continue
            # A token never holds a space (a phrasing is kept as its tokens joined by spaces):
            # a synonym written in several words, as a dictionary segmenter may keep one
            # ("ປະທານ ປະເທດ"), is one token written with "_".
            canonical = "_".join(self._stem(folded[0]).split())
            if number >= known:
                # The language's equivalents join a knowledge base group one of them is in
                # ("aluminum" is read as "aluminium" is, with the bauxite).
                canonical = next((self._canonical[form] for word in folded
                                  for form in (word, self._stem(word))
                                  if form in self._canonical), canonical)
            for word in folded:
                if " " not in word:
                    self._canonical.setdefault(word, canonical)
                    self._canonical.setdefault(self._stem(word), canonical)
        self._stop_stems = frozenset(
            stem for stem in map(self._stem, self.stopwords) if len(stem) >= 4
        )
        self._cache: dict[str, str | None] = {}
        self._stems: dict[str, str] = {}
        # Tokens the knowledge base writes together (`collocations` in the language file):
        # a text with both, next to each other, also has the pair as a token of its own.
        self.bigrams: frozenset[tuple[str, str]] = frozenset()
        self._phrases: dict[tuple[str, str], tuple[str, ...]] = {}
        if syllables:
            self._phrases = self._two_syllable_synonyms(groups)

    def _two_syllable_synonyms(self, groups: list[tuple[str, ...]]
                               ) -> dict[tuple[str, str], tuple[str, ...]]:
        """The synonyms written as two syllables, by their two words as typed with marks and
        without (a syllable may be a stopword without them: "ban"), to their group's token
        and that token's syllables."""
        phrases: dict[tuple[str, str], tuple[str, ...]] = {}
        for group in groups:
            syllables = tuple(token for token in self.sequence(group[0]) if token)
            canonical = ("_".join(syllables), *syllables)
            for entry in group:
                for typed in (entry, strip_marks(entry)):
                    read = words(self._drop_filler(typed))
                    if len(read) == 2:
                        phrases.setdefault((read[0], read[1]), canonical)
        return phrases

    def __getstate__(self) -> dict[str, object]:
        # Pickled (in a cached index) without its stemmer, which may be a C object
        # (PyStemmer) that cannot be pickled; it is made again from the language's name.
        state = dict(self.__dict__)
        state["_stemmer"] = None
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        algorithm = self.reader.language.stemmer
        self._stemmer = snowballstemmer.stemmer(algorithm) if algorithm else None

    def _stem(self, word: str) -> str:
        # No Snowball stemmer for the language (Lao, Vietnamese): words are matched as written.
        return str(self._stemmer.stemWord(word)) if self._stemmer is not None else word

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
        elif self._foreign is not None and word.isascii():
            result = self._foreign.token(word)
        elif word in self.stopwords or len(word) == 1 or own_word(word):
            # A word of the language's own typed with its marks ("hỏi", ask) says no more
            # than a stopword, whatever knowledge word it folds onto ("hội", talks).
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
        if len(self._cache) < CACHE_WORDS:
            self._cache[word] = result
        return result

    def stem(self, word: str) -> str:
        """The Snowball stem of one folded word (the key typos are matched on)."""
        stem = self._stems.get(word)
        if stem is None:
            stem = self._stem(word)
            if len(self._stems) < CACHE_WORDS:
                self._stems[word] = stem
        return stem

    def _drop_filler(self, text: str) -> str:
        """Read the text as the language does, removing phrases about the article itself
        ("what does the article say about")."""
        read = self._filler.sub(" ", self.normal(text))
        if self._percent_text and "%" in read:
            read = read.replace("%", self._percent_text)
        return self.reader.split(read)

    def pairs(self, text: str) -> tuple[tuple[str, str], ...]:
        """Return (word, canonical token) for each distinct canonical token of a text, and
        for each pair of the knowledge base's `bigrams` in it ("mở_rộng", "mo_rong")."""
        if self.bigrams or self._phrases:
            return self._paired(text)
        seen: dict[str, str] = {}
        cache = self._cache
        for word in words(self._drop_filler(text)):
            token = cache.get(word, "")  # inlined cache hit of `token`: indexing calls it a lot
            if token == "":
                token = self.token(word)
            if token and token not in seen:
                seen[token] = word
        return tuple((word, token) for token, word in seen.items())

    def _paired(self, text: str) -> tuple[tuple[str, str], ...]:
        """`pairs` with the knowledge base's bigrams: a pair of tokens next to each other is
        also a token of its own, after its second word, as is a two-syllable synonym's group
        word with its syllables."""
        seen: dict[str, str] = {}
        previous: tuple[str, str] | None = None
        last = ""
        for word in words(self._drop_filler(text)):
            token = self.token(word)
            if token and token not in seen:
                seen[token] = word
            if token and previous is not None and (previous[1], token) in self.bigrams:
                seen.setdefault(previous[1] + "_" + token, previous[0] + "_" + word)
            phrase = self._phrases.get((last, word)) if self._phrases else None
            if phrase is not None:
                # The group word and its syllables, as a text writing the group's own word
                # has them: "chủ tịch" then matches "tổng thống" word for word.
                for meant in phrase:
                    seen.setdefault(meant, last + "_" + word)
            previous = (word, token) if token else None
            last = word
        return tuple((word, token) for token, word in seen.items())

    def sequence(self, text: str) -> list[str | None]:
        """Every word's token in order (None for a stopword)."""
        return [self.token(word) for word in words(self._drop_filler(text))]

    def tokens(self, text: str) -> tuple[str, ...]:
        """Return the distinct canonical tokens of a text, in order."""
        if self.bigrams or self._phrases:
            return tuple(token for _, token in self.pairs(text))
        seen: dict[str, None] = {}
        for word in words(self._drop_filler(text)):
            token = self.token(word)
            if token:
                seen.setdefault(token, None)
        return tuple(seen)
