"""The replies layer: one composer words every decision; renderers only format its parts."""

from __future__ import annotations

from bot.replies.composer import Composer
from bot.replies.parts import Button, InlineEntry, Part, Reply
from bot.replies.plain import json_object, plain_text

__all__ = ["Button", "Composer", "InlineEntry", "Part", "Reply", "json_object", "plain_text"]
