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
    tokens = [index.analyzer.token(word) for word in read]
    phrases = askers(language)
    firsts = {words[0] for words in phrases}
    wanted = {word: index.analyzer.token(word) for words in phrases for word in words}
    for at, word in enumerate(read):
        if not (word in firsts or _stands_for(word, tokens[at], firsts, wanted)):
            continue
        asker = next((words for words in phrases if len(read) - at >= len(words) and all(
            _stands_for(read[at + n], tokens[at + n], {one}, wanted)
            for n, one in enumerate(words))), None)
        if asker is None:
            continue
        kind = []
        for after, token in zip(read[at + len(asker):], tokens[at + len(asker):], strict=True):
            if token is None or token in index.subjects or token in index.interrogatives:
                continue
            kind.append((after, token))
            if len(kind) == _KIND_WORDS:
                break
        if any(not token_matches(index, after, token) for after, token in kind):
            return True
    return False


def _stands_for(word: str, token: str | None, askers: set[str],
                wanted: dict[str, str | None]) -> bool:
    """Whether a word is one of these asking words, as typed, as the index reads them
    ("whats") or with one typo in a long enough word ("сколко")."""
    return any(
        word == one or (token is not None and token == wanted[one])
        or (len(one) >= _TYPO_LENGTH and word[:1] == one[:1]
            and DamerauLevenshtein.distance(word, one, score_cutoff=1) <= 1)
        for one in askers)
