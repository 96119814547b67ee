"""Tests for the question log: what is written, that nothing personal is, failures, retention."""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fake_botapi import BOT_USERNAME, FakeBotApi
from harness import TRADE_EN, bot_settings, running
from servers import column_names, database_rows

import bot.ops.question_log
from bot.engine import Engine
from bot.ops.question_log import QuestionLog
from bot.ops.question_records import COLUMNS, SCHEMA, QuestionRecord, iso
from bot.telegram.app import build_application
from tests.replying import reply_to

NOW = datetime(2025, 8, 20, 12, 0, tzinfo=UTC)
ASKER_ID, ASKER_NAME = 7_770_001, "user7770001"
GROUP_ID = -1_007_770_001


def rows(target: Path | str) -> list[dict[str, Any]]:
    """Every stored row as a dict, oldest first, from SQLite or PostgreSQL."""
    return database_rows(target)


def record(asked_at: datetime, question: str = "q", kind: str = "none") -> QuestionRecord:
    """A plain record asked at a given time."""
    return QuestionRecord(iso(asked_at), "private", "en", question, kind, None, 0.0)


@pytest.fixture
def question_log(question_db: Path | str) -> Iterator[QuestionLog]:
    """A question log in a temporary SQLite file, then in PostgreSQL, closed after the test."""
    log = QuestionLog(question_db)
    yield log
    log.close()


# --------------------------------------------------------------------------- what is written
def test_an_answer_is_recorded_with_its_candidates(
    question_log: QuestionLog, engine: Engine
) -> None:
    """An answered question is stored with time, chat type, language, kind, fact, score and the
    two best candidates."""
    answer = reply_to(engine, TRADE_EN)
    question_log.record_answer(answer, "private")
    assert question_log.flush()
    [row] = rows(question_log.url or question_log.path)
    assert row["question"] == TRADE_EN and row["chat_type"] == "private"
    assert (row["kind"], row["fact_id"], row["language"]) == ("fact", "trade_growth", "en")
    assert row["score"] == round(answer.score, 1)
    assert row["first_fact"] == "trade_growth" == answer.candidates[0].fact_id
    assert row["second_fact"] == (answer.candidates[1].fact_id if len(answer.candidates) > 1
                                  else None)
    asked = datetime.fromisoformat(row["asked_at"])
    assert asked.tzinfo is not None and asked.utcoffset() == timedelta(0)
    assert abs((datetime.now(UTC) - asked).total_seconds()) < 60


def test_several_questions_are_one_row_each(question_log: QuestionLog, engine: Engine) -> None:
    """A message asking two things is logged as its two questions, each with its fact."""
    answer = engine.decide("How much did trade grow and who announced the new routes?")
    question_log.record_answer(answer, "private")
    assert question_log.flush()
    stored = [(row["question"], row["kind"], row["fact_id"])
              for row in rows(question_log.url or question_log.path)]
    assert stored == [("How much did trade grow", "fact", "trade_growth"),
                      ("who announced the new routes?", "fact", "announcement")]


def test_the_schema_has_no_personal_columns(question_log: QuestionLog) -> None:
    """The table has exactly the documented columns: no user, chat, name or message ids."""
    assert question_log.flush()
    columns = column_names(question_log.url or question_log.path)
    assert columns == ["id", *COLUMNS]
    assert not [name for name in columns
                if any(part in name for part in ("user", "name", "chat_id", "message"))]


async def test_the_bot_records_every_question_and_nothing_personal(
    engine: Engine, tmp_path: Path, question_db: Path | str
) -> None:
    """Private, group and inline questions are all recorded (inline once the user stopped
    typing), and no stored value holds the asker's id, username or chat id."""
    question_log = QuestionLog(question_db)
    with FakeBotApi(token="123:TEST") as server:
        application = build_application(engine, bot_settings(server, tmp_path),
                                        question_log=question_log)
        async with running(application):
            server.private_text(TRADE_EN, user_id=ASKER_ID)
            server.mention(f"@{BOT_USERNAME} qwxz zzkq", chat_id=GROUP_ID, user_id=ASKER_ID)
            for partial in ("tr", "trade", "trade gro", "trade growth"):
                server.inline_query(partial, user_id=ASKER_ID)
            await server.await_calls("sendMessage", 2)
            await server.await_calls("answerInlineQuery", 4)
    stored = rows(question_db)  # post_shutdown flushed and closed the log
    assert [(row["chat_type"], row["question"], row["kind"]) for row in stored] == [
        ("private", TRADE_EN, "fact"),
        ("supergroup", "qwxz zzkq", "none"),
        ("inline", "trade growth", "fact"),
    ]
    values = " ".join(str(value) for row in stored for value in row.values())
    for personal in (str(ASKER_ID), ASKER_NAME, str(GROUP_ID), str(abs(GROUP_ID))):
        assert personal not in values


# --------------------------------------------------------------------------- failures
class FailingConnection:
    """A connection whose writes fail like a full or read-only disk."""

    def __init__(self, error: str) -> None:
        self.error = error

    def __enter__(self) -> FailingConnection:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def execute(self, *args: object) -> Any:
        raise sqlite3.OperationalError(self.error)

    executemany = execute

    def close(self) -> None:
        return None


def failing(error: str) -> Callable[[Path], Any]:
    """A replacement for `connect` returning a connection that fails with this error."""
    return lambda path: FailingConnection(error)


@pytest.mark.parametrize(
    ("where", "connect"),
    [
        (lambda tmp: tmp, None),
        (lambda tmp: tmp / "a-file" / "questions.sqlite3", None),
        (lambda tmp: tmp / "q.sqlite3", failing("database or disk is full")),
        (lambda tmp: tmp / "q.sqlite3", failing("attempt to write a readonly database")),
    ],
    ids=["path-is-a-directory", "parent-is-a-file", "disk-full", "read-only"],
)
def test_write_failures_are_tolerated_and_logged_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
    where: Callable[[Path], Path], connect: Callable[[Path], Any] | None,
) -> None:
    """A database that cannot be opened or written loses those questions, logs one warning
    (not one per question) and never raises to the caller."""
    (tmp_path / "a-file").write_text("not a directory", encoding="utf-8")
    if connect is not None:
        monkeypatch.setattr(bot.ops.question_log, "connect", connect)
        monkeypatch.setattr(bot.ops.question_log, "RETRY_EVERY", 0.0)  # retry, and fail, each time
    caplog.set_level(logging.WARNING, logger="bot.ops.question_log")
    question_log = QuestionLog(where(tmp_path))
    try:
        for number in range(5):
            question_log.record(record(NOW, f"question {number}"))
            assert question_log.flush()
    finally:
        question_log.close()
    assert question_log.written == 0 and question_log.lost == 5
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "questions are still answered" in warnings[0].getMessage()


def test_postgresql_down_is_tolerated_and_logged_once(
    caplog: pytest.LogCaptureFixture
) -> None:
    """A PostgreSQL server that refuses connections loses those questions, logs one warning
    naming the server without its password, and never raises to the caller."""
    caplog.set_level(logging.WARNING, logger="bot.ops.question_log")
    question_log = QuestionLog("postgresql://bot:pa55word@127.0.0.1:9/bot")
    try:
        for number in range(3):
            question_log.record(record(NOW, f"question {number}"))
            assert question_log.flush()
    finally:
        question_log.close()
    assert question_log.written == 0 and question_log.lost == 3
    [warning] = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert "postgresql://bot:***@127.0.0.1:9/bot" in warning and "pa55word" not in warning


async def test_a_broken_log_does_not_stop_answers(engine: Engine, tmp_path: Path) -> None:
    """With the log path pointing at a directory the bot still answers."""
    question_log = QuestionLog(tmp_path)
    with FakeBotApi(token="123:TEST") as server:
        application = build_application(engine, bot_settings(server, tmp_path),
                                        question_log=question_log)
        async with running(application):
            server.private_text(TRADE_EN)
            answer = (await server.await_calls("sendMessage"))[0]
    assert "66 percent" in answer["text"]


class SlowConnection:
    """A real connection whose writes take a long time, like a stalled disk."""

    def __init__(self, path: Path) -> None:
        self.inner = sqlite3.connect(path, check_same_thread=False)
        self.inner.executescript(SCHEMA)

    def __enter__(self) -> SlowConnection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.inner.commit()

    def execute(self, *args: Any) -> Any:
        return self.inner.execute(*args)

    def executemany(self, *args: Any) -> Any:
        time.sleep(0.3)
        return self.inner.executemany(*args)

    def close(self) -> None:
        self.inner.close()


def test_recording_never_waits_for_the_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Recording returns at once even when the disk is slow; the writes still land."""
    monkeypatch.setattr(bot.ops.question_log, "connect", SlowConnection)
    question_log = QuestionLog(tmp_path / "q.sqlite3")
    started = time.perf_counter()
    for number in range(50):
        question_log.record(record(NOW, f"question {number}"))
    elapsed = time.perf_counter() - started
    question_log.close()
    assert elapsed < 0.05
    assert question_log.written == 50 and len(rows(tmp_path / "q.sqlite3")) == 50


# --------------------------------------------------------------------------- retention
@pytest.mark.parametrize(
    ("retention_days", "kept"),
    [(90, ["1 day", "89 days"]), (30, ["1 day"]), (0, ["1 day", "89 days", "91 days", "1 year"])],
)
def test_old_questions_are_deleted_at_start_up(
    question_db: Path | str, retention_days: int, kept: list[str]
) -> None:
    """Opening the log deletes questions older than the retention period (0 keeps all)."""
    path = question_db
    ages = {"1 day": 1, "89 days": 89, "91 days": 91, "1 year": 365}
    seed = QuestionLog(path, retention_days=0)
    for label, days in ages.items():
        seed.record(record(NOW - timedelta(days=days), label))
    seed.close()
    question_log = QuestionLog(path, retention_days, clock=lambda: NOW)
    question_log.close()
    assert sorted(row["question"] for row in rows(path)) == sorted(kept)


def test_old_questions_are_deleted_daily(question_db: Path | str) -> None:
    """A log that runs for more than a day deletes what grew too old meanwhile."""
    path = question_db
    now, ticks = [NOW], [0.0]
    question_log = QuestionLog(path, retention_days=90, clock=lambda: now[0],
                               monotonic=lambda: ticks[0])
    question_log.record(record(NOW - timedelta(days=89), "old soon"))
    question_log.record(record(NOW, "fresh"))
    assert question_log.flush()
    assert len(rows(path)) == 2
    now[0], ticks[0] = NOW + timedelta(days=2), 2 * 24 * 3600.0
    question_log.record(record(now[0], "later"))
    assert question_log.flush()
    question_log.close()
    assert [row["question"] for row in rows(path)] == ["fresh", "later"]


def test_the_log_is_in_wal_mode_and_readable_while_written(tmp_path: Path) -> None:
    """The SQLite database is in WAL mode (a commit appends without waiting for the disk), and
    a reader such as `report` sees the rows while the writer keeps its connection open."""
    question_log = QuestionLog(tmp_path / "questions.sqlite3")
    question_log.record(record(datetime(2026, 1, 1, tzinfo=UTC), "trade?"))
    assert question_log.flush()
    with sqlite3.connect(question_log.path) as reader:
        assert reader.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert reader.execute("SELECT question FROM questions").fetchall() == [("trade?",)]
    question_log.close()
