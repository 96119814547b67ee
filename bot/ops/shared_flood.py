"""Flood control shared by every worker: the same token bucket per user, kept in Redis and
updated atomically by one Lua script, so a user's limit holds whichever worker answers."""

from __future__ import annotations

import logging
import math
from collections.abc import Hashable
from typing import Any

from bot.ops.flood import Verdict
from bot.ops.throttle import Throttle

log = logging.getLogger(__name__)

# FloodControl.check in Lua: refill by the time elapsed (Redis's own clock, the same for every
# worker), re-arm the notice once the bucket is full, take a token or say notify/silent. The
# key expires once a full bucket would have refilled: an idle user costs nothing.
BUCKET_SCRIPT = """
local capacity = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local ttl = tonumber(ARGV[3])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
local state = redis.call('HMGET', KEYS[1], 'tokens', 'updated', 'notified')
local tokens = tonumber(state[1]) or capacity
local updated = tonumber(state[2]) or now
local notified = state[3] == '1'
if interval <= 0 then
  tokens = capacity
elseif now > updated then
  tokens = math.min(capacity, tokens + (now - updated) / interval)
end
if now > updated then updated = now end
if tokens >= capacity then notified = false end
local verdict
if tokens >= 1 then
  tokens = tokens - 1
  verdict = 'allow'
elseif notified then
  verdict = 'silent'
else
  notified = true
  verdict = 'notify'
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'updated', tostring(updated),
           'notified', notified and '1' or '0')
redis.call('EXPIRE', KEYS[1], ttl)
return verdict
"""


class SharedFloodControl:
    """`FloodControl`'s limits (``burst`` at once, then one per ``interval`` seconds, one
    notice then silence) with the buckets in Redis under ``prefix``. When Redis cannot be
    reached the question is allowed (an answer matters more than a limit) and that is logged
    at most every ten minutes."""

    def __init__(self, client: Any, burst: int, interval: float, prefix: str) -> None:
        self.burst = burst
        self.interval = interval
        self.prefix = prefix
        self._client = client
        self._script = client.register_script(BUCKET_SCRIPT)
        self._ttl = max(1, math.ceil(burst * max(interval, 0.0))) + 60
        self._warnings = Throttle()

    @property
    def enabled(self) -> bool:
        """Whether any limit applies."""
        return self.burst > 0

    async def verdict(self, user: Hashable) -> Verdict:
        """`check`, as every flood control is asked."""
        return await self.check(user)

    async def check(self, user: Hashable) -> Verdict:
        """Count one question from the user and say whether to answer it."""
        if not self.enabled:
            return Verdict.ALLOW
        try:
            verdict = await self._script(keys=[f"{self.prefix}{user}"],
                                         args=[self.burst, self.interval, self._ttl])
        except Exception as error:  # redis.RedisError or a dropped connection: answer anyway
            if self._warnings.due():
                log.warning("flood control: Redis unavailable (%s: %s); questions are "
                            "answered without a limit meanwhile", type(error).__name__, error)
            return Verdict.ALLOW
        text = verdict.decode() if isinstance(verdict, bytes) else str(verdict)
        return Verdict(text)
