"""Update builders: each queues an update for getUpdates as Telegram would send it."""

from __future__ import annotations

import time
from typing import Any

from botapi.payloads import (
    DEFAULT_CHANNEL_ID,
    DEFAULT_GROUP_ID,
    DEFAULT_SUPERGROUP_ID,
    DEFAULT_USER_ID,
    ChatType,
    Json,
    auto_entities,
    chat,
    user,
)
from botapi.state import BotApiState


class UpdateBuilders(BotApiState):
    """Builders of the updates a user causes; each queues its update and returns it."""

    def private_text(self, text: str, user_id: int = DEFAULT_USER_ID, language_code: str = "en",
                     chat_id: int | None = None, entities: list[Json] | None = None,
                     reply_to: Json | None = None) -> Json:
        """A private text message; ``entities`` default to ``auto_entities(text)``;
        ``reply_to``: a message it replies to."""
        return self._text(text, "private", user_id, language_code, chat_id, entities,
                          reply_to=reply_to)

    def group_text(self, text: str, chat_id: int = DEFAULT_SUPERGROUP_ID,
                   user_id: int = DEFAULT_USER_ID, entities: list[Json] | None = None,
                   reply_to_bot: bool = False, language_code: str = "en",
                   reply_to: Json | None = None) -> Json:
        """A supergroup text message, with ``reply_to_bot`` replying to a message of the bot
        (``reply_to``: that message, one the bot sent)."""
        return self._text(text, "supergroup", user_id, language_code, chat_id, entities,
                          reply_to_bot, reply_to)

    def command(self, text: str, chat_type: ChatType = "private", user_id: int = DEFAULT_USER_ID,
                chat_id: int | None = None, language_code: str = "en") -> Json:
        """A command such as ``/ask@LaosRussiaBot how much`` with its ``bot_command`` entity."""
        return self._text(text, chat_type, user_id, language_code, chat_id, None)

    def mention(self, text: str, chat_id: int = DEFAULT_SUPERGROUP_ID,
                user_id: int = DEFAULT_USER_ID, reply_to_bot: bool = False) -> Json:
        """A supergroup message with a ``mention`` entity wherever ``@LaosRussiaBot`` occurs."""
        return self.group_text(text, chat_id, user_id, auto_entities(text), reply_to_bot)

    def sticker(self, emoji: str = "🙂", user_id: int = DEFAULT_USER_ID,
                chat_id: int | None = None) -> Json:
        sticker = {"file_id": "CAACAgIAAxkBAAIBsticker", "file_unique_id": "AgADsticker",
                   "type": "regular", "width": 512, "height": 512, "is_animated": False,
                   "is_video": False, "emoji": emoji}
        return self.enqueue({"message": self._user_message(user_id, chat_id, sticker=sticker)})

    def photo(self, caption: str | None = None, user_id: int = DEFAULT_USER_ID,
              chat_id: int | None = None) -> Json:
        sizes = [{"file_id": f"AgACAgIAAxkBAAIBphoto{w}", "file_unique_id": f"AQADphoto{w}",
                  "width": w, "height": w * 3 // 4, "file_size": w * 40} for w in (90, 1280)]
        message = self._user_message(user_id, chat_id, photo=sizes, caption=caption)
        return self.enqueue({"message": message})

    def edited_text(self, text: str, message_id: int | None = None,
                    user_id: int = DEFAULT_USER_ID, chat_id: int | None = None) -> Json:
        message = self._user_message(user_id, chat_id, message_id, text=text,
                                     edit_date=int(time.time()))
        return self.enqueue({"edited_message": message})

    def channel_post(self, text: str, chat_id: int = DEFAULT_CHANNEL_ID) -> Json:
        channel = {"id": chat_id, "type": "channel", "title": "Test Channel"}
        return self.enqueue({"channel_post": self._message(channel, None, text=text,
                                                           sender_chat=channel)})

    def inline_query(self, query: str, user_id: int = DEFAULT_USER_ID,
                     language_code: str = "en", offset: str = "") -> Json:
        return self.enqueue({"inline_query": {
            "id": self._query_id(), "from": user(user_id, language_code), "query": query,
            "offset": offset, "chat_type": "sender"}})

    def callback_query(self, data: str, message_id: int | None = None,
                       chat_id: int | None = None, user_id: int = DEFAULT_USER_ID,
                       language_code: str = "en") -> Json:
        """A press of an inline button under a message the bot sent."""
        message = self._bot_message(user_id if chat_id is None else chat_id, "…", message_id)
        return self.enqueue({"callback_query": {
            "id": self._query_id(), "from": user(user_id, language_code),
            "chat_instance": f"ci{message['chat']['id']}", "data": data, "message": message}})

    # -- payload helpers ---------------------------------------------------------------------
    def _text(self, text: str, chat_type: ChatType, user_id: int, language_code: str,
              chat_id: int | None, entities: list[Json] | None, reply_to_bot: bool = False,
              reply_to: Json | None = None) -> Json:
        if chat_id is None:
            chat_id = {"private": user_id, "group": DEFAULT_GROUP_ID}.get(
                chat_type, DEFAULT_SUPERGROUP_ID)
        entities = auto_entities(text) if entities is None else entities
        reply = reply_to
        if reply is None and reply_to_bot:
            reply = self._bot_message(chat_id, "An earlier answer.")
        message = self._message(chat(chat_id, chat_type), user(user_id, language_code),
                                text=text, entities=entities or None, reply_to_message=reply)
        return self.enqueue({"message": message})

    def _user_message(self, user_id: int, chat_id: int | None, message_id: int | None = None,
                      **fields: Any) -> Json:
        where = chat(user_id if chat_id is None else chat_id)
        return self._message(where, user(user_id, "en"), message_id, **fields)

