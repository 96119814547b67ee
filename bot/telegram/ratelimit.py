"""Telegram's rate limits on messages: per chat, per group and overall, and nothing else held.

Telegram asks bots to send about one message a second in one chat (short bursts are allowed),
at most 20 a minute in one group, and about 30 a second in all (more with paid broadcasts). Those
are limits on messages: answers to inline queries and button presses, getUpdates and the
start-up calls are never held here. A message waits first for its chat's turn, then for a slot
in the overall rate, so a busy group never holds up private chats. A 429 Telegram sends anyway
is waited out by the request (`bot.telegram.request`); here it also holds that chat's next
messages for as long as Telegram asked. With shared schedules (REDIS_URL) every worker books the
same chats', groups' and overall slots; each worker's own schedules are kept too and take over
while Redis cannot be asked.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

from bot.ops.shared_schedule import SharedSchedules

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]

MESSAGES_PER_SECOND = 30.0  # Telegram's overall limit for a bot without paid broadcasts
CHAT_RATE, CHAT_BURST = 1.0, 3  # one message a second in a chat, after a short burst
# 20 a minute in a group: a burst of 5 (a few quick questions in a busy group are answered at
# once), then one every 4 s, so that no minute holds more than 5 + 15.
GROUP_BURST = 5
GROUP_RATE = (20 - GROUP_BURST) / 60
# The calls that put a message into a chat (edits count: they are what a button press sends).
_MESSAGE_PREFIXES = ("send", "copymessage", "forwardmessage", "editmessage")
_NOT_MESSAGES = frozenset({"sendchataction"})
PRUNE_AT = 4096  # chats remembered before the ones that went quiet are forgotten


def is_message(endpoint: str, data: dict[str, Any]) -> bool:
    """Whether a call sends (or edits) a message in a chat, which Telegram's limits cover."""
    name = endpoint.lower()
    return ("chat_id" in data and name.startswith(_MESSAGE_PREFIXES)
            and name not in _NOT_MESSAGES)


def is_group(chat_id: object) -> bool:
    """Whether a chat is a group (or a channel): their ids are negative, or a @username."""
    return isinstance(chat_id, str) or (isinstance(chat_id, int) and chat_id < 0)


@dataclass(slots=True)
class Bucket:
    """A token bucket as a schedule (GCRA): `rate` calls a second after a burst of `burst`.

    `reserve` books the next slot and says how long until it; booking at once keeps callers
    in arrival order without a lock."""

    rate: float
    burst: int
    due: float = float("-inf")  # when the bucket is full again (the theoretical arrival time)

    def reserve(self, now: float) -> float:
        """Book the next slot; the seconds to wait for it (0 when it is free now)."""
        if self.rate <= 0:
            return 0.0
        interval = 1.0 / self.rate
        due = max(self.due, now)
        wait = max(0.0, due - (self.burst - 1) * interval - now)
        self.due = due + interval
        return wait

    def hold(self, until: float) -> None:
        """Keep the bucket empty until then (Telegram asked to wait)."""
        self.due = max(self.due, until + (self.burst - 1) / self.rate if self.rate > 0 else until)

    def idle(self, now: float) -> bool:
        """Whether the bucket is full, so forgetting it changes nothing."""
        return self.due <= now


class Schedules:
    """The buckets of many chats, the quiet ones forgotten as new chats come."""

    def __init__(self) -> None:
        self.kept: dict[object, Bucket] = {}
        # The size at which quiet chats are next forgotten. When most are still active it
        # doubles, so that thousands of active chats are not rescanned for every new one.
        self.prune_at = PRUNE_AT

    def __len__(self) -> int:
        return len(self.kept)

    def bucket(self, chat_id: object, rate: float, burst: int, clock: Clock) -> Bucket:
        """The chat's bucket, made (`rate` a second after `burst`) when it has none."""
        bucket = self.kept.get(chat_id)
        if bucket is None:
            if len(self.kept) >= self.prune_at:
                now = clock()
                for key in [key for key, old in self.kept.items() if old.idle(now)]:
                    del self.kept[key]
                self.prune_at = max(PRUNE_AT, 2 * len(self.kept))
            bucket = self.kept[chat_id] = Bucket(rate, burst)
        return bucket


class MessageRateLimiter(BaseRateLimiter[Any]):
    """Holds messages to Telegram's per-chat, per-group and overall limits; every other call
    (inline answers, callback answers, getUpdates, start-up calls) goes at once.
    `messages_per_second` <= 0 lifts the overall cap (the per-chat limits stay). With
    `shared`, a message waits for the later of its slot there and in this worker's own
    schedules (which alone count when Redis fails)."""

    def __init__(self, messages_per_second: float = MESSAGES_PER_SECOND, *,
                 clock: Clock = time.monotonic, sleep: Sleep = asyncio.sleep,
                 shared: SharedSchedules | None = None) -> None:
        self.overall = Bucket(max(0.0, messages_per_second), max(1, int(messages_per_second)))
        self._shared = shared
        self._chats = Schedules()
        self._groups = Schedules()
        self._clock = clock
        self._sleep = sleep

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to free."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: Any,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        """Wait for the message's turn in its chat, its group and overall; then make the call."""
        if not is_message(endpoint, data):
            return await callback(*args, **kwargs)
        chat_id = data["chat_id"]
        await self._take(f"chat:{chat_id}",
                         self._bucket(self._chats, chat_id, CHAT_RATE, CHAT_BURST))
        if is_group(chat_id):
            await self._take(f"group:{chat_id}",
                             self._bucket(self._groups, chat_id, GROUP_RATE, GROUP_BURST))
        await self._take("all", self.overall)
        try:
            return await callback(*args, **kwargs)
        except RetryAfter as error:
            # As python-telegram-bot's own limiter reads it: the public attribute warns that
            # its type will change.
            seconds = error._retry_after.total_seconds()
            bucket = self._bucket(self._chats, chat_id, CHAT_RATE, CHAT_BURST)
            bucket.hold(self._clock() + seconds)
            if self._shared is not None and bucket.rate > 0:
                await self._shared.hold(f"chat:{chat_id}", bucket.rate, bucket.burst, seconds)
            raise

    def _bucket(self, schedules: Schedules, chat_id: object, rate: float,
                burst: int) -> Bucket:
        return schedules.bucket(chat_id, rate, burst, self._clock)

    async def _take(self, key: str, bucket: Bucket) -> None:
        wait = bucket.reserve(self._clock())
        if self._shared is not None and bucket.rate > 0:
            shared = await self._shared.reserve(key, bucket.rate, bucket.burst)
            wait = max(wait, shared or 0.0)
        if wait > 0:
            await self._sleep(wait)

    def chats_remembered(self) -> int:
        """How many chats' schedules are kept (quiet ones are forgotten as new ones come)."""
        return len(self._chats) + len(self._groups)
