"""Tests for bot.engine.topics: which topic a text names by its title."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.topics import named_topic


@pytest.mark.parametrize(("text", "language", "topic"), [
    ("of the transport plans", "en", "transport"),
    ("про сельское хозяйство", "ru", "agriculture"),
    ("ເລື່ອງການຄ້າ", "lo", "trade"),
    # Laos and Russia are the whole article's subjects: they name no topic.
    ("of the laos russia piece", "en", None),
    ("простыми словами что там произошло", "ru", None),
])
def test_a_topic_is_named_by_its_title(engine: Engine, text: str, language: str,
                                       topic: str | None) -> None:
    """A word of a topic's title names it; words of no title, or of several, name none."""
    assert named_topic(engine.index(language), engine.knowledge, text) == topic
