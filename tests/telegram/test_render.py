"""Tests of the HTML renderer and the callback data of buttons."""

from __future__ import annotations

import html
import re

from bot.knowledge import Knowledge
from bot.replies import Part
from bot.telegram.render import (
    MAX_CALLBACK_BYTES,
    decode_callback,
    encode_callback,
    render_html,
    utf16_length,
)


def test_render_html_truncates_safely() -> None:
    """Rendering cuts over-long text to 4096 UTF-16 units without splitting an entity or tag."""
    text = render_html([Part("intro\n"), Part("<&> 😀 " * 2000, "i"), Part("never shown")])
    assert utf16_length(text) <= 4096
    assert text.endswith("…</i>") and "never shown" not in text
    assert html.unescape(re.sub(r"<[^>]+>", "", text)).startswith("intro\n<&> 😀")
    assert not re.search(r"&[a-z]*…", text)


def test_every_rendered_button_fits_callback_limits(knowledge: Knowledge) -> None:
    """Every fact, topic and language button encodes to at most 64 bytes and decodes back."""
    encoded = [encode_callback("fact", fact.id) for fact in knowledge.facts]
    encoded += [encode_callback("topic", topic) for topic in knowledge.topics]
    encoded += [encode_callback("language", code) for code in ("auto", *knowledge.languages)]
    encoded.append(encode_callback("topics"))
    assert all(data is not None and len(data.encode()) <= MAX_CALLBACK_BYTES for data in encoded)
    assert all(decode_callback(data, knowledge) is not None for data in encoded)
