"""Telegram's outgoing rate limits shared by every worker: each chat's, group's and the overall
schedule (GCRA) kept in Redis and booked atomically by one Lua script, so that two workers
together send no more into a group, or in all, than one worker would."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Any

from bot.ops.throttle import Throttle

log = logging.getLogger(__name__)

# A healthy Redis answers in well under a millisecond; past this the message goes on local
# limits rather than wait for a server that may be gone.
TIMEOUT = 1.0
RETRY_AFTER = 5.0  # seconds on local limits after a failure before Redis is tried again

# `Bucket.reserve` (bot.telegram.ratelimit) in Lua. The schedule is the time at which the bucket
# is full again; a message's slot is that time less the burst's spread. Time is the caller's
# `now` when given (tests pass a fake clock), else Redis's own clock, the same for every worker.
# With a hold (ARGV[4], seconds Telegram asked to wait), the bucket is kept empty that long
# instead. The key expires when the bucket is full again: a quiet chat costs nothing.
SCHEDULE_SCRIPT = """
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
if not now then
  local clock = redis.call('TIME')
  now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
end
local interval = 1 / rate
local spread = (burst - 1) * interval
local due = tonumber(redis.call('GET', KEYS[1])) or now
if due < now then due = now end
local wait = 0
local hold = tonumber(ARGV[4])
if hold then
  if now + hold + spread > due then due = now + hold + spread end
else
  wait = math.max(0, due - spread - now)
  due = due + interval
end
redis.call('SET', KEYS[1], string.format('%.6f', due),
           'PX', math.ceil((due - now) * 1000) + 1000)
return string.format('%.6f', wait)
"""


class SharedSchedules:
    """Rate schedules in Redis under ``prefix``. `clock` gives the time passed to Redis (None:
    Redis's own clock). Every call answers None when Redis fails or is slow, and the caller
    keeps to its local schedules; that is logged at most every ten minutes, and Redis is tried
    again a few seconds later."""

    def __init__(self, client: Any, prefix: str,
                 clock: Callable[[], float] | None = None) -> None:
        self.prefix = prefix
        self._script = client.register_script(SCHEDULE_SCRIPT)
        self._clock = clock
        self._warnings = Throttle()
        self._down_until = float("-inf")
        self._failing = False

    async def reserve(self, key: str, rate: float, burst: int) -> float | None:
        """Book the next slot of `key`'s schedule (`rate` a second after a burst of `burst`);
        the seconds to wait for it, or None if Redis could not be asked."""
        return await self._run(key, rate, burst, "")

    async def hold(self, key: str, rate: float, burst: int, seconds: float) -> None:
        """Keep `key`'s bucket empty for `seconds` (Telegram asked to wait)."""
        await self._run(key, rate, burst, repr(seconds))

    async def _run(self, key: str, rate: float, burst: int, hold: str) -> float | None:
        if time.monotonic() < self._down_until:
            return None
        now = "" if self._clock is None else repr(self._clock())
        try:
            async with asyncio.timeout(TIMEOUT):
                wait = await self._script(keys=[f"{self.prefix}{key}"],
                                          args=[repr(rate), burst, now, hold])
        except Exception as error:  # redis.RedisError, a dropped connection or the timeout
            self._failed(error)
            return None
        if self._failing:
            self._failing = False
            log.info("rate limits: Redis answers again; limits are shared again")
        return float(wait)

    def _failed(self, error: Exception) -> None:
        self._down_until = time.monotonic() + RETRY_AFTER
        self._failing = True
        if self._warnings.due():
            log.warning("rate limits: Redis unavailable (%s: %s); each worker keeps to its own "
                        "limits meanwhile", type(error).__name__, str(error) or "no answer in time")
