"""What each conversation was last told, kept in the process: bounded in size and in time."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Protocol

from bot.engine import Context

LIMIT = 10_000  # conversations remembered at once; the least recently used go first
TTL = 30 * 60.0  # seconds after which a conversation is forgotten


class Conversations(Protocol):
    """Where conversations are kept: another store (Redis, PTB persistence) implements these
    two methods. A context holds fact ids only, never the user's words."""

    def get(self, key: Hashable) -> Context | None:
        """The context of a conversation, or None when there is none (or it expired)."""

    def put(self, key: Hashable, context: Context) -> None:
        """Remember a conversation's context."""


class RecentConversations:
    """Conversations in memory: at most `limit`, each forgotten `ttl` seconds after it was
    last told something."""

    def __init__(self, limit: int = LIMIT, ttl: float = TTL,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.limit, self.ttl, self.clock = limit, ttl, clock
        self._kept: OrderedDict[Hashable, tuple[Context, float]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._kept)

    def get(self, key: Hashable) -> Context | None:
        """The context of a conversation, or None when there is none (or it expired)."""
        kept = self._kept.get(key)
        if kept is None:
            return None
        context, stamp = kept
        if self.clock() - stamp > self.ttl:
            del self._kept[key]
            return None
        return context

    def put(self, key: Hashable, context: Context) -> None:
        """Remember a conversation's context; the oldest ones go beyond the limit."""
        self._kept[key] = (context, self.clock())
        self._kept.move_to_end(key)
        while len(self._kept) > self.limit:
            self._kept.popitem(last=False)
