"""Tests for live knowledge reload: validated swaps, rejected edits, SIGHUP and the watcher."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from fake_botapi import FakeBotApi
from harness import TRADE_EN, bot_settings, running, start_process, wait_until

from bot.engine import Decision, Engine
from bot.knowledge import Knowledge, load_knowledge
from bot.ops.reload import KnowledgeService, fingerprint
from bot.telegram.app import build_application
from tests.replying import reply_to

GROWTH = "How much did trade grow?"
ROUTES = "Which new routes?"
OLD_GROWTH, NEW_GROWTH = "Trade grew by 66 percent.", "Trade grew by 66 percent (version two)."
OLD_ROUTES, NEW_ROUTES = "Sea routes through Vietnam.", "Sea routes through Vietnam (version two)."


def service_for(directory: Path, **options: float) -> KnowledgeService:
    """A knowledge service over a directory, loaded now."""
    return KnowledgeService(Engine(load_knowledge(directory)), directory, **options)


def edit(directory: Path, name: str, old: str, new: str) -> None:
    """Replace text in one knowledge file (the text must be there)."""
    path = directory / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def edit_both_answers(directory: Path) -> None:
    """Change both facts' answers in one write, so a mixed base would be visible."""
    path = directory / "facts.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(OLD_GROWTH, NEW_GROWTH).replace(OLD_ROUTES, NEW_ROUTES),
                    encoding="utf-8")


# --------------------------------------------------------------------------- fingerprints
@pytest.mark.parametrize(
    ("change", "differs"),
    [
        (lambda d: (d / "facts.yaml").write_text("changed", encoding="utf-8"), True),
        (lambda d: (d / "more.yaml").write_text("facts: []", encoding="utf-8"), True),
        (lambda d: (d / "source.txt").unlink(), True),
        (lambda d: (d / ".facts.yaml.swp").write_text("x", encoding="utf-8"), False),
        (lambda d: (d / "facts.yaml~").write_text("x", encoding="utf-8"), False),
        (lambda d: None, False),
    ],
    ids=["edit", "add", "remove", "editor-swap-file", "editor-backup", "nothing"],
)
def test_fingerprint_sees_real_changes_only(
    tiny_dir: Path, change: Callable[[Path], object], differs: bool
) -> None:
    """The directory fingerprint changes with edited, added and removed files, not with an
    editor's hidden or backup files."""
    before = fingerprint(tiny_dir)
    time.sleep(0.01)
    change(tiny_dir)
    assert (fingerprint(tiny_dir) != before) is differs


def test_fingerprint_of_a_missing_directory_is_empty(tmp_path: Path) -> None:
    """A missing directory has an empty fingerprint instead of an error."""
    assert fingerprint(tmp_path / "nowhere") == ()


# --------------------------------------------------------------------------- reload
def test_valid_edit_is_served(tiny_dir: Path) -> None:
    """A valid edit is loaded, becomes the next version and answers the next question."""
    service = service_for(tiny_dir)
    assert reply_to(service.engine, GROWTH).text == OLD_GROWTH
    edit(tiny_dir, "facts.yaml", OLD_GROWTH, NEW_GROWTH)
    result = service.reload("test")
    assert result.ok and result.version == service.version == 2 and result.facts == 2
    assert reply_to(service.engine, GROWTH).text == NEW_GROWTH


@pytest.mark.parametrize(
    ("name", "old", "new", "problem"),
    [
        ("facts.yaml", "  - id: routes", "  - id: routes\n   bad: [", "YAML syntax error"),
        ("facts.yaml", 'en: "Trade grew by 66 percent."\n', "", "field 'answer.en'"),
        ("facts.yaml", "related: [routes]", "related: [nowhere]", "unknown id 'nowhere'"),
        ("facts.yaml", "trade increased by 66 percent", "trade fell", "not found verbatim"),
        ("article.yaml", "languages: [en, ru]", "languages: []", "field 'languages'"),
    ],
    ids=["yaml-syntax", "missing-answer", "unknown-related", "quote-not-in-source",
         "no-languages"],
)
def test_invalid_edit_is_rejected_and_old_facts_keep_answering(
    tiny_dir: Path, caplog: pytest.LogCaptureFixture, name: str, old: str, new: str,
    problem: str,
) -> None:
    """An invalid edit is rejected with one log line per problem and no traceback; the old
    version keeps answering."""
    service = service_for(tiny_dir)
    before = service.engine
    edit(tiny_dir, name, old, new)
    caplog.set_level(logging.INFO, logger="bot.ops.reload")
    result = service.reload("test")
    assert not result.ok and result.version == service.version == 1
    assert any(problem in line for line in result.problems)
    assert service.engine is before
    assert reply_to(service.engine, GROWTH).text == OLD_GROWTH
    errors = [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert len(errors) == len(result.problems) + 1  # a headline, then one line per problem
    assert all(record.exc_info is None and "\n" not in record.getMessage() for record in errors)
    assert any(problem in record.getMessage() for record in errors)


def test_a_failing_engine_build_keeps_the_old_version(tiny_dir: Path) -> None:
    """Even an unexpected error while building the engine leaves the old version serving."""

    def broken(knowledge: Knowledge) -> Engine:
        raise RuntimeError("index exploded")

    service = KnowledgeService(Engine(load_knowledge(tiny_dir)), tiny_dir, build=broken)
    result = service.reload("test")
    assert not result.ok and result.problems == ("RuntimeError: index exploded",)
    assert reply_to(service.engine, GROWTH).text == OLD_GROWTH


def test_a_reload_swaps_in_a_rehearsed_engine(tiny_dir: Path) -> None:
    """The new engine has decided its facts' own questions before it serves anyone: its
    first users wait no longer than later ones."""
    asked: list[str] = []

    class Recording(Engine):
        def decide(self, question: str, *args: object, **options: object) -> Decision:
            asked.append(question)
            return super().decide(question, *args, **options)  # type: ignore[arg-type]

    service = KnowledgeService(Engine(load_knowledge(tiny_dir)), tiny_dir, build=Recording)
    edit(tiny_dir, "facts.yaml", OLD_GROWTH, NEW_GROWTH)
    assert service.reload("test").ok
    assert GROWTH in asked  # the tiny base's first question, decided before any user's
    assert reply_to(service.engine, GROWTH).text == NEW_GROWTH


async def test_watcher_check_reloads_once_per_change(tiny_dir: Path) -> None:
    """The watcher reloads after a change, not again without one, and tries a broken edit
    only once (no error line every second)."""
    service = service_for(tiny_dir, settle_delay=0.01)
    assert await service.check_once() is None
    edit(tiny_dir, "facts.yaml", OLD_GROWTH, NEW_GROWTH)
    result = await service.check_once()
    assert result is not None and result.ok
    assert await service.check_once() is None
    edit(tiny_dir, "facts.yaml", "related: [routes]", "related: [nowhere]")
    broken = await service.check_once()
    assert broken is not None and not broken.ok
    assert await service.check_once() is None
    assert reply_to(service.engine, GROWTH).text == NEW_GROWTH


async def test_questions_during_a_reload_never_see_a_half_loaded_base(tiny_dir: Path) -> None:
    """While a slow reload runs off the event loop, questions keep being answered, and every
    update's engine answers both facts from one version, never a mix."""
    building = threading.Event()

    def slow(knowledge: Knowledge) -> Engine:
        building.set()
        time.sleep(0.3)  # an engine being indexed: long enough for many questions
        return Engine(knowledge)

    service = KnowledgeService(Engine(load_knowledge(tiny_dir)), tiny_dir, build=slow)
    edit_both_answers(tiny_dir)
    reload = asyncio.create_task(service.reload_async("test"))
    seen: list[tuple[str, str]] = []
    while not reload.done():
        engine = service.engine  # once per update, as the handlers do
        seen.append((reply_to(engine, GROWTH).text, reply_to(engine, ROUTES).text))
        await asyncio.sleep(0.005)
    assert (await reload).ok and building.is_set()
    engine = service.engine
    seen.append((reply_to(engine, GROWTH).text, reply_to(engine, ROUTES).text))
    assert set(seen) == {(OLD_GROWTH, OLD_ROUTES), (NEW_GROWTH, NEW_ROUTES)}
    assert seen.count((OLD_GROWTH, OLD_ROUTES)) >= 10, "the loop kept answering meanwhile"


def test_threads_asking_during_reloads_see_whole_versions(tiny_dir: Path) -> None:
    """Threads asking while the base is reloaded back and forth only ever see whole versions."""
    service = service_for(tiny_dir)
    mixed: list[tuple[str, str]] = []
    stop = threading.Event()

    def ask() -> None:
        while not stop.is_set():
            engine = service.engine
            pair = (reply_to(engine, GROWTH).text, reply_to(engine, ROUTES).text)
            if pair not in {(OLD_GROWTH, OLD_ROUTES), (NEW_GROWTH, NEW_ROUTES)}:
                mixed.append(pair)
            time.sleep(0.001)

    askers = [threading.Thread(target=ask) for _ in range(3)]
    for thread in askers:
        thread.start()
    original = (tiny_dir / "facts.yaml").read_text(encoding="utf-8")
    for round_number in range(4):
        if round_number % 2 == 0:
            edit_both_answers(tiny_dir)
        else:
            (tiny_dir / "facts.yaml").write_text(original, encoding="utf-8")
        assert service.reload("test").ok
    stop.set()
    for thread in askers:
        thread.join()
    assert mixed == [] and service.version == 5


# --------------------------------------------------------------------------- in the bot
async def test_sighup_reloads_the_running_bot(
    tiny_dir: Path, tmp_path: Path
) -> None:
    """SIGHUP makes the running bot reload at once (the watcher being far too slow here), and
    the next question gets the new answer."""
    service = service_for(tiny_dir, watch_interval=3600.0)
    with FakeBotApi(token="123:TEST") as server:
        application = build_application(service, bot_settings(server, tmp_path))
        async with running(application):
            server.private_text(GROWTH)
            first = (await server.await_calls("sendMessage"))[0]
            edit(tiny_dir, "facts.yaml", OLD_GROWTH, NEW_GROWTH)
            os.kill(os.getpid(), signal.SIGHUP)
            for _ in range(100):
                if service.version == 2:
                    break
                await asyncio.sleep(0.02)
            server.private_text(GROWTH)
            second = (await server.await_calls("sendMessage", 2))[1]
    assert OLD_GROWTH in first["text"] and NEW_GROWTH in second["text"]


async def test_watcher_reloads_the_running_bot(tiny_dir: Path, tmp_path: Path) -> None:
    """The watcher started by post_init picks up an edit without any signal."""
    service = service_for(tiny_dir, watch_interval=0.05, settle_delay=0.02)
    with FakeBotApi(token="123:TEST") as server:
        application = build_application(service, bot_settings(server, tmp_path))
        async with running(application):
            edit(tiny_dir, "facts.yaml", OLD_GROWTH, NEW_GROWTH)
            for _ in range(200):
                if service.version == 2:
                    break
                await asyncio.sleep(0.02)
            server.private_text(GROWTH)
            answer = (await server.await_calls("sendMessage"))[0]
    assert NEW_GROWTH in answer["text"]


def test_python_m_bot_reloads_edited_knowledge(real_copy: Path, tmp_path: Path) -> None:
    """The real process serves an edited answer within a few seconds of the edit, and a syntax
    error afterwards changes nothing but the log (one line per problem, no traceback)."""
    knowledge = load_knowledge(real_copy)
    original = knowledge.by_id["trade_growth"].answer["en"]
    # The same numbers as every other language's answer, or `check` rejects the edit.
    edited = "In 2024 trade grew by 66 percent, and by 20 percent in 2025, says the edit."
    log_path = tmp_path / "bot.log"
    with FakeBotApi(token="123:TEST") as server, log_path.open("w") as log:
        process = start_process(server, tmp_path, log, KNOWLEDGE_DIR=str(real_copy))
        try:
            server.private_text(TRADE_EN)
            assert original in server.wait_for("sendMessage", timeout=20)[0]["text"]
            edit(real_copy, "facts.yaml", original, edited)
            asked = 1

            def answered_with_edit() -> bool:
                nonlocal asked
                calls = server.calls_to("sendMessage")
                if len(calls) < asked:
                    return False
                if edited in calls[-1]["text"]:
                    return True
                asked += 1
                server.private_text(TRADE_EN, user_id=1000 + asked)  # fresh flood budget
                return False

            latency = wait_until(answered_with_edit, timeout=10, step=0.2)
            edit(real_copy, "facts.yaml", "facts:", "facts: [")
            wait_until(lambda: "knowledge error" in log_path.read_text(), timeout=10)
            server.private_text(TRADE_EN, user_id=999)
            after = server.wait_for("sendMessage", count=asked + 1, timeout=10)[-1]
        finally:
            process.terminate()
            process.wait(timeout=10)
    output = log_path.read_text()
    assert edited in after["text"]
    assert latency < 5.0
    assert "knowledge reloaded" in output and "rejected" in output
    assert "YAML syntax error" in output and "Traceback" not in output
    assert process.returncode == 0
