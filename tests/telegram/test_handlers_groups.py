"""End-to-end tests of the bot in groups: it answers only what is addressed to it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from botapi import BOT_USERNAME, DEFAULT_GROUP_ID, DEFAULT_SUPERGROUP_ID, FakeBotApi, Json
from harness import TRADE_EN, TRADE_RU, after_sentinel, assert_html_safe, sent_messages

from bot.telegram.app import App


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda s: s.command(f"/ask@{BOT_USERNAME} {TRADE_EN}", "supergroup"), "66 percent"),
        (lambda s: s.command(f"/ask {TRADE_EN}", "group"), "66 percent"),
        (lambda s: s.command(f"/ask@{BOT_USERNAME}", "supergroup"), "Usage: /ask QUESTION"),
        (lambda s: s.command("/ask", "group"), "Usage: /ask QUESTION"),
        (lambda s: s.command(f"/ask {TRADE_RU}", "supergroup"), "66 процентов"),
        (lambda s: s.mention(f"@{BOT_USERNAME}, {TRADE_EN.lower()}"), "66 percent"),
        (lambda s: s.mention(f"{TRADE_EN} @{BOT_USERNAME}"), "66 percent"),
        (lambda s: s.group_text(TRADE_EN, reply_to_bot=True), "66 percent"),
        (lambda s: s.command(f"/source@{BOT_USERNAME}", "supergroup"), "en.kremlin.ru"),
    ],
    ids=["ask@bot", "ask", "bare-ask@bot", "bare-ask", "ask-ru", "mention-first",
         "mention-last", "reply-to-bot", "source@bot"],
)
async def test_group_addressed_messages_get_a_reply(
    app: App, server: FakeBotApi, make: Callable[[FakeBotApi], Json], expected: str
) -> None:
    """In a group, /ask, /ask@ThisBot, a mention and a reply to the bot are answered as a reply
    to the asking message."""
    update = make(server)
    call = (await sent_messages(server))[0]
    message = update["message"]
    assert expected in call["text"]
    assert call["chat_id"] == message["chat"]["id"]
    assert call["reply_parameters"]["message_id"] == message["message_id"]
    assert_html_safe(call)


@pytest.mark.parametrize(
    "make",
    [
        lambda s: s.group_text(TRADE_EN),
        lambda s: s.group_text("lol, nice weather today", chat_id=DEFAULT_GROUP_ID),
        lambda s: s.command(f"/ask@OtherBot {TRADE_EN}", "supergroup"),
        lambda s: s.command("/start@OtherBot", "supergroup"),
        lambda s: s.command("/nosuchcommand", "supergroup"),
        lambda s: s.group_text(f"@OtherBot {TRADE_EN}"),
        lambda s: s.sticker(chat_id=DEFAULT_SUPERGROUP_ID),
    ],
    ids=["chatter-question", "chatter", "ask@other", "start@other", "unknown-command",
         "mention-other", "sticker"],
)
async def test_group_chatter_is_ignored(
    app: App, server: FakeBotApi, make: Callable[[FakeBotApi], Json]
) -> None:
    """In a group the bot stays silent for chatter, other bots' commands and stickers."""
    make(server)
    assert await after_sentinel(server) == []
