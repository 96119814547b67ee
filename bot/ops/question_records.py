"""A logged question: its record, the table it is kept in, and that table's upkeep."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.engine import Decision
from bot.ops.postgres import PostgresConnection
from bot.ops.sqlite import open_database

SCHEMA = """
CREATE TABLE IF NOT EXISTS questions (
    id INTEGER PRIMARY KEY,
    asked_at TEXT NOT NULL,
    chat_type TEXT NOT NULL,
    language TEXT NOT NULL,
    question TEXT NOT NULL,
    kind TEXT NOT NULL,
    fact_id TEXT,
    score REAL NOT NULL,
    first_fact TEXT,
    first_score REAL,
    second_fact TEXT,
    second_score REAL
);
CREATE INDEX IF NOT EXISTS questions_asked_at ON questions (asked_at);
"""
COLUMNS = ("asked_at", "chat_type", "language", "question", "kind", "fact_id", "score",
           "first_fact", "first_score", "second_fact", "second_score")
INSERT = (f"INSERT INTO questions ({', '.join(COLUMNS)}) "  # noqa: S608 - fixed column names
           f"VALUES ({', '.join('?' for _ in COLUMNS)})")


def utc_now() -> datetime:
    """The current time in UTC."""
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    """A UTC timestamp as stored: ISO 8601 to the second, so text order is time order."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class QuestionRecord:
    """One handled question. Deliberately nothing about who asked or where."""

    asked_at: str
    chat_type: str
    language: str
    question: str
    kind: str
    fact_id: str | None
    score: float
    first_fact: str | None = None
    first_score: float | None = None
    second_fact: str | None = None
    second_score: float | None = None

    @classmethod
    def from_answer(cls, answer: Decision, chat_type: str,
                    asked_at: datetime | None = None) -> QuestionRecord:
        """The record of an answer given in a chat of this type (private, group, inline…)."""
        top = list(answer.candidates[:2])
        first = top[0] if top else None
        second = top[1] if len(top) > 1 else None
        return cls(
            asked_at=iso(asked_at or utc_now()),
            chat_type=chat_type,
            language=answer.language,
            question=answer.question,
            kind=answer.kind,
            fact_id=answer.fact_id,
            score=round(answer.score, 1),
            first_fact=first.fact_id if first else None,
            first_score=round(first.score, 1) if first else None,
            second_fact=second.fact_id if second else None,
            second_score=round(second.score, 1) if second else None,
        )

    def values(self) -> tuple[object, ...]:
        """The column values, in ``COLUMNS`` order."""
        return tuple(getattr(self, name) for name in COLUMNS)


Connection = sqlite3.Connection | PostgresConnection  # what `with connection:` commits


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) the question database with its schema."""
    # `report` reads while the bot writes; the log is statistics, not state.
    return open_database(path, SCHEMA, timeout=5.0, check_same_thread=False)


def prune(connection: Connection, retention_days: int, now: datetime) -> int:
    """Delete the questions older than the retention period; return how many went."""
    if retention_days <= 0:
        return 0
    cutoff = iso(now - timedelta(days=retention_days))
    with connection:
        cursor = connection.execute("DELETE FROM questions WHERE asked_at < ?", (cutoff,))
    return cursor.rowcount
