"""Tests for flood control: the token bucket and the per-user verdicts, with a fake clock."""

from __future__ import annotations

import pytest

from bot.ops.flood import FloodControl, TokenBucket, Verdict
from bot.replies.messages import message

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
