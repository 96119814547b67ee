"""Tests for years named relative to the source's date."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.dating import dated, source_year
from bot.knowledge import Knowledge


@pytest.mark.parametrize(("question", "language", "expected"), [
    ("how much did trade grow last year", "en", "how much did trade grow 2024"),
    ("Trade this year?", "en", "Trade 2025 ?"),
    ("на сколько вырос товарооборот в прошлом году", "ru", "на сколько вырос товарооборот 2024"),
    ("thuong mai nam ngoai tang bao nhieu", "vi", "thuong mai 2024 tang bao nhieu"),
    ("ການຄ້າປີກາຍເພີ່ມຂຶ້ນເທົ່າໃດ", "lo", "ການຄ້າ 2024 ເພີ່ມຂຶ້ນເທົ່າໃດ"),
    # "hai năm trước" is two years ago, not last year: left as written.
    ("hai năm trước thì sao", "vi", "hai năm trước thì sao"),
    ("how much did trade grow?", "en", "how much did trade grow?"),
])
def test_relative_years_are_read_as_years_of_the_source(question: str, language: str,
                                                        expected: str) -> None:
    """"Last year" in a question about an article of 2025 is 2024, in each language."""
    assert " ".join(dated(question, language, 2025).split()) == " ".join(expected.split())


def test_without_a_dated_source_nothing_is_relative(knowledge: Knowledge) -> None:
    """The shipped article is of 2025; a knowledge base without a date reads no year."""
    assert source_year(knowledge) == 2025
    assert dated("trade last year", "en", None) == "trade last year"


@pytest.mark.parametrize("question", ["how much did trade grow last year?",
                                      "а торговля в прошлом году выросла?"])
def test_last_year_asks_the_years_figure(engine: Engine, question: str) -> None:
    """"Last year" asks 2024's trade figure, which the trade fact gives."""
    assert engine.decide(question).fact_id == "trade_growth"
