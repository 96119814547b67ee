"""What a message or a piece of one names and asks: something of its own, nothing any fact
has, only "what", only a remark on the question before it."""

from __future__ import annotations

from bot.engine.cue_reading import phrases, plain_words
from bot.engine.cues import asks_itself, asks_with_word, from_asking, refers_back
from bot.engine.index import Index
from bot.engine.typos import (
    PREFIX_SIMILARITY,
    has_unknown,
    names_known,
    names_missing,
    token_matches,
)
from bot.knowledge import language_resources


def asks_only_what(index: Index, question: str, language: str) -> bool:
    """Whether the question's only question words ask "what" (the language's first group of
    them), not who, when, where or why, nor what for ("what are they for?")."""
    plain = plain_words(question, language)
    if plain and plain[-1] in phrases(language, "before_asks"):
        return False  # a preposition left at the end asks what for, with, from
    what = index.what_group()
    return what is not None and index.question_words(index.analyzer.tokens(question)) == {what}


def names_own(index: Index, text: str, language: str) -> bool:
    """Whether a piece of a message names something of its own: a word the knowledge base
    has, or knows the article does not give, or one no fact has unless the piece refers back
    ("is that real?" names nothing; "what's the population?" does) or asks nothing: a remark
    after a question ("that's what my uncle said") is none of its own."""
    if "?" not in text and not asks_itself(text, language):
        return False
    if names_known(index, text) or names_missing(index, text):
        return True
    return has_unknown(index, text) and not refers_back(text, language)


def unknown_word(index: Index, word: str) -> bool:
    """Whether a word of a message names nothing any fact has, not even as a typo: a
    stopword, one of the article's subjects, or a word no fact has (not a number)."""
    token = index.analyzer.token(word)
    if token is None or token in index.common:
        return True
    return not token[0].isdigit() and not token_matches(index, word, token)


def unsure_word(index: Index, word: str) -> bool:
    """Whether a word of a message names nothing any fact has as it is typed: `unknown_word`,
    or only the start of one, as an abbreviation would ("time" of "timeline"); a typo of
    one ("агенство") still names it."""
    token = index.analyzer.token(word)
    if token is None or token in index.common or token[0].isdigit():
        return unknown_word(index, word)
    matches = token_matches(index, word, token)
    return not matches or matches[0][1] == PREFIX_SIMILARITY


def remarks(index: Index, clause: str, language: str) -> bool:
    """Whether a last clause only remarks on the question before it ("..., i keep
    forgetting", "..., никак не запомню", "..., so I can put them on a slide?"): it asks
    with no word (a "?" ending it ends the whole sentence), names nothing a fact has nor a
    detail the article is known not to give, and offers no alternatives ("..., Hải Phòng
    hay Vũng Áng")."""
    read = plain_words(clause, language)
    if asks_with_word(clause, language):
        return False
    offered = set(language_resources(language).alternatives)
    return offered.isdisjoint(read) and not names_known(index, clause) \
        and not names_missing(index, clause)


def after_preamble(index: Index, question: str, language: str) -> str | None:
    """The question after a preamble about the asker ("as a student of economics I'd like to
    understand | which metals ..."): words before the word that asks naming nothing the
    knowledge base has; None otherwise ("in Trello, how do I ...": the head says of what)."""
    asked = from_asking(question, language)
    if asked is None or asked not in question:
        return None
    return None if names_known(index, question[:question.rfind(asked)]) else asked
