"""Words saying the contrary of a word facts use ("military" of "peaceful"), read as that word
where the question names what such a fact is about."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from bot.engine.analysis import Analyzer
from bot.engine.index import Index
from bot.knowledge import language_resources

Pairs = tuple[tuple[str, str], ...]  # a text's (word, token) pairs, as `Analyzer.pairs` reads it


@lru_cache(maxsize=64)
def _contraries(analyzer: Analyzer) -> tuple[tuple[tuple[str, ...], Pairs], ...]:
    """Each phrase saying the contrary of a word, as the analyzer reads it (its tokens), with
    that word's pairs; longest first."""
    found = {(tuple(analyzer.tokens(phrase)), analyzer.pairs(word))
             for word, contrary in language_resources(analyzer.language).contrasts.items()
             for phrase in contrary}
    return tuple(sorted(((run, said) for run, said in found if run and said),
                        key=lambda pair: (-len(pair[0]), pair)))


@lru_cache(maxsize=64)
def _openings(analyzer: Analyzer) -> frozenset[str]:
    """The first token of each contrary phrase: a question with none of them (most) is
    returned as it is without looking for the phrases."""
    return frozenset(run[0] for run, _ in _contraries(analyzer))


def _find(tokens: Sequence[str], run: tuple[str, ...]) -> int | None:
    """Where the run of tokens starts in the tokens; None if it is not there."""
    return next((start for start in range(len(tokens) - len(run) + 1)
                 if tuple(tokens[start:start + len(run)]) == run), None)


def contrasted(index: Index, pairs: Pairs) -> Pairs:
    """The question's pairs with each phrase saying the contrary of a word facts use read as
    that word, where another word of the question is one of few facts', one of which has
    the word ("is the nuclear deal military?": nuclear, of the facts saying "peaceful");
    "military cooperation?" names nothing that specific, and asks about the military."""
    tokens = [token for _, token in pairs]
    if _openings(index.analyzer).isdisjoint(tokens):
        return pairs
    found = [(start, run, said) for run, said in _contraries(index.analyzer)
             if (start := _find(tokens, run)) is not None]
    if not found:
        return pairs
    contrary = {at for start, run, _ in found for at in range(start, start + len(run))}
    rest = {token for at, token in enumerate(tokens) if at not in contrary}
    read = list(pairs)
    for start, run, said in sorted(found, reverse=True):
        if any(at >= len(read) or read[at][1] != token
               for at, token in enumerate(run, start)):
            continue  # a longer phrase already read over it
        having = set.intersection(*(set(index.postings.get(token, ())) for _, token in said))
        if having and any(_backs(index, token, having, said) for token in rest):
            read[start:start + len(run)] = said
    return tuple(read)


def _backs(index: Index, token: str, having: set[int], said: Pairs) -> bool:
    """Whether a word of the question names what facts having the contradicted word are
    about: one of theirs, and of hardly more facts than they are."""
    facts = index.postings.get(token)
    return (facts is not None and token not in index.common and token not in index.subjects
            and all(token != own for _, own in said)
            and not having.isdisjoint(facts) and len(facts) <= len(having) + 1)
