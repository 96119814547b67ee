"""Tests for bot.engine.turns: a message as a turn of a conversation."""

from __future__ import annotations

import pytest

from bot.engine import Context, Engine
from bot.engine.turns import turn


def _after(engine: Engine, earlier: str) -> Context:
    """The context after the engine answered an earlier question."""
    return Context().told(engine.decide(earlier))


@pytest.mark.parametrize(
    ("question", "kind"),
    [("hi!", "smalltalk"), ("what is this article about?", "overview"),
     ("tell me more", "overview")],
)
def test_turn_without_context(engine: Engine, question: str, kind: str) -> None:
    """Small talk, the overview, and "more" with nothing before it (the whole article)."""
    assert turn(engine.ranker, question, "en", "en", Context()).kind == kind


def test_a_cue_summing_up_a_ramble_leaves_the_question_after_it(engine: Engine) -> None:
    """"In short" after a ramble ("... we argued all day 😅 in short, what new ore are they
    studying?") sums it up: the question after it is answered, not the overview."""
    question = ("ໝູ່ບອກວ່າຣັດເຊຍມາຂຸດບໍ່ແຮ່ຢູ່ລາວ ຖຽງກັນໝົດມື້ 😅 "
                "ສະຫຼຸບແລ້ວເຂົາກຳລັງສຶກສາຈະຂຸດແຮ່ຫຍັງໃໝ່ ຊ່ວຍບອກແດ່")
    decision = turn(engine.ranker, question, "lo", "lo", Context())
    assert (decision.kind, decision.fact_id) == ("fact", "bauxite")


@pytest.mark.parametrize(
    ("question", "language", "kind"),
    [
        ("I teach history. Which areas of economic cooperation did the leaders discuss, in "
         "short?", "en", "fact"),
        ("Я учитель. Какие сферы сотрудничества обсуждали лидеры, если кратко?", "ru", "fact"),
        ("what is this article about, in short?", "en", "overview"),
    ],
)
def test_a_cue_closing_a_question_asks_it_briefly(engine: Engine, question: str,
                                                  language: str, kind: str) -> None:
    """"..., in short?" after a question asks that question briefly, not the overview."""
    decision = turn(engine.ranker, question, language, language, Context())
    assert decision.kind == kind


def test_an_overview_cue_inside_a_question_leaves_the_question(engine: Engine) -> None:
    """"Что там" (what's there) inside a long question is no overview request: the fact
    the whole message asks is the answer."""
    question = ("Добрый вечер. Отец в 80-е работал в Лаосе, всё спрашивает, что там сейчас "
                "делают наши компании. Есть в статье что-нибудь про добычу полезных "
                "ископаемых, какие-нибудь металлы?")
    decision = turn(engine.ranker, question, "ru", "ru", Context())
    assert (decision.kind, decision.fact_id) == ("fact", "metal_mines")


@pytest.mark.parametrize(
    ("earlier", "followup", "fact"),
    [
        ("What new transport routes are planned?", "who announced it?", "announcement"),
        ("how much did trade grow in 2024?", "and in 2025?", "trade_growth"),
        ("why hydropower in laos?", "why laos?", "textile_hydropower"),
        # What "anything else" asks of is asked in the conversation too.
        ("did they sign anything about schools?", "anything else signed apart from that?",
         "memoranda"),
        # Narrowing the last answer, "else" offers the other alternative, not another fact.
        ("Is Laos interested in nuclear technology?",
         "only for power plants or something else too?", "nuclear_interest"),
    ],
)
def test_turn_leans_on_the_last_answer(engine: Engine, earlier: str, followup: str,
                                       fact: str) -> None:
    """A follow-up that does not stand on its own is read against the last answer."""
    decision = turn(engine.ranker, followup, "en", "en", _after(engine, earlier))
    assert (decision.kind, decision.fact_id) == ("fact", fact)


def test_turn_more_gives_the_next_related_facts(engine: Engine) -> None:
    """"Tell me more" after an answer gives facts not yet told, related to it."""
    context = _after(engine, "What new transport routes are planned?")
    decision = turn(engine.ranker, "tell me more", "en", "en", context)
    assert decision.given
    assert "new_routes" not in decision.given


@pytest.mark.parametrize(
    ("message", "language", "kind"),
    [
        ("thanks so much, very useful!", "en", "smalltalk"),
        ("спасибо, очень помогло", "ru", "smalltalk"),
        ("ສະບາຍດີເຈົ້າ 🙏", "lo", "smalltalk"),
        # A short message in the others' small talk: English thanks, a Vietnamese particle.
        ("ok thanks nha", "vi", "smalltalk"),
        # Longer, every word still small talk in one language or another.
        ("ok thanks bot nha 🙏", "vi", "smalltalk"),
        ("hello bot, privet, xin chào", "vi", "smalltalk"),
        # A greeting opens a question; thanks before a number or "and" asks more.
        ("hi, trade 2024", "en", "fact"),
        ("thanks! and bauxite", "en", "fact"),
        ("ok, trade in 2025", "en", "fact"),
    ],
)
def test_thanks_with_a_remark_is_small_talk(engine: Engine, message: str, language: str,
                                             kind: str) -> None:
    """Thanks with a short remark that asks nothing is thanks, never an answer."""
    assert turn(engine.ranker, message, language, language, Context()).kind == kind


@pytest.mark.parametrize(
    ("message", "language", "kind"),
    [
        ("hello, are you there?", "en", "smalltalk"),
        ("hey, what can you tell me?", "en", "smalltalk"),
        ("привет, вы тут?", "ru", "smalltalk"),
        # Words of their own after the greeting ask something the article does not say.
        ("hi, what's the weather in Paris?", "en", "none"),
        ("привет, какая погода в Москве?", "ru", "none"),
    ],
)
def test_a_greeting_before_words_that_ask_nothing_is_small_talk(
        engine: Engine, message: str, language: str, kind: str) -> None:
    """A greeting followed only by words that ask nothing of the article is a greeting."""
    assert turn(engine.ranker, message, language, language, Context()).kind == kind


@pytest.mark.parametrize(
    ("earlier", "followup", "kind", "fact"),
    [
        # "When" is asked of the routes only in what the article does not say of them.
        ("Is Russia opening a railway route to Laos?", "when will it open?", "none",
         "new_routes"),
        ("What new transport routes are planned?", "when did putin say this?", "fact",
         "announcement"),
    ],
)
def test_a_question_word_only_near_misses_ask_with_is_not_said_of_the_last_answer(
        engine: Engine, earlier: str, followup: str, kind: str, fact: str) -> None:
    """Pointing back at the last answer with a question word the knowledge base knows it
    does not answer is declined with that answer; naming another fact, it answers."""
    decision = turn(engine.ranker, followup, "en", "en", _after(engine, earlier))
    shown = decision.closest.id if decision.closest is not None else decision.fact_id
    assert (decision.kind, shown) == (kind, fact)


def test_a_remark_beside_the_articles_name_still_asks_the_overview(engine: Engine) -> None:
    """"... what this news is about, i dont have time to read it": "time" only begins a word
    of the facts ("timeline"), so the remark names nothing and the overview is asked."""
    decision = engine.decide("hey guys can someone or the bot explain what this news is "
                             "about, i dont have time to read it")
    assert decision.kind == "overview"
