"""Two real `python -m bot --webhook` workers sharing Redis and PostgreSQL, with this test as
Telegram delivering updates to either: limits, choices and knowledge hold across workers, and
a worker killed mid-load loses no update."""

from __future__ import annotations

import json
import re
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import pytest
from botapi import FakeBotApi, Json
from harness import TOKEN, TRADE_EN, start_process, wait_until
from servers import database_rows, free_port, fresh_database

ROOT = Path(__file__).resolve().parent.parent
SECRET = "shared-secret-0123"
PUBLIC_URL = "https://bot.example.org/hook"  # the proxy's address, the same for every worker
USERS = 200  # the load: one question from each of 200 users
GROWTH_EN, GROWTH_RU = "66 percent", "66 процентов"


@dataclass
class Worker:
    """One `python -m bot --webhook` process, its port, folder and log."""

    name: str
    folder: Path
    port: int
    environment: dict[str, str]
    server: FakeBotApi
    process: subprocess.Popen[str] | None = None
    logs: list[IO[str]] = field(default_factory=list)

    @property
    def url(self) -> str:
        """The worker's webhook URL."""
        return f"http://127.0.0.1:{self.port}/hook"

    def start(self) -> None:
        """Start the worker and wait until /healthz answers."""
        log = (self.folder / "bot.log").open("a", encoding="utf-8")
        self.logs.append(log)
        self.process = start_process(self.server, self.folder, log, "--webhook",
                                     **self.environment)
        wait_until(self.healthy, timeout=60, step=0.1)

    def healthy(self) -> bool:
        """Whether /healthz answers 200."""
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz",
                                        timeout=1) as response:
                return int(response.status) == 200
        except OSError:
            return False

    def post(self, update: Json) -> int:
        """Deliver one update like Telegram; the HTTP status, or 0 when the connection failed."""
        request = urllib.request.Request(  # noqa: S310 - a local worker
            self.url, json.dumps(update).encode(), method="POST",
            headers={"Content-Type": "application/json",
                     "X-Telegram-Bot-Api-Secret-Token": SECRET})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                return int(response.status)
        except urllib.error.HTTPError as error:
            return int(error.code)
        except OSError:
            return 0

    def stop(self, kill: bool = False) -> None:
        """Stop the worker (SIGKILL with `kill`, else SIGTERM and wait)."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
            self.process.wait(20)
        for log in self.logs:
            log.close()
        self.logs.clear()

    def output(self) -> str:
        """Everything the worker logged."""
        return (self.folder / "bot.log").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def botapi() -> Iterator[FakeBotApi]:
    """One fake Bot API for both workers."""
    with FakeBotApi(token=TOKEN) as api:
        yield api


@pytest.fixture(scope="module")
def workers(botapi: FakeBotApi, redis_url: str, postgres_url: str,
            tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[Worker]]:
    """Two workers over one Redis, one PostgreSQL and one knowledge directory, each with its
    own folder (its own update journal), flood limit 3 questions then one a minute."""
    import redis

    redis.Redis.from_url(redis_url).flushdb()
    base = tmp_path_factory.mktemp("workers")
    knowledge = base / "knowledge"
    shutil.copytree(ROOT / "knowledge", knowledge)
    database = fresh_database(postgres_url, "workers")
    result = []
    for name in ("one", "two"):
        folder = base / name
        folder.mkdir()
        port = free_port()
        result.append(Worker(name, folder, port, {
            "REDIS_URL": redis_url, "DATABASE_URL": database, "KNOWLEDGE_DIR": str(knowledge),
            "WEBHOOK_URL": PUBLIC_URL, "WEBHOOK_SECRET": SECRET,
            "PORT": str(port), "FLOOD_BURST": "3", "FLOOD_INTERVAL": "60",
            "BOT_DB": str(folder / "questions.sqlite3"),
        }, botapi))
    try:
        for worker in result:
            worker.start()
        yield result
    finally:
        for worker in result:
            worker.stop()


def answers_to(server: FakeBotApi, chat_id: int) -> list[str]:
    """The texts sent to one chat so far."""
    return [call["text"] for call in server.calls_to("sendMessage") if call["chat_id"] == chat_id]


def test_the_webhook_is_registered_once(workers: list[Worker], botapi: FakeBotApi) -> None:
    """Two workers started: one setWebhook (with the secret) and one set of command menus."""
    [call] = botapi.calls_to("setWebhook")
    assert (call["url"], call["secret_token"]) == (PUBLIC_URL, SECRET)
    menus = botapi.calls_to("setMyCommands")
    assert len(menus) == len({(c.get("language_code"), json.dumps(c.get("scope"), sort_keys=True))
                              for c in menus})


def test_a_flood_limit_holds_across_workers(workers: list[Worker], botapi: FakeBotApi) -> None:
    """Eight questions from one user, alternating between the workers: three answers, one
    notice, then silence, exactly as with one worker."""
    user = 5001
    for number in range(8):
        assert workers[number % 2].post(botapi.private_text(TRADE_EN, user_id=user)) == 200
    wait_until(lambda: len(answers_to(botapi, user)) >= 4, timeout=20)
    time.sleep(1.0)  # nothing more may come
    texts = answers_to(botapi, user)
    assert len(texts) == 4
    assert sum(GROWTH_EN in text for text in texts) == 3


def test_a_language_chosen_on_one_worker_applies_on_the_other(
    workers: list[Worker], botapi: FakeBotApi, redis_url: str
) -> None:
    """/language → Russian pressed on worker one; once stored (within about a second), worker
    two answers an English question from that chat in Russian."""
    import redis

    user = 5002
    assert workers[0].post(botapi.callback_query("l:ru", message_id=9000, user_id=user)) == 200
    wait_until(lambda: any(call["chat_id"] == user
                           for call in botapi.calls_to("editMessageText")), timeout=20)
    store = redis.Redis.from_url(redis_url)
    wait_until(lambda: b'"ru"' in (store.get(f"laosbot:chat:{user}") or b""), timeout=20)
    assert workers[1].post(botapi.private_text(TRADE_EN, user_id=user)) == 200
    wait_until(lambda: answers_to(botapi, user), timeout=20)
    assert GROWTH_RU in answers_to(botapi, user)[0]


def test_a_follow_up_goes_to_the_other_worker(
    workers: list[Worker], botapi: FakeBotApi, redis_url: str
) -> None:
    """The routes asked of worker one; once the conversation is stored, "when was that?"
    delivered to worker two continues it: Putin's announcement, not the article's date."""
    import redis

    user = 5010  # a user of its own: the tests share the workers' flood limits
    assert workers[0].post(botapi.private_text("What new transport routes are planned?",
                                               user_id=user)) == 200
    wait_until(lambda: answers_to(botapi, user), timeout=20)
    store = redis.Redis.from_url(redis_url)
    wait_until(lambda: b"new_routes" in (store.get(f"laosbot:conversation:{user}") or b""),
               timeout=20)
    assert workers[1].post(botapi.private_text("when was that?", user_id=user)) == 200
    wait_until(lambda: len(answers_to(botapi, user)) >= 2, timeout=20)
    assert "July 31" in answers_to(botapi, user)[1]


def test_a_knowledge_edit_reaches_both_workers(workers: list[Worker], botapi: FakeBotApi) -> None:
    """An answer edited in the shared knowledge directory, and SIGHUP to one worker: both
    workers answer with the new text."""
    facts = Path(workers[0].environment["KNOWLEDGE_DIR"]) / "facts.yaml"
    old = facts.read_text(encoding="utf-8")
    assert "Russian enterprises are also studying" in old
    facts.write_text(old.replace("Russian enterprises are also studying",
                                 "Russian companies are also studying"), encoding="utf-8")
    assert workers[0].process is not None
    workers[0].process.send_signal(signal.SIGHUP)
    for number, worker in enumerate(workers):
        user = 5003 + number
        # Asked only once it has reloaded: a user asking while the edit travels would reach
        # the workers' flood limit (three questions) before the new answer.
        wait_until(lambda worker=worker: "knowledge reloaded" in worker.output(), timeout=30,
                   step=0.2)

        def answered(worker: Worker = worker, user: int = user) -> bool:
            worker.post(botapi.private_text("bauxite", user_id=user))
            time.sleep(0.3)
            return any("Russian companies" in text for text in answers_to(botapi, user))

        wait_until(answered, timeout=30, step=0.5)


def test_a_worker_killed_mid_load_loses_no_update(
    workers: list[Worker], botapi: FakeBotApi, redis_url: str
) -> None:
    """200 questions from 200 users delivered alternately; worker one is killed (SIGKILL)
    halfway. What it did not confirm with 200 is delivered again to worker two (as Telegram
    re-delivers); what it had confirmed is replayed from its journal when it restarts. Every
    question is answered, and each at most twice."""
    import redis

    redis.Redis.from_url(redis_url).flushdb()  # fresh flood buckets
    first = 10_000
    updates = [botapi.private_text(TRADE_EN, user_id=first + n) for n in range(USERS)]
    redelivered: list[int] = []

    def deliver(number: int) -> None:
        if number == USERS // 2:
            workers[0].stop(kill=True)  # with other deliveries in flight on both workers
        if workers[number % 2].post(updates[number]) != 200:
            redelivered.append(number)  # Telegram keeps it and sends it again, to whoever answers
            assert workers[1].post(updates[number]) == 200

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(deliver, range(USERS)))
    workers[0].start()  # the restart replays what it had confirmed but not answered

    def answered() -> set[int]:
        return {call["chat_id"] for call in botapi.calls_to("sendMessage")
                if first <= call["chat_id"] < first + USERS}

    wait_until(lambda: len(answered()) == USERS, timeout=120, step=0.2)
    counts: dict[int, int] = {}
    for call in botapi.calls_to("sendMessage"):
        if first <= call["chat_id"] < first + USERS:
            counts[call["chat_id"]] = counts.get(call["chat_id"], 0) + 1
    assert max(counts.values()) <= 2
    duplicates = sum(count - 1 for count in counts.values())
    replayed = re.findall(r"replaying (\d+) update", workers[0].output())
    print(f"\n{USERS} questions, worker killed halfway: {len(redelivered)} re-delivered after "
          f"a failed delivery, {sum(map(int, replayed))} replayed at the restart, "
          f"{len(counts)} answered, {duplicates} answered twice")
    rows = database_rows(workers[0].environment["DATABASE_URL"],
                         "SELECT count(*) AS n FROM questions")
    assert int(str(rows[0]["n"])) >= USERS
