"""A fake Telegram Bot API for end-to-end tests: a standard-library HTTP server that answers
``/bot<TOKEN>/<method>`` like Telegram, records every call, queues updates for ``getUpdates``
long polling and injects failures and delays. Point PTB at it with ``.base_url(api.base_url)``.
"""

from __future__ import annotations

from botapi.payloads import (
    BOT_ID,
    BOT_USER,
    BOT_USERNAME,
    DEFAULT_CHANNEL_ID,
    DEFAULT_GROUP_ID,
    DEFAULT_SUPERGROUP_ID,
    DEFAULT_USER_ID,
    MAX_MESSAGE_LENGTH,
    ChatType,
    Json,
    auto_entities,
)
from botapi.server import FakeBotApi, parse_params
from botapi.state import Call

__all__ = [
    "BOT_ID", "BOT_USER", "BOT_USERNAME", "DEFAULT_CHANNEL_ID", "DEFAULT_GROUP_ID",
    "DEFAULT_SUPERGROUP_ID", "DEFAULT_USER_ID", "MAX_MESSAGE_LENGTH", "Call", "ChatType",
    "FakeBotApi", "Json", "auto_entities", "parse_params",
]
