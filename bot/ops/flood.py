"""Flood control: a token bucket per user, a small burst and then a steady rate."""

from __future__ import annotations

import enum
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Protocol

SWEEP_EVERY = 1000  # checks between two passes that forget users whose bucket is full again


class Verdict(enum.Enum):
    """What to do with one question."""

    ALLOW = "allow"  # answer it
    NOTIFY = "notify"  # over the limit for the first time: send the polite notice once
    SILENT = "silent"  # still over the limit: say nothing


@dataclass(slots=True)
class TokenBucket:
    """Holds up to ``capacity`` tokens and gains one every ``interval`` seconds; a question
    takes one token."""

    capacity: float
    interval: float
    tokens: float
    updated: float

    def refill(self, now: float) -> None:
        """Add the tokens earned since the last look, up to the capacity."""
        if self.interval <= 0:
            self.tokens = self.capacity
        elif now > self.updated:
            self.tokens = min(self.capacity, self.tokens + (now - self.updated) / self.interval)
        self.updated = max(self.updated, now)

    def take(self, now: float) -> bool:
        """Take one token if there is one."""
        self.refill(now)
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return True
        return False

    @property
    def full(self) -> bool:
        """Whether the bucket is at capacity (as of its last refill)."""
        return self.tokens >= self.capacity


class Flood(Protocol):
    """A flood control as the handlers ask it: this process's buckets, or shared ones."""

    async def verdict(self, user: Hashable) -> Verdict:
        """Count one question from the user and say whether to answer it."""


class FloodControl:
    """Per-user token buckets: ``burst`` questions at once, then one per ``interval`` seconds.

    Over the limit a user gets one notice (``Verdict.NOTIFY``) and then silence
    (``Verdict.SILENT``); questions are answered again as soon as a token is back, and the
    notice is armed again once the user slowed down enough for the bucket to fill up.
    ``burst <= 0`` turns flood control off.
    """

    def __init__(self, burst: int, interval: float,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.burst = burst
        self.interval = interval
        self._clock = clock
        self._buckets: dict[Hashable, TokenBucket] = {}
        self._notified: set[Hashable] = set()
        self._checks = 0

    @property
    def enabled(self) -> bool:
        """Whether any limit applies."""
        return self.burst > 0

    async def verdict(self, user: Hashable) -> Verdict:
        """`check`, as every flood control is asked (some ask a server)."""
        return self.check(user)

    def check(self, user: Hashable) -> Verdict:
        """Count one question from the user and say whether to answer it."""
        if not self.enabled:
            return Verdict.ALLOW
        now = self._clock()
        self._checks += 1
        if self._checks % SWEEP_EVERY == 0:
            self.sweep(now)
        bucket = self._buckets.get(user)
        if bucket is None:
            bucket = self._buckets[user] = TokenBucket(self.burst, self.interval, self.burst, now)
        bucket.refill(now)
        if bucket.full:
            self._notified.discard(user)  # the user slowed down: a later flood gets a notice
        if bucket.take(now):
            return Verdict.ALLOW
        if user in self._notified:
            return Verdict.SILENT
        self._notified.add(user)
        return Verdict.NOTIFY

    def sweep(self, now: float | None = None) -> None:
        """Forget the users whose bucket is full again: they are as good as new."""
        moment = self._clock() if now is None else now
        for user, bucket in list(self._buckets.items()):
            bucket.refill(moment)
            if bucket.full:
                del self._buckets[user]
                self._notified.discard(user)

    @property
    def tracked(self) -> int:
        """How many users are being tracked."""
        return len(self._buckets)
