"""The update journal: every update is written here before Telegram is told it was received, and
marked handled once answered; what a crash left pending is replayed at the next start.

Telegram forgets an update once the bot confirms it (the next getUpdates offset, or a 200 to a
webhook). Writing the update here first makes that confirmation safe: a crash between the two
leaves the update pending here, and a restart handles it. The same update_id arriving again
(Telegram resends what was never confirmed) is recognised and handled only once.

A small SQLite file beside the question log, in WAL mode with ``synchronous=NORMAL``: a commit
survives the process being killed (it is in the operating system's cache); only a power cut of
the whole machine can lose the last commits. Writes happen on the event loop (one small
transaction per update, well under a millisecond) because the write must be done before the
update is confirmed. A journal that cannot be written is logged and the bot keeps answering,
without the guarantee.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from bot.ops.sqlite import open_database
from bot.ops.throttle import Throttle

log = logging.getLogger(__name__)

KEEP_HANDLED_SECONDS = 2 * 24 * 3600.0  # Telegram keeps an unconfirmed update for 24 hours
PRUNE_EVERY = 1000  # handled updates between two deletions of old ones
MAX_REPLAYS = 3  # an update that was pending at this many starts is given up: it may be the crash
SCHEMA = """
CREATE TABLE IF NOT EXISTS updates (
    update_id INTEGER PRIMARY KEY,
    received REAL NOT NULL,
    body TEXT,
    replays INTEGER NOT NULL DEFAULT 0
);
"""


def journal_path(question_log: Path) -> Path:
    """Where the journal lives: beside the question log (`questions.sqlite3` →
    `questions-updates.sqlite3`)."""
    return question_log.with_name(f"{question_log.stem}-updates{question_log.suffix or '.sqlite3'}")


class UpdateJournal:
    """Pending and handled update ids, and the pending updates' bodies (JSON text).

    ``add`` records an update as pending and says whether it is new; ``done`` marks it handled
    (its body is dropped, its id kept for a while to recognise a resend); ``pending`` returns
    what a previous run left unhandled, oldest first.
    """

    def __init__(self, path: Path, *, clock: Callable[[], float] = time.time,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self.path = path
        self._clock = clock
        self._handled_since_prune = 0
        self._warnings = Throttle(clock=monotonic)
        self._connection: sqlite3.Connection | None = None
        try:
            self._connection = open_database(path, SCHEMA, timeout=2.0, isolation_level=None)
            self.prune()
        except sqlite3.Error as error:
            self._failed("cannot open", error)

    @property
    def working(self) -> bool:
        """Whether updates are being journalled (False after the file could not be opened)."""
        return self._connection is not None

    def _failed(self, what: str, error: Exception) -> None:
        if self._warnings.due():
            log.warning("update journal %s: %s (%s); updates are still answered, but a crash "
                        "may lose the ones in hand", self.path, what, error)

    def add(self, update_id: int, body: str) -> bool:
        """Record an update as pending; False when its id was recorded before (a resend)."""
        if self._connection is None:
            return True
        try:
            cursor = self._connection.execute(
                "INSERT OR IGNORE INTO updates (update_id, received, body) VALUES (?, ?, ?)",
                (update_id, self._clock(), body))
        except sqlite3.Error as error:
            self._failed("cannot record an update", error)
            return True  # answering it beats dropping it
        return cursor.rowcount == 1

    def done(self, update_id: int) -> None:
        """Mark an update handled: answered, skipped or given up on."""
        if self._connection is None:
            return
        try:
            self._connection.execute("UPDATE updates SET body = NULL WHERE update_id = ?",
                                     (update_id,))
        except sqlite3.Error as error:
            self._failed("cannot mark an update handled", error)
            return
        self._handled_since_prune += 1
        if self._handled_since_prune >= PRUNE_EVERY:
            self.prune()

    def pending(self) -> list[tuple[int, str]]:
        """The updates a previous run left unhandled, oldest first, each counted as replayed
        once more; one pending at ``MAX_REPLAYS`` starts already is given up (and logged)."""
        if self._connection is None:
            return []
        try:
            with self._connection:
                self._connection.execute("BEGIN IMMEDIATE")
                rows = self._connection.execute(
                    "SELECT update_id, body, replays FROM updates WHERE body IS NOT NULL "
                    "ORDER BY update_id").fetchall()
                self._connection.execute(
                    "UPDATE updates SET replays = replays + 1 WHERE body IS NOT NULL")
                for update_id, _, replays in rows:
                    if replays >= MAX_REPLAYS:
                        log.error("update %d was pending at %d starts; given up", update_id,
                                  replays)
                        self._connection.execute(
                            "UPDATE updates SET body = NULL WHERE update_id = ?", (update_id,))
        except sqlite3.Error as error:
            self._failed("cannot read the pending updates", error)
            return []
        return [(int(update_id), str(body)) for update_id, body, replays in rows
                if replays < MAX_REPLAYS]

    def prune(self) -> None:
        """Forget handled updates older than Telegram could still resend."""
        self._handled_since_prune = 0
        if self._connection is None:
            return
        try:
            self._connection.execute(
                "DELETE FROM updates WHERE body IS NULL AND received < ?",
                (self._clock() - KEEP_HANDLED_SECONDS,))
        except sqlite3.Error as error:
            self._failed("cannot prune", error)

    def close(self) -> None:
        """Close the file; later calls do nothing."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None
