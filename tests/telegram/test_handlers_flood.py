"""End-to-end tests of flood control at the door: the bot under a flood of questions."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest
from botapi import BOT_USERNAME, DEFAULT_SUPERGROUP_ID, FakeBotApi, Json
from harness import TRADE_EN, after_sentinel, until_idle

from bot.config import Settings
from bot.replies.messages import message
from bot.telegram.app import INLINE_FLOOD_FACTOR, App

FLOODER, CALM = 3001, 3002
NOTICE = message("en", "rate_limited")


def to(chat_id: int, calls: list[Json]) -> list[str]:
    """The texts of the messages sent to one chat."""
    return [call["text"] for call in calls if call["chat_id"] == chat_id]


@pytest.mark.parametrize(
    ("ask", "chat"),
    [
        (lambda s, user: s.private_text(TRADE_EN, user_id=user), None),
        (lambda s, user: s.mention(f"@{BOT_USERNAME} {TRADE_EN}", user_id=user),
         DEFAULT_SUPERGROUP_ID),
    ],
    ids=["private", "group"],
)
async def test_a_flooding_user_gets_the_burst_and_one_notice(
    app: App, server: FakeBotApi, settings: Settings, ask: Callable[[FakeBotApi, int], Json],
    chat: int | None,
) -> None:
    """A user sending 30 questions quickly gets at most the burst of answers and exactly one
    notice, while another user asking meanwhile is answered every time."""
    for number in range(30):
        ask(server, FLOODER)
        if number % 10 == 0:
            server.private_text(TRADE_EN, user_id=CALM)
    server.private_text(TRADE_EN, user_id=CALM)  # taken in after every question above
    for _ in range(200):
        if len(to(CALM, server.calls_to("sendMessage"))) == 4:
            break
        await asyncio.sleep(0.025)
    await until_idle()  # chats are handled concurrently: the flooder's may still be in hand
    calls = server.calls_to("sendMessage")
    flooder = to(chat or FLOODER, calls)
    answers = [text for text in flooder if "66 percent" in text]
    notices = [text for text in flooder if text == NOTICE]
    assert len(answers) <= settings.flood_burst == 5
    assert len(answers) >= 5, "the burst itself is answered"
    assert len(notices) == 1 and len(flooder) == len(answers) + 1
    assert len(to(CALM, calls)) == 4
    assert all("66 percent" in text for text in to(CALM, calls))


async def test_inline_flood_gets_empty_answers_and_no_notice(
    app: App, server: FakeBotApi, settings: Settings
) -> None:
    """Inline queries over the (more generous) inline limit get a valid empty answer, and no
    notice is sent anywhere."""
    for _ in range(25):
        server.inline_query("trade growth", user_id=FLOODER)
    calls = await server.await_calls("answerInlineQuery", 25, timeout=10)
    served = [call for call in calls if call["results"]]
    empty = [call for call in calls if not call["results"]]
    assert len(served) == settings.flood_burst * INLINE_FLOOD_FACTOR
    assert len(empty) == 25 - len(served)
    assert all(int(call["cache_time"]) == 0 for call in empty)
    assert server.calls_to("sendMessage") == []


@pytest.mark.parametrize(
    "make",
    [
        lambda s, user: s.group_text("lol, nice weather today", user_id=user),
        lambda s, user: s.command("/help", user_id=user),
        lambda s, user: s.command("/ask", user_id=user),
        lambda s, user: s.callback_query("topics", user_id=user),
        lambda s, user: s.sticker(user_id=user),
    ],
    ids=["group-chatter", "help", "bare-ask", "button", "sticker"],
)
async def test_only_questions_count_against_the_limit(
    app: App, server: FakeBotApi, make: Callable[[FakeBotApi, int], Json]
) -> None:
    """Chatter not addressed to the bot, menus, button presses and stickers are not questions:
    after thirty of them the user's question is still answered, without a notice."""
    for _ in range(30):
        make(server, FLOODER)
    server.private_text(TRADE_EN, user_id=FLOODER)
    texts = to(FLOODER, await after_sentinel(server))
    assert NOTICE not in texts
    assert "66 percent" in texts[-1]
