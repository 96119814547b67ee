"""End-to-end tests of the inline-query handler, against the fake Bot API."""

from __future__ import annotations

from botapi import FakeBotApi
from harness import TRADE_EN

from bot.engine import Engine
from bot.knowledge import Knowledge, load_knowledge
from bot.ops.reload import KnowledgeService
from bot.replies import Composer
from bot.telegram.app import App
from bot.telegram.context import Services
from bot.telegram.inline import InlineQueries, inline_fact_ids

HOPELESS = "qwxz zzkq"


async def test_inline_query_ranks_the_answer_first(app: App, server: FakeBotApi) -> None:
    """An inline query gets the matching fact first, then related facts, as HTML articles."""
    server.inline_query("trade growth")
    call = (await server.await_calls("answerInlineQuery"))[0]
    results = call["results"]
    assert [r["id"] for r in results][:3] == ["trade_growth", "new_routes", "routes_reason"]
    first = results[0]
    assert first["type"] == "article" and first["title"] == TRADE_EN
    assert "66 percent" in first["description"] and len(first["description"]) <= 100
    content = first["input_message_content"]
    assert content["parse_mode"] == "HTML"
    assert "66 percent" in content["message_text"]
    assert "<i>Source: VNA, 2025-08-01</i>" in content["message_text"]
    assert call["is_personal"] in (True, "true") and int(call["cache_time"]) <= 10


async def test_inline_query_in_russian(app: App, server: FakeBotApi) -> None:
    """A Russian inline query gets Russian titles and answers."""
    server.inline_query("товарооборот", language_code="ru")
    first = (await server.await_calls("answerInlineQuery"))[0]["results"][0]
    assert first["id"] == "trade_growth" and first["title"].startswith("Насколько")
    assert "66 процентов" in first["input_message_content"]["message_text"]


async def test_inline_empty_query_lists_top_topics(
    app: App, server: FakeBotApi, knowledge: Knowledge
) -> None:
    """An empty inline query offers the first fact of each topic."""
    server.inline_query("")
    results = (await server.await_calls("answerInlineQuery"))[0]["results"]
    expected = [knowledge.facts_in_topic(topic)[0].id for topic in knowledge.topics]
    assert [r["id"] for r in results] == expected


async def test_inline_overview_request_lists_a_fact_of_each_topic(
    app: App, server: FakeBotApi, knowledge: Knowledge
) -> None:
    """"What is it about" inline offers the first fact of each topic, in its language."""
    server.inline_query("о чём статья")
    results = (await server.await_calls("answerInlineQuery"))[0]["results"]
    expected = [knowledge.facts_in_topic(topic)[0].id for topic in knowledge.topics]
    assert [r["id"] for r in results] == expected
    assert results[0]["title"].startswith("Насколько")


async def test_inline_hopeless_query_gets_empty_answer(app: App, server: FakeBotApi) -> None:
    """A hopeless inline query is still answered, with an empty result list and a chat button."""
    server.inline_query(HOPELESS)
    call = (await server.await_calls("answerInlineQuery"))[0]
    assert call["results"] == [] and call["is_personal"] in (True, "true")
    assert call["button"]["start_parameter"] == "inline"


def test_inline_results_of_two_questions_are_both_answers(engine: Engine) -> None:
    """An inline query asking two things offers both answers first, in order."""
    decision = engine.decide("How much did trade grow and who announced the new routes?")
    assert inline_fact_ids(decision)[:2] == ["trade_growth", "announcement"]


def test_inline_results_are_built_once_per_knowledge_base(engine: Engine) -> None:
    """A fact's inline result is reused while the knowledge base stays, and built anew from
    a reloaded one."""
    knowledge = engine.knowledge
    queries = InlineQueries(Services(KnowledgeService(engine)))
    fact = knowledge.by_id["trade_growth"]
    first = queries._article(Composer(knowledge), fact, "en")
    assert queries._article(Composer(knowledge), fact, "en") is first
    assert queries._article(Composer(knowledge), fact, "ru") is not first
    reloaded = load_knowledge()
    again = queries._article(Composer(reloaded), reloaded.by_id["trade_growth"], "en")
    assert again is not first and again == first
