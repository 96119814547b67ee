"""Updates no real client sends, survived: a malformed update is skipped and confirmed (polling
goes on), lone surrogates are cleaned out of the text, broken entities are ignored."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest
from botapi import BOT_USERNAME, FakeBotApi
from harness import TRADE_EN, after_sentinel, sent_messages, wait_until

from bot.telegram.app import App
from bot.telegram.questions import entity_text
from bot.telegram.updates import clean

GROUP = -1001234567890


async def test_a_malformed_update_is_skipped_and_confirmed(
    app: App, server: FakeBotApi, caplog: pytest.LogCaptureFixture
) -> None:
    """python-telegram-bot cannot read a message without a chat; the update is logged as one
    line, confirmed to Telegram, and the questions after it are answered."""
    caplog.set_level(logging.WARNING)
    poison = server.enqueue({"message": {"message_id": 1, "date": 0, "text": "no chat"}})
    server.private_text(TRADE_EN)
    assert "66 percent" in (await sent_messages(server))[0]["text"]
    wait_until(lambda: all(u["update_id"] > poison["update_id"]
                           for u in server.pending_updates))
    assert f"update {poison['update_id']} is malformed and skipped" in caplog.text
    assert all(record.exc_info is None for record in caplog.records)
    polls = server.calls_to("getUpdates")
    assert len(polls) < 20  # not fetched again and again


async def test_lone_surrogates_are_answered_and_logged(app: App, server: FakeBotApi,
                                                       tmp_path: Path) -> None:
    """A question with a lone surrogate (valid JSON, not encodable as UTF-8) is answered."""
    server.private_text("How much did trade \ud83d grow between Laos and Russia? \udc00")
    call = (await sent_messages(server))[0]
    assert "66 percent" in call["text"]


@pytest.mark.parametrize(
    "entities",
    [
        [{"type": "mention", "offset": 40, "length": 14}],  # past the end
        [{"type": "mention", "offset": 1, "length": 3}],  # starts inside the emoji
        [{"type": "mention", "offset": -3, "length": 2}],
        [{"type": "text_mention", "offset": 0, "length": 1,
          "user": {"id": 42, "is_bot": True, "first_name": "Bot"}}],  # half an emoji
    ],
    ids=["out-of-range", "inside-emoji", "negative", "half-emoji-text-mention"],
)
async def test_broken_entities_do_not_crash_the_mention_check(
    app: App, server: FakeBotApi, entities: list[dict[str, object]]
) -> None:
    server.group_text(f"🙂 @{BOT_USERNAME} trade growth?", entities=entities)
    assert await after_sentinel(server) == []  # no mention found, nothing crashed


def test_clean_replaces_only_lone_surrogates() -> None:
    data = {"text": "a\ud800b 🙂", "list": ["\udfff"], "n": 1}
    assert clean(data) == {"text": "a\ufffdb 🙂", "list": ["\ufffd"], "n": 1}


def test_entity_text_counts_utf16_units() -> None:
    from telegram import MessageEntity

    text = "🙂 @Bot hi"
    assert entity_text(text, MessageEntity("mention", 3, 4)) == "@Bot"
    assert entity_text(text, MessageEntity("mention", 1, 4)) is None
    assert entity_text(text, MessageEntity("mention", 9, 4)) is None


def test_the_question_log_row_of_a_cleaned_question_is_written(tmp_path: Path) -> None:
    """The cleaned text is valid UTF-8, so SQLite stores it."""
    with sqlite3.connect(tmp_path / "q.sqlite3") as connection:
        connection.execute("CREATE TABLE t (q TEXT)")
        connection.execute("INSERT INTO t VALUES (?)", (clean("trade \ud83d"),))
        assert connection.execute("SELECT q FROM t").fetchone() == ("trade \ufffd",)
