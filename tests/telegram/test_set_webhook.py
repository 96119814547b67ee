"""`python -m bot set-webhook`: registers the webhook and the command menus once, then exits."""

from __future__ import annotations

from pathlib import Path

from botapi import FakeBotApi
from harness import start_bot


def test_set_webhook_registers_and_exits(server: FakeBotApi, tmp_path: Path) -> None:
    """With URL and secret: one setWebhook with both, the command menus, exit 0."""
    process = start_bot(server, tmp_path, "set-webhook", WEBHOOK_URL="https://bot.example/hook",
                        WEBHOOK_SECRET="abc-123")
    out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    [call] = server.calls_to("setWebhook")
    assert (call["url"], call["secret_token"]) == ("https://bot.example/hook", "abc-123")
    assert server.calls_to("setMyCommands")
    assert "webhook set: https://bot.example/hook" in out
    assert "abc-123" not in err


def test_set_webhook_without_a_secret_refuses(server: FakeBotApi, tmp_path: Path) -> None:
    """Without WEBHOOK_SECRET: one clear line, exit 2, nothing registered."""
    process = start_bot(server, tmp_path, "set-webhook", WEBHOOK_URL="https://bot.example/hook")
    _, err = process.communicate(timeout=60)
    assert process.returncode == 2
    assert err.strip().splitlines()[-1] == "error: set-webhook needs WEBHOOK_URL and WEBHOOK_SECRET"
    assert not server.calls_to("setWebhook")


def test_shared_webhook_mode_requires_a_secret(server: FakeBotApi, tmp_path: Path) -> None:
    """`--webhook` with REDIS_URL and no WEBHOOK_SECRET refuses to start, saying why."""
    process = start_bot(server, tmp_path, "--webhook", WEBHOOK_URL="https://bot.example/hook",
                        REDIS_URL="redis://127.0.0.1:9/0")
    _, err = process.communicate(timeout=60)
    assert process.returncode == 2
    assert "need WEBHOOK_SECRET" in err.strip().splitlines()[-1]
