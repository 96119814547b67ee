"""Tests of which updates put a question to the bot, and which question."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from botapi import BOT_ID, BOT_USERNAME, FakeBotApi, Json
from harness import TRADE_EN
from telegram import Message, Update

from bot.telegram.questions import addressed_question, command_argument, question_in


@pytest.mark.parametrize(
    ("make", "question"),
    [
        (lambda s: s.mention(f"@{BOT_USERNAME}, how much did trade grow?"),
         "how much did trade grow?"),
        (lambda s: s.mention(f"Trade growth, @{BOT_USERNAME.lower()}?"), "Trade growth?"),
        (lambda s: s.mention(f"What about bauxite @{BOT_USERNAME} ?"), "What about bauxite?"),
        (lambda s: s.group_text("and bauxite?", reply_to_bot=True), "and bauxite?"),
        (lambda s: s.mention(f"@{BOT_USERNAME}"), ""),
        (lambda s: s.group_text("@OtherBot trade growth"), None),
        (lambda s: s.group_text("trade growth"), None),
    ],
)
def test_addressed_question_strips_the_mention(
    server: FakeBotApi, make: Callable[[FakeBotApi], Json], question: str | None
) -> None:
    """A group message addressed to the bot yields its question without the mention; others None."""
    message = Message.de_json(make(server)["message"], None)
    assert message is not None
    assert addressed_question(message, BOT_USERNAME, BOT_ID) == question


@pytest.mark.parametrize(
    ("text", "argument"),
    [("/ask", ""), ("/ask@LaosRussiaBot  how  much? ", "how  much?"), ("/ask\ntrade", "trade")],
)
def test_command_argument(text: str, argument: str) -> None:
    """The question after /ask keeps its inner spacing and loses the command."""
    assert command_argument(text) == argument


@pytest.mark.parametrize(
    ("make", "question"),
    [
        (lambda s: s.private_text(TRADE_EN), TRADE_EN),
        (lambda s: s.command(f"/ask {TRADE_EN}"), TRADE_EN),
        (lambda s: s.command(f"/ask@{BOT_USERNAME} trade", "supergroup"), "trade"),
        (lambda s: s.mention(f"@{BOT_USERNAME} trade growth"), "trade growth"),
        (lambda s: s.group_text("and bauxite?", reply_to_bot=True), "and bauxite?"),
        (lambda s: s.command("/ask"), None),
        (lambda s: s.command(f"/ask@OtherBot {TRADE_EN}", "supergroup"), None),
        (lambda s: s.command("/help"), None),
        (lambda s: s.group_text(TRADE_EN), None),
        (lambda s: s.edited_text(TRADE_EN), None),
        (lambda s: s.sticker(), None),
        (lambda s: s.callback_query("topics"), None),
        (lambda s: s.inline_query("trade"), None),
    ],
    ids=["private", "ask", "ask@bot", "mention", "reply-to-bot", "bare-ask", "ask@other",
         "help", "group-chatter", "edited", "sticker", "button", "inline"],
)
def test_question_in_finds_what_counts_as_a_question(
    server: FakeBotApi, make: Callable[[FakeBotApi], Json], question: str | None
) -> None:
    """Private texts, /ask QUESTION and group messages addressed to the bot are questions (and
    count against the flood limit); nothing else is."""
    update = Update.de_json(make(server), None)
    assert update is not None
    assert question_in(update, BOT_USERNAME, BOT_ID) == question
