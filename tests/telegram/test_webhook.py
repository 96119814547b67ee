"""Tests of webhook mode: the secret header is checked, in process and in the real process."""

from __future__ import annotations

import asyncio
import json
import socket
import time
import urllib.error
import urllib.request
from pathlib import Path

from botapi import DEFAULT_USER_ID, FakeBotApi, Json
from harness import TOKEN, TRADE_EN, sent_messages, start_bot, stop_bot

from bot.config import Settings
from bot.engine import Engine
from bot.telegram.app import build_application


def free_port() -> int:
    """A TCP port free on the loopback interface right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def post_update(url: str, update: Json, secret: str | None) -> int:
    """POST an update to the webhook like Telegram would; return the HTTP status."""
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    body = json.dumps(update).encode()
    request = urllib.request.Request(url, body, headers, method="POST")  # noqa: S310 - local
    try:
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310 - local server
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


async def test_webhook_checks_the_secret(
    engine: Engine, settings: Settings, server: FakeBotApi
) -> None:
    """The webhook server rejects updates without the right secret header (403, no answer) and
    answers one with it."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/hook"
    update = {"update_id": 1, "message": {
        "message_id": 1, "date": 0, "chat": {"id": DEFAULT_USER_ID, "type": "private"},
        "from": {"id": DEFAULT_USER_ID, "is_bot": False, "first_name": "T", "language_code": "en"},
        "text": TRADE_EN}}
    application = build_application(engine, settings)
    async with application:
        await application.start()
        assert application.updater is not None
        await application.updater.start_webhook(
            listen="127.0.0.1", port=port, url_path="hook", webhook_url=url, secret_token="s3cret")
        assert server.webhook_url == url
        wrong = await asyncio.to_thread(post_update, url, update, "wrong")
        missing = await asyncio.to_thread(post_update, url, {**update, "update_id": 2}, None)
        right = await asyncio.to_thread(post_update, url, {**update, "update_id": 3}, "s3cret")
        calls = await sent_messages(server)
        await application.updater.stop()
        await application.stop()
    assert (wrong, missing, right) == (403, 403, 200)
    assert len(calls) == 1 and "66 percent" in calls[0]["text"]


def test_python_m_bot_webhook_checks_the_secret(server: FakeBotApi, tmp_path: Path) -> None:
    """`python -m bot --webhook` registers WEBHOOK_URL with the secret, rejects a request with a
    wrong secret and answers one with the right secret, without logging token or secret."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/hook"
    process = start_bot(server, tmp_path, "--webhook", WEBHOOK_URL=url, PORT=str(port),
                        WEBHOOK_SECRET="s3cret-webhook")
    update = {"update_id": 1, "message": {
        "message_id": 1, "date": 0, "chat": {"id": DEFAULT_USER_ID, "type": "private"},
        "from": {"id": DEFAULT_USER_ID, "is_bot": False, "first_name": "T", "language_code": "en"},
        "text": TRADE_EN}}
    try:
        server.wait_for("setWebhook", timeout=20)
        statuses = []
        for secret in ("wrong", "s3cret-webhook"):
            for _ in range(50):  # the server may start listening just after setWebhook
                try:
                    statuses.append(post_update(url, update, secret))
                    break
                except urllib.error.URLError:
                    time.sleep(0.1)
        call = server.wait_for("sendMessage", timeout=10)[0]
    finally:
        output = stop_bot(process)
    assert statuses == [403, 200]
    assert server.calls_to("setWebhook")[0]["secret_token"] == "s3cret-webhook"
    assert "66 percent" in call["text"]
    assert TOKEN not in output and "s3cret-webhook" not in output


def test_python_m_bot_webhook_without_url_refuses(server: FakeBotApi, tmp_path: Path) -> None:
    """`python -m bot --webhook` without WEBHOOK_URL exits 2 with one clear line."""
    process = start_bot(server, tmp_path, "--webhook")
    _, err = process.communicate(timeout=20)
    assert process.returncode == 2
    assert err.strip().splitlines()[-1].startswith("error: webhook mode needs WEBHOOK_URL")
