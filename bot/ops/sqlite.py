"""Opening this bot's SQLite files: the same journal mode and schema set-up for each."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Literal


def open_database(path: Path, schema: str, *, timeout: float, check_same_thread: bool = True,
                  isolation_level: Literal["DEFERRED"] | None = "DEFERRED",
                  ) -> sqlite3.Connection:
    """Open (creating if needed) an SQLite file in WAL mode with `synchronous=NORMAL`, and its
    schema (`isolation_level=None`: autocommit). A commit is then an append that does not wait
    for the disk, and readers never block the writer: it survives the process dying, and only
    the machine losing power can lose the last commits (never corrupt the file)."""
    connection = sqlite3.connect(path, timeout=timeout, check_same_thread=check_same_thread,
                                 isolation_level=isolation_level)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        connection.executescript(schema)
    except sqlite3.Error:
        connection.close()
        raise
    return connection
