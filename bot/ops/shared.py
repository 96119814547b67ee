"""Shared mode (REDIS_URL): what several workers coordinate through Redis besides chat state:
flood buckets, Telegram's outgoing rate limits, a reload in one worker telling the others, and
registering the webhook once."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import os
import socket
from collections.abc import Awaitable, Callable
from typing import Any

from bot.ops.reload import KnowledgeService
from bot.ops.shared_flood import SharedFloodControl
from bot.ops.shared_schedule import SharedSchedules

log = logging.getLogger(__name__)

PREFIX = "laosbot:"
RELOAD_CHANNEL = f"{PREFIX}knowledge-reloaded"
REGISTERED_FOR = 24 * 3600  # seconds a registration stands before a starting worker redoes it
LOCK_TIMEOUT = 120.0  # a worker that died while registering frees the lock after this long
POLL = 1.0  # seconds between two looks at this worker's knowledge version
# A worker handles at most 32 updates at once, each with one Redis call at a time; beyond this
# many connections a caller waits for one (up to the timeout) instead of failing at once.
MAX_CONNECTIONS = 64
CONNECTION_WAIT = 5.0


def connect_redis(url: str) -> Any:
    """A Redis client whose callers queue for a connection rather than fail when all are busy."""
    import redis.asyncio  # the optional `shared` extra

    pool = redis.asyncio.BlockingConnectionPool.from_url(
        url, max_connections=MAX_CONNECTIONS, timeout=CONNECTION_WAIT)
    return redis.asyncio.Redis(connection_pool=pool)


class SharedMode:
    """One Redis client for the coordination of several workers."""

    def __init__(self, url: str, worker: str | None = None) -> None:
        import redis  # the optional `shared` extra

        self.client: Any = connect_redis(url)
        self.errors: tuple[type[BaseException], ...] = (redis.RedisError, OSError)
        self.lock_error: type[BaseException] = redis.exceptions.LockError
        self.worker = worker or f"{socket.gethostname()}:{os.getpid()}"

    def flood(self, burst: int, interval: float, name: str) -> SharedFloodControl:
        """Per-user buckets named `name`, shared by every worker."""
        return SharedFloodControl(self.client, burst, interval, f"{PREFIX}flood:{name}:")

    def schedules(self, clock: Callable[[], float] | None = None) -> SharedSchedules:
        """Telegram's per-chat, per-group and overall send schedules, shared by every worker
        (timed by Redis's clock unless a `clock` is given)."""
        return SharedSchedules(self.client, f"{PREFIX}rate:", clock)

    # ----------------------------------------------------------------- reload broadcast
    async def follow_reloads(self, service: KnowledgeService) -> None:
        """Forever (until cancelled): when this worker reloads its knowledge, tell the others;
        when another worker did, look at this worker's directory at once and reload it if it
        changed. A reload caused by a broadcast is not broadcast again."""
        published = service.version
        while True:
            pubsub = self.client.pubsub()
            try:
                await pubsub.subscribe(RELOAD_CHANNEL)
                while True:
                    message = await pubsub.get_message(ignore_subscribe_messages=True,
                                                       timeout=POLL)
                    if service.version != published:
                        published = service.version
                        await self.client.publish(RELOAD_CHANNEL, json.dumps(
                            {"worker": self.worker, "version": published}))
                    if message is None or _sender(message) in (None, self.worker):
                        continue
                    if service.changed():
                        await service.reload_async(f"worker {_sender(message)} reloaded")
                        published = service.version
            except asyncio.CancelledError:
                raise
            except self.errors as error:
                log.warning("reload broadcast: Redis unavailable (%s); retrying", error)
                await asyncio.sleep(5 * POLL)
            finally:
                with contextlib.suppress(*self.errors):
                    await pubsub.aclose()

    # ----------------------------------------------------------------- registering once
    async def register_once(self, what: str, register: Callable[[], Awaitable[object]]) -> bool:
        """Run `register` unless another worker did it for the same `what` (webhook URL,
        secret, command menus) within a day; True if this worker ran it. Workers starting
        together wait on a Redis lock, so exactly one registers."""
        digest = hashlib.sha256(what.encode()).hexdigest()[:32]
        done = f"{PREFIX}registered:{digest}"
        try:
            async with self.client.lock(f"{PREFIX}registering", timeout=LOCK_TIMEOUT,
                                        blocking_timeout=LOCK_TIMEOUT):
                if await self.client.exists(done):
                    log.info("webhook and commands already registered by another worker")
                    return False
                await register()
                await self.client.set(done, self.worker, ex=REGISTERED_FOR)
        except (*self.errors, self.lock_error) as error:
            # Registering twice is harmless; not registering at all would leave the bot deaf.
            log.warning("webhook registration: Redis unavailable (%s); registering anyway",
                        error)
            await register()
        log.info("registered the webhook and commands for every worker")
        return True

    async def close(self) -> None:
        """Close the connections."""
        with contextlib.suppress(*self.errors):
            await self.client.aclose()


def _sender(message: dict[str, Any]) -> str | None:
    try:
        sender = json.loads(message["data"])["worker"]
    except (ValueError, KeyError, TypeError):
        return None
    return sender if isinstance(sender, str) else None
