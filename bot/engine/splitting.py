"""Several questions in one message: where a message may be cut into questions."""

from __future__ import annotations

import itertools
import re
from functools import cache
from itertools import combinations, product

from bot.engine.cue_reading import plain_words
from bot.engine.cues import asks_itself, requests_overview
from bot.engine.reading import reader, strip_marks
from bot.knowledge import language_resources

# A list's number or letter: "1)", "1.", "(1)", "a)", "(b)", "б)" (a single digit or one of
# the first letters, after a space or a colon: "in 2024." is no list).
_MARKER = r"(?:\(?\d\)|\d\.|\(?[a-dа-г]\))"
_ITEM = re.compile(rf"(?<![^\s:]){_MARKER}\s+")  # a list's marker and the space after it
# Between two questions for certain: a line break, a question mark with more after it, ";"
# (not between two letters: "tl;dr" is a word), "+" standing apart ("66+20" is a sum, not
# two questions; "+20%" a number's sign; "C++ code" a name), and a list's marker ("1) ...
# 2) ..."). "&" is "and" in every language: it joins two questions or two things ("shipping
# & rail") alike.
_HARD = re.compile(r"\s*\n\s*|(?<=\?)\s+(?=\S)|(?<=\?)(?=[^\s?])|\s+;\s*|(?<!\w);\s*|;\s+"
                   rf"|\s+\+(?![\d.,])\s*|(?<![\w+])\+\s+|\s*{_ITEM.pattern}")
# A full stop ending a word (not a number: "in 2024. by how much"; nor a two-letter title:
# "Mr.") with more after it: between two sentences, perhaps each a question.
_STOP = re.compile(r"(?<=[^\W\d_]{3}[.])\s+(?=\S)")
# What introduces a numbered list or the lines below it ("Two things: 1) ...", "Two
# questions:" and a line break): no question of its own.
_PREAMBLE = re.compile(rf"^[^:\n?]*:(?:\s*(?={_MARKER}\s)|[ \t]*\n\s*)")
_EDGES = ",.:;!-—– \t\n"
_SPELLINGS = 2  # Latin spellings tried per letter of a joining word
MAX_PIECES = 5  # more joins than this is one long sentence, not a list of questions


@cache
def _joins(language: str) -> re.Pattern[str] | None:
    """The words joining two questions as a pattern over the message as typed."""
    resources = language_resources(language)
    joins = sorted(_as_typed(resources.conversation.joins, language), key=len, reverse=True)
    if not joins:
        return None
    joins.append("&")
    alternatives = "|".join(re.escape(word) for word in joins)
    if language_resources(language).segment is not None:
        spaced = set(resources.conversation.spaced_joins)
        glued = "|".join(re.escape(word) for word in joins if word not in spaced)
        after_space = "|".join(re.escape(word) for word in joins if word in spaced)
        either = rf"\s*(?:{glued})\s*" + (rf"|\s+(?:{after_space})\s*" if after_space else "")
        return re.compile(rf"{either}|\s+/\s+")
    # A slash between spaces ("trade growth 2024 / date of the talks") joins as "and" does.
    return re.compile(rf"\s*,?\s+(?:{alternatives}|/)(?:\s*,)?\s+", re.IGNORECASE)


def _as_typed(listed: tuple[str, ...], language: str) -> set[str]:
    """A language file's words as they may be typed: without their marks too ("ngoai ra"
    for "ngoài ra"), as the language is read, and in Latin letters ("i", "a takzhe" for
    "и", "а также")."""
    resources = language_resources(language)
    written = set(listed)
    if resources.fold_marks:
        written |= {strip_marks(word) for word in written}
    if resources.romanized is not None:
        written |= {latin for word in tuple(written) for latin in _romanized(word, language)}
    return written


def _romanized(word: str, language: str) -> set[str]:
    """The ways of typing a word in Latin letters that the language's romanization reads back
    as that word (a few spellings per letter, the simplest first)."""
    romanized = language_resources(language).romanized
    if romanized is None:
        return set()
    spellings: dict[str, list[str]] = {}
    for latin, letters in romanized.table.items():
        if len(letters) == 1 and latin.isalpha():
            spellings.setdefault(letters, []).append(latin)
    choices = [sorted(spellings.get(letter, [letter]), key=len)[:_SPELLINGS] for letter in word]
    read = reader(language).normal
    wanted = read(word)
    return {typed for typed in map("".join, product(*choices))
            if typed != word and read(typed) == wanted}


@cache
def _enumerators(language: str) -> re.Pattern[str] | None:
    """The words numbering a message's questions ("First, ...", "во-вторых") as a pattern
    over the start of a piece as typed, with what follows them."""
    resources = language_resources(language)
    written = _as_typed(resources.conversation.enumerators, language)
    if not written:
        return None
    either = "|".join(re.escape(word) for word in sorted(written, key=len, reverse=True))
    # Where words run together (Lao), the next word may follow with no space.
    glued = r"|(?=\S)" if resources.segment is not None else ""
    return re.compile(rf"(?:{either})(?:\s*[,:.)\-–—]+\s*|\s+{glued})", re.IGNORECASE)


def _unnumbered(piece: str, language: str) -> str:
    """A piece without the word numbering it ("Second, what ..."), where a mark sets the
    word apart or what follows asks by itself: "last year's trade?" keeps its "last"."""
    pattern = _enumerators(language)
    match = pattern.match(piece) if pattern is not None else None
    if match is None:
        return piece
    rest = piece[match.end():].strip(_EDGES)
    marked = any(mark in match.group() for mark in ",:.)-–—")
    return rest if rest and (marked or asks_itself(rest, language)) else piece


def unjoined(piece: str, language: str) -> str:
    """A piece without the punctuation, joining word and word numbering it it may start with
    ("Also, who ...", "Second, what ...")."""
    piece = _unnumbered(piece.strip(_EDGES), language)
    pattern = _joins(language)
    if pattern is not None:
        match = pattern.match(" " + piece + " ")
        if match is not None and match.end() > 1:
            piece = _unnumbered((" " + piece + " ")[match.end():].strip(_EDGES), language)
    return piece


def asks_alone(text: str, language: str) -> bool:
    """Whether a piece or a follow-up has an asking word of its own, past the joining word
    it may open with ("and which ..."; not "and by land?")."""
    return asks_itself(unjoined(text, language), language)


def sentences(text: str, language: str) -> list[str]:
    """The message cut where it certainly holds another question: line breaks, question
    marks followed by more, ";", "+" and a numbered list's numbers (what introduces the list
    left out), and full stops between sentences that each ask; one piece when there is no
    such cut."""
    return [piece for piece, _ in joined_sentences(text, language)]


def listed(text: str) -> bool:
    """Whether the message is a list of questions: on lines of their own, or numbered ("1)
    ... 2) ...")."""
    return "\n" in text.strip() or len(_ITEM.findall(text)) >= 2


def joined_sentences(text: str, language: str) -> list[tuple[str, bool]]:
    """`sentences`, each with whether it opened with a joining word ("... ? and coffee?")."""
    pieces = [(unjoined(sentence, language), sentence.strip(_EDGES))
              for piece in _cut(text, language) for sentence in _asked(piece, language)]
    return [(piece, piece != bare) for piece, bare in pieces if piece]


def _cut(text: str, language: str) -> list[str]:
    """The message cut at its certain breaks, a remark after a question mark kept with the
    question it follows: "is tea mentioned? my family grows tea", "... or only for power?"
    put as no question (no question mark, no asking word, no joining word) say more of
    that question. On a line of its own, a piece is an item of a list."""
    text = _PREAMBLE.sub("", text.strip())
    items = list(itertools.islice(_ITEM.finditer(text), 2))
    if len(items) == 2 and not _asks(text[:items[0].start()], language):
        # What comes before a list asking nothing introduces it ("I run a farmers co-op.
        # 1) ... 2) ...", "ok two things. 1) ..."), whatever ends it.
        text = text[items[0].start():]
    pieces: list[str] = []
    start = 0
    remark = False
    for match in [*_HARD.finditer(text), None]:
        piece = text[start:match.start() if match else len(text)]
        if remark and pieces and not _asks(piece, language):
            pieces[-1] = f"{pieces[-1]} {piece}"
        else:
            pieces.append(piece)
        if match is None:
            break
        start = match.end()
        remark = match.group().strip() == "" and "\n" not in match.group() and (
            text[match.start() - 1:match.start()] == "?")
    return pieces


def _asks(piece: str, language: str) -> bool:
    """Whether a piece is put as a question: a question mark, an asking word of its own or
    a joining word ("also, anything on hydropower")."""
    piece = piece.strip()
    return (piece.endswith("?") or unjoined(piece, language) != piece.strip(_EDGES)
            or asks_itself(piece, language))


def _asked(piece: str, language: str) -> list[str]:
    """A piece cut at its full stops into the questions it asks: a sentence asking nothing
    (no question mark, no asking word: "I run a small export business.") is read with the
    question after it, or the last with the one before it; a piece asking once is whole."""
    sentences = [sentence for sentence in _STOP.split(piece) if sentence.strip()]
    if len(sentences) < 2:
        return [piece]
    asking = [sentence.rstrip().endswith("?") or asks_alone(sentence, language)
              or requests_overview(sentence, language) for sentence in sentences]
    if sum(asking) < 2:
        return [piece]
    questions: list[str] = []
    before = ""
    for sentence, asks in zip(sentences, asking, strict=True):
        if asks:
            questions.append(f"{before} {sentence}".strip())
            before = ""
        else:
            before = f"{before} {sentence}".strip()
    if before:
        questions[-1] = f"{questions[-1]} {before}"
    return questions


def _last_word(text: str, end: int) -> str:
    """The word of the text that ends before `end` (read alone: the whole text need not be)."""
    before = text[:end].split()
    return before[-1] if before else ""


def groupings(sentence: str, language: str) -> list[list[str]]:
    """Ways to read one sentence as several questions joined by "and", "also" and the like:
    every cut at its joining words into two or more parts, the most parts first."""
    pattern = _joins(language)
    if pattern is None:
        return []
    padded = f" {sentence} "
    either = set(language_resources(language).alternatives)
    # After "or" a joining word opens the other alternative, not another question ("only for
    # power or also for something else?", "или ещё для чего-то?").
    spans = [match.span() for match in pattern.finditer(padded)
             if not either.intersection(plain_words(_last_word(padded, match.start()),
                                                    language))]
    if not spans or len(spans) >= MAX_PIECES:
        return []
    found: list[list[str]] = []
    for count in range(len(spans), 0, -1):
        for chosen in combinations(spans, count):
            starts = [0, *(end for _, end in chosen)]
            ends = [*(start for start, _ in chosen), len(padded)]
            parts = [unjoined(padded[start:end], language)
                     for start, end in zip(starts, ends, strict=True)]
            if all(parts):
                found.append(parts)
    return found
