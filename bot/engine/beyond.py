"""What a question asks for beyond any fact: a kind of thing none mentions ("which city") or
another occasion than the one reported ("the next summit")."""

from __future__ import annotations

import re

from bot.engine.cue_reading import plain_words
from bot.engine.index import Index
from bot.engine.kinds import asked_kinds
from bot.engine.typos import token_matches
from bot.knowledge import language_resources


def asks_beyond(index: Index, question: str, language: str) -> bool:
    """Whether the question asks for something no fact could hold: a kind of thing no fact
    mentions or another occasion than the article's."""
    return asks_unknown_kind(index, question, language) or asks_other_occasion(
        index, question, language)


def asks_other_occasion(index: Index, question: str, language: str) -> bool:
    """Whether the question asks about another occasion than the article reports ("when is
    the next summit"): one of the language's `other_occasions` words, which no fact has."""
    occasions = set(language_resources(language).other_occasions)
    return any((token := index.analyzer.token(word)) is not None
               and not token_matches(index, word, token)
               for word in plain_words(question, language) if word in occasions)


def asks_unknown_kind(index: Index, question: str, language: str) -> bool:
    """Whether the question asks for a kind of thing no fact mentions: one of the first
    content words after a `kind_askers` word ("in which city", "how much in dollars") is a
    word no fact has, typos allowed."""
    folded = question.casefold()
    for kind in asked_kinds(index, question, language):
        # "which neighbouring country's ports": the possessive ends the kind at its noun,
        # what describes it is no kind of its own.
        owner = next((pair for pair in kind if re.search(
            rf"\b{re.escape(pair[0])}['’]s\b", folded)), None)
        if any(not token_matches(index, word, token)
               for word, token in ([owner] if owner else kind)):
            return True
    return False
