"""Shared mode against a real Redis: flood buckets shared by workers, chat state, the webhook
registered once, and a reload in one worker reaching another."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.ops.chat_state import RedisChatState
from bot.ops.flood import Verdict
from bot.ops.reload import KnowledgeService
from bot.ops.shared import SharedMode
from bot.ops.shared_flood import SharedFloodControl

ALLOW, NOTIFY, SILENT = Verdict.ALLOW, Verdict.NOTIFY, Verdict.SILENT


async def test_a_flood_limit_holds_across_workers(
    modes: tuple[SharedMode, SharedMode]
) -> None:
    """Questions from one user alternating between two workers: a burst of 3 in all, then one
    notice, then silence; another user is not affected."""
    floods = [worker.flood(3, 60.0, "questions") for worker in modes]
    verdicts = [await floods[n % 2].check(7) for n in range(6)]
    assert verdicts == [ALLOW, ALLOW, ALLOW, NOTIFY, SILENT, SILENT]
    assert await floods[1].check(8) is ALLOW


async def test_a_bucket_refills_and_rearms_the_notice(
    modes: tuple[SharedMode, SharedMode]
) -> None:
    """With one question per 0.2 s allowed, a user who waits is answered again, and once the
    bucket is full a later flood gets a notice again."""
    flood = modes[0].flood(1, 0.2, "questions")
    assert [await flood.check(1) for _ in range(3)] == [ALLOW, NOTIFY, SILENT]
    await asyncio.sleep(0.25)
    assert [await flood.check(1) for _ in range(2)] == [ALLOW, NOTIFY]


async def test_without_redis_questions_are_answered(caplog: pytest.LogCaptureFixture) -> None:
    """Redis unreachable: every question is allowed, and that is logged once."""
    mode = SharedMode("redis://127.0.0.1:9/0")
    flood = mode.flood(1, 60.0, "questions")
    assert [await flood.check(1) for _ in range(3)] == [ALLOW, ALLOW, ALLOW]
    assert sum("Redis unavailable" in record.message for record in caplog.records) == 1
    await mode.close()


async def test_flood_control_off(modes: tuple[SharedMode, SharedMode]) -> None:
    """A burst of 0 turns the shared limit off, as it does the local one."""
    flood: SharedFloodControl = modes[0].flood(0, 3.0, "questions")
    assert [await flood.check(1) for _ in range(10)] == [ALLOW] * 10


async def test_chat_state_is_shared(redis_url: str) -> None:
    """What one worker stores for a chat, another reads; a dropped chat is gone."""
    first, second = RedisChatState(redis_url), RedisChatState(redis_url)
    await first.save(42, {"language": "lo"})
    assert await second.load(42) == {"language": "lo"}
    await second.drop(42)
    assert await first.load(42) is None
    await first.close()
    await second.close()


async def test_registration_happens_once(modes: tuple[SharedMode, SharedMode]) -> None:
    """Two workers starting together register the webhook once; a different URL or secret
    registers again."""
    calls: list[str] = []

    async def register() -> None:
        await asyncio.sleep(0.05)  # both workers are inside register_once at the same time
        calls.append("registered")

    done = await asyncio.gather(*(worker.register_once("url\nsecret", register)
                                  for worker in modes))
    assert sorted(done) == [False, True] and calls == ["registered"]
    assert await modes[0].register_once("url\nother secret", register)
    assert len(calls) == 2


async def test_a_reload_reaches_the_other_worker(
    modes: tuple[SharedMode, SharedMode], tiny_engine: Engine, tiny_dir: Path
) -> None:
    """Worker 1 reloads after an edit (say, on SIGHUP); worker 2, whose watcher has not looked
    yet, reloads at once on the broadcast; worker 2's own reload is not broadcast back."""
    services = [KnowledgeService(tiny_engine, tiny_dir, watch_interval=3600)
                for _ in modes]
    tasks = [asyncio.create_task(worker.follow_reloads(service))
             for worker, service in zip(modes, services, strict=True)]
    await asyncio.sleep(0.3)  # both subscribed
    facts = tiny_dir / "facts.yaml"
    text = facts.read_text(encoding="utf-8")
    facts.write_text(text.replace("Sea routes through Vietnam.", "Sea routes via Vietnam."),
                     encoding="utf-8")
    await services[0].reload_async("SIGHUP")
    for _ in range(50):
        if services[1].version == 2:
            break
        await asyncio.sleep(0.1)
    await asyncio.sleep(1.5)  # time for an echo, which must not come
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    assert [service.version for service in services] == [2, 2]
    routes = services[1].engine.knowledge.by_id["routes"]
    assert routes.answer["en"] == "Sea routes via Vietnam."


async def test_registration_without_redis_registers_anyway() -> None:
    """Redis unreachable at start: the worker registers the webhook itself rather than not at
    all."""
    mode = SharedMode("redis://127.0.0.1:9/0")
    calls: list[str] = []

    async def register() -> None:
        calls.append("registered")

    assert await mode.register_once("url\nsecret", register)
    assert calls == ["registered"]
    await mode.close()
