"""Formats reply parts as escaped Telegram HTML and keyboards; encodes and validates buttons."""

from __future__ import annotations

import hashlib
import html
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    LinkPreviewOptions,
)

from bot.knowledge import Knowledge
from bot.replies.clipping import ELLIPSIS, clip, utf16_length
from bot.replies.menus import AUTO
from bot.replies.parts import Button, ButtonKind, InlineEntry, Part, Reply, Style

log = logging.getLogger(__name__)

MAX_MESSAGE_LENGTH = 4096
MAX_CALLBACK_BYTES = 64
MAX_BUTTON_LABEL = 100  # Telegram shows long labels cut; keep them whole where we can
MAX_DESCRIPTION_LENGTH = 100
MAX_INLINE_RESULTS = 50
# An answer sent from inline mode keeps Telegram's link previews, as it always has; the
# application's default (no previews) is meant for the bot's own messages.
_INLINE_PREVIEWS = LinkPreviewOptions(is_disabled=False)

_PREFIXES: dict[ButtonKind, str] = {"fact": "f", "topic": "t", "language": "l"}
_KINDS: dict[str, ButtonKind] = {prefix: kind for kind, prefix in _PREFIXES.items()}
_VALUE = re.compile(r"[A-Za-z0-9_-]{1,48}")
_CALLBACK = re.compile(r"(?:(?P<prefix>[ftl]):(?P<value>[A-Za-z0-9_-]{1,48})|topics)")

__all__ = ["MAX_MESSAGE_LENGTH", "TelegramReply", "clip", "decode_callback", "encode_callback",
           "inline_result", "keyboard", "render_html", "to_telegram",
           "utf16_length"]


def _wrap(escaped: str, style: Style) -> str:
    return f"<{style}>{escaped}</{style}>" if style else escaped


def render_html(parts: Iterable[Part], limit: int = MAX_MESSAGE_LENGTH) -> str:
    """Escaped HTML of the parts shown in rich channels, cut (never inside a tag or an
    entity) to `limit` UTF-16 units."""
    out: list[str] = []
    used = 0
    for part in parts:
        if part.channel == "plain":
            continue
        piece = _wrap(html.escape(part.text), part.style)
        size = utf16_length(piece)
        if used + size <= limit:
            out.append(piece)
            used += size
            continue
        budget = limit - used - utf16_length(_wrap("", part.style)) - utf16_length(ELLIPSIS)
        kept: list[str] = []
        for char in part.text:
            escaped = html.escape(char)
            if utf16_length(escaped) > budget:
                break
            kept.append(escaped)
            budget -= utf16_length(escaped)
        if budget >= 0:
            out.append(_wrap("".join(kept) + ELLIPSIS, part.style))
        break
    return "".join(out)


# --------------------------------------------------------------------------- callback data
@dataclass(frozen=True)
class ButtonAction:
    """What a pressed inline button asks for, after validation."""

    kind: ButtonKind
    value: str = ""


def encode_callback(kind: ButtonKind, value: str = "") -> str | None:
    """Callback data for a button, or None when the value cannot be encoded safely."""
    if kind == "topics":
        return "topics"
    data = f"{_PREFIXES[kind]}:{value}"
    if not _VALUE.fullmatch(value) or len(data.encode()) > MAX_CALLBACK_BYTES:
        log.warning("cannot encode a %s button for %r", kind, value)
        return None
    return data


def decode_callback(data: str | None, knowledge: Knowledge) -> ButtonAction | None:
    """The action of a button's callback data; None when stale, tampered with or unknown."""
    if not data or len(data.encode()) > MAX_CALLBACK_BYTES:
        return None
    match = _CALLBACK.fullmatch(data)
    if match is None:
        return None
    if match["prefix"] is None:
        return ButtonAction("topics")
    kind, value = _KINDS[match["prefix"]], match["value"]
    known = {
        "fact": value in knowledge.by_id,
        "topic": value in knowledge.topics,
        "language": value == AUTO or value in knowledge.languages,
    }
    return ButtonAction(kind, value) if known.get(kind, False) else None


def _button(button: Button) -> InlineKeyboardButton | None:
    data = encode_callback(button.kind, button.value)
    if data is None:
        return None
    return InlineKeyboardButton(clip(button.label, MAX_BUTTON_LABEL), callback_data=data)


def keyboard(rows: Iterable[Sequence[Button]]) -> InlineKeyboardMarkup | None:
    """A keyboard of the buttons that could be encoded; None when there are none."""
    clean = [[made for made in map(_button, row) if made is not None] for row in rows]
    clean = [row for row in clean if row]
    return InlineKeyboardMarkup(clean) if clean else None


@dataclass(frozen=True)
class TelegramReply:
    """A message ready to send: HTML text and an optional inline keyboard."""

    text: str
    markup: InlineKeyboardMarkup | None = None


def to_telegram(reply: Reply) -> TelegramReply:
    """The reply as Telegram HTML with its keyboard."""
    return TelegramReply(render_html(reply.parts), keyboard(reply.buttons))


def inline_result(entry: InlineEntry) -> InlineQueryResultArticle:
    """An inline result: the question as title, the short answer as description, the full
    answer sent (HTML, the application's default parse mode); its id is the fact's (a
    digest of it where the id is too long for one), the same in every answer."""
    result_id = entry.fact_id if encode_callback("fact", entry.fact_id) else hashlib.sha256(
        entry.fact_id.encode()).hexdigest()[:48]
    return InlineQueryResultArticle(
        id=result_id,
        title=clip(entry.title, 200),
        description=clip(entry.description, MAX_DESCRIPTION_LENGTH),
        input_message_content=InputTextMessageContent(
            render_html(entry.reply.parts), link_preview_options=_INLINE_PREVIEWS),
    )
