"""Tests for bot.ops.throttle: a recurring failure is logged once, then once per period."""

from __future__ import annotations

import pytest

from bot.ops.throttle import Throttle


@pytest.mark.parametrize(("times", "expected"), [
    ([0.0], [True]),
    ([0.0, 1.0, 599.0], [True, False, False]),
    ([0.0, 600.0, 601.0, 1200.0], [True, True, False, True]),
])
def test_due_once_per_period(times: list[float], expected: list[bool]) -> None:
    """The first call is due, then none until the period has passed since the last due one."""
    clock = iter(times)
    throttle = Throttle(600.0, clock=lambda: next(clock))
    assert [throttle.due() for _ in times] == expected
