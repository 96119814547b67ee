"""What each conversation was last told: in the process, or in the per-chat state store
(SQLite, or Redis shared by every worker) so that it survives a restart; bounded in size and
in time, fact ids only."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, Protocol

from bot.engine import Context
from bot.knowledge import Knowledge
from bot.ops.chat_state import ChatStateStore, State

LIMIT = 10_000  # conversations (or chats) remembered at once; the least recently used go first
TTL = 30 * 60.0  # seconds after which a conversation is forgotten
THREADS = 20  # conversations kept per chat: the chat itself and its latest answered messages
EXPIRE_EVERY = 100  # stored writes between two sweeps of expired chats
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

    async def close(self) -> None:
        """Nothing is held open."""


def _name(key: Thread) -> str:
    """A thread's name inside its chat's stored state."""
    return "chat" if key[0] == "chat" else f"message:{key[-1]}"


class StoredConversations:
    """Conversations in a per-chat state store: one stored state per chat holding its
    threads (the chat, its latest `threads` answers), each forgotten `ttl` seconds after it
    was last told something. A store that only this process writes is read once per chat
    (then kept in memory); a shared one (Redis) before each question, so a follow-up may go
    to another worker. A store that fails leaves the chat with what this process remembers."""

    def __init__(self, store: ChatStateStore, knowledge: Callable[[], Knowledge], *,
                 ttl: float = TTL, threads: int = THREADS, limit: int = LIMIT,
                 clock: Callable[[], float] = time.time) -> None:
        self.store, self.knowledge = store, knowledge
        self.ttl, self.threads, self.clock = ttl, threads, clock
        self._chats = _Recent(limit, ttl, time.monotonic)
        self._writes = 0

    async def _state(self, chat_id: int) -> State:
        """The chat's threads still within their time, as last stored (or remembered)."""
        state: State | None = None if self.store.shared else self._chats.get(chat_id)
        if state is None:
            state = await self.store.load(chat_id)
        if state is None:
            state = self._chats.get(chat_id)
        threads = state.get("threads") if isinstance(state, dict) else None
        if not isinstance(threads, dict):
            return {}
        now = self.clock()
        return {name: thread for name, thread in threads.items()
                if isinstance(thread, dict) and isinstance(thread.get(STAMP), int | float)
                and now - thread[STAMP] <= self.ttl}

    async def get(self, key: Thread) -> Context | None:
        """The context of a conversation, or None when there is none (or it expired)."""
        thread = (await self._state(key[1])).get(_name(key))
        return None if thread is None else Context.from_json(thread, self.knowledge())

    async def put(self, key: Thread, context: Context) -> None:
        """Remember a conversation's context; beyond `threads` in one chat, the threads told
        something longest ago are dropped."""
        chat_id, now = key[1], self.clock()
        threads = await self._state(chat_id)
        threads.pop(_name(key), None)
        threads[_name(key)] = {**context.to_json(), STAMP: now}
        newest = sorted(threads.items(), key=lambda item: item[1][STAMP])[-self.threads:]
        state: State = {"threads": dict(newest), STAMP: now}
        self._chats.put(chat_id, state)
        await self.store.save(chat_id, state, ttl=self.ttl)
        self._writes += 1
        if self._writes % EXPIRE_EVERY == 0:
            await self.store.expire(STAMP, now - self.ttl)

    async def close(self) -> None:
        """Close the store."""
        await self.store.close()
