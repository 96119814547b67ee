"""Tests for bot.ops.conversations: conversations kept in the process, or in the per-chat
state store across restarts and workers, bounded in size and time."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.engine import Context, Engine
from bot.ops.chat_state import CONVERSATIONS, RedisChatState, SqliteChatState
from bot.ops.conversations import RecentConversations, StoredConversations


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


async def test_a_conversation_is_kept_by_its_key() -> None:
    """What was put under a key is got back under it, and only there."""
    store = RecentConversations()
    await store.put(("chat", 1), Context(("putin",), ("putin",)))
    assert await store.get(("chat", 1)) == Context(("putin",), ("putin",))
    assert await store.get(("chat", 2)) is None


async def test_a_conversation_is_forgotten_after_its_time() -> None:
    """A conversation not told anything for longer than the time limit is gone."""
    clock = Clock()
    store = RecentConversations(ttl=60.0, clock=clock)
    await store.put(("chat", 1), Context(("putin",)))
    clock.now = 60.0
    assert await store.get(("chat", 1)) is not None
    clock.now = 60.5
    assert await store.get(("chat", 1)) is None
    assert len(store) == 0


async def test_the_least_recently_told_go_beyond_the_limit() -> None:
    """Beyond the size limit the conversation told something longest ago is dropped."""
    store = RecentConversations(limit=2)
    await store.put(("chat", 1), Context(("putin",)))
    await store.put(("chat", 2), Context(("putin",)))
    await store.put(("chat", 1), Context(("thongloun",)))
    await store.put(("chat", 3), Context(("putin",)))
    assert await store.get(("chat", 2)) is None
    assert await store.get(("chat", 1)) == Context(("thongloun",))
    assert len(store) == 2


def _stored(path: Path, engine: Engine, clock: Clock, ttl: float = 600.0,
            threads: int = 20) -> StoredConversations:
    return StoredConversations(SqliteChatState(path, CONVERSATIONS[0]), lambda: engine.knowledge,
                               clock=clock, ttl=ttl, threads=threads)


async def test_a_stored_conversation_survives_a_restart(tmp_path: Path, engine: Engine) -> None:
    """What one process stored is read back by the next one over the same file, thread by
    thread, and the chat-data table beside it is left alone."""
    clock, path = Clock(), tmp_path / "q.sqlite3"
    first = _stored(path, engine, clock)
    await first.put(("chat", 7), Context(("trade_growth",), ("new_routes", "trade_growth")))
    await first.put(("message", 7, 100), Context(("new_routes",), ("new_routes",)))
    await first.close()
    second = _stored(path, engine, clock)
    assert await second.get(("chat", 7)) == Context(("trade_growth",),
                                                    ("new_routes", "trade_growth"))
    assert await second.get(("message", 7, 100)) == Context(("new_routes",), ("new_routes",))
    assert await second.get(("message", 7, 101)) is None
    assert await second.get(("chat", 8)) is None
    assert await SqliteChatState(path).load_all() == {}
    await second.close()



class SlowStore(SqliteChatState):
    """A chat-state file whose first full read waits until the test lets it finish."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, CONVERSATIONS[0])
        self.release = asyncio.Event()
        self.reads = 0

    async def load_all(self) -> dict[int, dict[str, object]]:
        self.reads += 1
        await self.release.wait()
        return await super().load_all()


async def test_questions_during_the_first_read_after_a_restart_wait_for_it(
        tmp_path: Path, engine: Engine) -> None:
    """Two chats asking while the stored conversations are still being read both get their
    last answer once the read is done, and the file is read once."""
    clock, path = Clock(), tmp_path / "q.sqlite3"
    first = _stored(path, engine, clock)
    await first.put(("chat", 7), Context(("trade_growth",)))
    await first.put(("chat", 8), Context(("putin",)))
    await first.close()
    store = SlowStore(path)
    second = StoredConversations(store, lambda: engine.knowledge, clock=clock)
    asked = [asyncio.create_task(second.get(("chat", chat))) for chat in (7, 8)]
    await asyncio.sleep(0.01)
    assert not any(task.done() for task in asked)
    store.release.set()
    assert await asyncio.gather(*asked) == [Context(("trade_growth",)), Context(("putin",))]
    assert store.reads == 1
    await second.close()

async def test_a_stored_conversation_expires_and_is_swept(tmp_path: Path,
                                                          engine: Engine) -> None:
    """Past its time a stored conversation reads as none, after a restart too, and the
    sweep deletes the chat's row."""
    clock, path = Clock(), tmp_path / "q.sqlite3"
    clock.now = 1_000.0
    first = _stored(path, engine, clock, ttl=60.0)
    await first.put(("chat", 7), Context(("trade_growth",), ("trade_growth",)))
    await first.flush()
    clock.now = 1_061.0
    assert await first.get(("chat", 7)) is None
    second = _stored(path, engine, clock, ttl=60.0)
    assert await second.get(("chat", 7)) is None
    await second.store.expire("saved", clock.now - 60.0)
    assert await second.store.load_all() == {}
    await first.close()
    await second.close()


async def test_a_chat_keeps_its_latest_threads(tmp_path: Path, engine: Engine) -> None:
    """Beyond the per-chat bound the thread told something longest ago is dropped."""
    clock = Clock()
    store = _stored(tmp_path / "q.sqlite3", engine, clock, threads=2)
    for message in (1, 2, 3):
        clock.now += 1.0
        await store.put(("message", 5, message), Context(("putin",), ("putin",)))
    assert await store.get(("message", 5, 1)) is None
    assert await store.get(("message", 5, 3)) is not None
    await store.flush()
    state = await store.store.load(5)
    assert state is not None and sorted(state["threads"]) == ["message:2", "message:3"]
    await store.close()


async def test_facts_the_knowledge_base_lost_are_dropped(tmp_path: Path,
                                                         engine: Engine) -> None:
    """A stored id the knowledge base no longer has (an edit between two runs) is left out."""
    store = _stored(tmp_path / "q.sqlite3", engine, Clock())
    await store.put(("chat", 1), Context(("gone", "putin"), ("gone", "putin")))
    await store.close()
    restarted = _stored(tmp_path / "q.sqlite3", engine, Clock())
    assert await restarted.get(("chat", 1)) == Context(("putin",), ("putin",))
    await restarted.close()


async def test_workers_share_conversations_in_redis(redis_url: str, engine: Engine) -> None:
    """What one worker was told in a chat, another reads before its next answer (and the
    other way round); Redis expires the chat by itself."""
    import redis.asyncio

    def worker() -> StoredConversations:
        return StoredConversations(RedisChatState(redis_url, CONVERSATIONS[1]),
                                   lambda: engine.knowledge, ttl=90.0)

    first, second = worker(), worker()
    await first.put(("chat", 42), Context(("new_routes",), ("new_routes",)))
    assert await second.get(("chat", 42)) == Context(("new_routes",), ("new_routes",))
    await second.put(("chat", 42), Context(("announcement",), ("new_routes", "announcement")))
    assert await first.get(("chat", 42)) == Context(("announcement",),
                                                    ("new_routes", "announcement"))
    client = redis.asyncio.from_url(redis_url)
    assert 0 < await client.ttl(f"{CONVERSATIONS[1]}42") <= 90
    await client.aclose()
    await first.close()
    await second.close()


@pytest.mark.parametrize("table", ["conversations", "chat_state"])
def test_a_table_name_is_an_identifier(tmp_path: Path, table: str) -> None:
    """Table names are identifiers; anything else is refused at construction."""
    assert SqliteChatState(tmp_path / "q", table).table == table
    with pytest.raises(ValueError, match="not a table name"):
        SqliteChatState(tmp_path / "q", table + "; DROP")


async def test_a_local_store_is_written_behind_in_one_go(tmp_path: Path, engine: Engine) -> None:
    """Answers never wait on the disk: several chats' changes are written together once the
    flush delay has passed, and nothing reaches the file before."""
    path = tmp_path / "q.sqlite3"
    store = StoredConversations(SqliteChatState(path, CONVERSATIONS[0]), lambda: engine.knowledge,
                                clock=Clock(), flush_seconds=0.05)
    for chat in (1, 2, 3):
        await store.put(("chat", chat), Context(("putin",), ("putin",)))
    file = SqliteChatState(path, CONVERSATIONS[0])
    assert await file.load_all() == {}
    await asyncio.sleep(0.3)
    assert sorted(await file.load_all()) == [1, 2, 3]
    await file.close()
    await store.close()


async def test_one_answer_reads_and_writes_its_chat_once(redis_url: str,
                                                         engine: Engine) -> None:
    """An answer in a private chat belongs to the chat and to its message: the shared store
    is read once to recall it and written once to remember it, not once per thread."""
    store = RedisChatState(redis_url, CONVERSATIONS[1])
    conversations = StoredConversations(store, lambda: engine.knowledge, ttl=90.0)
    calls: list[str] = []
    load, save = store.load, store.save

    async def counted_load(chat_id: int) -> object:
        calls.append("load")
        return await load(chat_id)

    async def counted_save(chat_id: int, state: object, ttl: float | None = None) -> None:
        calls.append("save")
        await save(chat_id, state, ttl)  # type: ignore[arg-type]

    store.load, store.save = counted_load, counted_save  # type: ignore[method-assign,assignment]
    threads = (("message", 43, 7), ("chat", 43))
    told = Context(("trade_growth",), ("trade_growth",))
    assert await conversations.first(threads) is None
    await conversations.put_all(threads, told)
    assert calls == ["load", "load", "save"]
    assert await conversations.get(("message", 43, 7)) == told
    assert await conversations.get(("chat", 43)) == told
    await conversations.close()
