"""Tests of bot.ops.shared_schedule: Telegram's outgoing limits shared by two workers through a
real Redis, and each worker's own limits taking over when Redis fails."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

import pytest
from servers import NoServerError, redis_server
from telegram.error import RetryAfter

from bot.ops import shared_schedule
from bot.ops.shared import SharedMode
from bot.telegram import ratelimit
from bot.telegram.ratelimit import MessageRateLimiter

PRIVATE, GROUP = 1001, -100123


class FakeClock:
    """A clock that moves only when someone sleeps; it remembers when each message went."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sent: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds

    def worker(self, mode: SharedMode | None) -> MessageRateLimiter:
        """One worker's limiter on this clock, sharing `mode`'s Redis when given."""
        return MessageRateLimiter(30, clock=self, sleep=self.sleep,
                                  shared=None if mode is None else mode.schedules(self))

    async def send(self, limiter: MessageRateLimiter, chat_id: object) -> float:
        """Send one message through the limiter; the fake time at which it reached Telegram."""
        await limiter.process_request(self._record, (), {}, "sendMessage",
                                      {"chat_id": chat_id}, None)
        return self.now

    async def _record(self) -> bool:
        self.sent.append(self.now)
        return True


def most_in_a_minute(times: list[float]) -> int:
    """The most messages in any 60 s window."""
    return max(sum(start <= t < start + 60 for t in times) for start in times)


@pytest.fixture(autouse=True)
def paced_chats(monkeypatch: pytest.MonkeyPatch) -> None:
    """Telegram's per-chat pacing on (the suite turns it off for end-to-end tests)."""
    monkeypatch.setattr(ratelimit, "CHAT_RATE", 1.0)
    monkeypatch.setattr(ratelimit, "GROUP_RATE", 15 / 60)


@pytest.mark.parametrize(("chat_id", "messages", "expected"), [
    (PRIVATE, 6, [0, 0, 0, 1, 2, 3]),
    (GROUP, 8, [0, 0, 0, 1, 2, 4, 8, 12]),
])
async def test_two_workers_pace_a_chat_as_one_would(
        modes: tuple[SharedMode, SharedMode], chat_id: int, messages: int,
        expected: list[float]) -> None:
    """Messages to one chat alternating between two workers go out on one worker's schedule:
    a burst, then one a second in a private chat, one every four seconds in a group."""
    clock = FakeClock()
    workers = [clock.worker(mode) for mode in modes]
    times = [await clock.send(workers[n % 2], chat_id) for n in range(messages)]
    assert times == pytest.approx(expected)


@pytest.mark.parametrize("shared", [True, False])
async def test_a_group_gets_twenty_messages_a_minute_from_two_workers(
        modes: tuple[SharedMode, SharedMode], shared: bool) -> None:
    """Sixty messages to one group from two workers: sharing Redis, no minute holds more than
    20; each on its own schedule, the two together send more."""
    clock = FakeClock()
    workers = [clock.worker(mode if shared else None) for mode in modes]
    for n in range(60):
        await clock.send(workers[n % 2], GROUP)
    assert (most_in_a_minute(clock.sent) <= 20) is shared


async def test_concurrent_workers_share_redis_time(
        modes: tuple[SharedMode, SharedMode], monkeypatch: pytest.MonkeyPatch) -> None:
    """Two workers on the real clock (Redis's time) sending at once to one chat paced at ten a
    second: eight messages take at least (8 - 3) / 10 s, as from one worker; an idle chat's
    schedule expires from Redis about a second after it is full again."""
    monkeypatch.setattr(ratelimit, "CHAT_RATE", 10.0)
    workers = [MessageRateLimiter(30, shared=mode.schedules()) for mode in modes]
    sent: list[float] = []

    async def record() -> bool:
        sent.append(time.monotonic())
        return True

    async def send(worker: MessageRateLimiter) -> None:
        for _ in range(4):
            await worker.process_request(record, (), {}, "sendMessage",
                                         {"chat_id": PRIVATE}, None)

    start = time.monotonic()
    await asyncio.gather(*(send(worker) for worker in workers))
    assert len(sent) == 8
    assert max(sent) - start >= 0.5 - 0.01
    ttl = await modes[0].client.pttl(f"laosbot:rate:chat:{PRIVATE}")
    assert 0 < ttl <= 1500


# Making a RetryAfter warns of its attribute's coming type change; the limiter does not read it.
@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_a_429_through_one_worker_holds_the_chat_on_the_other(
        modes: tuple[SharedMode, SharedMode]) -> None:
    """Telegram asks worker 1 to wait 7 s in a chat: worker 2's next message there waits too."""
    clock = FakeClock()
    first, second = (clock.worker(mode) for mode in modes)

    async def refused() -> bool:
        raise RetryAfter(7)

    with pytest.raises(RetryAfter):
        await first.process_request(refused, (), {}, "sendMessage", {"chat_id": PRIVATE}, None)
    assert await clock.send(second, PRIVATE) == pytest.approx(7)


async def test_redis_stopped_midway_falls_back_to_each_workers_limits(
        caplog: pytest.LogCaptureFixture) -> None:
    """Redis stops while two workers pace a chat: every message still goes, each worker keeps
    its own pacing, and each worker logs the failure once."""
    clock = FakeClock()
    try:
        with redis_server() as url:
            modes = [SharedMode(url, "worker-1"), SharedMode(url, "worker-2")]
            workers = [clock.worker(mode) for mode in modes]
            before = [await clock.send(workers[n % 2], PRIVATE) for n in range(4)]
    except NoServerError as error:
        pytest.skip(f"Redis unavailable: {error}")
    assert before == pytest.approx([0, 0, 0, 1])
    with caplog.at_level(logging.WARNING):
        after = [await clock.send(workers[n % 2], PRIVATE) for n in range(6)]
    # On its own schedule each worker had used two of its burst of three, a second ago: each
    # sends two at once, then one a second.
    assert after == pytest.approx([1, 1, 1, 1, 2, 2])
    assert sum("Redis unavailable" in record.message for record in caplog.records) == 2
    for mode in modes:
        await mode.close()


async def test_a_redis_that_does_not_answer_delays_a_message_only_briefly(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A Redis that accepts connections and never answers: the message goes after the timeout
    on the worker's own limits, and the next one does not wait for Redis at all."""
    monkeypatch.setattr(shared_schedule, "TIMEOUT", 0.2)
    clients: list[asyncio.StreamWriter] = []

    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        clients.append(writer)

    server = await asyncio.start_server(silent, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    mode = SharedMode(f"redis://127.0.0.1:{port}/0")
    worker = MessageRateLimiter(30, shared=mode.schedules())
    sent: list[Any] = []

    async def record() -> bool:
        sent.append(time.monotonic())
        return True

    start = time.monotonic()
    for _ in range(2):
        await worker.process_request(record, (), {}, "sendMessage", {"chat_id": PRIVATE}, None)
    assert len(sent) == 2
    assert sent[0] - start < 1.0 and sent[1] - sent[0] < 0.1
    server.close()
    for writer in clients:
        writer.close()
    await mode.close()


async def test_limits_are_shared_again_once_redis_answers(
        modes: tuple[SharedMode, SharedMode], monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    """Redis paused (it stops answering, as an overloaded server would): a message goes on the
    worker's own limits after the timeout; once Redis answers again, the next message is booked
    there, so the other worker sees it."""
    monkeypatch.setattr(shared_schedule, "TIMEOUT", 0.2)
    monkeypatch.setattr(shared_schedule, "RETRY_AFTER", 0.0)
    clock = FakeClock()
    first, second = (clock.worker(mode) for mode in modes)
    admin = modes[1].client
    await admin.execute_command("CLIENT", "PAUSE", 3000, "WRITE")
    try:
        assert await clock.send(first, PRIVATE) == 0
    finally:
        await admin.execute_command("CLIENT", "UNPAUSE")
    with caplog.at_level(logging.INFO):
        times = [await clock.send(first, PRIVATE) for _ in range(2)]
    assert times == [0, 0]
    assert any("Redis answers again" in record.message for record in caplog.records)
    # Two bookings in Redis from worker 1: worker 2's second message is the chat's fourth.
    assert [await clock.send(second, PRIVATE) for _ in range(2)] == pytest.approx([0, 1])
