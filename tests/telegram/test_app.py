"""Tests of the composition root: the application it builds."""

from __future__ import annotations

import dataclasses

from botapi import DEFAULT_USER_ID, FakeBotApi
from harness import TRADE_EN, sent_messages
from telegram.ext import AIORateLimiter
from telegram.request import HTTPXRequest

from bot.config import Settings
from bot.engine import Engine
from bot.telegram.app import App, build_application
from bot.telegram.context import ChatData
from bot.telegram.ratelimit import MessageRateLimiter
from bot.telegram.request import RetryingRequest


async def test_build_application_takes_a_rate_limiter_and_a_request(
    engine: Engine, settings: Settings
) -> None:
    """A caller's rate limiter and request replace the defaults; without them the bot has an
    MessageRateLimiter and the retrying request."""
    limiter, request = AIORateLimiter(overall_max_rate=0), HTTPXRequest()
    given = build_application(engine, settings, rate_limiter=limiter, request=request)
    default = build_application(engine, settings)
    assert given.bot.rate_limiter is limiter and given.bot.request is request
    assert isinstance(default.bot.rate_limiter, MessageRateLimiter)
    assert default.bot.rate_limiter.overall.rate == settings.messages_per_second
    assert isinstance(default.bot.request, RetryingRequest)


async def test_messages_per_second_sets_the_overall_cap(engine: Engine,
                                                        settings: Settings) -> None:
    """MESSAGES_PER_SECOND (the setting) is the default limiter's overall rate; 0 lifts it."""
    for rate in (5.0, 0.0):
        app = build_application(engine, dataclasses.replace(settings, messages_per_second=rate))
        assert isinstance(app.bot.rate_limiter, MessageRateLimiter)
        assert app.bot.rate_limiter.overall.rate == rate


async def test_messages_are_html_without_previews_and_inline_answers_keep_them(
    app: App, server: FakeBotApi
) -> None:
    """The bot's own messages are HTML with link previews off; an answer sent from inline mode
    is HTML and leaves Telegram's previews on, as before the defaults."""
    server.private_text(TRADE_EN)
    server.callback_query("t:trade", message_id=7000)
    server.inline_query("trade growth")
    sent = (await sent_messages(server))[0]
    edit = (await server.await_calls("editMessageText"))[0]
    for call in (sent, edit):
        assert call["parse_mode"] == "HTML"
        assert call["link_preview_options"] == {"is_disabled": True}
    content = (await server.await_calls("answerInlineQuery"))[0]["results"][0][
        "input_message_content"]
    assert content["parse_mode"] == "HTML"
    assert content.get("link_preview_options", {}).get("is_disabled", False) is False


async def test_the_chat_language_is_typed_chat_data(app: App, server: FakeBotApi) -> None:
    """The language chosen with a button is kept as the chat's ChatData, and Automatic clears it."""
    server.callback_query("l:ru", message_id=8000)
    await server.await_calls("editMessageText")
    assert app.chat_data[DEFAULT_USER_ID] == ChatData(language="ru")
    server.callback_query("l:auto", message_id=8000)
    await server.await_calls("editMessageText", 2)
    assert app.chat_data[DEFAULT_USER_ID] == ChatData(language=None)
