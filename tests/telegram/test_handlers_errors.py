"""End-to-end tests of the error handler: a failure is logged and the bot keeps running."""

from __future__ import annotations

import logging

import pytest
from botapi import FakeBotApi
from harness import TRADE_EN, sent_messages

from bot.telegram.app import App


async def test_failed_send_is_logged_and_the_bot_keeps_running(
    app: App, server: FakeBotApi, caplog: pytest.LogCaptureFixture
) -> None:
    """A send Telegram refuses (400) is logged by the error handler as one line (an expected
    condition, not a bug: no traceback) and the next question is still answered."""
    caplog.set_level(logging.WARNING, logger="bot.telegram.errors")
    server.fail_next("sendMessage", 400, description="Bad Request: chat not found")
    server.private_text(TRADE_EN)
    await server.await_calls("sendMessage", 1, include_failed=True)
    server.private_text(TRADE_EN)
    assert "66 percent" in (await sent_messages(server))[0]["text"]
    assert "chat not found" in caplog.text.lower()
    assert all(record.exc_info is None for record in caplog.records)
    assert len(server.calls_to("sendMessage", include_failed=True)) == 2
