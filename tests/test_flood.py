"""Tests for flood control: the token bucket with a fake clock, and the bot under a flood."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from fake_botapi import BOT_USERNAME, DEFAULT_SUPERGROUP_ID, FakeBotApi, Json
from harness import TRADE_EN, bot_settings, running

from bot.engine import Engine
from bot.ops.flood import FloodControl, TokenBucket, Verdict
from bot.replies.messages import message
from bot.telegram.app import INLINE_FLOOD_FACTOR, build_application

A, N, S = Verdict.ALLOW, Verdict.NOTIFY, Verdict.SILENT
FLOODER, CALM = 3001, 3002
NOTICE = message("en", "rate_limited")


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


# --------------------------------------------------------------------------- the bucket
@pytest.mark.parametrize(
    ("steps", "expected"),
    [
        ([(0.0, 5)], [True] * 5),
        ([(0.0, 6)], [True] * 5 + [False]),
        ([(0.0, 5), (2.9, 1), (3.0, 1), (3.0, 1)], [True] * 5 + [False, True, False]),
        ([(0.0, 5), (9.0, 4)], [True] * 5 + [True, True, True, False]),
        ([(0.0, 5), (600.0, 6)], [True] * 5 + [True] * 5 + [False]),
    ],
    ids=["burst", "one-over", "steady-refill", "partial-refill", "never-above-capacity"],
)
def test_token_bucket(steps: list[tuple[float, int]], expected: list[bool]) -> None:
    """A bucket of 5 refilled one token per 3 s allows the burst, then one per 3 s, and never
    holds more than its capacity."""
    bucket = TokenBucket(capacity=5, interval=3.0, tokens=5, updated=0.0)
    taken = [bucket.take(moment) for moment, count in steps for _ in range(count)]
    assert taken == expected


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ([(0.0, 7)], [A] * 5 + [N, S]),
        ([(0.0, 30)], [A] * 5 + [N] + [S] * 24),
        ([(0.0, 7), (3.0, 2)], [A] * 5 + [N, S] + [A, S]),
        ([(0.0, 7), (15.0, 7)], [A] * 5 + [N, S] + [A] * 5 + [N, S]),
        ([(0.0, 6), (3.0, 1), (4.0, 1), (6.0, 1), (7.0, 1)], [A] * 5 + [N, A, S, A, S]),
    ],
    ids=["notice-once", "thirty-fast", "answered-again-after-a-token", "notice-rearmed-when-full",
         "steady-over-the-limit-gets-one-notice"],
)
def test_flood_control_verdicts(
    script: list[tuple[float, int]], expected: list[Verdict]
) -> None:
    """Over the limit a user gets one notice, then silence; answers resume with the next token
    and the notice is armed again only once the bucket filled up."""
    clock = FakeClock()
    flood = FloodControl(burst=5, interval=3.0, clock=clock)
    verdicts = []
    for moment, count in script:
        clock.now = moment
        verdicts += [flood.check("user") for _ in range(count)]
    assert verdicts == expected


def test_flood_control_is_per_user_and_forgets_calm_users() -> None:
    """One user's flood does not limit another, and users whose bucket refilled are forgotten."""
    clock = FakeClock()
    flood = FloodControl(burst=2, interval=1.0, clock=clock)
    assert [flood.check(1) for _ in range(3)] == [A, A, N]
    assert [flood.check(2) for _ in range(2)] == [A, A]
    assert flood.tracked == 2
    clock.now = 5.0
    flood.sweep()
    assert flood.tracked == 0
    assert flood.check(1) is A


@pytest.mark.parametrize("burst", [0, -1])
def test_flood_control_off(burst: int) -> None:
    """A burst of zero (or less) turns flood control off."""
    flood = FloodControl(burst=burst, interval=3.0, clock=FakeClock())
    assert all(flood.check("user") is A for _ in range(100))


# --------------------------------------------------------------------------- the bot
def to(chat_id: int, calls: list[Json]) -> list[str]:
    """The texts of the messages sent to one chat."""
    return [call["text"] for call in calls if call["chat_id"] == chat_id]


@pytest.mark.parametrize(
    ("ask", "chat"),
    [
        (lambda s, user: s.private_text(TRADE_EN, user_id=user), None),
        (lambda s, user: s.mention(f"@{BOT_USERNAME} {TRADE_EN}", user_id=user),
         DEFAULT_SUPERGROUP_ID),
    ],
    ids=["private", "group"],
)
async def test_a_flooding_user_gets_the_burst_and_one_notice(
    engine: Engine, tmp_path: Path, ask: Callable[[FakeBotApi, int], Json], chat: int | None,
) -> None:
    """A user sending 30 questions quickly gets at most the burst of answers and exactly one
    notice, while another user asking meanwhile is answered every time."""
    with FakeBotApi(token="123:TEST") as server:
        settings = bot_settings(server, tmp_path)
        async with running(build_application(engine, settings), hooks=False):
            for number in range(30):
                ask(server, FLOODER)
                if number % 10 == 0:
                    server.private_text(TRADE_EN, user_id=CALM)
            server.private_text(TRADE_EN, user_id=CALM)  # handled after every question above
            for _ in range(200):
                if len(to(CALM, server.calls_to("sendMessage"))) == 4:
                    break
                await asyncio.sleep(0.025)
            calls = server.calls_to("sendMessage")
    flooder = to(chat or FLOODER, calls)
    answers = [text for text in flooder if "66 percent" in text]
    notices = [text for text in flooder if text == NOTICE]
    assert len(answers) <= settings.flood_burst == 5
    assert len(answers) >= 5, "the burst itself is answered"
    assert len(notices) == 1 and len(flooder) == len(answers) + 1
    assert len(to(CALM, calls)) == 4
    assert all("66 percent" in text for text in to(CALM, calls))


async def test_inline_flood_gets_empty_answers_and_no_notice(
    engine: Engine, tmp_path: Path
) -> None:
    """Inline queries over the (more generous) inline limit get a valid empty answer, and no
    notice is sent anywhere."""
    with FakeBotApi(token="123:TEST") as server:
        settings = bot_settings(server, tmp_path)
        async with running(build_application(engine, settings), hooks=False):
            for _ in range(25):
                server.inline_query("trade growth", user_id=FLOODER)
            calls = await server.await_calls("answerInlineQuery", 25, timeout=10)
    served = [call for call in calls if call["results"]]
    empty = [call for call in calls if not call["results"]]
    assert len(served) == settings.flood_burst * INLINE_FLOOD_FACTOR
    assert len(empty) == 25 - len(served)
    assert all(int(call["cache_time"]) == 0 for call in empty)
    assert server.calls_to("sendMessage") == []
