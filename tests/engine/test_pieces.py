"""Tests for bot.engine.pieces: what a message or a piece of one names and asks."""

from __future__ import annotations

from functools import partial

import pytest

from bot.engine import Engine
from bot.engine.cues import asks_overview
from bot.engine.pieces import after_preamble, asks_only_what, names_own, unknown_word, unsure_word


@pytest.mark.parametrize(
    ("text", "own"),
    [
        ("is that real", False),  # refers back, names nothing any fact has
        ("where to?", False),
        ("what's the population of laos?", True),  # a word of its own, unknown to the facts
        ("and the railway?", True),
        ("my uncle told me that", False),  # a remark: it asks nothing
        ("is there anything about gold?", True),  # "there" only says that something exists
        ("was it there?", False),
    ],
)
def test_a_piece_names_something_of_its_own(engine: Engine, text: str, own: bool) -> None:
    """A piece names something of its own with a known word, or an unknown one unless it
    refers back."""
    assert names_own(engine.index("en"), text, "en") is own


@pytest.mark.parametrize(
    ("text", "only"),
    [
        ("what's this story about in a couple of sentences", True),
        ("where is this story from", False),  # "where" asks for its source
        ("what does the story say about hydropower", False),
        ("how much did trade grow", False),  # no word for the article
    ],
)
def test_a_message_names_only_the_article(engine: Engine, text: str, only: bool) -> None:
    """A message naming the article and no word any fact has, asking only "what", names
    only the article: it asks for the overview."""
    unknown = partial(unknown_word, engine.index("en"))
    assert asks_overview(text, "en", unknown) is only


@pytest.mark.parametrize(
    ("text", "what"),
    [("what is on it?", True), ("what are they for?", False), ("who is he?", False)],
)
def test_a_question_asks_only_what(engine: Engine, text: str, what: bool) -> None:
    """Only "what", not another question word nor "what for", asks only what."""
    assert asks_only_what(engine.index("en"), text, "en") is what


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("hi, I'm a retired teacher, which metals are mined?", "which metals are mined?"),
        ("hi, no time to read it, what's this news about?", "what's this news about?"),
        # The words before it name a fact's word: they say what is asked of.
        ("for the bauxite part, which country is studying it?", None),
        ("which metals are mined?", None),  # it opens with the word that asks
    ],
)
def test_the_question_after_a_preamble(engine: Engine, text: str, asked: str | None) -> None:
    """The question after words about the asker that name nothing the knowledge base has."""
    assert after_preamble(engine.index("en"), text, "en") == asked


@pytest.mark.parametrize(
    ("word", "unsure"),
    [
        ("time", True),  # only the start of "timeline"
        ("weather", True),  # no fact has it
        ("агенство", False),  # a typo of a word facts have still names it
        ("trade", False),
    ],
)
def test_unsure_word(engine: Engine, word: str, unsure: bool) -> None:
    """A word names nothing as it is typed when no fact has it or it only begins one."""
    language = engine.language_of(word)
    assert unsure_word(engine.index(language), word) is unsure
