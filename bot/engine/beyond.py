"""What a question asks for beyond any fact: a kind of thing none mentions ("which city") or
another occasion than the one reported ("the next summit")."""

from __future__ import annotations

from functools import cache

from rapidfuzz.distance import DamerauLevenshtein

from bot.engine.cue_reading import plain_words
from bot.engine.index import Index
from bot.engine.typos import token_matches
from bot.knowledge import language_resources

_KIND_WORDS = 2  # "which Chinese city": the kind may follow a word describing it
_TYPO_LENGTH = 5  # letters: a question word this long is still told with one typo ("сколко")


@cache
def askers(language: str) -> tuple[tuple[str, ...], ...]:
    """The language's `kind_askers` as plain words, longest first ("how many" before "how")."""
    read = {tuple(plain_words(asker, language))
            for asker in language_resources(language).kind_askers}
    return tuple(sorted((words for words in read if words), key=len, reverse=True))


def asks_beyond(index: Index, question: str, language: str) -> bool:
    """Whether the question asks for something no fact could hold: a kind of thing no fact
    mentions or another occasion than the article's."""
    return asks_unknown_kind(index, question, language) or asks_other_occasion(
        index, question, language)


def asks_other_occasion(index: Index, question: str, language: str) -> bool:
    """Whether the question asks about another occasion than the article reports ("when is
    the next summit"): one of the language's `other_occasions` words, which no fact has."""
    occasions = set(language_resources(language).other_occasions)
    return any(word in occasions and not token_matches(index, word, token)
               for word, token in ((word, index.analyzer.token(word))
                                   for word in plain_words(question, language))
               if token is not None)


def asks_unknown_kind(index: Index, question: str, language: str) -> bool:
    """Whether the question asks for a kind of thing no fact mentions: one of the first
    content words after a `kind_askers` word ("in which city", "how much in dollars") is a
    word no fact has, typos allowed. The article's subjects do not count as the kind."""
    read = plain_words(question, language)
    for at in range(len(read)):
        asker = next((words for words in askers(language)
                      if _same(index, read[at:at + len(words)], words)), None)
        if asker is None:
            continue
        kind = []
        for word in read[at + len(asker):]:
            token = index.analyzer.token(word)
            if token is None or token in index.subjects or token in index.interrogatives:
                continue
            kind.append((word, token))
            if len(kind) == _KIND_WORDS:
                break
        if any(not token_matches(index, word, token) for word, token in kind):
            return True
    return False


def _same(index: Index, read: list[str], asker: tuple[str, ...]) -> bool:
    """Whether the words are the asker's, as typed, as the index reads them ("whats") or
    with one typo in a long enough word."""
    token = index.analyzer.token
    return len(read) == len(asker) and all(
        word == wanted or (token(word) is not None and token(word) == token(wanted))
        or (len(wanted) >= _TYPO_LENGTH
            and DamerauLevenshtein.distance(word, wanted, score_cutoff=1) <= 1)
        for word, wanted in zip(read, asker, strict=True))
