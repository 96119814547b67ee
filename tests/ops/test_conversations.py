"""Tests for bot.ops.conversations: conversations kept in the process, bounded."""

from __future__ import annotations

from bot.engine import Context
from bot.ops.conversations import RecentConversations


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_conversation_is_kept_by_its_key() -> None:
    """What was put under a key is got back under it, and only there."""
    store = RecentConversations()
    store.put(("chat", 1), Context(("putin",), ("putin",)))
    assert store.get(("chat", 1)) == Context(("putin",), ("putin",))
    assert store.get(("chat", 2)) is None


def test_a_conversation_is_forgotten_after_its_time() -> None:
    """A conversation not told anything for longer than the time limit is gone."""
    clock = Clock()
    store = RecentConversations(ttl=60.0, clock=clock)
    store.put("a", Context(("putin",)))
    clock.now = 60.0
    assert store.get("a") is not None
    clock.now = 60.5
    assert store.get("a") is None
    assert len(store) == 0


def test_the_least_recently_told_go_beyond_the_limit() -> None:
    """Beyond the size limit the conversation told something longest ago is dropped."""
    store = RecentConversations(limit=2)
    store.put("a", Context(("putin",)))
    store.put("b", Context(("putin",)))
    store.put("a", Context(("thongloun",)))
    store.put("c", Context(("putin",)))
    assert store.get("b") is None
    assert store.get("a") == Context(("thongloun",))
    assert len(store) == 2
