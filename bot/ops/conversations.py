"""What each conversation was last told: in the process, or in the per-chat state store
(SQLite, or Redis shared by every worker) so that it survives a restart; bounded in size and
in time, fact ids only."""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, Protocol

from bot.engine import Context
from bot.knowledge import Knowledge
from bot.ops.chat_state import ChatStateStore, State, decode, encode

LIMIT = 10_000  # conversations (or chats) remembered at once; the least recently used go first
TTL = 30 * 60.0  # seconds after which a conversation is forgotten
THREADS = 20  # conversations kept per chat: the chat itself and its latest answered messages
EXPIRE_EVERY = 100  # stored writes between two sweeps of expired chats
# A store only this process writes (SQLite) is written behind: a chat's latest state at most this
# many seconds after it changed, many chats in one transaction, so that answering never waits
# on the disk. A crash loses at most that long of conversation memory, never an answer.
FLUSH_SECONDS = 1.0
STAMP = "saved"  # the key of a stored chat's (and thread's) last write, in seconds since 1970

# A conversation: ("chat", chat id) for a private chat as a whole, ("message", chat id,
# message id) for the thread of one of the bot's answers.
Thread = tuple[str, int] | tuple[str, int, int]


class Conversations(Protocol):
    """Where conversations are kept. A context holds fact ids only, never the user's words."""

    async def get(self, key: Thread) -> Context | None:
        """The context of a conversation, or None when there is none (or it expired)."""

    async def put(self, key: Thread, context: Context) -> None:
        """Remember a conversation's context."""

    async def first(self, keys: tuple[Thread, ...]) -> Context | None:
        """The context of the first of these conversations still kept, or None."""

    async def put_all(self, keys: tuple[Thread, ...], context: Context) -> None:
        """Remember one context under several conversations."""

    async def close(self) -> None:
        """Release what the store holds open."""


class _Recent:
    """At most `limit` values, each forgotten `ttl` seconds after it was last put."""

    def __init__(self, limit: int, ttl: float, clock: Callable[[], float]) -> None:
        self.limit, self.ttl, self.clock = limit, ttl, clock
        self._kept: OrderedDict[Hashable, tuple[Any, float]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._kept)

    def get(self, key: Hashable) -> Any:
        kept = self._kept.get(key)
        if kept is None:
            return None
        value, stamp = kept
        if self.clock() - stamp > self.ttl:
            del self._kept[key]
            return None
        return value

    def put(self, key: Hashable, value: Any) -> None:
        self._kept[key] = (value, self.clock())
        self._kept.move_to_end(key)
        while len(self._kept) > self.limit:
            self._kept.popitem(last=False)


class RecentConversations:
    """Conversations in memory, lost at a restart: at most `limit`, each forgotten `ttl`
    seconds after it was last told something."""

    def __init__(self, limit: int = LIMIT, ttl: float = TTL,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._recent = _Recent(limit, ttl, clock)

    def __len__(self) -> int:
        return len(self._recent)

    async def get(self, key: Hashable) -> Context | None:
        """The context of a conversation, or None when there is none (or it expired)."""
        context: Context | None = self._recent.get(key)
        return context

    async def put(self, key: Hashable, context: Context) -> None:
        """Remember a conversation's context; the oldest ones go beyond the limit."""
        self._recent.put(key, context)

    async def first(self, keys: tuple[Thread, ...]) -> Context | None:
        """The context of the first of these conversations still kept, or None."""
        for key in keys:
            context = await self.get(key)
            if context is not None:
                return context
        return None

    async def put_all(self, keys: tuple[Thread, ...], context: Context) -> None:
        """Remember one context under several conversations."""
        for key in keys:
            self._recent.put(key, context)

    async def close(self) -> None:
        """Nothing is held open."""


def _name(key: Thread) -> str:
    """A thread's name inside its chat's stored state."""
    return "chat" if key[0] == "chat" else f"message:{key[-1]}"


class StoredConversations:
    """Conversations in a per-chat state store: one stored state per chat holding its
    threads (the chat, its latest `threads` answers), each forgotten `ttl` seconds after it
    was last told something. A store only this process writes is read once, at the first
    question, then kept in memory and written behind; a shared one (Redis) is read before each
    question and written at once, so a follow-up may go to another worker. A store that fails
    leaves the chat with what this process remembers."""

    def __init__(self, store: ChatStateStore, knowledge: Callable[[], Knowledge], *,
                 ttl: float = TTL, threads: int = THREADS, limit: int = LIMIT,
                 clock: Callable[[], float] = time.time,
                 flush_seconds: float = FLUSH_SECONDS) -> None:
        self.store, self.knowledge = store, knowledge
        self.ttl, self.threads, self.clock = ttl, threads, clock
        self.flush_seconds = flush_seconds
        self._chats = _Recent(limit, ttl, time.monotonic)
        self._writes = 0
        self._loaded = store.shared  # a shared store is read per chat, never all at once
        self._loading = asyncio.Lock()  # questions arriving during the first read wait for it
        self._dirty: dict[int, State] = {}
        self._flush_timer: asyncio.TimerHandle | None = None
        self._flushing: asyncio.Task[None] | None = None

    async def _load(self) -> None:
        """Everything a store only this process writes holds, oldest first (so that the limit
        keeps the newest), read once: a question arriving meanwhile waits for it rather than
        missing its chat's last answer."""
        async with self._loading:
            if self._loaded:
                return
            try:
                stored = await self.store.load_all()
            finally:
                self._loaded = True  # a failed read is not retried at every question
            for chat_id, state in sorted(stored.items(), key=lambda item: _stamp(item[1])):
                if self._chats.get(chat_id) is None:
                    self._chats.put(chat_id, encode(state))

    async def _state(self, chat_id: int) -> State:
        """The chat's threads still within their time, as last stored (or remembered)."""
        if not self._loaded:
            await self._load()
        state = await self.store.load(chat_id) if self.store.shared else None
        if state is None:
            kept: str | None = self._chats.get(chat_id)
            state = decode(kept) if kept is not None else None
        threads = state.get("threads") if isinstance(state, dict) else None
        if not isinstance(threads, dict):
            return {}
        now = self.clock()
        return {name: thread for name, thread in threads.items()
                if isinstance(thread, dict) and isinstance(thread.get(STAMP), int | float)
                and now - thread[STAMP] <= self.ttl}

    async def get(self, key: Thread) -> Context | None:
        """The context of a conversation, or None when there is none (or it expired)."""
        return await self.first((key,))

    async def first(self, keys: tuple[Thread, ...]) -> Context | None:
        """The context of the first of these conversations still kept, each chat's state
        read once."""
        states: dict[int, dict[str, Any]] = {}
        for key in keys:
            if key[1] not in states:
                states[key[1]] = await self._state(key[1])
            thread = states[key[1]].get(_name(key))
            if thread is not None:
                return Context.from_json(thread, self.knowledge())
        return None

    async def put(self, key: Thread, context: Context) -> None:
        """Remember a conversation's context; beyond `threads` in one chat, the threads told
        something longest ago are dropped."""
        await self.put_all((key,), context)

    async def put_all(self, keys: tuple[Thread, ...], context: Context) -> None:
        """Remember one context under several conversations: each chat's state read and
        written once (an answer in a private chat is the chat's and its message's)."""
        now = self.clock()
        for chat_id in dict.fromkeys(key[1] for key in keys):
            threads = await self._state(chat_id)
            for key in keys:
                if key[1] == chat_id:
                    threads.pop(_name(key), None)
                    threads[_name(key)] = {**context.to_json(), STAMP: now}
            await self._keep(chat_id, threads, now)

    async def _keep(self, chat_id: int, threads: dict[str, Any], now: float) -> None:
        """Keep a chat's newest `threads`: in the shared store at once, else written behind."""
        newest = sorted(threads.items(), key=lambda item: item[1][STAMP])[-self.threads:]
        state: State = {"threads": dict(newest), STAMP: now}
        # Kept as its text: thousands of chats' dicts and lists would be walked by every full
        # garbage collection of a busy bot (30-40 ms each at 300 questions a second); a
        # string is not.
        self._chats.put(chat_id, encode(state))
        if self.store.shared:
            # A shared store expires each chat by its time to live: no sweep to count for.
            await self.store.save(chat_id, state, ttl=self.ttl)
            return
        self._dirty[chat_id] = state
        if self._flush_timer is None and self._flushing is None:
            loop = asyncio.get_running_loop()
            self._flush_timer = loop.call_later(self.flush_seconds, self._start_flush)

    def _start_flush(self) -> None:
        self._flush_timer = None
        self._flushing = asyncio.get_running_loop().create_task(self.flush())

    async def flush(self) -> None:
        """Write what changed since the last write, in one go."""
        try:
            while self._dirty:
                states, self._dirty = self._dirty, {}
                await self.store.save_many(states, ttl=self.ttl)
                await self._count_write(self.clock(), len(states))
        finally:
            self._flushing = None

    async def _count_write(self, now: float, count: int = 1) -> None:
        before = self._writes // EXPIRE_EVERY
        self._writes += count
        if self._writes // EXPIRE_EVERY != before:
            await self.store.expire(STAMP, now - self.ttl)

    async def close(self) -> None:
        """Write what is still pending, then close the store."""
        if self._flush_timer is not None:
            self._flush_timer.cancel()
            self._flush_timer = None
        if self._flushing is not None:
            await self._flushing
        await self.flush()
        await self.store.close()


def _stamp(state: State) -> float:
    """When a stored chat state was last written (0 when it does not say)."""
    value = state.get(STAMP)
    return float(value) if isinstance(value, int | float) else 0.0
