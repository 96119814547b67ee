"""The whole bot under load from the fake Bot API, against a bare python-telegram-bot echo bot."""

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
import time
from collections import deque
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from figures import load_dev_questions, mb, ms, percentile, print_table, ratio

TESTS_DIR = Path(__file__).resolve().parent.parent / "tests"
sys.path.insert(0, str(TESTS_DIR))  # the fake Bot API is the test suite's
from botapi import FakeBotApi  # noqa: E402

TOKEN = "123456:BENCHMARK"  # noqa: S105 - a fake token for the fake server
WARM_UP_UPDATES = 30
ANSWER_TIMEOUT_SECONDS = 60.0


class TimedBotApi(FakeBotApi):
    """The fake server, noting when each sendMessage arrives and for which chat."""

    def __init__(self) -> None:
        super().__init__(TOKEN, keep_alive=True)
        self.sent: list[tuple[float, int]] = []

    def handle(self, path: str, query: str, content_type: str, body: bytes) -> tuple[int, Any]:
        """Answer as the fake server does; time the answers to questions."""
        status, payload = super().handle(path, query, content_type, body)
        if status == 200 and path.endswith("/sendMessage"):
            self.sent.append((time.perf_counter(), int(payload["result"]["chat"]["id"])))
        return status, payload


@dataclasses.dataclass(frozen=True)
class Run:
    """One batch of private questions: each answer's latency, the wall time and the bot's CPU."""

    updates: int
    latencies: tuple[float, ...]
    elapsed: float  # first question queued to last answer received
    cpu: float  # CPU seconds of the bot's process meanwhile (NaN where /proc is missing)

    @property
    def rate(self) -> float:
        """Answers per second."""
        return len(self.latencies) / self.elapsed if self.elapsed > 0 else float("nan")


def process_cpu(pid: int) -> float:
    """CPU seconds (user + system, every thread) a process has used, from /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def process_rss(pid: int) -> float:
    """A process's resident set size in bytes, from /proc (NaN where it is missing)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return float("nan")
    line = next((line for line in status.splitlines() if line.startswith("VmRSS:")), "")
    return int(line.split()[1]) * 1024 if line else float("nan")


def ask(api: TimedBotApi, pid: int, texts: Sequence[str], count: int, first_user: int,
        rate: float) -> Run:
    """Queue `count` private questions, each from its own user (so flood control never holds
    one back), all at once or `rate` per second; wait for every answer."""
    already, cpu = len(api.sent), process_cpu(pid)
    queued: dict[int, deque[float]] = {}
    start = time.perf_counter()
    for number in range(count):
        if rate > 0:
            time.sleep(max(0.0, start + number / rate - time.perf_counter()))
        text, user = texts[number % len(texts)], first_user + number
        language = "ru" if any("\u0400" <= char <= "\u04ff" for char in text) else "en"
        queued.setdefault(user, deque()).append(time.perf_counter())
        api.private_text(text, user_id=user, language_code=language)
    deadline = time.perf_counter() + ANSWER_TIMEOUT_SECONDS
    while len(api.sent) - already < count and time.perf_counter() < deadline:
        time.sleep(0.005)
    answers = api.sent[already:]
    latencies = tuple(arrived - queued[chat].popleft() for arrived, chat in answers
                      if queued.get(chat))
    elapsed = answers[-1][0] - start if answers else float("nan")
    return Run(count, latencies, elapsed, process_cpu(pid) - cpu)


def drive(kind: str, texts: Sequence[str], updates: int, rate: float
          ) -> tuple[dict[str, Run], float]:
    """Start one bot in its own process against a fresh fake server and run the batches;
    return them and the bot's RSS after them."""
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        api = TimedBotApi().start()
        command = [sys.executable, str(Path(__file__).resolve()), "--child", kind,
                   "--base-url", api.base_url, "--db", str(Path(folder) / "questions.sqlite3")]
        bot = subprocess.Popen(command)  # noqa: S603 - this script, fixed arguments
        try:
            api.wait_for("getUpdates", timeout=60)  # polling: the bot is up
            runs = {"warm-up": ask(api, bot.pid, texts, WARM_UP_UPDATES, 1, 0)}
            runs["burst"] = ask(api, bot.pid, texts, updates, 1 + WARM_UP_UPDATES, 0)
            runs["paced"] = ask(api, bot.pid, texts, updates, 1 + WARM_UP_UPDATES + updates,
                                rate)
            memory = process_rss(bot.pid)
        finally:
            # The server's pending long poll outlives the bot's connection and fails with a
            # broken pipe, which http.server prints: expected at shutdown, so not shown.
            with contextlib.redirect_stderr(io.StringIO()):
                bot.send_signal(signal.SIGINT)  # run_polling's own stop signal: a clean stop
                code = bot.wait(timeout=30)
                api.stop()
    if code != 0:
        raise RuntimeError(f"the {kind} bot exited with {code}")
    return runs, memory


def run_child(kind: str, base_url: str, db_path: Path) -> None:
    """In this process: run the bot (`bot`) or the echo bot (`echo`) until SIGINT."""
    from telegram import Update
    from telegram.ext import AIORateLimiter, ApplicationBuilder, MessageHandler, filters

    # Both without Telegram's overall limit of ~30 messages/s, which would hide the bot's cost
    # (the bot's own request retries 429s). The echo bot imports nothing of the bot's.
    limiter = AIORateLimiter(overall_max_rate=0)
    if kind == "echo":
        async def echo(update: Any, context: Any) -> None:
            await update.effective_message.reply_text(update.effective_message.text)

        app = ApplicationBuilder().token(TOKEN).base_url(base_url).rate_limiter(limiter).build()
        app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
        app.run_polling(allowed_updates=[Update.MESSAGE])
        return
    from bot.config import load_settings
    from bot.engine import Engine
    from bot.knowledge import load_knowledge
    from bot.ops.question_log import QuestionLog
    from bot.ops.reload import KnowledgeService
    from bot.telegram.app import ALLOWED_UPDATES, build_application

    # As run_bot assembles it: live reloading, the question log, flood control.
    settings = dataclasses.replace(load_settings(Path(os.devnull)), token=TOKEN,
                                   base_url=base_url, db_path=db_path)
    question_log = QuestionLog(settings.db_path, settings.retention_days)
    app = build_application(KnowledgeService(Engine(load_knowledge())), settings,
                            question_log=question_log, rate_limiter=limiter)
    try:
        app.run_polling(allowed_updates=ALLOWED_UPDATES)
    finally:
        question_log.close()


def report(ours: dict[str, Run], echo: dict[str, Run], memory: tuple[float, float],
           updates: int, rate: float) -> None:
    """Print the bot's figures beside the echo bot's."""
    burst, echo_burst = ours["burst"], echo["burst"]
    rows = [(f"answers/s, {updates} queued at once", f"{burst.rate:,.0f}",
             f"{echo_burst.rate:,.0f}", ratio(burst.rate, echo_burst.rate)),
            ("bot process CPU per update", ms(burst.cpu / burst.updates),
             ms(echo_burst.cpu / echo_burst.updates), ratio(burst.cpu, echo_burst.cpu))]
    for share in (0.50, 0.99):
        mine, theirs = (percentile(run["paced"].latencies, share) for run in (ours, echo))
        rows.append((f"queued→answered p{share * 100:.0f} at {rate:g}/s", ms(mine), ms(theirs),
                     ratio(mine, theirs)))
    rows.append(("bot process RSS after the batches", mb(memory[0]), mb(memory[1]),
                 ratio(*memory)))
    for name, run in ours.items():
        if len(run.latencies) < run.updates:
            rows.append((f"unanswered in the {name} batch", str(run.updates - len(run.latencies)),
                         "", ""))
    print_table("whole bot against the fake Bot API (tests/botapi)", "echo bot", rows)
    print("\necho bot: a bare python-telegram-bot Application replying each text with itself. "
          "Both run in their own process with run_polling and AIORateLimiter(overall_max_rate=0); "
          "the bot is build_application's, with live reload, question log and flood control. "
          "Latency: a question queued on the server to its sendMessage arriving there.")


def main(argv: Sequence[str] | None = None) -> int:
    """Drive the echo bot, then the bot, and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--updates", type=int, default=1000, help="questions per batch")
    parser.add_argument("--rate", type=float, default=50.0,
                        help="questions/s offered in the paced batch (default 50)")
    parser.add_argument("--child", choices=("bot", "echo"), help=argparse.SUPPRESS)
    parser.add_argument("--base-url", help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        run_child(args.child, args.base_url, args.db)
        return 0
    texts = [item.question for item in load_dev_questions()]
    echo, echo_memory = drive("echo", texts, args.updates, args.rate)
    ours, memory = drive("bot", texts, args.updates, args.rate)
    report(ours, echo, (memory, echo_memory), args.updates, args.rate)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
