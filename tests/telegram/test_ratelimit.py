"""Tests of bot.telegram.ratelimit: Telegram's message limits, on a fake clock."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from telegram.error import RetryAfter

from bot.telegram import ratelimit
from bot.telegram.ratelimit import MessageRateLimiter, is_message

PRIVATE, GROUP, OTHER_PRIVATE = 1001, -100123, 1002


class FakeClock:
    """A clock that moves only when someone sleeps; it remembers when each call was made."""

    def __init__(self) -> None:
        self.now = 0.0
        self.calls: list[tuple[float, str, object]] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds

    def limiter(self, messages_per_second: float = 30.0) -> MessageRateLimiter:
        return MessageRateLimiter(messages_per_second, clock=self, sleep=self.sleep)

    async def call(self, limiter: MessageRateLimiter, endpoint: str,
                   chat_id: object | None = None) -> float:
        """Make one call through the limiter; the fake time at which it reached Telegram."""
        data: dict[str, Any] = {} if chat_id is None else {"chat_id": chat_id}

        async def callback() -> bool:
            self.calls.append((self.now, endpoint, chat_id))
            return True

        await limiter.process_request(callback, (), {}, endpoint, data, None)
        return self.now


@pytest.fixture(autouse=True)
def paced_chats(monkeypatch: pytest.MonkeyPatch) -> None:
    """Telegram's per-chat pacing on (the suite turns it off for end-to-end tests)."""
    monkeypatch.setattr(ratelimit, "CHAT_RATE", 1.0)
    monkeypatch.setattr(ratelimit, "GROUP_RATE", 15 / 60)


@pytest.fixture
def clock() -> FakeClock:
    """A fresh fake clock at 0."""
    return FakeClock()


@pytest.mark.parametrize(("endpoint", "data", "expected"), [
    ("sendMessage", {"chat_id": 1}, True),
    ("editMessageText", {"chat_id": 1, "message_id": 2}, True),
    ("copyMessage", {"chat_id": 1}, True),
    ("editMessageText", {"inline_message_id": "x"}, False),
    ("sendChatAction", {"chat_id": 1}, False),
    ("answerInlineQuery", {"inline_query_id": "1"}, False),
    ("answerCallbackQuery", {"callback_query_id": "1"}, False),
    ("getUpdates", {}, False),
    ("setMyCommands", {}, False),
])
def test_only_messages_in_a_chat_are_limited(endpoint: str, data: dict[str, Any],
                                             expected: bool) -> None:
    """Sending or editing a message in a chat is a message; answers, polling and set-up are not."""
    assert is_message(endpoint, data) is expected


async def test_a_private_chat_gets_a_short_burst_then_one_message_a_second(
        clock: FakeClock) -> None:
    """Three messages go at once in a private chat, then one a second."""
    limiter = clock.limiter()
    times = [await clock.call(limiter, "sendMessage", PRIVATE) for _ in range(6)]
    assert times == pytest.approx([0, 0, 0, 1, 2, 3])


async def test_a_group_gets_twenty_messages_a_minute(clock: FakeClock) -> None:
    """In a group, a burst of five (paced as in any chat), then one every four seconds: never
    more than 20 in a minute."""
    limiter = clock.limiter()
    times = [await clock.call(limiter, "sendMessage", GROUP) for _ in range(25)]
    assert times[:8] == pytest.approx([0, 0, 0, 1, 2, 4, 8, 12])
    assert max(sum(start <= t < start + 60 for t in times) for start in times) <= 20


async def test_one_busy_chat_does_not_hold_another(clock: FakeClock) -> None:
    """While a group's message waits for its turn, a message to another chat goes at once."""
    waits: list[float] = []
    release = asyncio.Event()

    async def sleep(seconds: float) -> None:
        waits.append(seconds)
        await release.wait()

    limiter = MessageRateLimiter(30, clock=clock, sleep=sleep)
    for _ in range(3):  # the chat's burst
        await clock.call(limiter, "sendMessage", GROUP)
    waiting = asyncio.create_task(clock.call(limiter, "sendMessage", GROUP))
    await asyncio.sleep(0)
    assert waits == pytest.approx([1.0])
    await clock.call(limiter, "sendMessage", OTHER_PRIVATE)
    assert [chat for _, _, chat in clock.calls] == [GROUP] * 3 + [OTHER_PRIVATE]
    release.set()
    await waiting
    assert [chat for _, _, chat in clock.calls] == [GROUP] * 3 + [OTHER_PRIVATE, GROUP]


async def test_the_overall_cap_holds_messages_only(clock: FakeClock) -> None:
    """Over the overall cap, messages to new chats wait their turn; inline answers, callback
    answers and polling go at once meanwhile."""
    limiter = clock.limiter(messages_per_second=2)
    times = [await clock.call(limiter, "sendMessage", 2000 + n) for n in range(6)]
    assert times == pytest.approx([0, 0, 0.5, 1.0, 1.5, 2.0])
    for endpoint in ("answerInlineQuery", "answerCallbackQuery", "getUpdates"):
        before = clock.now
        assert await clock.call(limiter, endpoint) == before


async def test_messages_per_second_zero_lifts_the_overall_cap(clock: FakeClock) -> None:
    """With the cap lifted, a thousand messages to a thousand chats all go at once."""
    limiter = clock.limiter(messages_per_second=0)
    times = [await clock.call(limiter, "sendMessage", 3000 + n) for n in range(1000)]
    assert max(times) == 0.0


# Making a RetryAfter warns of its attribute's coming type change; the limiter does not read it.
@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_a_429_holds_that_chat_for_as_long_as_telegram_asks(clock: FakeClock) -> None:
    """A RetryAfter from Telegram is passed on, and the chat's next message waits it out."""
    limiter = clock.limiter()

    async def refused() -> bool:
        raise RetryAfter(7)

    with pytest.raises(RetryAfter):
        await limiter.process_request(refused, (), {}, "sendMessage", {"chat_id": PRIVATE}, None)
    assert await clock.call(limiter, "sendMessage", PRIVATE) == pytest.approx(7)
    assert await clock.call(limiter, "sendMessage", OTHER_PRIVATE) == pytest.approx(7)


async def test_quiet_chats_are_forgotten(clock: FakeClock,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the pruning size, chats whose schedule is over are dropped: memory stays bounded."""
    monkeypatch.setattr(ratelimit, "PRUNE_AT", 10)
    limiter = clock.limiter(messages_per_second=0)
    for n in range(100):
        await clock.call(limiter, "sendMessage", 4000 + n)
        clock.now += 5.0
    assert limiter.chats_remembered() <= 10


async def test_many_active_chats_are_not_rescanned_for_each_new_one(
        clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> None:
    """When the remembered chats are all still active, the pruning size doubles instead of
    every new chat scanning them all again (100 chats: a few passes, not a hundred)."""
    monkeypatch.setattr(ratelimit, "PRUNE_AT", 10)
    scanned = 0
    idle = ratelimit.Bucket.idle

    def counted(bucket: ratelimit.Bucket, now: float) -> bool:
        nonlocal scanned
        scanned += 1
        return idle(bucket, now)

    monkeypatch.setattr(ratelimit.Bucket, "idle", counted)
    limiter = clock.limiter(messages_per_second=0)
    for n in range(100):
        await clock.call(limiter, "sendMessage", 5000 + n)
    assert limiter.chats_remembered() == 100
    assert scanned < 200
