"""A thing of a category whose other things the article names ("coffee" of the crops it
lists): the fact naming that category is what the article says instead."""

from __future__ import annotations

from bot.engine.index import Index
from bot.engine.typos import token_matches
from bot.knowledge import language_resources


def kin_fact(index: Index, question: str) -> int | None:
    """The number of the one fact naming the category of a thing the question names that no
    fact has ("is coffee mentioned?": the farm exports, a list of crops); None when there is
    no such thing, or the facts naming its categories are not one. Not where words are
    written syllable by syllable: a syllable is too often part of another word."""
    analyzer = index.analyzer
    if language_resources(analyzer.language).collocations:
        return None
    found: set[int] = set()
    for word, token in analyzer.pairs(question):
        if token_matches(index, word, token):
            continue
        for category in index.categories:
            if token in category.things:
                # A name one fact alone has ("beverage" of the crops it lists), not one many
                # have for other reasons ("export", "industry").
                found.update(facts[0] for name in category.names
                             if len(facts := index.postings.get(name, [])) == 1)
    return found.pop() if len(found) == 1 else None


def names_member(index: Index, question: str, fact: int) -> bool:
    """Whether the question also names a thing the fact lists of the category of a thing no
    fact has ("is coffee or tea mentioned?": tea, a crop as coffee is, of the farm exports)."""
    matched = [(token, token_matches(index, word, token))
               for word, token in index.analyzer.pairs(question)]
    unknown = {token for token, matches in matched if not matches}
    # Of the categories the fact lists things of: a word it has of another kind ("ездить",
    # of trips, beside "hotel") is no alternative to the thing asked about.
    kinds = [category.things for category in index.categories
             if not unknown.isdisjoint(category.things)
             and not category.names.isdisjoint(index.listing[fact])]
    tokens = index.fact_tokens(fact)
    return any(known in tokens and any(known in things for things in kinds)
               for _, matches in matched for known, _ in matches)
