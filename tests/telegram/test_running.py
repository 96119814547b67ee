"""Tests of running the bot: refusing a bad configuration, and `python -m bot` polling."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from botapi import FakeBotApi
from harness import TOKEN, TRADE_EN, start_bot, stop_bot

from bot.config import Settings
from bot.engine import Engine
from bot.telegram.running import run_bot


def test_webhook_mode_needs_a_url(
    engine: Engine, settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    """Webhook mode without WEBHOOK_URL refuses to start with one clear line and exit code 2."""
    assert run_bot(engine, dataclasses.replace(settings, webhook_url=None), webhook=True) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and "WEBHOOK_URL" in lines[0]


def test_python_m_bot_answers_over_polling(server: FakeBotApi, tmp_path: Path) -> None:
    """`python -m bot` with a token and TELEGRAM_BASE_URL long-polls, sets its command menus and
    answers a question, without the token in its DEBUG logs."""
    process = start_bot(server, tmp_path)
    try:
        server.private_text(TRADE_EN)
        call = server.wait_for("sendMessage", timeout=20)[0]
    finally:
        output = stop_bot(process)
    assert "66 percent" in call["text"] and call["parse_mode"] == "HTML"
    assert TOKEN not in output and "<token>" in output
    assert "long polling" in output
    assert "event loop: uvloop" in output, "the test install has the fast extra"
    assert len(server.commands) == 8, "private and group menus, in each of four languages"
