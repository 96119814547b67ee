"""python-telegram-bot's persistence interface over a chat-state store: chat data (the reply
language chosen with /language) survives restarts and, in Redis, is shared by every worker."""

from __future__ import annotations

import dataclasses
import logging
from typing import Any

from telegram.ext import BasePersistence, PersistenceInput

from bot.ops.chat_state import ChatStateStore, State, encode
from bot.telegram.context import ChatData

log = logging.getLogger(__name__)

# python-telegram-bot writes the chats an update touched at this interval (and at a stop), so a
# choice is stored, and seen by the other workers, within about this many seconds.
UPDATE_INTERVAL = 1.0
_FIELDS = tuple(field.name for field in dataclasses.fields(ChatData))


def to_state(data: ChatData) -> State:
    """The stored form of a chat's data."""
    return dataclasses.asdict(data)


def from_state(state: State) -> ChatData:
    """A chat's data from its stored form; unknown keys (a newer or older version) are left out."""
    try:
        return ChatData(**{key: state[key] for key in _FIELDS if key in state})
    except TypeError as error:
        log.warning("chat state: unreadable stored chat data (%s); starting afresh", error)
        return ChatData()


class ChatPersistence(BasePersistence[dict[Any, Any], ChatData, dict[Any, Any]]):
    """Keeps chat data only (no user, bot or callback data, no conversations) in a store.

    Only a chat whose data changed since it was read or written is written again, so a worker
    that merely answered in a chat never overwrites what another worker chose there.
    """

    def __init__(self, store: ChatStateStore, update_interval: float = UPDATE_INTERVAL) -> None:
        super().__init__(store_data=PersistenceInput(bot_data=False, chat_data=True,
                                                     user_data=False, callback_data=False),
                         update_interval=update_interval)
        self.store = store
        self._known: dict[int, str] = {}

    async def get_chat_data(self) -> dict[int, ChatData]:
        """Every stored chat's data, at start-up."""
        states = await self.store.load_all()
        self._known = {chat_id: encode(state) for chat_id, state in states.items()}
        return {chat_id: from_state(state) for chat_id, state in states.items()}

    async def refresh_chat_data(self, chat_id: int, chat_data: ChatData) -> None:
        """Before an update of this chat: read it again when other workers write the store."""
        if not self.store.shared:
            return
        state = await self.store.load(chat_id)
        if state is None:
            return
        fresh = from_state(state)
        for name in _FIELDS:
            setattr(chat_data, name, getattr(fresh, name))
        self._known[chat_id] = encode(to_state(fresh))

    async def update_chat_data(self, chat_id: int, data: ChatData) -> None:
        """Write a chat's data if it changed."""
        state = to_state(data)
        text = encode(state)
        if self._known.get(chat_id) == text:
            return
        if self._known.get(chat_id) is None and data == ChatData():
            return  # a chat that chose nothing: nothing worth a row
        await self.store.save(chat_id, state)
        self._known[chat_id] = text

    async def drop_chat_data(self, chat_id: int) -> None:
        """Forget a chat."""
        self._known.pop(chat_id, None)
        await self.store.drop(chat_id)

    async def flush(self) -> None:
        """At shutdown, after the last writes: close the store."""
        await self.store.close()

    # What this bot does not keep: nothing is stored, nothing is read back.
    async def get_user_data(self) -> dict[int, dict[Any, Any]]:
        """No user data is kept."""
        return {}

    async def get_bot_data(self) -> dict[Any, Any]:
        """No bot data is kept."""
        return {}

    async def get_callback_data(self) -> None:
        """No callback data is kept."""
        return None

    async def get_conversations(self, name: str) -> dict[Any, Any]:
        """No conversations are kept."""
        return {}

    async def update_conversation(self, name: str, key: Any, new_state: object | None) -> None:
        """No conversations are kept."""

    async def update_user_data(self, user_id: int, data: dict[Any, Any]) -> None:
        """No user data is kept."""

    async def update_bot_data(self, data: dict[Any, Any]) -> None:
        """No bot data is kept."""

    async def update_callback_data(self, data: Any) -> None:
        """No callback data is kept."""

    async def drop_user_data(self, user_id: int) -> None:
        """No user data is kept."""

    async def refresh_user_data(self, user_id: int, user_data: dict[Any, Any]) -> None:
        """No user data is kept."""

    async def refresh_bot_data(self, bot_data: dict[Any, Any]) -> None:
        """No bot data is kept."""
