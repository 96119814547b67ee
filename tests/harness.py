"""Helpers for the tests that run the bot: fake-server settings, a running app, the real
process, and reading what the bot sent."""

from __future__ import annotations

import asyncio
import dataclasses
import os
import re
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TextIO

from botapi import FakeBotApi, Json

from bot.config import Settings, load_settings
from bot.telegram.app import App

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "123:TEST"
TRADE_EN = "How much did trade between Laos and Russia grow?"
TRADE_RU = "Насколько вырос товарооборот между Лаосом и Россией?"
SENTINEL_USER = 2002  # asks the question after the updates under test
ALLOWED_TAGS = {"b", "/b", "i", "/i"}
MAX_MESSAGE_LENGTH = 4096
MAX_CALLBACK_BYTES = 64
_CLEARED = ("TELEGRAM_BOT_TOKEN", "TELEGRAM_BASE_URL", "WEBHOOK_URL", "WEBHOOK_SECRET",
            "KNOWLEDGE_DIR", "BOT_DB", "BOT_DB_RETENTION_DAYS", "FLOOD_BURST", "FLOOD_INTERVAL",
            "PORT", "DATABASE_URL", "REDIS_URL")


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


_RUNNING: list[App] = []  # the applications `running` runs now, for `after_sentinel`


def idle(application: App) -> bool:
    """Whether the application has no update queued or in hand."""
    return (application.update_queue.empty()
            and application.update_processor.current_concurrent_updates == 0)


async def until_idle(attempts: int = 200) -> None:
    """Wait until every application `running` runs has no update queued or in hand."""
    for _ in range(attempts):
        if all(idle(application) for application in _RUNNING):
            return
        await asyncio.sleep(0.025)
    raise AssertionError("the bot did not finish its updates")


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
        _RUNNING.append(application)
        try:
            yield application
        finally:
            _RUNNING.remove(application)
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


def start_bot(server: FakeBotApi, cwd: Path, *args: str, **env: str) -> subprocess.Popen[str]:
    """Start `python -m bot ARGS` against the fake server, logging at DEBUG to pipes."""
    environment = {k: v for k, v in os.environ.items()
                   if k not in {"KNOWLEDGE_DIR", "WEBHOOK_URL", "WEBHOOK_SECRET", "PORT",
                                "DATABASE_URL", "REDIS_URL"}}
    environment.update(TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_BASE_URL=server.base_url,
                       LOG_LEVEL="DEBUG", PYTHONPATH=str(ROOT), **env)
    return subprocess.Popen(
        [sys.executable, "-m", "bot", *args], cwd=cwd, env=environment,
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def stop_bot(process: subprocess.Popen[str]) -> str:
    """Stop the bot like a service manager (SIGTERM) and return everything it printed."""
    process.terminate()
    out, err = process.communicate(timeout=10)
    return out + err


def wait_until(condition: Callable[[], object], timeout: float = 10.0,
               step: float = 0.05) -> float:
    """Poll until the condition holds; return the seconds it took (fail after timeout)."""
    started = time.monotonic()
    while not condition():
        if time.monotonic() - started > timeout:
            raise AssertionError(f"condition not met within {timeout} s")
        time.sleep(step)
    return time.monotonic() - started


# --------------------------------------------------------------------------- what the bot sent
async def sent_messages(server: FakeBotApi, count: int = 1) -> list[Json]:
    """The sendMessage calls once there are at least `count` of them."""
    return await server.await_calls("sendMessage", count, timeout=5)


async def after_sentinel(server: FakeBotApi) -> list[Json]:
    """Send a private question after the updates under test and return every message sent once
    it is answered and the bot is idle: updates are fetched in order, so once the sentinel is
    answered the earlier ones were all taken in, and idle means they were all handled (chats
    are handled concurrently, so the sentinel alone does not say that)."""
    server.private_text(TRADE_EN, user_id=SENTINEL_USER)
    for _ in range(100):
        calls = server.calls_to("sendMessage")
        if (any(call["chat_id"] == SENTINEL_USER for call in calls)
                and all(idle(application) for application in _RUNNING)):
            calls = server.calls_to("sendMessage")
            return [call for call in calls if call["chat_id"] != SENTINEL_USER]
        await asyncio.sleep(0.05)
    raise AssertionError("the sentinel question was not answered")


def buttons(call: Json) -> list[tuple[str, str]]:
    """(label, callback data) of every inline button of a sent message."""
    markup = call.get("reply_markup") or {"inline_keyboard": []}
    return [(b["text"], b["callback_data"]) for row in markup["inline_keyboard"] for b in row]


def tags(text: str) -> set[str]:
    """The HTML tag names used in a text."""
    return set(re.findall(r"<(/?\w+)", text))


def utf16_length(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram's message limit."""
    return len(text.encode("utf-16-le")) // 2


def assert_html_safe(call: Json) -> None:
    """The message is HTML with only b/i tags and fits Telegram's 4096-character limit."""
    assert call["parse_mode"] == "HTML"
    assert tags(call["text"]) <= ALLOWED_TAGS
    assert utf16_length(call["text"]) <= MAX_MESSAGE_LENGTH
    assert all(len(data.encode()) <= MAX_CALLBACK_BYTES for _, data in buttons(call))
