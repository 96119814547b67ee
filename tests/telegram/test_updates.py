"""Tests of bot.telegram.updates' journal queue: what it writes to the journal."""

from __future__ import annotations

import json
from pathlib import Path

from telegram import Update

from bot.ops.update_journal import UpdateJournal
from bot.telegram.updates import JournalQueue


async def test_a_polled_update_is_journalled_as_telegram_sent_it(tmp_path: Path) -> None:
    """The body kept at polling is journalled as it came (a field the library does not know
    included) and then forgotten; an update without one is journalled as python-telegram-bot
    writes it."""
    journal = UpdateJournal(tmp_path / "journal.sqlite3")
    polled = {"update_id": 5, "message": {"message_id": 1, "date": 0, "text": "hi",
                                          "chat": {"id": 7, "type": "private"}},
              "a_future_field": True}
    bodies: dict[int, object] = {5: polled}
    queue = JournalQueue(journal, bodies)
    await queue.put(Update(5))
    await queue.put(Update(6))
    assert bodies == {} and queue.qsize() == 2
    pending = dict(UpdateJournal(tmp_path / "journal.sqlite3").pending())
    assert json.loads(pending[5]) == polled
    assert json.loads(pending[6]) == {"update_id": 6}
    journal.close()


async def test_a_resent_update_is_queued_once(tmp_path: Path) -> None:
    """An update whose id is already journalled is dropped, its kept body with it."""
    journal = UpdateJournal(tmp_path / "journal.sqlite3")
    bodies: dict[int, object] = {}
    queue = JournalQueue(journal, bodies)
    for _ in range(2):
        bodies[9] = {"update_id": 9}
        await queue.put(Update(9))
    assert queue.qsize() == 1 and bodies == {}
    journal.close()
