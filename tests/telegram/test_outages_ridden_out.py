"""Short Telegram outages delay answers instead of losing them: a run of 5xx, a run of 429s
and a cut-off reply are all retried within the request's budget (its waits shortened here)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from botapi import FakeBotApi
from harness import TRADE_EN, bot_settings, running
from telegram.request import HTTPXRequest

from bot.engine import Engine
from bot.telegram.app import App, build_application
from bot.telegram.request import RetryingRequest
from bot.telegram.transport import AiohttpRequest

USERS = (3001, 3002, 3003, 3004)


@pytest.fixture(params=["aiohttp", "httpx"])
async def quick_app(engine: Engine, server: FakeBotApi, tmp_path: Path,
                    request: pytest.FixtureRequest) -> AsyncIterator[App]:
    """The bot with the real retry policy on each transport, only its waits shortened to a few
    milliseconds."""
    on = AiohttpRequest() if request.param == "aiohttp" else HTTPXRequest()
    retrying = RetryingRequest(transport=on, first_delay=0.005, max_delay=0.02)
    application = build_application(engine, bot_settings(server, tmp_path), request=retrying)
    async with running(application, hooks=False) as started:
        yield started


def answered(server: FakeBotApi) -> list[int]:
    return sorted(call["chat_id"] for call in server.calls_to("sendMessage"))


async def test_ten_server_errors_in_a_row_lose_no_answer(quick_app: App,
                                                         server: FakeBotApi) -> None:
    server.fail_next("sendMessage", 500, times=10)
    for user in USERS:
        server.private_text(TRADE_EN, user_id=user)
    await server.await_calls("sendMessage", len(USERS), timeout=10)
    assert answered(server) == sorted(USERS)
    failed = [c for c in server.calls if c.method == "sendMessage" and c.status == 500]
    assert len(failed) == 10


async def test_four_rate_limits_in_a_row_lose_no_answer(quick_app: App,
                                                        server: FakeBotApi) -> None:
    server.fail_next("sendMessage", 429, times=4, retry_after=0)
    server.private_text(TRADE_EN)
    call = (await server.await_calls("sendMessage", 1, timeout=10))[0]
    assert "66 percent" in call["text"]
    statuses = [c.status for c in server.calls if c.method == "sendMessage"]
    assert statuses == [429, 429, 429, 429, 200]


async def test_a_cut_off_reply_to_an_answer_is_retried(quick_app: App,
                                                       server: FakeBotApi) -> None:
    """The answer is sent again (at least once: the cut-off one may have reached the chat)."""
    server.cut_off_next("sendMessage")
    server.private_text(TRADE_EN)
    calls = await server.await_calls("sendMessage", 2, timeout=10)
    assert all("66 percent" in call["text"] for call in calls)
