"""The kind of thing a question asks for: the words after "which", "what", "how many"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import Protocol

from rapidfuzz.distance import DamerauLevenshtein

from bot.engine.analysis import Analyzer
from bot.engine.cue_reading import phrases as cue_phrases
from bot.engine.cue_reading import plain_words, unspaced
from bot.engine.focus import sentences_of
from bot.knowledge import language_resources

_KIND_WORDS = 2  # "which Chinese city": the kind may follow a word describing it
_TYPO_LENGTH = 5  # letters: a question word this long is still told with one typo ("сколко")


class Reading(Protocol):
    """What finding the kind asked for needs of an index."""

    analyzer: Analyzer
    subjects: frozenset[str]
    interrogatives: dict[str, str]


@cache
def askers(language: str) -> tuple[tuple[str, ...], ...]:
    """The language's `kind_askers` as plain words, longest first ("how many" before "how")."""
    read = {tuple(plain_words(asker, language))
            for asker in language_resources(language).kind_askers}
    return tuple(sorted((words for words in read if words), key=len, reverse=True))


def asked_kinds(index: Reading, text: str, language: str, size: int = _KIND_WORDS,
                typos: bool = True) -> list[list[tuple[str, str]]]:
    """For each `kind_askers` word in the text, the (word, token) pairs of the first `size`
    content words after it ("in which Chinese city": "chinese", "city"), the article's
    subjects and question words left out. `typos`: an asker may be misspelt."""
    phrases = askers(language)
    if not phrases:
        return []
    sentences = sentences_of(text)
    if len(sentences) > 1:
        # The kind asked stands in the asker's sentence: "... называют? кукуруза картошка"
        # asks no kind "кукуруза"; the words after the question mark answer it themselves.
        return [kind for sentence in sentences
                for kind in asked_kinds(index, sentence, language, size, typos)]
    if not typos and not any(words[0] in text.casefold() for words in phrases):
        return []  # no asker as written: not worth reading the text word by word
    read = plain_words(text, language)
    firsts = {words[0] for words in phrases}
    if not typos and firsts.isdisjoint(read):
        return []
    read_as_token: dict[str, str | None] = {}

    def token(word: str) -> str | None:
        """The word as the index reads it, each word read once and only when needed."""
        if word not in read_as_token:
            read_as_token[word] = index.analyzer.token(word)
        return read_as_token[word]

    wanted = _asker_tokens(index.analyzer, language)
    first_tokens = {wanted[word] for word in firsts} - {None}
    long_firsts = _long_by_letter(language) if typos else {}
    stops = [[word] for word in language_resources(language).kind_stops]
    ends = frozenset(language_resources(language).kind_ends)
    # "Which industries besides farming": what is set aside is no word of the kind.
    aside = _aside_words(language)
    # Read as the text is ("từ" is "tu" once the marks are gone), as `asks_itself` reads them.
    prepositions = cue_phrases(language, "before_asks")
    found = []
    for at, word in enumerate(read):
        if not (word in firsts or token(word) in first_tokens
                or any(_one_typo(word, one) for one in long_firsts.get(word[:1], ()))):
            continue
        asker = next((words for words in phrases if len(read) - at >= len(words) and all(
            _stands_for(read[at + n], token(read[at + n]), one, wanted, typos)
            for n, one in enumerate(words))), None)
        if asker is None:
            continue
        after_asker = read[at + len(asker):at + len(asker) + 1]
        # "What did they sign" asks no kind; "which years", "какого числа" ask a date.
        if after_asker in stops or (
                after_asker and token(after_asker[0]) in _number_tokens(index.analyzer,
                                                                         language)):
            continue
        kind: list[tuple[str, str]] = []
        start = at + len(asker)
        for place, after in enumerate(read[start:], start + 1):
            if kind and place < len(read) and read[place] in ends:
                break  # "which news agency put this out": "put" is no kind, a verb
            if any(tuple(read[place - 1:place - 1 + len(words)]) == words for words in aside):
                break
            read_as = token(after)
            if read_as is None or read_as in index.subjects or read_as in index.interrogatives:
                if kind and read_as is None and after not in prepositions:
                    # The kind's words stand together ("what grains does Laos offer"), or
                    # after a preposition ("how much in dollars").
                    break
                continue
            kind.append((after, read_as))
            if len(kind) == size:
                break
        found.append(kind)
    return found


def asks_within(index: Reading, text: str, language: str, places: frozenset[str]) -> bool:
    """Whether the text asks for a kind of thing inside a country other than the article's
    subjects ("which Vietnamese port", "какие китайские города"): a fact naming the country
    does not say which."""
    return any(
        any(token in places for _, token in kind) and any(token not in places for _, token in kind)
        for kind in asked_kinds(index, text, language))


def asks_kind_before(index: Reading, text: str, language: str) -> bool:
    """Whether the text asks for a kind with a question word written after it ("cảng nào",
    which port): not as part of a phrase asking for a country, a number or a date, nor of a
    question word ("khi nào", when)."""
    return next(_heads_before(index, text, language), None) is not None


def kinds_before(index: Reading, text: str, language: str) -> list[tuple[str, str]]:
    """The kind asked for with a question word written after it, as (word, token): the word
    right before it ("tỉnh nào", which province: "tỉnh"), as `asks_kind_before` finds it;
    none where words run together."""
    if unspaced(language):
        return []  # no word to read before the question word where words run together
    found: list[tuple[str, str]] = []
    for head in _heads_before(index, text, language):
        word = head.split()[-1]
        token = index.analyzer.token(word)
        # A word of two letters is a chat abbreviation ("nc", nước) as often as a word.
        if token and len(word) > 2:
            found.append((word, token))
    return found


def _heads_before(index: Reading, text: str, language: str) -> Iterator[str]:
    """The text as read up to each question word written after its kind, where it asks for
    one: something before it, and not a phrase asking for a country, a number or a date, nor
    a question word."""
    askers, taken = _askers_after(index.analyzer, language)
    if not askers:
        return
    normal = index.analyzer.normal(text)
    for asker, pattern in askers:
        for match in pattern.finditer(normal):
            head, before = normal[:match.start()], normal[:match.end()]
            if head.strip() and not any(phrase != asker and before.endswith(phrase)
                                        for phrase in taken):
                yield head


@lru_cache(maxsize=64)
def _askers_after(analyzer: Analyzer, language: str
                  ) -> tuple[tuple[tuple[str, re.Pattern[str]], ...], tuple[str, ...]]:
    """The language's `kind_askers_after` as this analyzer reads them, each with its pattern
    (a whole word where the language has spaces), and the phrases that hold such a word
    without asking a kind (a country, a number, a question word)."""
    resources = language_resources(language)
    read = analyzer.normal
    spaced = resources.segment is None
    askers = tuple(
        (asker, re.compile(rf"(?<!\w){re.escape(asker)}(?!\w)" if spaced else re.escape(asker)))
        for asker in map(read, resources.kind_askers_after))
    taken = tuple(read(phrase) for phrase in (
        *resources.asks_country, *resources.asks_number, *resources.intent_words,
        *(word for group in resources.interrogatives for word in group)))
    return askers, taken


@cache
def _aside_words(language: str) -> tuple[tuple[str, ...], ...]:
    """The language's phrases setting something aside ("besides", "apart from"), each as
    its plain words."""
    return tuple(words for phrase in language_resources(language).excludes
                 if (words := tuple(plain_words(phrase, language))))


def kind_tokens(index: Reading, text: str, language: str,
                typos: bool = True) -> frozenset[str]:
    """The tokens of the kinds the text asks for, each the word right after its asker."""
    return frozenset(token for kind in asked_kinds(index, text, language, 1, typos)
                     for _, token in kind)


@lru_cache(maxsize=64)
def _asker_tokens(analyzer: Analyzer, language: str) -> dict[str, str | None]:
    """Each word of the language's askers as this analyzer reads it (an analyzer is one
    knowledge base's reading of a language: its synonyms too)."""
    return {word: analyzer.token(word) for words in askers(language) for word in words}


@lru_cache(maxsize=64)
def _number_tokens(analyzer: Analyzer, language: str) -> frozenset[str | None]:
    """The tokens of the words that make an asker ask for a number or a date, from the
    language's `asks_number` phrases ("what year", "какого числа": when, not which year or
    which number), as this analyzer reads them ("years" is "year")."""
    phrases = set(askers(language))
    found = set()
    for phrase in language_resources(language).asks_number:
        read = plain_words(phrase, language)
        if len(read) > 1 and any(tuple(read[start:-1]) in phrases
                                 for start in range(len(read) - 1)):
            found.add(analyzer.token(read[-1]))
    return frozenset(found - {None})


@cache
def _long_by_letter(language: str) -> dict[str, tuple[str, ...]]:
    """The first words of the language's askers long enough to be told with a typo, by their
    first letter (typos rarely hit the first letter)."""
    found: dict[str, tuple[str, ...]] = {}
    for word in sorted({words[0] for words in askers(language)}):
        if len(word) >= _TYPO_LENGTH:
            found[word[0]] = (*found.get(word[0], ()), word)
    return found


def _one_typo(word: str, one: str) -> bool:
    """Whether a word is another one with one typo."""
    return DamerauLevenshtein.distance(word, one, score_cutoff=1) <= 1


def _stands_for(word: str, token: str | None, one: str, wanted: dict[str, str | None],
                typos: bool = True) -> bool:
    """Whether a word is this asking word, as typed, as the index reads it ("whats") or with
    one typo in a long enough word ("сколко")."""
    return (word == one or (token is not None and token == wanted[one])
            or (typos and len(one) >= _TYPO_LENGTH and word[:1] == one[:1]
                and _one_typo(word, one)))
