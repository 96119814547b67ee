"""Telegram's JSON payloads for chats, users and entities, as the fake Bot API makes them."""

from __future__ import annotations

import re
from typing import Any, Literal

Json = dict[str, Any]
ChatType = Literal["private", "group", "supergroup"]

BOT_ID = 42
BOT_USERNAME = "LaosRussiaBot"
BOT_USER: Json = {
    "id": BOT_ID, "is_bot": True, "first_name": "Laos Russia Bot", "username": BOT_USERNAME,
    "can_join_groups": True, "can_read_all_group_messages": False,
    "supports_inline_queries": True,
}
DEFAULT_USER_ID = 1001
DEFAULT_GROUP_ID = -4001234567
DEFAULT_SUPERGROUP_ID = -1001234567890
DEFAULT_CHANNEL_ID = -1009876543210
MAX_MESSAGE_LENGTH = 4096


def _utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram entity offsets."""
    return len(text.encode("utf-16-le")) // 2


def auto_entities(text: str) -> list[Json]:
    """The entities Telegram adds: a leading ``bot_command`` and ``@LaosRussiaBot`` mentions."""
    entities: list[Json] = []
    command_end = 0
    if text.startswith("/"):
        command_end = len(text.split(maxsplit=1)[0])
        entities.append({"type": "bot_command", "offset": 0,
                         "length": _utf16_len(text[:command_end])})
    for found in re.finditer(rf"@{BOT_USERNAME}\b", text, flags=re.IGNORECASE):
        if found.start() >= command_end:
            entities.append({"type": "mention", "offset": _utf16_len(text[: found.start()]),
                             "length": _utf16_len(found.group())})
    return entities


def chat(chat_id: Any, chat_type: str | None = None) -> Json:
    """A chat: private for positive ids, a supergroup for -100…, a group otherwise; a channel
    for an @username."""
    if isinstance(chat_id, str) and not re.fullmatch(r"-?\d+", chat_id):
        return {"id": DEFAULT_CHANNEL_ID, "type": "channel", "username": chat_id.lstrip("@")}
    number = int(chat_id)
    if chat_type is None:
        chat_type = ("private" if number > 0 else
                     "supergroup" if str(number).startswith("-100") else "group")
    if chat_type == "private":
        return {"id": number, "type": "private", "first_name": "Test",
                "username": f"user{number}"}
    return {"id": number, "type": chat_type, "title": "Test Group"}


def user(user_id: int, language_code: str) -> Json:
    """A human user with a language."""
    return {"id": user_id, "is_bot": False, "first_name": "Test",
            "username": f"user{user_id}", "language_code": language_code}
