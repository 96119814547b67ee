"""Recognising greetings, thanks, goodbyes and requests for help."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from bot.engine.cue_reading import unspaced
from bot.engine.cues import asking_words
from bot.engine.reading import fold, reader, sorted_words, strip_marks, words
from bot.knowledge import language_resources, load_languages

# What is not a base letter: spaces, punctuation, emoji, and Lao vowel and tone marks (dropped
# from message and phrase alike).
_LETTERS = re.compile(r"[\W_]+")
# A word this long one letter away from a small-talk word is it mistyped; a shorter one may
# be another word ("hi" and "hu").
_TYPO_LENGTH = 5
# A small-talk word's stem (the word but its last letter) this long, with at most this many
# letters after it, is the word in another form: a diminutive or an ending ("приветик",
# "спасибочки", "perfectly"). Shorter stems are other words' beginnings too.
_STEM_LENGTH = 5
_ENDING_LETTERS = 4
# A letter written three times or more is one letter drawn out ("thanksss", "hiii").
_DRAWN_OUT = re.compile(r"(\w)\1{2,}")
# A polite particle after small talk where words run together ("ສະບາຍດີຄັບ") is this many
# letters at most.
PARTICLE_LETTERS = 6


def _glued(text: str) -> str:
    """A text as its base letters alone, in lower case: how a message or a phrase is read
    where words run together."""
    return _LETTERS.sub("", text.lower())


def _simple(text: str, language: str) -> str:
    """A text read as the language reads a message, its words joined by single spaces and
    the words chats shorten written out: "xin chao" is "xin chào", "privet" "привет", "có ai
    ko" "có ai không"."""
    shortened = _shortened(language)
    return " ".join(shortened.get(word, word) for word in words(reader(language).prepare(text)))


@lru_cache(maxsize=4096)
def _simple_word(word: str, language: str) -> str:
    """One word of a message as `_simple` reads it, remembered: the same words ("what",
    "the") open message after message."""
    return _simple(word, language)


@cache
def _shortened(language: str) -> dict[str, str]:
    """The language's chat short forms of words and the words, each as the language reads it."""
    prepare = reader(language).prepare
    return {" ".join(words(prepare(short))): " ".join(words(prepare(word)))
            for short, word in language_resources(language).smalltalk.shortened.items()}


def _phrases(language: str) -> tuple[tuple[str, str], ...]:
    """Each small-talk phrase of the language as written, with its intent, in the file's
    order."""
    talk = language_resources(language).smalltalk
    intents = {"greeting": (*talk.greeting, *talk.greeting_alone),
               "thanks": (*talk.thanks, *talk.acknowledge), "bye": talk.bye, "help": talk.help}
    return tuple((phrase, intent) for intent, phrases in intents.items() for phrase in phrases)


@cache
def _choices(language: str) -> tuple[tuple[str, str], ...]:
    """Each small-talk phrase of the language with its intent, as the language reads it."""
    return tuple(dict.fromkeys((_simple(phrase, language), intent)
                               for phrase, intent in _phrases(language)))


@cache
def _letters(language: str) -> tuple[tuple[str, str], ...]:
    """Each small-talk phrase of the language as its letters alone, with its intent."""
    return tuple(dict.fromkeys((_glued(phrase), intent) for phrase, intent in _phrases(language)))


def _run_together(text: str, language: str) -> str | None:
    """Where words run together, the intent of a message whose letters are small-talk
    phrases one after another, particles before or between them and a polite one at most
    after ("ໂອເຄ ເຂົ້າໃຈແລ້ວ ຂອບໃຈຫຼາຍໆເດີ": ok, understood, thanks a lot): the longest
    phrase, the later on a tie; None when any other letters are left."""
    said = _glued(text)
    read: dict[int, tuple[tuple[int, int, str], ...]] = {0: ()}
    between = _particles(language)
    for start in range(len(said)):
        if start not in read:
            continue
        for phrase, intent in _letters(language):
            end = start + len(phrase)
            if phrase and end not in read and said.startswith(phrase, start):
                read[end] = (*read[start], (len(phrase), start, intent))
        # A particle before or between phrases ("ເຈົ້າ ຂອບໃຈ": yes + thanks; "ສະບາຍດີເດີ
        # ມີໃຜຢູ່ບໍ": hello + ເດີ + is anyone there) joins them as a space would.
        for particle in between:
            end = start + len(particle)
            if end not in read and said.startswith(particle, start):
                read[end] = read[start]
    ends = [end for end in read if read[end] and len(said) - end <= PARTICLE_LETTERS]
    return max(read[max(ends)])[2] if ends else None


@cache
def _particles(language: str) -> tuple[str, ...]:
    """The language's stopwords and words saying when as their letters alone (where words
    run together: "ເດີ", "ມື້ນີ້")."""
    resources = language_resources(language)
    return tuple(dict.fromkeys(glued for word in (*resources.stopwords,
                                                  *resources.smalltalk.padding)
                               if (glued := _glued(word))))


@cache
def _sorted_phrases(language: str) -> tuple[str, ...]:
    """The small-talk phrases of the language, in the same order, each with its words sorted."""
    return tuple(sorted_words(phrase) for phrase, _ in _choices(language))


def smalltalk_words(language: str) -> frozenset[str]:
    """Every word of the language's small talk, as the language reads it."""
    return _vocabulary(language)


@cache
def _vocabulary(language: str) -> frozenset[str]:
    """Every word of every phrase of the language: a message made only of them ("ok thx bye",
    "good morning bot") is small talk even when it is no single phrase."""
    return frozenset(word for phrase, _ in _choices(language) for word in phrase.split())


@cache
def _joining(language: str) -> frozenset[str]:
    """The one-word joins of the language ("and", "и") and its words for the article
    ("news") as it reads them: "who are you and what can you do?" is two requests for help,
    "are you a bot for the news?" asks nothing of the news."""
    conversation = language_resources(language).conversation
    return frozenset(simple for word in (*conversation.joins, *conversation.article)
                     if " " not in (simple := _simple(word, language)) and simple)


@cache
def _particles_between(language: str) -> frozenset[str]:
    """The language's stopwords as it reads them, but its question words ("nha", a
    particle, not "what"): between whole small-talk phrases they ask nothing ("chào bot
    nha, hỏi chút được ko?")."""
    asking = asking_words(language)
    return frozenset(simple for word in language_resources(language).stopwords
                     if " " not in (simple := _simple(word, language)) and simple
                     and simple not in asking)


@cache
def _unsigned(language: str) -> dict[str, str]:
    """Each small-talk word the language's typists write without some of its letters (the
    soft sign of Russian typed in Latin letters: "zadat"), by that spelling."""
    romanized = language_resources(language).romanized
    if romanized is None or not romanized.dropped:
        return {}
    dropped = str.maketrans("", "", romanized.dropped)
    return {bare: word for word in sorted(_vocabulary(language))
            if (bare := word.translate(dropped)) != word}


def _known_word(word: str, language: str, typos: bool = True) -> str | None:
    """The small-talk word a word of a message is: itself, another form of it, or (`typos`)
    the one a long word is a letter away from ("umeesh" typed for "умеешь", its soft sign
    left out); None for none."""
    vocabulary = _vocabulary(language)
    if word in vocabulary:
        return word
    unsigned = _unsigned(language).get(word)
    if unsigned is not None:
        return unsigned  # typed without the letters typists leave out ("задат")
    for short in (_DRAWN_OUT.sub(r"\1", word), _DRAWN_OUT.sub(r"\1\1", word)):
        if short != word and short in vocabulary:
            return short
    formed = _stems(language).get(word[:_STEM_LENGTH])
    if formed is not None:
        for known in formed:
            if word.startswith(known[:-1]) and len(word) - len(known) + 1 <= _ENDING_LETTERS:
                return known
    if not typos or len(word) < _TYPO_LENGTH:
        return None
    near = process.extractOne(word, vocabulary, scorer=DamerauLevenshtein.distance,
                              score_cutoff=1)
    return None if near is None else str(near[0])


@cache
def _stems(language: str) -> dict[str, tuple[str, ...]]:
    """The small-talk words of the language whose stem is long enough to take other forms,
    by the stem's first letters."""
    found: dict[str, list[str]] = {}
    for word in sorted(_vocabulary(language)):
        if len(word) > _STEM_LENGTH:
            found.setdefault(word[:_STEM_LENGTH], []).append(word)
    return {start: tuple(words) for start, words in found.items()}


@cache
def _greeting_words() -> frozenset[str]:
    """One-word greetings of every language, which may open a question ("hi, how much...")."""
    found: set[str] = set()
    for language in load_languages().values():
        normal = reader(language.code).normal
        for phrase in language.smalltalk.greeting:
            if " " not in phrase:
                found.update((fold(phrase), normal(phrase)))
    return frozenset(found)


@cache
def _padding(language: str) -> tuple[str, ...]:
    """The language's words saying when ("today", "hôm nay"), as it reads them, longest
    first."""
    read = {_simple(phrase, language) for phrase in language_resources(language).smalltalk.padding}
    return tuple(sorted(read - {""}, key=lambda phrase: (-len(phrase), phrase)))


def _unpadded(simple: str, language: str) -> str:
    """A message as `_simple` reads it without the words saying when ("how are you today")."""
    said = f" {simple} "
    for phrase in _padding(language):
        said = said.replace(f" {phrase} ", " ")
    return " ".join(said.split())


def detect_smalltalk(text: str, language: str) -> str | None:
    """Return the intent (greeting, thanks, bye, help) if the whole text is small talk."""
    simple = _unpadded(_simple(text, language), language)
    if not simple:
        return None
    choices = _choices(language)
    best = process.extractOne(sorted_words(simple), _sorted_phrases(language),
                              scorer=fuzz.ratio, score_cutoff=88)
    if best is not None:
        return choices[best[2]][1]
    if unspaced(language):
        return _run_together(text, language)
    present: list[str] = []
    loose = False  # a stopword skipped: the small talk must be whole phrases, spelt right
    typed = False  # a small-talk word read from a typo of it
    for word in simple.split():
        known = _known_word(word, language)
        if known is None and word in _joining(language):
            present.append("|")  # no phrase runs across a join
            continue
        if known is None and word in _particles_between(language):
            present.append("|")
            loose = True
            continue
        if known is None:
            return None  # a word of its own: a question, however it goes on
        typed |= known != word and word not in _unsigned(language)
        present.append(known)
    # The longest phrase in it, the later one on a tie, says what the message is for:
    # "ok thx bye" is a goodbye, "good morning bot" a greeting.
    text = f" {' '.join(present)} "
    found = [(len(phrase.split()), text.rfind(f" {phrase} "), intent)
             for phrase, intent in choices if f" {phrase} " in text]
    if loose and (typed or not _covered(present, [phrase for phrase, _ in choices],
                                        _particles_between(language))):
        # Stopwords skipped between small-talk words join phrases, each whole and spelt
        # right ("chào bot nha, hỏi chút được ko"); a small-talk word left over is a
        # question's ("what will it help for?": "what" and "help" are no phrase together),
        # and so is a typo's ("anything on water too?" has no "later").
        return None
    return max(found)[2] if found else None


def detect_mixed_smalltalk(text: str, languages: Iterable[str]) -> str | None:
    """The intent of a message of small talk in several languages at once ("hi bot,
    privet"): each of its words small talk, or a particle between phrases, in one of them;
    the last phrase's intent."""
    languages = tuple(languages)
    intents: list[str] = []
    for word in text.split():
        if not any(letter.isalnum() for letter in word):
            continue  # an emoji or punctuation standing apart ("thanks 👍") says nothing
        read = {code: _simple_word(word, code) for code in languages}
        # Only a language that knows the word as small talk, spelt as it is or in another
        # form, is asked for its intent: a word of a question ("trade") is none at once.
        intent = next((found for code, simple in read.items()
                       if simple and _known_word(simple, code, typos=False) is not None
                       and (found := detect_smalltalk(word, code)) is not None), None)
        if intent is not None:
            intents.append(intent)
        elif not any(simple in _particles_between(code) for code, simple in read.items()):
            return None
    return intents[-1] if intents else None


def _covered(present: list[str], phrases: list[str], particles: frozenset[str]) -> bool:
    """Whether every word of the message's small talk lies in a whole phrase of it or is a
    particle that may stand between phrases: "bot" of "chào bot" addresses the bot outside
    that phrase too ("alo bot ơi có ai không")."""
    covered = [word in particles for word in present]
    # Phrases are looked for in the words as said and with the particles left out: a
    # phrase may have one inside it ("cảm ơn bot nhiều" is "cảm ơn nhiều" said to the bot).
    views = [list(range(len(present))),
             [place for place, word in enumerate(present) if word not in particles]]
    read = [[present[place] for place in places] for places in views]
    for phrase in phrases:
        size = len(said := phrase.split())
        for places, seen in zip(views, read, strict=True):
            for start in range(len(seen) - size + 1):
                if seen[start:start + size] == said:
                    for place in places[start:start + size]:
                        covered[place] = True
    return all(done or word == "|" for word, done in zip(present, covered, strict=True))


@cache
def _openings(language: str) -> tuple[tuple[str, str], ...]:
    """The greetings, thanks and goodbyes a question may follow, each as the language reads
    it (where words run together, its letters alone), longest first, with its intent."""
    talk = language_resources(language).smalltalk
    found = {(_glued(phrase) if unspaced(language) else _simple(phrase, language), intent)
             for intent, listed in (("greeting", talk.greeting), ("thanks", talk.thanks),
                                    ("bye", talk.bye))
             for phrase in listed}
    return tuple(sorted(found, key=lambda pair: (-len(pair[0]), pair)))


def opening_smalltalk(text: str, language: str) -> tuple[str, str] | None:
    """The intent of the longest greeting, thanks or goodbye the message opens with, and the
    words after it ("thanks a lot, that helped": thanks, "that helped"); None when it opens
    with none. Where words run together (Lao), the letters after it ("ສະບາຍດີຄັບ": the
    polite particle). Acknowledgements ("ok, ...") open questions: they are left out."""
    if unspaced(language):
        said = _glued(text)
        return next(((intent, said[len(phrase):]) for phrase, intent in _openings(language)
                     if phrase and said.startswith(phrase)), None)
    said = _simple(text, language) + " "
    found = next(((intent, said[len(phrase):].strip()) for phrase, intent in _openings(language)
                  if phrase and said.startswith(phrase + " ")), None)
    if found is not None:
        return found
    # An acknowledgement before thanks or a goodbye ("ok thanks nhiều nha, ...") says no
    # more than they do.
    acknowledged = next((said[len(phrase):].strip() for phrase in _acknowledgements(language)
                         if said.startswith(phrase + " ")), None)
    if not acknowledged:
        return None
    after = opening_smalltalk(acknowledged, language)
    return after if after is not None and after[0] in ("thanks", "bye") else None


@cache
def _acknowledgements(language: str) -> tuple[str, ...]:
    """The language's acknowledgements as it reads them, longest first."""
    listed = {_simple(phrase, language) for phrase in language_resources(language).smalltalk
              .acknowledge}
    return tuple(sorted(listed - {""}, key=lambda phrase: (-len(phrase), phrase)))


def strip_greeting(text: str) -> str:
    """Remove a leading greeting word ("hi, how much ...") so the question can be matched."""
    parts = text.strip().split(None, 1)
    first = "".join(words(parts[0])) if len(parts) == 2 else ""
    # Vietnamese greetings are kept without marks, as "chào" is often typed "chao".
    if first and (first in _greeting_words() or strip_marks(first) in _greeting_words()):
        return parts[1]
    return text
