"""Webhook mode against bad input: bodies that are not updates get 400 (not 500), a malformed
update with an id is confirmed (200) and skipped, an update is journalled before its 200, and a
slow client is cut off."""

from __future__ import annotations

import asyncio
import http.client
import json
import socket
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from botapi import DEFAULT_USER_ID, FakeBotApi, Json
from harness import TRADE_EN, sent_messages

from bot.config import Settings
from bot.engine import Engine
from bot.ops.update_journal import UpdateJournal
from bot.telegram.app import App, build_application
from bot.telegram.webhook import SafeWebhookServer

SECRET = "s3cret"
UPDATE: Json = {"update_id": 77, "message": {
    "message_id": 1, "date": 0, "chat": {"id": DEFAULT_USER_ID, "type": "private"},
    "from": {"id": DEFAULT_USER_ID, "is_bot": False, "first_name": "T", "language_code": "en"},
    "text": TRADE_EN}}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def post(port: int, body: bytes) -> int:
    """POST raw bytes to the webhook with the right secret; the HTTP status."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("POST", "/hook", body, {
            "Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET})
        return connection.getresponse().status
    finally:
        connection.close()


@pytest.fixture
async def webhook(engine: Engine, settings: Settings, tmp_path: Path,
                  monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[tuple[App, int,
                                                                          UpdateJournal]]:
    """The bot in webhook mode on a free port, journalling; slow clients cut off after 0.5 s."""
    monkeypatch.setattr(SafeWebhookServer, "client_timeout", 0.5)
    port = free_port()
    journal = UpdateJournal(tmp_path / "journal.sqlite3")
    application = build_application(engine, settings, journal=journal)
    async with application:
        await application.start()
        assert application.updater is not None
        await application.updater.start_webhook(
            listen="127.0.0.1", port=port, url_path="hook",
            webhook_url=f"http://127.0.0.1:{port}/hook", secret_token=SECRET)
        try:
            yield application, port, journal
        finally:
            await application.updater.stop()
            await application.stop()
    journal.close()


@pytest.mark.parametrize(
    "body",
    [b"{not json", b"\xff\xfe{}", b"[1, 2]", b'"text"', b"{}", b'{"update_id": "7"}', b""],
    ids=["malformed-json", "invalid-utf8", "a-list", "a-string", "no-update-id",
         "text-update-id", "empty"],
)
async def test_a_body_that_is_not_an_update_gets_400(
    webhook: tuple[App, int, UpdateJournal], body: bytes
) -> None:
    _, port, _ = webhook
    assert await asyncio.to_thread(post, port, body) == 400


async def test_a_malformed_update_is_confirmed_and_skipped(
    webhook: tuple[App, int, UpdateJournal], server: FakeBotApi
) -> None:
    """200, so Telegram does not send it again and again; the next update is answered."""
    _, port, _ = webhook
    poison = b'{"update_id": 78, "message": {"message_id": 1, "date": 0, "chat": 5}}'
    assert await asyncio.to_thread(post, port, poison) == 200
    assert await asyncio.to_thread(post, port, json.dumps(UPDATE).encode()) == 200
    assert "66 percent" in (await sent_messages(server))[0]["text"]


async def test_the_200_comes_after_the_update_is_journalled(
    webhook: tuple[App, int, UpdateJournal], server: FakeBotApi
) -> None:
    """Once Telegram has its 200 the update is in the journal: sending it again is a resend."""
    _, port, journal = webhook
    server.delay("sendMessage", 1.0)  # still being answered when we look
    assert await asyncio.to_thread(post, port, json.dumps(UPDATE).encode()) == 200
    assert not journal.add(UPDATE["update_id"], "{}")
    await sent_messages(server)


async def test_a_slow_client_is_cut_off(webhook: tuple[App, int, UpdateJournal]) -> None:
    """Headers that never finish (slow loris) do not hold the connection open."""
    _, port, _ = webhook

    def dribble() -> bytes:
        with socket.create_connection(("127.0.0.1", port), timeout=10) as client:
            client.sendall(b"POST /hook HTTP/1.1\r\nHost: x\r\n")
            return client.recv(1024)  # b"" once the server closes the connection

    assert await asyncio.to_thread(dribble) == b""
