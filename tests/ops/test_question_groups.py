"""Tests for bot.ops.question_groups: what people asked, grouped as the report shows it."""

from __future__ import annotations

from collections import Counter

import pytest

from bot.engine import Engine
from bot.ops.question_groups import Normaliser, group_questions, question_words


@pytest.mark.parametrize(
    ("questions", "expected"),
    [
        (["trade", "trade", "TRADE!"], [("trade", 3)]),
        (["football results", "results of the football", "footbal results", "weather"],
         [("football results", 3), ("weather", 1)]),
        (["how many tourists", "number of tourists", "tourists number"],
         [("number of tourists", 3)]),
        (["price of rice", "price of coffee", "bitcoin price"],
         [("bitcoin price", 1), ("price of coffee", 1), ("price of rice", 1)]),
        (["weather", "погода"], [("weather", 1), ("погода", 1)]),
    ],
    ids=["case-and-punctuation", "order-and-typos", "question-words", "different-things",
         "languages-apart"],
)
def test_group_questions(
    engine: Engine, questions: list[str], expected: list[tuple[str, int]]
) -> None:
    """Greedy grouping merges case, punctuation, word order, typos and question words, keeps
    different subjects apart and never mixes languages."""
    pairs = [(q, "ru" if q == "погода" else "en") for q in questions]
    groups = group_questions(pairs, Normaliser(engine))
    counts = Counter(" ".join(q.split()) for q in questions)
    assert [(representative, sum(counts[m] for m in members))
            for representative, _, members in groups] == expected


@pytest.mark.parametrize(("language", "word"), [
    ("en", "how"), ("en", "many"), ("ru", "сколько"), ("ru", "зачем"), ("vi", "bao"), ("lo", "ໃຜ"),
])
def test_question_words_come_from_the_language_files(language: str, word: str) -> None:
    """Each language's question words, read from its language file, are left out of grouping."""
    assert word in question_words(language)


def test_russian_question_words_do_not_split_a_group(engine: Engine) -> None:
    """"сколько туристов" and "туристов сколько было" are one unanswered question."""
    groups = group_questions([("сколько туристов", "ru"), ("туристов сколько", "ru"),
                              ("зачем туристы", "ru")], Normaliser(engine))
    assert len(groups) == 1
