"""Lengths as Telegram counts them (UTF-16 code units) and cutting text to a limit."""

from __future__ import annotations

ELLIPSIS = "…"


def utf16_length(text: str) -> int:
    """The length Telegram counts: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def clip(text: str, limit: int) -> str:
    """Plain text cut to at most `limit` UTF-16 units, ending with an ellipsis when cut."""
    if utf16_length(text) <= limit:
        return text
    kept: list[str] = []
    used = utf16_length(ELLIPSIS)
    for char in text:
        size = utf16_length(char)
        if used + size > limit:
            break
        kept.append(char)
        used += size
    return "".join(kept).rstrip() + ELLIPSIS
