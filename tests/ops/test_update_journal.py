"""The update journal: new or resent, pending until handled, replayed a limited number of times,
pruned, and never in the way when its file cannot be written."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.ops.update_journal import KEEP_HANDLED_SECONDS, MAX_REPLAYS, UpdateJournal, journal_path


def test_an_update_is_new_once(tmp_path: Path) -> None:
    journal = UpdateJournal(tmp_path / "j.sqlite3")
    assert journal.add(1, '{"update_id": 1}')
    assert not journal.add(1, '{"update_id": 1}')
    journal.done(1)
    assert not journal.add(1, '{"update_id": 1}')  # handled: a resend is still recognised


def test_what_was_not_handled_is_pending_at_the_next_start(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    journal = UpdateJournal(path)
    for update_id in (3, 1, 2):
        journal.add(update_id, f'{{"update_id": {update_id}}}')
    journal.done(2)
    journal.close()  # as a crash would leave it: the commits are on disk
    assert UpdateJournal(path).pending() == [(1, '{"update_id": 1}'), (3, '{"update_id": 3}')]


def test_an_update_pending_at_every_start_is_given_up(tmp_path: Path,
                                                      caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "j.sqlite3"
    UpdateJournal(path).add(9, "{}")
    starts = [UpdateJournal(path).pending() for _ in range(MAX_REPLAYS + 1)]
    assert starts == [[(9, "{}")]] * MAX_REPLAYS + [[]]
    assert "update 9 was pending at 3 starts; given up" in caplog.text


def test_old_handled_updates_are_forgotten(tmp_path: Path) -> None:
    now = [1_000_000.0]
    journal = UpdateJournal(tmp_path / "j.sqlite3", clock=lambda: now[0])
    journal.add(1, "{}")
    journal.done(1)
    journal.add(2, "{}")  # still pending: kept whatever its age
    now[0] += KEEP_HANDLED_SECONDS + 1
    journal.prune()
    assert journal.add(1, "{}")
    assert not journal.add(2, "{}")


def test_an_unwritable_journal_never_stops_answering(tmp_path: Path,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    journal = UpdateJournal(tmp_path)  # a directory, not a database file
    assert not journal.working
    assert journal.add(1, "{}") and journal.add(1, "{}")  # every update is answered
    journal.done(1)
    assert journal.pending() == []
    assert "updates are still answered" in caplog.text


def test_the_journal_lives_beside_the_question_log() -> None:
    assert journal_path(Path("/var/bot/questions.sqlite3")) == Path(
        "/var/bot/questions-updates.sqlite3")
