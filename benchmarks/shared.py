"""The whole bot in shared mode (Redis, PostgreSQL) against the same bot in its default mode
(SQLite, nothing shared): what one Redis round trip per question and a PostgreSQL log cost."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import io
import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from figures import load_dev_questions, ms, percentile, print_table, ratio
from load import TOKEN, Phase, TimedBotApi, messages, paced

TESTS_DIR = Path(__file__).resolve().parent.parent / "tests"
sys.path.insert(0, str(TESTS_DIR))  # the servers the shared-mode tests start
from servers import postgres_server, redis_server  # noqa: E402

WARM_UP = 30


def drive(texts: Sequence[str], updates: int, rate: float, redis_url: str | None,
          database_url: str | None) -> dict[str, Phase]:
    """One bot process, default or shared, against a fresh fake server: a warm-up, then
    `updates` questions paced at `rate` a second."""
    with tempfile.TemporaryDirectory(prefix="bench-shared-") as folder:
        api = TimedBotApi().start()
        command = [sys.executable, str(Path(__file__).resolve()), "--child", "--base-url",
                   api.base_url, "--db", str(Path(folder) / "questions.sqlite3")]
        environment = dict(os.environ)
        for name, value in (("REDIS_URL", redis_url), ("DATABASE_URL", database_url)):
            environment.pop(name, None)
            if value:
                environment[name] = value
        bot = subprocess.Popen(command, env=environment)  # noqa: S603 - this script
        try:
            api.wait_for("getUpdates", timeout=60)
            runs = {"warm-up": paced(api, bot.pid, "warm-up", WARM_UP, WARM_UP,
                                     messages(api, texts, 1))}
            runs["paced"] = paced(api, bot.pid, "paced", updates, rate,
                                  messages(api, texts, 1 + WARM_UP))
        finally:
            with contextlib.redirect_stderr(io.StringIO()):
                bot.send_signal(signal.SIGINT)
                code = bot.wait(timeout=30)
                api.stop()
    if code != 0:
        raise RuntimeError(f"the bot exited with {code}")
    return runs


def run_child(base_url: str, db_path: Path) -> None:
    """In this process: the bot as run_bot assembles it, shared when REDIS_URL is set."""
    from bot.config import load_settings
    from bot.engine import Engine
    from bot.knowledge import load_knowledge
    from bot.ops.chat_state import chat_state_store
    from bot.ops.question_log import QuestionLog
    from bot.ops.reload import KnowledgeService
    from bot.ops.shared import SharedMode
    from bot.telegram.app import ALLOWED_UPDATES, build_application
    from bot.telegram.persistence import ChatPersistence

    settings = dataclasses.replace(load_settings(Path(os.devnull)), token=TOKEN,
                                   base_url=base_url, db_path=db_path,
                                   messages_per_second=0.0)  # the overall cap lifted
    question_log = QuestionLog(settings.database_url or settings.db_path,
                               settings.retention_days)
    shared = SharedMode(settings.redis_url) if settings.redis_url else None
    app = build_application(KnowledgeService(Engine(load_knowledge())), settings,
                            question_log=question_log,
                            persistence=ChatPersistence(chat_state_store(settings)),
                            shared=shared)
    try:
        app.run_polling(allowed_updates=ALLOWED_UPDATES)
    finally:
        question_log.close()


def main(argv: Sequence[str] | None = None) -> int:
    """Drive the default bot, then the shared one, and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--updates", type=int, default=1000, help="questions in the paced run")
    parser.add_argument("--rate", type=float, default=100.0, help="questions a second")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--base-url", help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        run_child(args.base_url, args.db)
        return 0
    texts = [item.question for item in load_dev_questions()]
    default = drive(texts, args.updates, args.rate, None, None)
    with redis_server() as redis_url, postgres_server() as database_url:
        shared = drive(texts, args.updates, args.rate, redis_url, database_url)
    mine, reference = shared["paced"], default["paced"]
    rows = [(f"answers/s, {args.updates} paced at {args.rate:g}/s", f"{mine.throughput:,.0f}",
             f"{reference.throughput:,.0f}", ratio(mine.throughput, reference.throughput)),
            ("bot process CPU per update", ms(mine.cpu_per_update),
             ms(reference.cpu_per_update), ratio(mine.cpu_per_update, reference.cpu_per_update))]
    for share in (0.50, 0.99):
        ours, theirs = (percentile(list(run.latencies), share) for run in (mine, reference))
        rows.append((f"arrival→answer p{share * 100:.0f}", ms(ours), ms(theirs),
                     ratio(ours, theirs)))
    print_table("shared mode (Redis + PostgreSQL) against the default (SQLite)", "default",
                rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
