"""The whole bot under paced load, against the python-telegram-bot echo bot measured in the same
run: `python -m bot` and the echo bot each against its own local Bot API stand-in (tests/botapi),
questions arriving at fixed rates for long enough that a growing queue shows."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import gc
import io
import math
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from figures import load_dev_questions, mb, ms, percentile, print_table, ratio

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the fake Bot API is the test suite's
from botapi import FakeBotApi  # noqa: E402
from botapi.server import parse_params  # noqa: E402

TOKEN = "123456:BENCHMARK"  # noqa: S105 - a fake token for the fake server
WARM_UP = (100, 100.0)  # updates, per second: imports, caches and connections before timing
DRAIN_SECONDS = 30.0  # how long after the last arrival answers are still counted
SETTLE_SECONDS = 300.0  # how long a backlog may take to clear before the next phase starts


class TimedBotApi(FakeBotApi):
    """The fake server, noting when each answer (a message, an inline answer) arrives."""

    def __init__(self) -> None:
        super().__init__(TOKEN, keep_alive=True)
        self.answered: dict[object, float] = {}
        self._lock = threading.Lock()

    def handle(self, path: str, query: str, content_type: str, body: bytes) -> tuple[int, Any]:
        """Answer as the fake server does; time the answers."""
        status, payload = super().handle(path, query, content_type, body)
        if status != 200:
            return status, payload
        if path.endswith("/sendMessage"):
            key: object = int(payload["result"]["chat"]["id"])
        elif path.endswith("/answerInlineQuery"):
            key = parse_params(content_type, body, query)["inline_query_id"]
        else:
            return status, payload
        with self._lock:
            self.answered.setdefault(key, time.perf_counter())
        return status, payload


@dataclasses.dataclass(frozen=True)
class Phase:
    """One paced run: each update's arrival→answer latency, the bot's CPU, what went unanswered."""

    name: str
    offered: int
    rate: float
    latencies: tuple[float, ...]
    elapsed: float  # first arrival to last answer
    cpu: float  # CPU seconds of the bot's process over the phase (NaN where /proc is missing)

    @property
    def throughput(self) -> float:
        """Answers per second over the phase."""
        return len(self.latencies) / self.elapsed if self.elapsed > 0 else float("nan")

    @property
    def cpu_per_update(self) -> float:
        return self.cpu / len(self.latencies) if self.latencies else float("nan")


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


def paced(api: TimedBotApi, pid: int, name: str, count: int, rate: float,
          send: Callable[[int], object]) -> Phase:
    """Offer `count` updates at `rate` a second (each `send(number)` returns its answer's key),
    catching up after any pause of the driver; wait for every answer or the drain timeout."""
    arrived: dict[object, float] = {}
    # The driver's own full collections (up to 177 ms in one run, walking every update the
    # fake servers recorded) would be pauses of the clock and the servers, counted as the
    # latency of whichever bot was running: the driver collects between phases instead.
    gc.collect()
    gc.disable()
    try:
        return _paced(api, pid, name, count, rate, send, arrived)
    finally:
        gc.enable()


def _paced(api: TimedBotApi, pid: int, name: str, count: int, rate: float,
           send: Callable[[int], object], arrived: dict[object, float]) -> Phase:
    """`paced`, with the driver's garbage collector paused."""
    cpu = process_cpu(pid)
    start = time.perf_counter()
    number = 0
    while number < count:
        due = min(count, int((time.perf_counter() - start) * rate) + 1)
        while number < due:
            key = send(number)
            arrived[key] = time.perf_counter()
            number += 1
        time.sleep(max(0.0, start + number / rate - time.perf_counter()))
    deadline = time.perf_counter() + DRAIN_SECONDS
    while time.perf_counter() < deadline:
        if all(key in api.answered for key in arrived):
            break
        time.sleep(0.01)
    cpu = process_cpu(pid) - cpu
    done = [(api.answered[key], at) for key, at in arrived.items() if key in api.answered]
    latencies = tuple(answered - at for answered, at in done)
    last = max((answered for answered, _ in done), default=float("nan"))
    # What is still owed is answered before the next phase, so that its work is not counted
    # there (it is not counted here either: this phase already shows it as unanswered).
    deadline = time.perf_counter() + SETTLE_SECONDS
    while time.perf_counter() < deadline and not all(key in api.answered for key in arrived):
        time.sleep(0.1)
    return Phase(name, count, rate, latencies, last - start, cpu)


def messages(api: TimedBotApi, texts: Sequence[str], first_user: int) -> Callable[[int], object]:
    """Private questions, each from a user of its own (flood control never holds one back)."""
    def send(number: int) -> object:
        text, user = texts[number % len(texts)], first_user + number
        language = "ru" if any("\u0400" <= char <= "\u04ff" for char in text) else "en"
        api.private_text(text, user_id=user, language_code=language)
        return user
    return send


def inline(api: TimedBotApi, texts: Sequence[str], first_user: int) -> Callable[[int], object]:
    """Inline queries, each from a user of its own."""
    def send(number: int) -> object:
        text = texts[number % len(texts)]
        language = "ru" if any("\u0400" <= char <= "\u04ff" for char in text) else "en"
        update = api.inline_query(text, user_id=first_user + number, language_code=language)
        return update["inline_query"]["id"]
    return send


def child_command(kind: str, base_url: str, folder: Path) -> tuple[list[str], dict[str, str]]:
    """How to start one bot: the echo bot is this script; the bot is `python -m bot`, as
    deployed, with the overall message cap raised (Telegram's 30/s would hide its cost)."""
    env = {key: value for key, value in os.environ.items()
           if key not in {"KNOWLEDGE_DIR", "WEBHOOK_URL", "LOG_LEVEL", "FLOOD_BURST"}}
    if kind == "echo":
        return [sys.executable, str(Path(__file__).resolve()), "--echo", base_url], env
    env.update(TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_BASE_URL=base_url, MESSAGES_PER_SECOND="1000",
               BOT_DB=str(folder / "questions.sqlite3"), BOT_CACHE_DIR=str(folder / "cache"),
               PYTHONPATH=str(ROOT))
    return [sys.executable, "-m", "bot"], env


class RunningBot:
    """One bot in its own process against a fake server of its own."""

    def __init__(self, kind: str, texts: Sequence[str]) -> None:
        self.kind, self.texts = kind, texts
        self._folder = tempfile.TemporaryDirectory(prefix="bench-")
        folder = Path(self._folder.name)
        self.log_path = folder / "bot.log"
        self.api = TimedBotApi().start()
        command, env = child_command(kind, self.api.base_url, folder)
        with self.log_path.open("w") as log:
            self.process = subprocess.Popen(  # noqa: S603 - this script or the bot, fixed
                command, env=env, cwd=folder, stdin=subprocess.DEVNULL, stdout=log, stderr=log)
        self.next_user = 1

    def wait_until_up(self) -> None:
        """Wait for the first long poll, then warm up (imports, caches, connections)."""
        self.api.wait_for("getUpdates", timeout=60)
        self.run("warm-up", WARM_UP[0], WARM_UP[1], messages)

    def run(self, name: str, count: int, rate: float,
            kind: Callable[[TimedBotApi, Sequence[str], int], Callable[[int], object]]) -> Phase:
        """One paced phase of `count` updates (from new users) at `rate` a second."""
        phase = paced(self.api, self.process.pid, name, count, rate,
                      kind(self.api, self.texts, self.next_user))
        self.next_user += count
        return phase

    def stop(self) -> tuple[float, str]:
        """Stop the bot (SIGINT, run_polling's own stop signal); its RSS before, and its log.
        Raises if it did not stop cleanly."""
        memory = process_rss(self.process.pid)
        # The server's pending long poll outlives the bot's connection and fails with a
        # broken pipe, which http.server prints: expected at shutdown, so not shown.
        with contextlib.redirect_stderr(io.StringIO()):
            self.process.send_signal(signal.SIGINT)
            try:
                code = self.process.wait(timeout=60)
            finally:
                self.api.stop()
        output = self.log_path.read_text(errors="replace")
        self._folder.cleanup()
        if code != 0:
            raise RuntimeError(f"the {self.kind} bot exited with {code}:\n{output[-3000:]}")
        return memory, output


def drive(texts: Sequence[str], rates: Sequence[float], seconds: float, inline_rate: float,
          cycles: int = 1) -> tuple[dict[str, list[list[Phase]]], dict[str, float]]:
    """Start both bots, then run each phase `cycles` times on each, the two in turn (which
    goes first alternating from cycle to cycle), so that a pair sees the machine in the same
    state; per bot, each phase's cycles, and each bot's RSS after them."""
    bots = {kind: RunningBot(kind, texts) for kind in ("echo", "bot")}
    phases: dict[str, list[list[Phase]]] = {kind: [] for kind in bots}
    memory: dict[str, float] = {}
    try:
        for bot in bots.values():
            bot.wait_until_up()
        plan = [(f"messages at {rate:g}/s", rate, messages) for rate in rates]
        plan.append((f"inline queries at {inline_rate:g}/s", inline_rate, inline))
        for name, rate, kind in plan:
            for key in bots:
                phases[key].append([])
            for cycle in range(cycles):
                order = list(bots.items()) if cycle % 2 == 0 else list(bots.items())[::-1]
                for key, bot in order:
                    phases[key][-1].append(bot.run(name, int(rate * seconds), rate, kind))
    finally:
        for key, bot in bots.items():
            memory[key], output = bot.stop()
            if key == "bot" and "event loop: uvloop" not in output:
                print("note: the bot ran without uvloop (the fast extra is not installed)")
    return phases, memory


def run_echo(base_url: str) -> None:
    """In this process: python-telegram-bot's echo bot with its default settings, answering
    texts with themselves and inline queries with one article quoting them."""
    from telegram import InlineQueryResultArticle, InputTextMessageContent, Update
    from telegram.ext import ApplicationBuilder, InlineQueryHandler, MessageHandler, filters

    async def echo(update: Any, context: Any) -> None:
        await update.effective_message.reply_text(update.effective_message.text)

    async def echo_inline(update: Any, context: Any) -> None:
        query = update.inline_query
        await query.answer([InlineQueryResultArticle(
            "1", query.query[:64] or "?", InputTextMessageContent(query.query or "?"))])

    app = ApplicationBuilder().token(TOKEN).base_url(base_url).build()
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    app.add_handler(InlineQueryHandler(echo_inline))
    app.run_polling(allowed_updates=[Update.MESSAGE, Update.INLINE_QUERY])


def _middle(values: Sequence[float]) -> float:
    """The median of the values, NaN for none."""
    return statistics.median(values) if values else math.nan


def report(ours: list[list[Phase]], echo: list[list[Phase]],
           memory: tuple[float, float]) -> None:
    """Print the bot's figures beside the echo bot's, phase by phase: answers over every
    cycle, the median cycle's throughput, p50 and p99, and the median of the cycles' CPU
    ratios (each pair of runs saw the machine alike; the cycles may not have)."""
    rows = []
    for mine, theirs in zip(ours, echo, strict=True):
        name = mine[0].name
        answered = (sum(len(phase.latencies) for phase in side) for side in (mine, theirs))
        offered = (sum(phase.offered for phase in side) for side in (mine, theirs))
        rows.append((f"{name}: answered", *(f"{a}/{o}" for a, o in zip(answered, offered,
                                                                      strict=True)), ""))
        a, b = (_middle([phase.throughput for phase in side]) for side in (mine, theirs))
        rows.append((f"{name}: answers/s", f"{a:,.0f}", f"{b:,.0f}", ratio(a, b)))
        for share in (0.50, 0.99):
            a, b = (_middle([percentile(phase.latencies, share) for phase in side])
                    for side in (mine, theirs))
            rows.append((f"{name}: arrival→answer p{share * 100:.0f}", ms(a), ms(b),
                         ratio(a, b)))
        per_cycle = [m.cpu_per_update / t.cpu_per_update
                     for m, t in zip(mine, theirs, strict=True) if t.cpu_per_update]
        a, b = (_middle([phase.cpu_per_update for phase in side]) for side in (mine, theirs))
        rows.append((f"{name}: CPU per update", ms(a), ms(b),
                     f"{_middle(per_cycle):.3g}×" if per_cycle else ""))
        if len(per_cycle) > 1:
            rows.append((f"{name}: CPU ratio per cycle", "", "",
                         " ".join(f"{value:.2f}" for value in per_cycle)))
    rows.append(("RSS after the phases", mb(memory[0]), mb(memory[1]), ratio(*memory)))
    print_table("whole bot (python -m bot) against the fake Bot API (tests/botapi)",
                "echo bot", rows)
    print("\necho bot: python-telegram-bot's Application with its default settings, replying "
          "to each text with itself and to each inline query with one article. The bot: "
          "`python -m bot` with MESSAGES_PER_SECOND=1000 and otherwise default settings. Each "
          "against its own fake server in this process, in turn, each phase repeated for the "
          "cycles asked (medians over the cycles; the CPU ratio is the median of the cycles' "
          "ratios); each update from a user of its own. Latency: an update queued on the server "
          "to its answer arriving there; CPU: the bot process's user + system time from /proc "
          "over the phase, per answer.")


def main(argv: Sequence[str] | None = None) -> int:
    """Drive the echo bot, then the bot, and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rates", default="150,300,600",
                        help="message arrival rates per second, one phase each")
    parser.add_argument("--seconds", type=float, default=20.0, help="length of each phase")
    parser.add_argument("--inline-rate", type=float, default=300.0,
                        help="inline queries per second in the inline phase")
    parser.add_argument("--cycles", type=int, default=3,
                        help="runs of each phase per bot, in turn (the machine's speed drifts)")
    parser.add_argument("--echo", metavar="BASE_URL", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.echo:
        run_echo(args.echo)
        return 0
    rates = [float(rate) for rate in args.rates.split(",") if rate.strip()]
    texts = [item.question for item in load_dev_questions()]
    phases, memory = drive(texts, rates, args.seconds, args.inline_rate, max(1, args.cycles))
    report(phases["bot"], phases["echo"], (memory["bot"], memory["echo"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
