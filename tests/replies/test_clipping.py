"""Tests for bot.replies.clipping: Telegram lengths and cutting text to a limit."""

from __future__ import annotations

import pytest

from bot.replies.clipping import ELLIPSIS, clip, utf16_length


@pytest.mark.parametrize(
    ("text", "length"), [("", 0), ("trade", 5), ("рост", 4), ("🙂", 2), ("a🙂b", 4)]
)
def test_utf16_length(text: str, length: int) -> None:
    """Lengths count UTF-16 code units, as Telegram does: an emoji outside the BMP is two."""
    assert utf16_length(text) == length


@pytest.mark.parametrize(
    ("text", "limit", "clipped"),
    [
        ("short", 10, "short"),
        ("exactly10!", 10, "exactly10!"),
        ("how much did trade grow", 10, "how much…"),
        ("🙂🙂🙂🙂", 5, "🙂🙂…"),
        ("🙂🙂🙂🙂", 4, "🙂…"),
    ],
)
def test_clip(text: str, limit: int, clipped: str) -> None:
    """Text over the limit is cut, trailing spaces dropped, and ends with an ellipsis; an
    emoji is never split in half."""
    assert clip(text, limit) == clipped
    assert utf16_length(clip(text, limit)) <= limit


def test_clipped_text_ends_with_the_ellipsis() -> None:
    """Only cut text gets the ellipsis."""
    assert clip("x" * 50, 20).endswith(ELLIPSIS)
    assert not clip("x" * 20, 20).endswith(ELLIPSIS)
