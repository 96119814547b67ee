"""The language policy, in one place: which language a question is in and which to reply in.

It is driven by the language files: each names its script (the letters it is written in),
optionally the letters only it uses in that script, frequent words that mark it, and a
romanization (another script it is typed in). A fifth language is a file, not code here."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache

from bot.engine.reading import fold, reader, words
from bot.engine.smalltalk import smalltalk_words
from bot.knowledge import language_resources

DEFAULT_LANGUAGE = "en"
# A language whose script covers at least this share of the letters the best-covered one
# does is a candidate: Vietnamese typed with some marks still counts as Latin for English.
_SCRIPT_SHARE = 0.5
# Rounding room: a language is given up only when it is clearly below another.
_MARGIN = 1e-9

# How surely the knowledge base of a language knows a word (as that language reads it, 1 for
# a word it has, less for a typo of one, 0 for none): the engine answers it from its indexes.
Knows = Callable[[str, str], float]


def default_language(available: Sequence[str]) -> str:
    """The language used when nothing says otherwise: English if offered, else the first."""
    return DEFAULT_LANGUAGE if DEFAULT_LANGUAGE in available else available[0]


def short_code(code: object) -> str:
    """The language part of a Telegram or locale code: "ru-RU" and "ru_RU" are "ru"; anything
    but text (a malformed update) is no code."""
    if not isinstance(code, str):
        return ""
    return code.split("-")[0].split("_")[0].lower()


def _letters(code: str, text: str) -> int:
    """How many of the text's letters are in the language's script or its romanization."""
    language = language_resources(code)
    count = len(language.script.findall(text))
    if language.romanized is not None:
        count = max(count, len(re.findall(language.romanized.script, text)))
    return count


@cache
def _markers(code: str) -> frozenset[str]:
    """The language's own words as it reads them ("bao nhieu" is one word): its marker words
    and those of the phrases it asks with, which its knowledge base need not have ("hôm nào",
    which day)."""
    language = language_resources(code)
    phrases = (*language.markers, *language.intent_words, *language.asks_number,
               *language.asks_mention, *language.checks_claim, *language.asks_name,
               *language.asks_person, *language.asks_reason, *language.asks_country,
               *language.excludes, *language.alternatives, *language.relative_years,
               *(word for group in language.interrogatives for word in group))
    prepare = reader(code).prepare
    return frozenset(word for phrase in phrases for word in words(prepare(phrase)))


def _reading(code: str, text: str, knows: Knows | None, floor: float = -math.inf) -> float:
    """How well the language reads the text: the share of its words the language knows (its
    marker words, or its knowledge base's words), plus the share of words written with the
    letters only it uses. A language that cannot reach `floor` (another language's reading)
    stops early and reads -inf: most of a question's words then need no typo look-up."""
    language = language_resources(code)
    found = words(reader(code).prepare(text))
    if not found:
        return 0.0
    talk = smalltalk_words(code)
    markers = _markers(code)
    marked = 0
    if language.letters is not None:
        marked = sum(1 for word in words(text) if language.letters.search(word))
    bonus = marked / max(len(words(text)), 1)
    values: list[float] = []
    so_far, left = 0.0, len(found)
    for word in found:
        values.append(1.0 if word in markers or word in talk
                      else knows(code, word) if knows is not None else 0.0)
        so_far, left = so_far + values[-1], left - 1
        # A word counts at most 1: below the floor even if every word left were known.
        if (so_far + left) / len(found) + bonus < floor - _MARGIN:
            return -math.inf
    # Summed as the whole list, as before the early stop (sum() compensates from Python 3.12).
    return sum(values) / len(found) + bonus


def question_language(
    text: str,
    hint: str | None = None,
    languages: Iterable[str] = ("en", "ru"),
    knows: Knows | None = None,
) -> str:
    """The language a question is written in: by script first (Lao, Cyrillic); among the
    languages sharing the script (English, Vietnamese, Russian typed in Latin letters), the
    one that reads the most of it; the hint (Telegram's language) decides a tie."""
    available = tuple(languages)
    folded = fold(text)
    counts = {code: _letters(code, folded) for code in available}
    best = max(counts.values(), default=0)
    short = short_code(hint)
    if best == 0:
        return short if short in available else default_language(available)
    candidates = [code for code in available if counts[code] >= best * _SCRIPT_SHARE]
    if len(candidates) > 1:
        # The language most of the letters are in is read first: what it reads is the floor
        # the others must reach.
        scores: dict[str, float] = {}
        for code in sorted(candidates, key=lambda code: -counts[code]):
            scores[code] = _reading(code, folded, knows, max(scores.values(), default=-math.inf))
        top = max(scores.values())
        candidates = [code for code in candidates if scores[code] == top]
    # On a tie, a language written in its own script wins over one typed in a romanization:
    # "bauxite" is English, even for a Russian-speaking user.
    native = [code for code in candidates
              if len(language_resources(code).script.findall(folded)) >= best * _SCRIPT_SHARE]
    candidates = native or candidates
    if len(candidates) == 1:
        return candidates[0]
    if short in candidates:
        return short
    default = default_language(available)
    return default if default in candidates else candidates[0]


def reply_language(question: str, chosen: str | None, available: Sequence[str]) -> str:
    """The language of a reply to a question: the chat's choice when it made one, else the
    question's own language."""
    return chosen if chosen and chosen in available else question


def user_language(code: str | None, chosen: str | None, available: Sequence[str]) -> str:
    """The language of a reply that answers no question (a menu, a notice): the chat's
    choice, else the user's Telegram language when offered, else the default."""
    if chosen and chosen in available:
        return chosen
    short = short_code(code)
    return short if short in available else default_language(available)
