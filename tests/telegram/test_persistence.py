"""Chat state kept across restarts: the reply language chosen with /language (through
python-telegram-bot's persistence) and what each conversation was last told."""

from __future__ import annotations

from pathlib import Path

from botapi import DEFAULT_USER_ID, FakeBotApi
from harness import TRADE_EN, running, sent_messages

from bot.config import Settings
from bot.engine import Engine
from bot.ops.chat_state import CONVERSATIONS, ChatStateStore, RedisChatState, SqliteChatState
from bot.ops.conversations import StoredConversations
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


def _conversations(engine: Engine, store: ChatStateStore) -> StoredConversations:
    return StoredConversations(store, lambda: engine.knowledge)


async def _ask_then_follow_up(engine: Engine, settings: Settings, server: FakeBotApi,
                              stores: tuple[ChatStateStore, ChatStateStore]) -> str:
    """The routes asked of one application, "when was that?" of another over its own
    connection to the store; the second reply's text."""
    first, second = (build_application(engine, settings,
                                       conversations=_conversations(engine, store))
                     for store in stores)
    async with running(first, hooks=True):
        server.private_text("What new transport routes are planned?")
        await sent_messages(server, 1)
    async with running(second, hooks=True):
        server.private_text("when was that?")
        return str((await sent_messages(server, 2))[1]["text"])


def _announcement(engine: Engine) -> str:
    return engine.knowledge.by_id["announcement"].answer_in("en").replace("'", "&#x27;")


async def test_a_follow_up_after_a_restart_continues_the_conversation(
    engine: Engine, settings: Settings, server: FakeBotApi
) -> None:
    """A restarted bot over the same SQLite file still knows what the chat was last told."""
    stores = tuple(SqliteChatState(settings.db_path, CONVERSATIONS[0]) for _ in range(2))
    text = await _ask_then_follow_up(engine, settings, server, (stores[0], stores[1]))
    assert _announcement(engine) in text


async def test_without_a_store_a_restart_forgets_the_conversation(
    engine: Engine, settings: Settings, server: FakeBotApi
) -> None:
    """The same restart with conversations kept in the process: the follow-up is not
    resolved, so the test above measures the store."""
    async with running(build_application(engine, settings), hooks=True):
        server.private_text("What new transport routes are planned?")
        await sent_messages(server, 1)
    async with running(build_application(engine, settings), hooks=True):
        server.private_text("when was that?")
        assert _announcement(engine) not in (await sent_messages(server, 2))[1]["text"]


async def test_two_applications_share_conversations_in_redis(
    engine: Engine, settings: Settings, server: FakeBotApi, redis_url: str
) -> None:
    """Two applications, each with its own Redis connection: a follow-up asked of the
    second continues what the first answered."""
    fresh = RedisChatState(redis_url, CONVERSATIONS[1])
    await fresh.drop(DEFAULT_USER_ID)  # the private chat's id; the server is shared
    await fresh.close()
    stores = tuple(RedisChatState(redis_url, CONVERSATIONS[1]) for _ in range(2))
    text = await _ask_then_follow_up(engine, settings, server, (stores[0], stores[1]))
    assert _announcement(engine) in text
