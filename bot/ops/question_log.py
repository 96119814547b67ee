"""The question log: what was asked and how it was answered, in SQLite, written off the loop."""

from __future__ import annotations

import logging
import queue
import sqlite3
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from bot.engine import Decision
from bot.ops.postgres import PostgresConnection, is_postgres, redact
from bot.ops.question_records import (
    INSERT,
    Connection,
    QuestionRecord,
    connect,
    prune,
    utc_now,
)
from bot.ops.throttle import ERROR_LOG_EVERY, Throttle

log = logging.getLogger(__name__)

QUEUE_LIMIT = 10_000  # questions waiting to be written; beyond this they are dropped, not awaited
PRUNE_EVERY = 24 * 3600.0  # seconds between two retention passes of a running bot
RETRY_EVERY = 30.0  # after a failure, try the database again only after this many seconds
BATCH = 200  # rows written in one transaction at most
# After the first question of a batch, the writer waits this long for others: under load one
# commit (and one wake-up of this thread) per batch instead of per question.
GATHER_SECONDS = 0.05

class _Throttled:
    """Logs a recurring failure once, then at most once per period, with a count of the rest."""

    def __init__(self, period: float, clock: Callable[[], float]) -> None:
        self._throttle = Throttle(period, clock)
        self.failing = False
        self._suppressed = 0

    def failure(self, text: str) -> None:
        self.failing = True
        if not self._throttle.due():
            self._suppressed += 1
            return
        more = f" ({self._suppressed} more failures since the last message)" \
            if self._suppressed else ""
        log.warning("%s; questions are still answered%s", text, more)
        self._suppressed = 0

    def success(self, text: str) -> None:
        if self.failing:
            log.info(text)
        self.failing = False
        self._suppressed = 0


_STOP = object()


class QuestionLog:
    """Records questions in SQLite (or PostgreSQL, given a ``postgresql://`` URL) from a
    background thread; ``record`` never blocks or raises.

    Every SQLite or OS error (a full or read-only disk, a path that is a directory) is logged
    at most once per ``ERROR_LOG_EVERY`` seconds and the questions of that moment are lost;
    answering goes on. Questions older than ``retention_days`` are deleted when the log opens
    and once a day after that.
    """

    def __init__(self, path: Path | str, retention_days: int = 90, *,
                 clock: Callable[[], datetime] = utc_now,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self.url = path if is_postgres(path) else None
        self.path = Path(path)
        self.where = redact(self.url) if self.url else str(self.path)  # for logs: no password
        self.retention_days = retention_days
        self._clock = clock
        self._monotonic = monotonic
        # SimpleQueue: its put is a few C operations, where Queue's takes a lock and notifies a
        # condition (measured: a twentieth of the bot's CPU per update under load). The bound is
        # kept by hand.
        self._queue: queue.SimpleQueue[QuestionRecord | object] = queue.SimpleQueue()
        self._errors = _Throttled(ERROR_LOG_EVERY, monotonic)
        self._connection: Connection | None = None
        self._retry_at = 0.0
        self._pruned_at: float | None = None
        self._dropped = 0
        self.written = 0
        self.lost = 0
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="question-log", daemon=True)
        self._thread.start()

    # ----------------------------------------------------------------- the event loop's side
    def record(self, entry: QuestionRecord) -> None:
        """Queue one question for writing; returns at once, whatever state the disk is in."""
        if self._closed:
            return
        if self._queue.qsize() < QUEUE_LIMIT:
            self._queue.put(entry)
        else:
            self._dropped += 1
            self._errors.failure(f"question log {self.where}: writer is behind, "
                                 f"{self._dropped} question(s) not recorded")

    def record_answer(self, answer: Decision, chat_type: str) -> None:
        """Queue the record of an answer given in a chat of this type; several questions in
        one message are one record each, so reports see every question."""
        for part in answer.parts or (answer,):
            self.record(QuestionRecord.from_answer(part, chat_type, self._clock()))

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until everything queued so far was written (or given up on); False on timeout."""
        done = threading.Event()
        self._queue.put(done)
        return done.wait(timeout)

    def close(self, timeout: float = 5.0) -> None:
        """Write what is queued, close the database and stop the thread (waits up to timeout)."""
        if self._closed:
            return
        self._closed = True
        self._queue.put(_STOP)
        self._thread.join(timeout)
        if self._thread.is_alive():
            log.warning("question log %s: writer still busy after %.0f s; leaving it",
                        self.where, timeout)

    # ----------------------------------------------------------------- the writer thread
    def _run(self) -> None:
        self._open()
        while True:
            try:
                item = self._queue.get(timeout=self._until_prune())
            except queue.Empty:
                self._maybe_prune()
                continue
            try:
                if self._handle(item):
                    return
            except Exception as error:  # the writer outlives any surprise; answering goes on
                self._errors.failure(
                    f"question log {self.where}: {type(error).__name__}: {error}")

    def _handle(self, item: object) -> bool:
        """Write this item and whatever else is queued (up to a batch); True once stopped."""
        batch: list[QuestionRecord] = []
        signals: list[threading.Event] = []
        stop = False
        if isinstance(item, QuestionRecord):
            time.sleep(GATHER_SECONDS)
        while True:
            if isinstance(item, QuestionRecord):
                batch.append(item)
            elif isinstance(item, threading.Event):
                signals.append(item)
            elif item is _STOP:
                stop = True
                break
            if len(batch) >= BATCH:
                break
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
        try:
            if batch:
                self._write(batch)
            self._maybe_prune()
        finally:
            for signal in signals:
                signal.set()
            if stop:
                self._close_connection()
        return stop

    def _until_prune(self) -> float:
        if self._pruned_at is None:
            return RETRY_EVERY
        return max(1.0, PRUNE_EVERY - (self._monotonic() - self._pruned_at))

    def _open(self) -> Connection | None:
        if self._connection is not None:
            return self._connection
        if self._monotonic() < self._retry_at:
            return None
        try:
            if self.url:
                self._connection = PostgresConnection(self.url)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._connection = connect(self.path)
        except (sqlite3.Error, OSError) as error:
            self._fail("cannot open", error)
            return None
        log.info("recording questions in %s (kept %d days)", self.where, self.retention_days)
        self._maybe_prune()
        return self._connection

    def _write(self, batch: list[QuestionRecord]) -> None:
        connection = self._open()
        if connection is None:
            self.lost += len(batch)
            return
        try:
            with connection:
                connection.executemany(INSERT, [entry.values() for entry in batch])
        except (sqlite3.Error, OSError) as error:
            self.lost += len(batch)
            self._fail(f"cannot write {len(batch)} question(s) to", error)
            self._close_connection()
            return
        self.written += len(batch)
        self._errors.success(f"question log {self.where} is writable again")

    def _maybe_prune(self) -> None:
        now = self._monotonic()
        if self._pruned_at is not None and now - self._pruned_at < PRUNE_EVERY:
            return
        connection = self._connection or self._open()
        if connection is None:
            return
        try:
            removed = prune(connection, self.retention_days, self._clock())
        except (sqlite3.Error, OSError) as error:
            self._fail("cannot delete old questions from", error)
            self._close_connection()
            return
        self._pruned_at = now
        if removed:
            log.info("question log: deleted %d question(s) older than %d days",
                     removed, self.retention_days)

    def _fail(self, action: str, error: BaseException) -> None:
        self._retry_at = self._monotonic() + RETRY_EVERY
        self._errors.failure(f"question log: {action} {self.where}: {error}")

    def _close_connection(self) -> None:
        if self._connection is None:
            return
        try:
            self._connection.close()
        except sqlite3.Error as error:
            log.debug("question log: closing %s: %s", self.where, error)
        self._connection = None
