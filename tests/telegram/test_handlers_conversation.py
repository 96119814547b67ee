"""End-to-end tests of conversations over the fake Bot API: two questions in one message,
follow-ups in a private chat and in a group thread, and /summary."""

from __future__ import annotations

from botapi import BOT_USERNAME, DEFAULT_SUPERGROUP_ID, FakeBotApi
from harness import after_sentinel, assert_html_safe, sent_messages

from bot.engine import Engine
from bot.telegram.app import App

OTHER_USER = 3003


def _answer(engine: Engine, fact_id: str, language: str = "en") -> str:
    return engine.knowledge.by_id[fact_id].answer_in(language).replace("'", "&#x27;")


async def test_two_questions_in_a_private_chat(app: App, server: FakeBotApi,
                                               engine: Engine) -> None:
    """A private message asking two things gets one reply with both answers, in order,
    each with its source."""
    server.private_text("How much did trade grow and who announced the new routes?")
    call = (await sent_messages(server))[0]
    text = call["text"]
    growth, announcement = _answer(engine, "trade_growth"), _answer(engine, "announcement")
    assert growth in text and announcement in text
    assert text.index(growth) < text.index(announcement)
    assert text.count("Source: VNA, 2025-08-01") == 2
    assert_html_safe(call)


async def test_follow_up_in_a_private_chat(app: App, server: FakeBotApi,
                                           engine: Engine) -> None:
    """After the routes, "who announced it?" continues that answer, and "tell me more" gives
    what is related to the announcement and was not said yet."""
    server.private_text("What new transport routes are planned?")
    await sent_messages(server, 1)
    server.private_text("who announced it?")
    second = (await sent_messages(server, 2))[1]
    assert _answer(engine, "announcement") in second["text"]
    server.private_text("tell me more")
    third = (await sent_messages(server, 3))[2]
    assert _answer(engine, "talks_topics") in third["text"]
    assert _answer(engine, "new_routes") not in third["text"]


async def test_reply_to_an_older_answer_continues_that_one(app: App, server: FakeBotApi,
                                                           engine: Engine) -> None:
    """In a private chat, a reply to an earlier answer continues it, and a plain message
    continues the last answer."""
    server.private_text("What new transport routes are planned?")
    await sent_messages(server, 1)
    routes = server.sent[-1]
    server.private_text("How much did trade grow in 2024?")
    await sent_messages(server, 2)
    server.private_text("and in 2025?")
    third = (await sent_messages(server, 3))[2]
    assert _answer(engine, "trade_growth") in third["text"]
    server.private_text("when?", reply_to=routes)
    fourth = (await sent_messages(server, 4))[3]
    assert _answer(engine, "announcement") in fourth["text"]


async def test_follow_up_after_a_button(app: App, server: FakeBotApi, engine: Engine) -> None:
    """A fact sent by a button is what "when?" continues."""
    server.callback_query("f:new_routes")
    await sent_messages(server, 1)
    server.private_text("when?")
    second = (await sent_messages(server, 2))[1]
    assert _answer(engine, "announcement") in second["text"]


async def test_follow_up_in_another_private_chat_is_not_one(app: App, server: FakeBotApi,
                                                            engine: Engine) -> None:
    """One user's conversation is not another's: "who announced it?" from a new user is
    matched on its own."""
    server.private_text("What new transport routes are planned?")
    await sent_messages(server, 1)
    server.private_text("who announced it?", user_id=OTHER_USER)
    second = (await sent_messages(server, 2))[1]
    alone = engine.decide("who announced it?")
    assert alone.fact_id is not None
    assert _answer(engine, alone.fact_id) in second["text"]


async def test_follow_up_as_a_reply_in_a_group(app: App, server: FakeBotApi,
                                               engine: Engine) -> None:
    """In a group, a reply to the bot's answer continues it; another user's question to the
    bot that is no reply is matched on its own."""
    server.command(f"/ask@{BOT_USERNAME} What new transport routes are planned?", "supergroup")
    await sent_messages(server, 1)
    answer = server.sent[-1]
    server.group_text("when?", reply_to=answer)
    second = (await sent_messages(server, 2))[1]
    assert _answer(engine, "announcement") in second["text"]
    server.mention(f"@{BOT_USERNAME} when?", user_id=OTHER_USER)
    third = (await sent_messages(server, 3))[2]
    alone = engine.decide("when?")
    assert alone.fact_id not in (None, "announcement")
    assert _answer(engine, alone.fact_id or "") in third["text"]
    assert _answer(engine, "announcement") not in third["text"]


async def test_group_chatter_after_an_answer_is_still_ignored(app: App,
                                                              server: FakeBotApi) -> None:
    """A group message that neither mentions nor replies to the bot gets no answer, even
    right after an answer in that group."""
    server.command(f"/ask@{BOT_USERNAME} What new transport routes are planned?", "supergroup")
    await sent_messages(server, 1)
    server.group_text("when?", chat_id=DEFAULT_SUPERGROUP_ID, user_id=OTHER_USER)
    assert len(await after_sentinel(server)) == 1


async def test_summary_in_a_group(app: App, server: FakeBotApi, engine: Engine) -> None:
    """/summary in a group gets the overview, its source and a button per topic, as a reply;
    "tell me more" in reply to it goes on to the facts."""
    update = server.command(f"/summary@{BOT_USERNAME}", "supergroup")
    call = (await sent_messages(server))[0]
    assert engine.knowledge.overview["en"].replace("'", "&#x27;") in call["text"]
    assert "Source: VNA, 2025-08-01" in call["text"]
    labels = [button["text"] for row in call["reply_markup"]["inline_keyboard"] for button in row]
    assert labels[0] == "Trade"
    assert len(labels) == len(engine.knowledge.topics)
    assert call["reply_parameters"]["message_id"] == update["message"]["message_id"]
    assert_html_safe(call)
    server.group_text("tell me more", reply_to=server.sent[-1])
    more = (await sent_messages(server, 2))[1]
    assert _answer(engine, engine.knowledge.facts_in_topic("trade")[0].id) in more["text"]
