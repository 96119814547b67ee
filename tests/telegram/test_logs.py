"""Tests of logging hygiene: the token and the webhook secret never reach a log."""

from __future__ import annotations

import logging
import sys

import pytest
from botapi import FakeBotApi
from harness import TOKEN, TRADE_EN, sent_messages

from bot.config import Settings
from bot.engine import Engine
from bot.telegram.app import build_application
from bot.telegram.logs import RedactingFilter


async def test_token_never_logged(
    engine: Engine, settings: Settings, server: FakeBotApi, caplog: pytest.LogCaptureFixture
) -> None:
    """With DEBUG logging through questions, failures and inline queries the token never shows."""
    caplog.set_level(logging.DEBUG)
    application = build_application(engine, settings)
    async with application:
        await application.start()
        assert application.updater is not None
        await application.updater.start_polling(poll_interval=0.0, timeout=1)
        server.fail_next("sendMessage", 500)
        server.private_text(TRADE_EN)
        server.inline_query("trade")
        await sent_messages(server)
        await server.await_calls("answerInlineQuery")
        await application.updater.stop()
        await application.stop()
    assert caplog.records
    assert TOKEN not in caplog.text and "TEST" not in caplog.text
    assert all(TOKEN not in record.getMessage() for record in caplog.records)


def test_redacting_filter_hides_the_token() -> None:
    """The filter run_bot installs replaces the token in messages, arguments and tracebacks."""
    redacting = RedactingFilter([(TOKEN, "<token>"), ("s3cret", "<secret>")])
    record = logging.LogRecord("httpx", logging.INFO, __file__, 1, "POST %s/getMe secret=%s",
                               (f"http://x/bot{TOKEN}", "s3cret"), None)
    try:
        raise RuntimeError(f"http://x/bot{TOKEN.replace(':', '%3A')}/getMe")
    except RuntimeError:
        record.exc_info = sys.exc_info()
    assert redacting.filter(record)
    formatted = logging.Formatter().format(record)
    assert "<token>" in formatted and "<secret>" in formatted
    assert TOKEN not in formatted and "123%3ATEST" not in formatted and "s3cret" not in formatted
