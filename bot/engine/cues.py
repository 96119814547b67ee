"""The cues of a conversation, read from the language files: a request for the overview or
for more, and a question that leans on the last answer."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from bot.engine.reading import reader, words
from bot.knowledge import language_resources

_WHOLE_MATCH = 88  # token_sort_ratio of a whole message to a cue phrase (typos allowed)
_LEANING_WORDS = 6  # a longer question states its own subject
# Letters: a shorter word (a Vietnamese syllable) is too short to tell a typo from another word.
_SNAP_LENGTH = 6


def plain_words(text: str, language: str) -> list[str]:
    """The words of a message as the language reads them, before stopwords and stems."""
    return list(_plain(text, language))


@lru_cache(maxsize=256)
def _plain(text: str, language: str) -> tuple[str, ...]:
    """`plain_words`, kept for the few cue checks one message gets."""
    return tuple(words(reader(language).normal(text)))


@lru_cache(maxsize=256)
def _cue_read(text: str, language: str) -> tuple[str, ...]:
    """The message's words with a misspelt cue word or stopword read as that word
    ("can u sumarise the artcle" is "can u summarise the article")."""
    return tuple(_snap(word, language) if len(word) >= _SNAP_LENGTH else word
                 for word in _plain(text, language))


@lru_cache(maxsize=4096)
def _snap(word: str, language: str) -> str:
    """The cue word or stopword one edit from the word, or the word itself."""
    vocabulary = _vocabulary(language)
    if word in vocabulary[""]:
        return word
    # Typos rarely hit the first letter: only words sharing it are compared.
    near = process.extractOne(word, vocabulary.get(word[0], ()),
                              scorer=DamerauLevenshtein.distance, score_cutoff=1)
    if near is not None:
        return str(near[0])
    # Another form of a cue word: most of it, then another ending ("summarizing",
    # "резюмируй" of "резюме").
    for cue in _cue_stems(language).get(word[:_SNAP_LENGTH - 1], ()):
        if _shared(word, cue) >= max(_SNAP_LENGTH - 1, _FORM_SHARE * len(cue)):
            return cue
    return word


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
def _cue_stems(language: str) -> dict[str, tuple[str, ...]]:
    """The cue words (not stopwords) long enough to have other forms, by their beginning."""
    found: dict[str, tuple[str, ...]] = {}
    for kind in ("overview", "more", "again"):
        for cue in _cue_words(language, kind):
            if len(cue) >= _SNAP_LENGTH:  # "текст" is also the start of "текстиль"
                key = cue[:_SNAP_LENGTH - 1]
                found[key] = (*found.get(key, ()), cue)
    return found


@cache
def _stopwords(language: str) -> frozenset[str]:
    """The language's stopwords as it reads them (Vietnamese "này" is "nay")."""
    stopwords = language_resources(language).stopwords
    read = (" ".join(plain_words(word, language)) for word in stopwords)
    return frozenset(word for word in read if word)


@cache
def _vocabulary(language: str) -> dict[str, tuple[str, ...]]:
    """The language's stopwords and the words of its cue phrases, as it reads them: all of
    them under "", and those long enough to be misspelt by their first letter."""
    cues = (word for kind in ("overview", "more", "again") for word in _cue_words(language, kind))
    every = sorted({*cues, *_stopwords(language)})
    found: dict[str, tuple[str, ...]] = {"": tuple(every)}
    for word in every:
        if len(word) >= _SNAP_LENGTH - 1:
            found[word[0]] = (*found.get(word[0], ()), word)
    return found


@cache
def _longest(language: str, kind: str) -> int:
    """The number of words of the longest cue phrase of one kind."""
    return max((len(phrase.split()) for phrase in _phrases(language, kind)), default=0)


@cache
def _phrases(language: str, kind: str) -> tuple[str, ...]:
    """One kind of cue phrase of the language, read as the language reads a message."""
    cues = language_resources(language).conversation
    read = (" ".join(plain_words(phrase, language)) for phrase in getattr(cues, kind))
    return tuple(phrase for phrase in dict.fromkeys(read) if phrase)


_WHOLE_KINDS = ("overview", "more")


@cache
def _whole_phrases(language: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The overview and "more" phrases in one list, and the kind of each."""
    pairs = [(phrase, kind) for kind in _WHOLE_KINDS for phrase in _phrases(language, kind)]
    return tuple(phrase for phrase, _ in pairs), tuple(kind for _, kind in pairs)


@lru_cache(maxsize=256)
def _whole_cue(simple: str, language: str) -> str | None:
    """The kind of cue the whole message is (typos allowed), if any: one fuzzy look-up for
    both kinds."""
    phrases, kinds = _whole_phrases(language)
    best = process.extractOne(simple, phrases, scorer=fuzz.token_sort_ratio,
                              score_cutoff=_WHOLE_MATCH)
    return kinds[best[2]] if best is not None else None


@cache
def _cue_words(language: str, kind: str) -> frozenset[str]:
    """Every word of the cue phrases of one kind."""
    return frozenset(word for phrase in _phrases(language, kind) for word in phrase.split())


@cache
def _unspaced(language: str) -> bool:
    """Whether the language is written without spaces between words (Lao)."""
    return language_resources(language).segment is not None


def _asks(text: str, language: str, kind: str) -> bool:
    """Whether the message is one of the cue phrases of this kind: as a whole (typos
    allowed), or one of them with nothing else but the language's stopwords and words of
    other such phrases ("can you give me a summary of the article please", "briefly, what
    is the article about")."""
    phrases = _phrases(language, kind)
    present = _cue_read(text, language)
    if not phrases or not present:
        return False
    simple = " ".join(present)
    if _unspaced(language):
        # No word boundaries to rely on: the phrase must be (nearly) the whole message.
        joined = simple.replace(" ", "")
        return any(p.replace(" ", "") in joined and len(joined) - len(p.replace(" ", "")) <= 6
                   for p in phrases)
    # A message much longer than every phrase is no whole match, typos or not.
    if len(present) <= _longest(language, kind) + 1 and _whole_cue(simple, language) == kind:
        return True
    cue_words = _cue_words(language, kind)
    if cue_words.isdisjoint(present):
        return False
    allowed = _around(language, kind)
    padded = f" {simple} "
    for phrase in phrases:
        at = padded.find(f" {phrase} ")
        if at < 0:
            continue
        rest = (padded[:at] + " " + padded[at + len(phrase) + 2:]).split()
        # A word of one letter ("can u ...") says nothing, as the analyzer reads it.
        if all(word in allowed or len(word) == 1 for word in rest):
            return True
    return False


@cache
def _around(language: str, kind: str) -> frozenset[str]:
    """The words a cue phrase of one kind may have around it: stopwords, words of other
    such phrases and question words ("what are the main points?")."""
    return _stopwords(language) | _cue_words(language, kind) | set(_phrases(language, "asks"))


def asks_overview(text: str, language: str) -> bool:
    """Whether the message asks what the article is about ("summary", "main points"), or
    names nothing but the article itself ("whats the story here", "bai nay noi ve cai gi")."""
    return _asks(text, language, "overview") or _only_article(text, language)


def _only_article(text: str, language: str) -> bool:
    """Whether the message is the article's name, or asks what the article says ("what
    does the article say?", "что говорится в статье?"), among stopwords and question
    words."""
    if _unspaced(language):
        return False
    normal = reader(language).normal(text)
    unfilled = _filler(language).sub(" ", normal)
    present = [_snap(word, language) if len(word) >= _SNAP_LENGTH else word
               for word in words(unfilled)]
    if unfilled == normal and set(_phrases(language, "article")).isdisjoint(present):
        return False
    return all(word in _about_article(language) or len(word) == 1 for word in present)


@cache
def _filler(language: str) -> re.Pattern[str]:
    """The language's phrases about the article itself, over text read as it reads it."""
    pattern = language_resources(language).filler.pattern
    return re.compile(reader(language).normal(pattern), re.IGNORECASE)


@cache
def _about_article(language: str) -> frozenset[str]:
    """The words a message asking what the article is about may hold: stopwords, the
    article's names and question words asking "what", not "who", "where" or "when" ("where
    is this article from" asks for its source)."""
    resources = language_resources(language)
    other = {word for group in resources.interrogatives[1:] for phrase in group
             for word in plain_words(phrase, language)}
    other.update(word for phrase in resources.intent_words
                 for word in plain_words(phrase, language))
    asking = set(_phrases(language, "asks")) - other
    return _stopwords(language) | asking | set(_phrases(language, "article"))


def around_overview(text: str, language: str) -> str | None:
    """The words around the longest overview cue phrase the message holds ("summary of the
    trade figures": "of the trade figures"), or None when it holds none."""
    present = _cue_read(text, language)
    if not present:
        return None
    simple = " ".join(present)
    if _unspaced(language):
        joined = simple.replace(" ", "")
        held = [p.replace(" ", "") for p in _phrases(language, "overview")
                if p.replace(" ", "") in joined]
        if not held:
            return None
        return joined.replace(max(held, key=len), " ", 1).strip()
    padded = f" {simple} "
    held = [phrase for phrase in _phrases(language, "overview") if f" {phrase} " in padded]
    if not held:
        return None
    return padded.replace(f" {max(held, key=len)} ", " ", 1).strip()


def after_more(text: str, language: str) -> str | None:
    """The words after a request for more that opens the message ("tell me more about the
    talks": "about the talks"), or None when none opens it; a joining word ("and") opens
    a question, not a request."""
    present = _cue_read(text, language)
    if _unspaced(language) or not present:
        return None
    simple = " ".join(present) + " "
    joins = set(_phrases(language, "joins"))
    opening = [phrase for phrase in _phrases(language, "more")
               if phrase not in joins and simple.startswith(phrase + " ")]
    if not opening:
        return None
    return simple[len(max(opening, key=len)):].strip() or None


def asks_more(text: str, language: str) -> bool:
    """Whether the message asks for more after an answer ("tell me more", "what else")."""
    return _asks(text, language, "more")


def asks_again(text: str, language: str) -> bool:
    """Whether the message asks the last answer again: for examples of it ("like what?") or
    for another period of it ("and the year before?")."""
    return _asks(text, language, "again")


def leans_back(text: str, language: str, subject_words: int) -> bool:
    """Whether a question leans on the last answer rather than standing on its own: short,
    and it opens as a continuation ("and in 2025?"), points back ("who announced it?") or
    names nothing the knowledge base knows besides question words (`subject_words` is the
    number of its words the knowledge base has as subjects)."""
    present = plain_words(text, language)
    if not present or len(present) > _LEANING_WORDS:
        return False
    if subject_words == 0:
        return True
    simple = " ".join(present)
    if any(simple.startswith(lead + " ") for lead in _phrases(language, "leads")):
        return True
    refers = set(_phrases(language, "refers"))
    return any(word in refers for word in present)


def asks_itself(text: str, language: str) -> bool:
    """Whether a part of a message is a question of its own: it opens or ends with a word
    that asks ("who announced it", Vietnamese "... bao nhiêu"), unlike "Russia" of "trade
    between Laos and Russia". In a language written without spaces, anywhere in it."""
    simple = " ".join(plain_words(text, language))
    if _unspaced(language):
        joined = simple.replace(" ", "")
        return any(phrase.replace(" ", "") in joined for phrase in _phrases(language, "asks"))
    first, _, second = simple.partition(" ")
    if first in _phrases(language, "before_asks"):
        simple = second  # a preposition before the question word: "through which countries"
    return any(simple.startswith(phrase + " ") or simple.endswith(" " + phrase)
               for phrase in _phrases(language, "asks"))


@cache
def asking_words(language: str) -> frozenset[str]:
    """The words of the language's question words ("who", "khi nào"), as it reads them: a
    question made only of them names nothing of its own."""
    resources = language_resources(language)
    phrases = [*(word for group in resources.interrogatives for word in group),
               *resources.intent_words]
    return frozenset(word for phrase in phrases for word in plain_words(phrase, language))


def joining_words(language: str) -> tuple[str, ...]:
    """The words that join two questions in one message, as the language reads them."""
    return _phrases(language, "joins")
