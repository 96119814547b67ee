"""Helpers for the operations tests: fake-server settings, a running app, the real process."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TextIO

from fake_botapi import FakeBotApi

from bot.config import Settings, load_settings
from bot.telegram.app import App

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "123:TEST"
TRADE_EN = "How much did trade between Laos and Russia grow?"
_CLEARED = ("TELEGRAM_BOT_TOKEN", "TELEGRAM_BASE_URL", "WEBHOOK_URL", "WEBHOOK_SECRET",
            "KNOWLEDGE_DIR", "BOT_DB", "BOT_DB_RETENTION_DAYS", "FLOOD_BURST", "FLOOD_INTERVAL",
            "PORT")


def bot_settings(server: FakeBotApi, tmp_path: Path, **changes: Any) -> Settings:
    """Settings pointing at the fake server, with defaults for the rest (no .env read)."""
    saved = {name: os.environ.pop(name) for name in _CLEARED if name in os.environ}
    try:
        empty = tmp_path / "empty.env"
        empty.write_text("", encoding="utf-8")
        base = load_settings(empty)
    finally:
        os.environ.update(saved)
    return dataclasses.replace(base, token=TOKEN, base_url=server.base_url,
                               db_path=tmp_path / "questions.sqlite3", **changes)


@asynccontextmanager
async def running(application: App, *, hooks: bool = True) -> AsyncIterator[App]:
    """Run the application long-polling the fake server, like `run_polling` does: post_init
    before, and stop, shutdown and post_shutdown after (hooks=False leaves the hooks out)."""
    async with application:
        if hooks and application.post_init is not None:
            await application.post_init(application)
        await application.start()
        assert application.updater is not None
        await application.updater.start_polling(poll_interval=0.0, timeout=1)
        try:
            yield application
        finally:
            await application.updater.stop()
            await application.stop()
    if hooks and application.post_shutdown is not None:
        await application.post_shutdown(application)


def start_process(server: FakeBotApi, cwd: Path, log: TextIO, *args: str,
                  **env: str) -> subprocess.Popen[str]:
    """Start `python -m bot ARGS` against the fake server, its output going to `log`."""
    environment = {k: v for k, v in os.environ.items() if k not in _CLEARED}
    environment.update({"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_BASE_URL": server.base_url,
                        "LOG_LEVEL": "INFO", "PYTHONPATH": str(ROOT),
                        "BOT_DB": str(cwd / "questions.sqlite3"), **env})
    return subprocess.Popen(
        [sys.executable, "-m", "bot", *args], cwd=cwd, env=environment,
        stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, text=True,
    )


def wait_until(condition: Callable[[], object], timeout: float = 10.0,
               step: float = 0.05) -> float:
    """Poll until the condition holds; return the seconds it took (fail after timeout)."""
    started = time.monotonic()
    while not condition():
        if time.monotonic() - started > timeout:
            raise AssertionError(f"condition not met within {timeout} s")
        time.sleep(step)
    return time.monotonic() - started
