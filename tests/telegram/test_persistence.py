"""Chat data kept through python-telegram-bot's persistence: the reply language chosen with
/language survives a restart of the bot."""

from __future__ import annotations

from pathlib import Path

from botapi import FakeBotApi
from harness import TRADE_EN, running, sent_messages

from bot.config import Settings
from bot.engine import Engine
from bot.ops.chat_state import SqliteChatState
from bot.telegram.app import build_application
from bot.telegram.context import ChatData
from bot.telegram.persistence import ChatPersistence, from_state, to_state


async def test_the_chosen_language_survives_a_restart(
    engine: Engine, settings: Settings, server: FakeBotApi
) -> None:
    """A chat that chose Russian, then a restarted bot over the same database: an English
    question is answered in Russian."""
    def persistence() -> ChatPersistence:
        return ChatPersistence(SqliteChatState(settings.db_path), update_interval=0.1)

    async with running(build_application(engine, settings, persistence=persistence()),
                       hooks=False):
        server.command("/language")
        await sent_messages(server)
        server.callback_query("l:ru", message_id=8000)
        await server.await_calls("editMessageText")
    async with running(build_application(engine, settings, persistence=persistence()),
                       hooks=False):
        server.private_text(TRADE_EN)
        assert "66 процентов" in (await sent_messages(server, 2))[1]["text"]


async def test_without_persistence_a_restart_forgets(
    engine: Engine, settings: Settings, server: FakeBotApi
) -> None:
    """The same restart without persistence answers in English: the test above measures the
    persistence, not something else that remembers."""
    async with running(build_application(engine, settings), hooks=False):
        server.command("/language")
        await sent_messages(server)
        server.callback_query("l:ru", message_id=8000)
        await server.await_calls("editMessageText")
    async with running(build_application(engine, settings), hooks=False):
        server.private_text(TRADE_EN)
        assert "66 percent" in (await sent_messages(server, 2))[1]["text"]


async def test_only_chats_that_chose_something_are_stored(tmp_path: Path) -> None:
    """A chat with default data is not written; one that chose a language is, and a later
    unchanged write is skipped."""
    store = SqliteChatState(tmp_path / "q.sqlite3")
    persistence = ChatPersistence(store)
    await persistence.update_chat_data(1, ChatData())
    await persistence.update_chat_data(2, ChatData(language="lo"))
    assert await store.load_all() == {2: {"language": "lo"}}
    await persistence.drop_chat_data(2)
    assert await store.load_all() == {}
    await persistence.flush()


def test_stored_state_round_trips_and_tolerates_other_versions() -> None:
    """Unknown keys (another version's fields) are ignored; a wrong shape starts afresh."""
    assert from_state(to_state(ChatData(language="vi"))) == ChatData(language="vi")
    assert from_state({"language": "ru", "later_field": [1]}) == ChatData(language="ru")
    assert from_state({}) == ChatData()
