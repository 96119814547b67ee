"""Per-chat state that outlives the process: one JSON object per chat, in SQLite or in Redis."""

from __future__ import annotations

import asyncio
import json
import logging
import math
import sqlite3
import threading
from pathlib import Path
from typing import Any, Protocol

from bot.config import Settings
from bot.ops.sqlite import open_database
from bot.ops.throttle import Throttle

log = logging.getLogger(__name__)

State = dict[str, Any]
SCHEMA = """
CREATE TABLE IF NOT EXISTS {table} (
    chat_id INTEGER PRIMARY KEY,
    state TEXT NOT NULL
);
"""
REDIS_PREFIX = "laosbot:chat:"
# Where each kind of per-chat state goes: an SQLite table, a Redis key prefix.
CHAT_DATA = ("chat_state", REDIS_PREFIX)
CONVERSATIONS = ("conversations", "laosbot:conversation:")


class ChatStateStore(Protocol):
    """Where per-chat state is kept. `shared` stores are written by other workers too, so a
    chat's state is read again before each of its updates."""

    shared: bool

    async def load_all(self) -> dict[int, State]:
        """Every chat's state (a shared store may return none and be read per chat)."""

    async def load(self, chat_id: int) -> State | None:
        """One chat's state, or None."""

    async def save(self, chat_id: int, state: State, ttl: float | None = None) -> None:
        """Store one chat's state; with a `ttl`, a store that can expires it by itself
        after that many seconds."""

    async def save_many(self, states: dict[int, State], ttl: float | None = None) -> None:
        """Store several chats' states at once (one transaction where the store has them)."""

    async def expire(self, stamp: str, before: float) -> None:
        """Forget the chats whose state's number `stamp` is below `before` (a store whose
        states expire by themselves has nothing to do)."""

    async def drop(self, chat_id: int) -> None:
        """Forget one chat."""

    async def close(self) -> None:
        """Release the connection."""


def encode(state: State) -> str:
    """The stored form of a state: compact JSON with sorted keys, so equal states compare equal."""
    return json.dumps(state, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def decode(text: str | bytes) -> State | None:
    """A stored state, or None (logged) when it is not a JSON object."""
    try:
        value = json.loads(text)
    except ValueError:
        value = None
    if not isinstance(value, dict):
        log.warning("chat state: a stored value that is not a JSON object; ignored")
        return None
    return value


class SqliteChatState:
    """Chat state in a table of the question log's SQLite database. Each call runs in a worker
    thread; an SQLite error is logged and the bot goes on with what it has in memory."""

    shared = False

    def __init__(self, path: Path, table: str = CHAT_DATA[0]) -> None:
        if not table.isidentifier():
            raise ValueError(f"not a table name: {table!r}")
        self.path, self.table = path, table
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._connection = open_database(self.path, SCHEMA.format(table=self.table),
                                             timeout=5.0, check_same_thread=False)
        return self._connection

    def _run(self, what: str, sql: str, parameters: tuple[Any, ...] = (),
             rows: list[tuple[Any, ...]] | None = None) -> list[Any]:
        """One statement in one transaction (for each of `rows` when given)."""
        with self._lock:
            try:
                connection = self._connect()
                with connection:
                    if rows is not None:
                        connection.executemany(sql, rows)
                        return []
                    return connection.execute(sql, parameters).fetchall()
            except (sqlite3.Error, OSError) as error:
                log.warning("chat state: cannot %s in %s: %s", what, self.path, error)
                self._close()
                return []

    def _close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    async def load_all(self) -> dict[int, State]:
        """Every chat's stored state."""
        rows = await asyncio.to_thread(self._run, "read",
                                       f"SELECT chat_id, state FROM {self.table}")  # noqa: S608 - an identifier checked at start
        states = {int(chat_id): decode(text) for chat_id, text in rows}
        return {chat_id: state for chat_id, state in states.items() if state is not None}

    async def load(self, chat_id: int) -> State | None:
        """One chat's stored state."""
        rows = await asyncio.to_thread(self._run, "read", f"SELECT state FROM {self.table} "  # noqa: S608 - an identifier checked at start
                                       "WHERE chat_id = ?", (chat_id,))
        return decode(rows[0][0]) if rows else None

    async def save(self, chat_id: int, state: State, ttl: float | None = None) -> None:
        """Store one chat's state, replacing what was there (`expire` forgets old ones)."""
        await self.save_many({chat_id: state})

    async def save_many(self, states: dict[int, State], ttl: float | None = None) -> None:
        """Store several chats' states in one transaction."""
        if states:
            await asyncio.to_thread(
                self._run, "write", f"INSERT INTO {self.table} (chat_id, state) VALUES (?, ?) "  # noqa: S608 - an identifier checked at start
                "ON CONFLICT (chat_id) DO UPDATE SET state = excluded.state",
                rows=[(chat_id, encode(state)) for chat_id, state in states.items()])

    async def expire(self, stamp: str, before: float) -> None:
        """Delete the chats whose state's `stamp` is below `before` (or missing)."""
        await asyncio.to_thread(
            self._run, "expire", f"DELETE FROM {self.table} WHERE "  # noqa: S608 - an identifier checked at start
            "coalesce(json_extract(state, ?), 0) < ?", (f"$.{stamp}", before))

    async def drop(self, chat_id: int) -> None:
        """Forget one chat."""
        await asyncio.to_thread(self._run, "delete",
                                f"DELETE FROM {self.table} WHERE chat_id = ?",  # noqa: S608 - an identifier checked at start
                                (chat_id,))

    async def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._close()


class RedisChatState:
    """Chat state in Redis, one key per chat, shared by every worker. A Redis error is logged
    and the chat goes on with the state this worker has in memory."""

    shared = True

    def __init__(self, url: str, prefix: str = CHAT_DATA[1]) -> None:
        import redis  # the optional `shared` extra

        from bot.ops.shared import connect_redis

        self._redis = connect_redis(url)
        self.prefix = prefix
        self._errors: tuple[type[BaseException], ...] = (redis.RedisError, OSError)
        self._warnings = Throttle()

    def _warn(self, action: str, error: BaseException) -> None:
        if self._warnings.due():
            log.warning("chat state: cannot %s Redis (%s); chats go on with what this worker "
                        "remembers", action, error)

    async def load_all(self) -> dict[int, State]:
        """None up front: each chat is read when its update comes."""
        return {}

    async def load(self, chat_id: int) -> State | None:
        """One chat's state as the workers last stored it."""
        try:
            text = await self._redis.get(f"{self.prefix}{chat_id}")
        except self._errors as error:
            self._warn("read from", error)
            return None
        return decode(text) if text is not None else None

    async def save(self, chat_id: int, state: State, ttl: float | None = None) -> None:
        """Store one chat's state for every worker; with a `ttl`, Redis forgets it after
        that many seconds."""
        expiry = max(1, math.ceil(ttl)) if ttl is not None else None
        try:
            await self._redis.set(f"{self.prefix}{chat_id}", encode(state), ex=expiry)
        except self._errors as error:
            self._warn("write to", error)

    async def save_many(self, states: dict[int, State], ttl: float | None = None) -> None:
        """Store several chats' states, one after the other."""
        for chat_id, state in states.items():
            await self.save(chat_id, state, ttl)

    async def expire(self, stamp: str, before: float) -> None:
        """Nothing to do: states saved with a ttl expire in Redis by themselves."""

    async def drop(self, chat_id: int) -> None:
        """Forget one chat."""
        try:
            await self._redis.delete(f"{self.prefix}{chat_id}")
        except self._errors as error:
            self._warn("delete from", error)

    async def close(self) -> None:
        """Close the connections."""
        await self._redis.aclose()


def chat_state_store(settings: Settings,
                     kind: tuple[str, str] = CHAT_DATA) -> ChatStateStore:
    """Redis when `REDIS_URL` is set (several workers), else the question log's SQLite file;
    `kind` (CHAT_DATA, CONVERSATIONS) names the table and the key prefix."""
    table, prefix = kind
    if settings.redis_url:
        return RedisChatState(settings.redis_url, prefix)
    return SqliteChatState(settings.db_path, table)
