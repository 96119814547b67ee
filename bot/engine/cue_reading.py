"""Reading a message for cue checks: its words as the language reads them, misspelt or other
forms of cue words and stopwords read as those words, and the cue phrases of a language."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

import snowballstemmer
from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from bot.engine.reading import reader, sorted_words, with_unmarked, words
from bot.knowledge import language_resources

_WHOLE_MATCH = 88  # token_sort_ratio of a whole message to a cue phrase (typos allowed)
# Letters: a shorter word (a Vietnamese syllable) is too short to tell a typo from another word.
_SNAP_LENGTH = 6


def plain_words(text: str, language: str) -> list[str]:
    """The words of a message as the language reads them, before stopwords and stems."""
    return list(plain(text, language))


@lru_cache(maxsize=256)
def plain(text: str, language: str) -> tuple[str, ...]:
    """`plain_words`, kept for the few cue checks one message gets."""
    return tuple(words(reader(language).normal(text)))


@lru_cache(maxsize=256)
def cue_read(text: str, language: str) -> tuple[str, ...]:
    """The message's words with a misspelt cue word or stopword read as that word
    ("can u sumarise the artcle" is "can u summarise the article")."""
    return tuple(read_word(word, language) for word in plain(text, language))


@lru_cache(maxsize=4096)
def read_word(word: str, language: str) -> str:
    """One word as a cue check reads it: another form of a cue word as that word ("point"
    of "points"), a misspelt cue word or stopword as that word when the word is long enough
    to tell."""
    if len(word) >= _SNAP_LENGTH:
        return snap(word, language)
    return word if word in vocabulary(language)[""] else other_form(word, language)


@lru_cache(maxsize=4096)
def other_form(word: str, language: str) -> str:
    """The cue word a short word is another form of (the same Snowball stem: "point" of
    "points", which one edit would not tell from another word), or the word itself."""
    stemmer = _stemmer(language)
    if stemmer is None:
        return word
    return _cues_by_stem(language).get(str(stemmer.stemWord(word)), word)


@cache
def _stemmer(language: str) -> snowballstemmer.stemmer | None:
    """The language's Snowball stemmer, if it has one."""
    algorithm = language_resources(language).stemmer
    return snowballstemmer.stemmer(algorithm) if algorithm else None


@cache
def _cues_by_stem(language: str) -> dict[str, str]:
    """The cue words (not stopwords) by their stem."""
    stemmer = _stemmer(language)
    found: dict[str, str] = {}
    if stemmer is not None:
        cues = {word for kind in ("overview", "more", "again")
                for word in cue_words(language, kind)} - stopwords(language)
        for cue in sorted(cues):  # a set: sorted, the same in any run
            found.setdefault(str(stemmer.stemWord(cue)), cue)
    return found


@lru_cache(maxsize=4096)
def snap(word: str, language: str) -> str:
    """The cue word or stopword one edit from the word, or the word itself."""
    known = vocabulary(language)
    if word in known[""]:
        return word
    # Typos rarely hit the first letter: only words sharing it are compared.
    near = process.extractOne(word, known.get(word[0], ()),
                              scorer=DamerauLevenshtein.distance, score_cutoff=1)
    if near is not None:
        return str(near[0])
    # Another form of a cue word: most of it, then another ending ("summarizing",
    # "резюмируй" of "резюме").
    forms = [cue for cue in cue_stems(language).get(word[:_SNAP_LENGTH - 1], ())
             if _shared(word, cue) >= max(_SNAP_LENGTH - 1, _FORM_SHARE * len(cue))]
    if unspaced(language):
        # A run of text without spaces is no word with an ending: a cue word beginning a
        # long one ("ສະຫຼຸບແລ້ວ ... ແມ່ນບໍ?", so ... right?) begins a sentence.
        forms = [cue for cue in forms if len(word) - len(cue) <= _SNAP_LENGTH]
    # The cue it shares most letters with ("summarizing": "summarize", not "summary").
    return max(forms, key=lambda cue: _shared(word, cue), default=word)


_FORM_SHARE = 0.8  # of a cue word's letters another form of it keeps


def _shared(first: str, second: str) -> int:
    """How many letters two words begin with alike."""
    count = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        count += 1
    return count


@cache
def cue_stems(language: str) -> dict[str, tuple[str, ...]]:
    """The cue words (not stopwords) long enough to have other forms, by their beginning."""
    found: dict[str, tuple[str, ...]] = {}
    for kind in ("overview", "more", "again"):
        for cue in sorted(cue_words(language, kind)):  # a set: sorted, the same in any run
            if len(cue) >= _SNAP_LENGTH:  # "текст" is also the start of "текстиль"
                key = cue[:_SNAP_LENGTH - 1]
                found[key] = (*found.get(key, ()), cue)
    return found


@cache
def stopwords(language: str) -> frozenset[str]:
    """The language's stopwords as it reads them (Vietnamese "này" is "nay")."""
    listed = language_resources(language).stopwords
    read = (" ".join(plain_words(word, language)) for word in listed)
    return frozenset(word for word in read if word)


@cache
def vocabulary(language: str) -> dict[str, tuple[str, ...]]:
    """The language's stopwords and the words of its cue phrases, as it reads them: all of
    them under "", and those long enough to be misspelt by their first letter."""
    cues = (word for kind in ("overview", "more", "again") for word in cue_words(language, kind))
    every = sorted({*cues, *stopwords(language)})
    found: dict[str, tuple[str, ...]] = {"": tuple(every)}
    for word in every:
        if len(word) >= _SNAP_LENGTH - 1:
            found[word[0]] = (*found.get(word[0], ()), word)
    return found


@cache
def longest(language: str, kind: str) -> int:
    """The number of words of the longest cue phrase of one kind."""
    return max((len(phrase.split()) for phrase in phrases(language, kind)), default=0)


@cache
def phrases(language: str, kind: str) -> tuple[str, ...]:
    """One kind of cue phrase of the language, read as the language reads a message."""
    resources = language_resources(language)
    listed = with_unmarked(getattr(resources.conversation, kind), resources)
    read = (" ".join(plain_words(phrase, language)) for phrase in listed)
    return tuple(phrase for phrase in dict.fromkeys(read) if phrase)


_WHOLE_KINDS = ("overview", "more")


@cache
def _whole_phrases(language: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The overview and "more" phrases in one list, each with its words sorted (as
    token_sort_ratio compares them), and the kind of each."""
    pairs = [(phrase, kind) for kind in _WHOLE_KINDS for phrase in phrases(language, kind)]
    return (tuple(sorted_words(phrase) for phrase, _ in pairs),
            tuple(kind for _, kind in pairs))


@lru_cache(maxsize=256)
def whole_cue(simple: str, language: str) -> str | None:
    """The kind of cue the whole message is (typos allowed), if any: one fuzzy look-up for
    both kinds."""
    phrases, kinds = _whole_phrases(language)
    best = process.extractOne(sorted_words(simple), phrases, scorer=fuzz.ratio,
                              score_cutoff=_WHOLE_MATCH)
    return kinds[best[2]] if best is not None else None


@cache
def cue_words(language: str, kind: str) -> frozenset[str]:
    """Every word of the cue phrases of one kind."""
    return frozenset(word for phrase in phrases(language, kind) for word in phrase.split())


@cache
def unspaced(language: str) -> bool:
    """Whether the language is written without spaces between words (Lao)."""
    return language_resources(language).segment is not None


def phrase_pattern(phrases: Iterable[str], language: str,
                   flags: re.RegexFlag = re.NOFLAG) -> re.Pattern[str] | None:
    """The phrases as one pattern, longest first (of two phrases at one place the longer
    one is meant), as whole words where the language has spaces; None without phrases."""
    alternatives = "|".join(map(re.escape, sorted(set(filter(None, phrases)), key=len,
                                                  reverse=True)))
    if not alternatives:
        return None
    if unspaced(language):
        return re.compile(f"(?:{alternatives})", flags)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", flags)
