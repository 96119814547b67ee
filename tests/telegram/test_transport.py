"""Tests of bot.telegram.transport: the aiohttp request keeps python-telegram-bot's contract."""

from __future__ import annotations

import io
import socket
from collections.abc import AsyncIterator

import pytest
from botapi import FakeBotApi
from harness import TOKEN
from telegram import Bot
from telegram.error import NetworkError, TelegramError, TimedOut
from telegram.request import HTTPXRequest

from bot.telegram import transport
from bot.telegram.transport import AiohttpRequest, http_transport, parse_json


@pytest.fixture
async def bot(server: FakeBotApi) -> AsyncIterator[Bot]:
    """A plain python-telegram-bot Bot on the aiohttp request, against the fake server."""
    async with Bot(TOKEN, base_url=server.base_url, base_file_url=server.base_file_url,
                   request=AiohttpRequest(4, read_timeout=0.5)) as started:
        yield started


async def test_calls_go_through_and_replies_are_parsed(bot: Bot, server: FakeBotApi) -> None:
    """A message sent over aiohttp reaches Telegram with its parameters and comes back parsed."""
    message = await bot.send_message(1001, "<b>hello</b>", parse_mode="HTML")
    call = server.calls_to("sendMessage")[0]
    assert (call["chat_id"], call["text"], call["parse_mode"]) == (1001, "<b>hello</b>", "HTML")
    assert message.text == "<b>hello</b>" and message.chat.id == 1001


async def test_a_file_goes_as_multipart(bot: Bot, server: FakeBotApi) -> None:
    """A document is uploaded as a multipart part with its name beside the other parameters."""
    await bot.send_document(1001, io.BytesIO(b"report body"), filename="report.txt",
                            caption="the report")
    call = server.calls_to("sendDocument")[0]
    assert call["caption"] == "the report" and call["chat_id"] == 1001
    assert call["document"] == b"report body"


async def test_a_slow_reply_is_timed_out(bot: Bot, server: FakeBotApi) -> None:
    """A reply slower than the read timeout raises TimedOut, as with httpx."""
    server.delay("sendMessage", 2.0)
    with pytest.raises(TimedOut):
        await bot.send_message(1001, "hello")


async def test_no_server_is_a_network_error() -> None:
    """A refused connection raises NetworkError (which the retry policy retries)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    request = AiohttpRequest(1)
    await request.initialize()
    try:
        with pytest.raises(NetworkError):
            await request.post(f"http://127.0.0.1:{port}/bot{TOKEN}/getMe")
    finally:
        await request.shutdown()


async def test_an_unopened_request_refuses_to_call() -> None:
    """A call before initialize() fails clearly instead of opening a session outside the loop."""
    with pytest.raises(RuntimeError, match="not initialized"):
        await AiohttpRequest(1).do_request("http://127.0.0.1:9/", "POST")


@pytest.mark.parametrize(("payload", "expected"), [
    (b'{"ok": true, "result": {"text": "\\u0436"}}', {"ok": True, "result": {"text": "ж"}}),
    ('{"ok": true, "result": "ж"}'.encode(), {"ok": True, "result": "ж"}),
])
def test_replies_parse_as_with_the_standard_library(payload: bytes,
                                                    expected: dict[str, object]) -> None:
    """orjson parses replies exactly as json does."""
    assert parse_json(payload) == expected


@pytest.mark.parametrize("payload", [b'{"ok": true, "res', b"\xff\xfe not json"])
def test_a_reply_that_is_not_an_object_is_a_telegram_error(payload: bytes) -> None:
    """A cut-off or garbled reply raises python-telegram-bot's own error."""
    with pytest.raises(TelegramError):
        parse_json(payload)


def test_the_cheapest_installed_transport_is_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    """aiohttp when installed, with a pool of its own size; otherwise httpx."""
    assert isinstance(http_transport(), AiohttpRequest)
    monkeypatch.setattr(transport, "aiohttp_installed", lambda: False)
    assert isinstance(http_transport(), HTTPXRequest)
