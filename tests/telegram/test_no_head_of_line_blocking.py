"""One slow or busy chat delays only itself: chats are answered concurrently, each chat's
updates still in the order they came."""

from __future__ import annotations

from botapi import DEFAULT_SUPERGROUP_ID, FakeBotApi
from harness import TRADE_EN, sent_messages

from bot.telegram.app import App

PRIVATE_USER = 5005


async def test_a_slow_group_does_not_hold_up_a_private_answer(app: App,
                                                              server: FakeBotApi) -> None:
    """Telegram takes a second over each message to the group; the private question asked
    after the group's three is answered before any of them."""
    server.delay_chat(DEFAULT_SUPERGROUP_ID, 1.0)
    for number in range(3):
        server.command(f"/ask how much did trade grow {number}?", chat_type="supergroup")
    server.private_text(TRADE_EN, user_id=PRIVATE_USER)
    first = (await sent_messages(server, 1))[0]
    assert first["chat_id"] == PRIVATE_USER
    group = [call for call in await sent_messages(server, 4)
             if call["chat_id"] == DEFAULT_SUPERGROUP_ID]
    asked = [call["reply_parameters"]["message_id"] for call in group]
    assert asked == sorted(asked)  # in the group, answers in the order of the questions


async def test_one_chats_updates_are_handled_in_order(app: App, server: FakeBotApi) -> None:
    """Five questions from one private chat are answered in the order asked, even when Telegram
    is slow for that chat."""
    server.delay_chat(PRIVATE_USER, 0.1)
    questions = ["/source", "/help", TRADE_EN, "/topics", "/language"]
    for text in questions:
        if text.startswith("/"):
            server.command(text, user_id=PRIVATE_USER)
        else:
            server.private_text(text, user_id=PRIVATE_USER)
    calls = await sent_messages(server, len(questions))
    texts = [call["text"] for call in calls]
    assert "VNA" in texts[0] and "66 percent" in texts[2]
    assert len(texts) == len(questions)
