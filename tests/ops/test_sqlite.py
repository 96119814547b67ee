"""Tests for bot.ops.sqlite: every SQLite file of the bot opens the same way."""

from __future__ import annotations

from pathlib import Path

from bot.ops.sqlite import open_database


def test_a_database_opens_in_wal_mode_with_its_schema(tmp_path: Path) -> None:
    """The file is in WAL mode with synchronous=NORMAL (1), and the schema's table exists."""
    connection = open_database(tmp_path / "x.sqlite3", "CREATE TABLE t (a INTEGER);",
                               timeout=1.0)
    try:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert connection.execute("PRAGMA synchronous").fetchone() == (1,)
        assert connection.execute("SELECT count(*) FROM t").fetchone() == (0,)
    finally:
        connection.close()
