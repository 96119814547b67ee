"""Tests for bot.engine.index: what the index reads from the knowledge base."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.analysis import Analyzer
from bot.engine.index import collocations


@pytest.mark.parametrize(
    ("texts", "least", "expected"),
    [
        # Written together every time: one word, from three times on.
        (["mở rộng vận tải", "mở rộng đường sắt", "Nga mở rộng"], 3, {("mo", "rong")}),
        (["mở rộng vận tải", "mở rộng đường sắt"], 3, set()),
        # Three times together, but each is written apart more often: two words.
        (["mỏ kim", "kim loại", "kim khí", "mỏ kim", "mỏ than", "mỏ kim", "kim cương"], 3,
         set()),
    ],
)
def test_collocations(texts: list[str], least: int, expected: set[tuple[str, str]]) -> None:
    """Two tokens written next to each other at least `least` times, and in most of the
    times the rarer is written, are a collocation."""
    assert collocations(Analyzer("vi"), texts, least) == expected


def test_a_vietnamese_collocation_is_read_as_a_word_of_its_own(engine: Engine) -> None:
    """A question with the knowledge base's "mở rộng" (expand) has it as one token too;
    one with "mỏ" (a mine) beside another word has no such token."""
    analyzer = engine.index("vi").analyzer
    assert "mo_rong" in analyzer.tokens("Nga mở rộng vận tải biển")
    assert "mo_rong" not in analyzer.tokens("mỏ quặng nhôm")
