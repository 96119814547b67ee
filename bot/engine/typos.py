"""Typo-tolerant lookup of a question word among the knowledge base's words."""

from __future__ import annotations

import bisect
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from bot.engine.analysis import Analyzer
from bot.engine.cue_reading import unspaced
from bot.engine.cues import asking_words
from bot.engine.index import Index, Lexicon
from bot.engine.reading import CACHE_WORDS, strip_marks, words
from bot.knowledge import language_resources

_FUZZY_MIN_LENGTH = 4
_SMALL_NUMBER = 12
PREFIX_SIMILARITY = 85.0  # an abbreviation: the start of a knowledge word ("tech")
_EDIT_SIMILARITY = (100.0, 90.0, 80.0, 75.0)
_LONG_TYPO = 8  # a word this long one letter off a knowledge word names it


def _allowed_edits(length: int) -> int:
    """How many typos (Damerau-Levenshtein edits) a word of this length may carry."""
    return 1 if length <= 5 else 2 if length <= 8 else 3



def token_matches(index: Index | Lexicon, word: str, token: str) -> list[tuple[str, float]]:
    """The knowledge tokens a question word stands for, with similarity (typos allowed)."""
    if token in index.weights:
        return [(token, 100.0)]
    if token[0].isdigit() or len(word) < _FUZZY_MIN_LENGTH - 1 or token in index.miss_words:
        return []  # a word the knowledge base knows from its near misses is not a typo
    if word in asking_words(index.analyzer.language):
        # A word the language asks with ("what day", "whom") is no typo of another word; it
        # stands for the first of its group of question words ("whom" is "who").
        first = index.interrogatives.get(token) if isinstance(index, Index) else None
        return [(first, 100.0)] if first is not None and first in index.weights else []
    cached = index.fuzzy_cache.get(word)
    if cached is None:
        cached = fuzzy_matches(index, word)
        if len(index.fuzzy_cache) < CACHE_WORDS:
            index.fuzzy_cache[word] = cached
    return cached


def _same_stem(index: Index | Lexicon, stem: str, choice: str) -> bool:
    """Whether a word of this stem may be a form of the knowledge word: one stem begins the
    other ("industri" and "industry" are one word; "percentag" holds "percent")."""
    other = index.analyzer.stem(choice)
    return stem.startswith(other) or other.startswith(stem)


def fuzzy_matches(index: Index | Lexicon, word: str) -> list[tuple[str, float]]:
    """The knowledge tokens a word not in the index may be a typo or an abbreviation of."""
    if swapped_stopword(index, word):
        return []
    best: dict[str, float] = {}
    keys = index.surface_keys
    # A word spelt right is another word ("more" is not "move", "weather" not "water"), or
    # another form of the same one ("harbours"): only a word sharing its stem may stand for it.
    own = index.analyzer.stem(word)
    stem = own if word in index.spelt else None
    resources = language_resources(index.analyzer.language)
    syllables = bool(resources.collocations)
    vowels = frozenset(resources.vowels)
    for key in dict.fromkeys((word, own)):
        edits = _allowed_edits(len(key))
        found: dict[str, int] = {}
        # Typos rarely hit the first letter ("price" is not "rice"): only keys sharing it.
        for choice, distance, _ in process.extract(
            key, index.surface_buckets.get(key[0], ()), scorer=DamerauLevenshtein.distance,
            score_cutoff=edits, limit=8,
        ):
            if stem is not None and not _same_stem(index, stem, choice):
                continue
            if syllables and not _syllable_slip(key, choice, vowels):
                continue
            if distance > 1 and choice in index.borrowed:
                # Two typos away from a word only a synonym brings ("shares", "soars") is
                # too far from what any fact says to stand for it.
                continue
            target = index.surface[choice]
            found[target] = min(found.get(target, edits), int(distance))
        if not found:
            continue
        closest = min(found.values())
        nearest = [target for target, distance in found.items() if distance == closest]
        if closest > 1 and len(nearest) > 1:
            continue  # two edits away from several words: a different word, not a typo
        for target in nearest:
            best[target] = max(best.get(target, 0.0), _EDIT_SIMILARITY[closest])
    if len(word) >= _FUZZY_MIN_LENGTH:
        # An abbreviation ("tech", "hydro") matches the words it begins.
        start = bisect.bisect_left(keys, word)
        for choice in keys[start : start + 5]:
            if choice.startswith(word):
                target = index.surface[choice]
                best[target] = max(best.get(target, 0.0), PREFIX_SIMILARITY)
    return sorted(best.items(), key=lambda item: item[1], reverse=True)


def _syllable_slip(typed: str, known: str, vowels: frozenset[str] = frozenset()) -> bool:
    """Whether a syllable typed may be a slip for a known one where words are written
    syllable by syllable (Vietnamese): its end mistyped or left off ("sắc" for "sắt",
    "đườn" for "đường"); a letter changed before it makes another syllable ("luoi",
    lười, lazy, is no "loi", lợi), as does a vowel at its end for another letter ("mua",
    buy, is no "mục"; `vowels`, the language's)."""
    if typed[:-1] == known[:-1]:
        return not vowels.intersection(strip_marks(typed[-1] + known[-1]))
    return typed == known[:-1] or typed[:-1] == known


def swapped_stopword(index: Index | Lexicon, word: str) -> bool:
    """Whether the word is a stopword with two letters next to each other swapped ("teh",
    "adn"), the commonest slip of fast typing: a word saying nothing, not a typo of a word
    a fact has ("tea", "technology"). Not a word that asks ("waht" is "what")."""
    language = index.analyzer.language
    if unspaced(language) or word in index.spelt:
        # N-grams of a text without spaces are no words typed; a word of the language's
        # dictionary is that word ("form" is no "from").
        return False
    stops = _saying_nothing(index.analyzer)
    return any(f"{word[:at]}{word[at + 1]}{word[at]}{word[at + 2:]}" in stops
               for at in range(len(word) - 1) if word[at] != word[at + 1])


@lru_cache(maxsize=32)
def _saying_nothing(analyzer: Analyzer) -> frozenset[str]:
    """An analyzer's stopwords but the words that ask, worked out once per analyzer: a word
    not in an index is looked up against them on every ranking."""
    return analyzer.stopwords - asking_words(analyzer.language)


def knows(index: Index | Lexicon, word: str) -> float:
    """How surely the index's language reads a word (prepared for it): 1 for a stopword or a
    word of its knowledge base, less for a typo of one or a word of its dictionary, 0 for
    none. It tells languages sharing a script apart ("privet" is Russian, not a typo of
    "private")."""
    token = index.analyzer.token(word)
    if token is None or token in index.weights or token in index.intents:
        return 1.0
    if word in index.spelt or word in index.listed:
        # A word of the language, as sure as one typo: "cam on ban" is still Vietnamese.
        return _EDIT_SIMILARITY[1] / 100.0
    matches = token_matches(index, word, token)
    return matches[0][1] / 100.0 if matches else 0.0


def names_known(index: Index, text: str) -> bool:
    """Whether the text has a word the knowledge base knows as it is, not as a typo of one
    ("for my channel" names no "change"), and not a question word ("what" names nothing)
    nor one of the article's main subjects ("the Laos-Russia piece" names no fact)."""
    return any((token in index.weights or _one_letter_off(index, word, token))
               and token not in index.interrogatives
               and token not in index.intents and token not in index.common
               for word, token in index.analyzer.pairs(text))


def _one_letter_off(index: Index, word: str, token: str) -> bool:
    """Whether a long word is one letter away from a knowledge word: as sure as spelt
    right ("гидроэнергитику"); a shorter word, or one further away, may be another word."""
    if len(word) < _LONG_TYPO or unspaced(index.analyzer.language):
        return False
    matches = token_matches(index, word, token)
    return bool(matches) and matches[0][1] >= _EDIT_SIMILARITY[1] \
        and matches[0][0] not in index.common


def has_unknown(index: Index, text: str) -> bool:
    """Whether the text has a word (not a number) no fact has, nor a typo of one."""
    return any(not token[0].isdigit() and not token_matches(index, word, token)
               for word, token in index.analyzer.pairs(text))


def missing_words(index: Index, text: str) -> set[str]:
    """The text's tokens the knowledge base knows only from what the article does not say
    (its `not_in_article` phrasings: "dollars", "companies")."""
    return {token for _, token in index.analyzer.pairs(text)
            if token in index.miss_words and token not in index.weights}


def names_missing(index: Index, text: str) -> bool:
    """Whether the text has a word the knowledge base knows only from what the article does
    not say (`missing_words`). Text cut into character n-grams (Lao) needs two of them: one
    n-gram is no word, and one spanning two words ("ບົກຊິດ" + "ເດ") may occur only in those
    phrasings by chance."""
    return len(missing_words(index, text)) >= (2 if unspaced(index.analyzer.language) else 1)


def gives_numbers(index: Index, text: str, answer: str) -> bool:
    """Whether the text names a year or a share (a number above 12) that the answer has, and
    nothing the knowledge base knows only from what the article does not say ("in
    dollars")."""
    numbers = {token for _, token in index.analyzer.pairs(text) if specific_number(token)}
    return bool(numbers) and numbers <= set(words(answer)) and not names_missing(index, text)


def specific_number(token: str) -> bool:
    """Whether a number the question types must be in the fact: a year, a share, a date;
    not a count or an ordinal of the question itself ("two questions", "month 1 to 5")."""
    return token[0].isdigit() and not (token.isdigit() and int(token) <= _SMALL_NUMBER)
