"""Fixtures of the Telegram adapter tests: settings for the fake server and the running bot."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from botapi import FakeBotApi
from harness import bot_settings, running

from bot.config import Settings
from bot.engine import Engine
from bot.telegram.app import App, build_application


@pytest.fixture
def settings(server: FakeBotApi, tmp_path: Path) -> Settings:
    """Settings pointing the bot at the fake server (no .env, no webhook)."""
    return bot_settings(server, tmp_path)


@pytest.fixture
async def app(engine: Engine, settings: Settings) -> AsyncIterator[App]:
    """The real application from the composition root, long polling the fake server."""
    async with running(build_application(engine, settings), hooks=False) as application:
        yield application
