"""Fixtures shared by the tests of bot.ops: two workers' connections to a real Redis."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.ops.shared import SharedMode


@pytest.fixture
async def modes(redis_url: str) -> AsyncIterator[tuple[SharedMode, SharedMode]]:
    """Two workers' Redis connections, over an emptied database."""
    first, second = SharedMode(redis_url, "worker-1"), SharedMode(redis_url, "worker-2")
    await first.client.flushdb()
    yield first, second
    await first.close()
    await second.close()
