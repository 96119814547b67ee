"""The question part of a long message: its question sentences and their last clauses."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from bot.engine.cue_reading import plain_words, unspaced
from bot.knowledge import language_resources

# A smiley or an emoji ends a sentence in chat as a full stop does ("student here :) who is
# ...", "спасибо)) а кто ..."), as long as it stands apart from the words.
_SENTENCE = re.compile(r"(?<=[.!?…])\s+|\n+|(?:(?:^|\s+)[:;=]-?[()DPp3\]\[]+|\){2,}"
                       r"|\s*[\U0001F300-\U0001FAFF\u2600-\u27BF]+)\s+")
_CLAUSE = re.compile(r"[,;:—–]\s+|\s+-\s+")
_MIN_WORDS = 6  # a shorter message is one question already


def focus(text: str) -> list[str]:
    """Shorter readings of a long message, most focused last: the sentences that ask (end
    with "?"; else the last sentence), then the tail of each from its last clause boundaries."""
    if len(text.split()) < _MIN_WORDS:
        return []
    sentences = sentences_of(text)
    asking = [s for s in sentences if s.endswith("?")] or sentences[-1:]
    readings: list[str] = []
    for sentence in asking:
        if len(sentences) > 1:
            readings.append(sentence)
        clauses = [c for c in _CLAUSE.split(sentence) if c.strip()]
        for start in range(len(clauses) - 1, 0, -1):
            tail = " ".join(clauses[start:])
            if len(tail.split()) >= 2 and tail not in readings:
                readings.append(tail)
                break
    return readings


def before_frame(text: str, points_back: Callable[[str], bool]) -> str | None:
    """What comes before a last clause that only frames it, pointing back at it ("i'd like
    to import a long list of tasks into trello | what's the easiest way to do this?"): the
    clauses before; None when the last clause does not point back."""
    sentence = last_sentence(text)
    clauses = [c for c in _CLAUSE.split(sentence) if c.strip()]
    if len(clauses) < 2 or not points_back(clauses[-1]):
        return None
    head = " ".join(clauses[:-1]).strip()
    return head if len(head.split()) >= 2 else None


def sentences_of(text: str) -> list[str]:
    """The sentences of a text, as `focus` cuts it."""
    return [s.strip() for s in _SENTENCE.split(text.strip()) if s.strip()]


def last_sentence(text: str) -> str:
    """The last sentence of a text ("hi, I export maize. Is corn on the list": "Is corn on
    the list"); the text itself when it is one."""
    sentences = sentences_of(text)
    return sentences[-1] if sentences else text


@cache
def _alternatives(language: str) -> re.Pattern[str] | None:
    """The language's words between alternatives, as one pattern over text as typed."""
    resources = language_resources(language)
    words = sorted(resources.alternatives, key=len, reverse=True)
    if not words:
        return None
    either = "|".join(map(re.escape, words))
    if resources.segment is not None:
        return re.compile(rf"\s*(?:{either})\s*")
    return re.compile(rf"\s*,?\s+(?:{either})\s+", re.IGNORECASE)


def before_relative(text: str, language: str) -> str | None:
    """What comes before the first clause describing a thing ("who is the Lao head of state
    | who met Putin?"): the thing asked about; None without such a clause. The clause opens
    right after a word, not at the start, where "who" asks; or after a comma when the word
    never asks ("президент Лаоса, который ..."; "..., who exactly?" asks again)."""
    if unspaced(language):
        resources = language_resources(language)
        return _unspaced_head(text, set(resources.relatives), set(resources.conversation.asks))
    found = relative_clause(text, language)
    return found[0] if found else None


def relative_clause(text: str, language: str) -> tuple[str, str] | None:
    """Where words are spaced, `before_relative`'s head and what follows the word opening
    the clause ("was it Putin", "flew to Laos?"); None without such a clause."""
    resources = language_resources(language)
    relatives = set(resources.relatives)
    asking = set(resources.conversation.asks)
    words = text.split()
    for at in range(2, len(words)):
        read = plain_words(words[at], language)  # as typed in Latin letters too ("kotoryj")
        word, ending = (read[0] if read else ""), words[at - 1][-1]
        if word in relatives and (ending.isalnum() or (ending == "," and word not in asking)):
            head = " ".join(words[:at]).rstrip(",")
            # "Sorry, I forgot. | Who is the ...": the head is of the sentence it stands in.
            return _SENTENCE.split(head)[-1], " ".join(words[at + 1:])
    return None


def _unspaced_head(text: str, relatives: set[str], asking: set[str]) -> str | None:
    """`before_relative` where words run together and the question word ends the question
    (Lao: "ປະທານປະເທດລາວ | ທີ່ໄປລົມກັບປູຕິນ | ແມ່ນໃຜ", the Lao president | who talked with
    Putin | is who): what comes before the clause, asked with the question's last question
    word."""
    starts = [at for word in relatives if (at := text.find(word, 1)) > 0]
    if not starts:
        return None
    start = min(starts)
    end = max((at for word in asking if (at := text.rfind(word)) > start), default=None)
    if end is None:
        return None
    # Spaces part phrases: the phrase of the question word, not a remark after it
    # ("ແມ່ນໃຜນໍ | ລືມຊື່ແລ້ວ", who is it | I forgot the name).
    asked = text[end:].split(maxsplit=1)
    return f"{text[:start].strip()} {asked[0] if asked else ''}".strip()


def alternatives(text: str, language: str) -> list[str]:
    """A question's alternatives, each a reading of its own: what comes before the first
    "or" (with the question's frame: "was it an official visit"), then what comes after
    it ("just passing through"); none without one."""
    pattern = _alternatives(language)
    found = pattern.search(text) if pattern is not None else None
    if found is None:
        return []
    before, after = text[:found.start()].strip(), text[found.end():].strip()
    # A script without spaces has no words to count: any text is a reading.
    least = 1 if language_resources(language).segment is not None else 2
    return [part for part in (before, after) if part and len(part.split()) >= least]


def in_preamble(names: list[str], text: str, part: str) -> bool:
    """Whether each of the names (as read, lower case) stands in a sentence of the text
    ended before its question part: the preamble's ("mostly Vietnam and Cambodia tbh. ...
    Anyway, what ..."), not the question's."""
    folded = text.casefold()
    start = folded.rfind(part.casefold())
    return bool(names) and start >= 0 and all(
        (at := folded.rfind(name, 0, start)) >= 0
        and _SENTENCE.search(folded, at, start) is not None for name in names)
