"""Tests for bot.engine.exclusion: questions that set something aside."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.exclusion import set_aside


@pytest.mark.parametrize(
    ("question", "language", "named"),
    [
        ("apart from farming, which industries did they discuss", "en", "farming"),
        # Up to a function word, but for one joining two things.
        ("what industries besides farming did they discuss", "en", "farming"),
        ("besides mining and farming, what else", "en", "mining and farming"),
        # A few words for each of the things joined.
        ("besides rice farming and metal mining, what else came up", "en",
         "rice farming and metal mining"),
        ("какие ещё отрасли кроме сельского хозяйства обсуждали", "ru",
         "сельского хозяйства обсуждали"),
        ("which industries did they discuss", "en", None),
        ("outside farming, which industries did they discuss", "en", "farming"),
        # Up to a question word: what follows asks.
        ("besides mining what sectors came up", "en", "mining"),
        ("ngoài nông nghiệp, hai bên còn bàn về ngành nào?", "vi", "nong nghiep"),
        # "Nước ngoài" (abroad) is one word: its "ngoài" sets nothing aside.
        ("lào bán được gì ra nước ngoài", "vi", None),
    ],
)
def test_what_a_question_sets_aside(question: str, language: str, named: str | None) -> None:
    """What follows "besides", "apart from", "кроме" (a few words, up to a comma) is set
    aside; the rest is what is asked."""
    aside = set_aside(question, language)
    assert (aside[1] if aside else None) == named


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("apart from farming, which industries did they talk about cooperating in",
         "textile_hydropower"),
        ("какие ещё отрасли кроме сельского хозяйства обсуждали", "textile_hydropower"),
        ("ngoài nông nghiệp, hai bên còn bàn về ngành công nghiệp nào?", "textile_hydropower"),
        # Two things set aside, the first named in two words: neither is the answer.
        ("какие отрасли кроме сельского хозяйства и горной добычи обсуждали?",
         "textile_hydropower"),
        # "Other" asks again for what is not set aside, not for a fact saying "other".
        ("besides mining what other industries did they talk about", "textile_hydropower"),
        # A fact about more than the thing set aside is the answer.
        ("did laos show interest in atomic tech for anything besides power generation",
         "nuclear_interest"),
        ("what was vientiane particularly keen on apart from power generation",
         "nuclear_interest"),
    ],
)
def test_a_question_setting_something_aside_is_answered_by_another_fact(
        engine: Engine, question: str, fact_id: str) -> None:
    """"Apart from farming, which industries" is the other industries, not farming; "apart
    from power generation" is the fact about nuclear technology beyond energy."""
    assert engine.decide(question).fact_id == fact_id


def test_what_is_set_aside_is_not_offered(engine: Engine) -> None:
    """Unsure which other industry is meant, the bot offers the others, not farming."""
    decision = engine.decide("besides agriculture, which industries?")
    assert decision.kind == "clarify"
    assert "agri_exports" not in decision.suggestions
    assert decision.suggestions[0] == "textile_hydropower"
