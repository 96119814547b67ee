"""Performance benchmarks: engine, scale, whole bot, start-up and memory, against baselines."""

from __future__ import annotations

import argparse
import dataclasses
import gc
import importlib.util
import json
import logging
import math
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz, process

from bot.config import Settings, load_settings
from bot.ops.evaluation import OUT_OF_SCOPE, SMALLTALK, LabelledQuestion, is_correct, load_questions
from bot.knowledge import Knowledge, load_knowledge
from bot.engine import Answer, Engine
from synthetic import generate_knowledge

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

# asyncio, multiprocessing, subprocess and friends are imported where used: this module is
# imported by the command line, and `python -m bot ask` should not pay for them.

log = logging.getLogger(__name__)

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent
TESTS_DIR = REPO_DIR / "tests"
FAKE_BOTAPI = TESTS_DIR / "fake_botapi.py"
DEV_SETS = (TESTS_DIR / "data" / "questions.yaml", TESTS_DIR / "data" / "questions_ru.yaml")

DEFAULT_SIZES = (1_000, 10_000, 100_000)
QUICK_SIZES = (1_000, 10_000)
BASELINE_CUTOFF = 80.0  # the baseline answers with its best phrasing's fact at WRatio >= 80
BASELINE_BUDGET_SECONDS = 8.0  # the baseline is slow on big knowledge bases: time a sample
BASELINE_MIN_QUESTIONS = 5
BENCH_TOKEN = "123456:BENCHMARK"  # noqa: S105 - a fake token for the fake server
FIRST_USER_ID = 100_000
WARM_UP_UPDATES = 30
SHIPPED_UPDATES = 150  # the as-shipped run is held to ~30 messages/s: keep it short
TELEGRAM_OVERALL_RATE = 30
MB = 1024 * 1024


# --------------------------------------------------------------------------- measurements
@dataclasses.dataclass(frozen=True)
class Timings:
    """Per-item latencies (seconds) of one timed run."""

    latencies: tuple[float, ...]

    @property
    def count(self) -> int:
        """How many items were timed."""
        return len(self.latencies)

    @property
    def rate(self) -> float:
        """Items per second, back to back."""
        total = sum(self.latencies)
        return self.count / total if total > 0 else math.inf

    @property
    def p50(self) -> float:
        """The median latency."""
        return find_percentile(self.latencies, 0.50)

    @property
    def p99(self) -> float:
        """The 99th percentile latency (nearest rank)."""
        return find_percentile(self.latencies, 0.99)


def find_percentile(values: Sequence[float], share: float) -> float:
    """The nearest-rank percentile of the values (NaN for none)."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(share * len(ordered)) - 1))]


def measure_peak_rss() -> int:
    """This process's peak resident set size in bytes (getrusage maxrss)."""
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak if sys.platform == "darwin" else peak * 1024)


def measure_rss() -> int:
    """This process's current resident set size in bytes (the peak where /proc is missing)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return measure_peak_rss()


# --------------------------------------------------------------------------- the baseline
class Baseline:
    """The plain approach: rapidfuzz `process.extractOne` with `fuzz.WRatio` over every phrasing
    of every fact, no normalising, no stemming, no synonyms."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self.choices: list[str] = []
        self.fact_of: list[str] = []
        for fact in knowledge.facts:
            for phrasings in fact.questions.values():
                for phrasing in phrasings:
                    self.choices.append(phrasing)
                    self.fact_of.append(fact.id)

    def find_answer(self, question: str) -> Answer:
        """The best phrasing's fact if it scores at least `BASELINE_CUTOFF`, else nothing."""
        best = process.extractOne(question, self.choices, scorer=fuzz.WRatio, processor=None)
        if best is None or best[1] < BASELINE_CUTOFF:
            return Answer(question, "none", "", "en", score=best[1] if best else 0.0)
        fact = self.knowledge.by_id[self.fact_of[best[2]]]
        return Answer(question, "fact", "", "en", fact=fact, score=best[1])


Answerer = Callable[[str], Answer]


def time_answers(answer: Answerer, questions: Sequence[str], budget: float | None = None,
                 minimum: int = 1) -> tuple[Timings, list[Answer]]:
    """Answer each question once, timing each; stop early once `budget` seconds are spent
    (after at least `minimum` questions)."""
    latencies: list[float] = []
    answers: list[Answer] = []
    spent = 0.0
    for question in questions:
        started = time.perf_counter()
        answers.append(answer(question))
        latency = time.perf_counter() - started
        latencies.append(latency)
        spent += latency
        if budget is not None and spent > budget and len(latencies) >= minimum:
            break
    return Timings(tuple(latencies)), answers


@dataclasses.dataclass(frozen=True)
class Score:
    """Dev-set accuracy: in-scope questions answered right, out-of-scope questions declined."""

    in_scope: int
    in_scope_correct: int
    declines: int
    declines_correct: int


def score_answers(items: Sequence[LabelledQuestion], answers: Sequence[Answer]) -> Score:
    """Count the right answers (small-talk questions are left out: the baseline has none)."""
    counts = [0, 0, 0, 0]
    for item, answer in zip(items, answers, strict=False):
        if item.expected[0] == SMALLTALK:
            continue
        offset = 2 if item.expected[0] == OUT_OF_SCOPE else 0
        counts[offset] += 1
        counts[offset + 1] += is_correct(item, answer)
    return Score(*counts)


# --------------------------------------------------------------------------- the table
@dataclasses.dataclass(frozen=True)
class Target:
    """A goal for one figure."""

    text: str
    check: Callable[[float], bool]


@dataclasses.dataclass(frozen=True)
class Row:
    """One line of the table."""

    section: str
    measure: str
    ours: str
    baseline: str = ""
    ratio: str = ""
    target: str = ""
    status: str = ""


def under(limit: float, unit: float = 1.0, label: str = "") -> Target:
    """A target: the figure is below `limit` (shown as `< label`)."""
    return Target(f"< {label}", lambda value: value < limit * unit)


def at_least(limit: float, label: str) -> Target:
    """A target: the figure is at least `limit`."""
    return Target(f">= {label}", lambda value: value >= limit)


def format_ms(seconds: float) -> str:
    """A duration in milliseconds (microseconds below 0.1 ms)."""
    if math.isnan(seconds):
        return "n/a"
    if seconds < 1e-4:
        return f"{seconds * 1e6:.0f} µs"
    return f"{seconds * 1e3:.3g} ms" if seconds < 1 else f"{seconds * 1e3:,.0f} ms"


def format_seconds(seconds: float) -> str:
    """A duration in seconds."""
    return f"{seconds:.3g} s" if seconds < 100 else f"{seconds:,.0f} s"


def format_rate(rate: float, unit: str) -> str:
    """A rate with its unit."""
    return f"{rate:,.0f} {unit}" if rate >= 100 else f"{rate:.3g} {unit}"


def format_mb(size: float) -> str:
    """A size in MiB."""
    return f"{size / MB:.0f} MB"


def format_ratio(ours: float, baseline: float) -> str:
    """ours ÷ baseline."""
    if baseline <= 0 or math.isnan(ours) or math.isnan(baseline) or math.isinf(ours):
        return ""
    value = ours / baseline
    return f"{value:.3g}×" if value < 1000 else f"{value:,.0f}×"


def make_row(section: str, measure: str, ours: float, shown: str, baseline: float | None = None,
             baseline_shown: str = "", target: Target | None = None) -> Row:
    """A row with its ratio against the baseline and its target's status."""
    ratio = format_ratio(ours, baseline) if baseline is not None else ""
    status = ""
    if target is not None:
        status = "met" if not math.isnan(ours) and target.check(ours) else "NOT met"
    return Row(section, measure, shown, baseline_shown, ratio, target.text if target else "",
               status)


def render_table(rows: Sequence[Row]) -> str:
    """A plain-text table, one row a line."""
    header = Row("section", "measure", "ours", "baseline", "ours/baseline", "target", "status")
    cells = [dataclasses.astuple(row) for row in (header, *rows)]
    widths = [max(len(str(cell[column])) for cell in cells) for column in range(len(cells[0]))]
    lines = []
    for number, cell in enumerate(cells):
        lines.append("  ".join(str(value).ljust(width) for value, width in zip(cell, widths,
                                                                                  strict=True))
                     .rstrip())
        if number == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)


def render_markdown(rows: Sequence[Row]) -> str:
    """The same table in Markdown."""
    header = ("section", "measure", "ours", "baseline", "ours/baseline", "target", "status")
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in rows:
        lines.append("| " + " | ".join(str(value) for value in dataclasses.astuple(row)) + " |")
    return "\n".join(lines)


# --------------------------------------------------------------------------- dev questions
def load_dev_questions(knowledge: Knowledge, limit: int | None = None) -> list[LabelledQuestion]:
    """The development question sets (English then Russian); without the tests directory, each
    fact's first phrasing in each language stands in."""
    items: list[LabelledQuestion] = []
    if all(path.is_file() for path in DEV_SETS):
        for path in DEV_SETS:
            items.extend(load_questions(path))
    else:
        log.warning("development question sets not found; timing the knowledge base's phrasings")
        for language in knowledge.languages:
            for fact in knowledge.facts:
                phrasings = fact.questions.get(language, ())
                if phrasings:
                    items.append(LabelledQuestion(phrasings[0], (fact.id,)))
    return items[:limit] if limit else items


def split_dev_sets(items: Sequence[LabelledQuestion]) -> dict[str, list[LabelledQuestion]]:
    """The questions by language of the dev set (by script)."""
    by_language: dict[str, list[LabelledQuestion]] = {}
    for item in items:
        language = "ru" if any("\u0400" <= char <= "\u04ff" for char in item.question) else "en"
        by_language.setdefault(language, []).append(item)
    return by_language


# --------------------------------------------------------------------------- engine section
def bench_engine(knowledge: Knowledge, items: Sequence[LabelledQuestion]) -> tuple[list[Row],
                                                                                     Timings]:
    """Engine vs baseline on the real knowledge base: speed (a first pass on a fresh engine, then
    a repeat pass with warm caches) and dev-set accuracy."""
    questions = [item.question for item in items]
    started = time.perf_counter()
    engine = Engine(knowledge)
    build = time.perf_counter() - started
    baseline = Baseline(knowledge)
    cold, answers = time_answers(engine.find_answer, questions)
    warm, _ = time_answers(engine.find_answer, questions)
    plain, plain_answers = time_answers(baseline.find_answer, questions)
    section = f"engine ({len(knowledge.facts)} facts, {len(questions)} q)"
    rows = [
        make_row(section, "build", build, format_ms(build)),
        make_row(section, "questions/s", cold.rate, format_rate(cold.rate, "q/s"), plain.rate,
                 format_rate(plain.rate, "q/s")),
        make_row(section, "p50 latency", cold.p50, format_ms(cold.p50), plain.p50,
                 format_ms(plain.p50)),
        make_row(section, "p99 latency", cold.p99, format_ms(cold.p99), plain.p99,
                 format_ms(plain.p99), under(1e-3, label="1 ms")),
        make_row(section, "p99 latency, repeat pass", warm.p99, format_ms(warm.p99), plain.p99,
                 format_ms(plain.p99), under(1e-3, label="1 ms")),
    ]
    answered = {item.question: answer for item, answer in zip(items, answers, strict=True)}
    plain_answered = dict(zip(questions, plain_answers, strict=True))
    for language, subset in split_dev_sets(items).items():
        ours = score_answers(subset, [answered[item.question] for item in subset])
        theirs = score_answers(subset, [plain_answered[item.question] for item in subset])
        for label, right, total, plain_right in (
            ("in-scope accuracy", ours.in_scope_correct, ours.in_scope, theirs.in_scope_correct),
            ("correct declines", ours.declines_correct, ours.declines, theirs.declines_correct),
        ):
            if total:
                rows.append(make_row(
                    section, f"dev {language}: {label}", right / total,
                    f"{right / total:.1%} ({right}/{total})", plain_right / total,
                    f"{plain_right / total:.1%} ({plain_right}/{total})",
                ))
    return rows, cold


# --------------------------------------------------------------------------- scale section
def measure_scale(size: int, question_limit: int | None) -> dict[str, Any]:
    """In this (fresh) process: generate a knowledge base of `size` facts, build the engine,
    time the dev questions on it and on the baseline; return the figures."""
    real = load_knowledge()
    items = load_dev_questions(real, question_limit)
    questions = [item.question for item in items]
    started = time.perf_counter()
    knowledge = generate_knowledge(real, size)
    generated = time.perf_counter() - started
    gc.collect()
    before = measure_rss()
    started = time.perf_counter()
    engine = Engine(knowledge)
    build = time.perf_counter() - started
    ours, answers = time_answers(engine.find_answer, questions)
    after = measure_rss()
    peak = measure_peak_rss()
    score = score_answers(items, answers)
    started = time.perf_counter()
    baseline = Baseline(knowledge)
    baseline_build = time.perf_counter() - started
    plain, _ = time_answers(baseline.find_answer, questions, BASELINE_BUDGET_SECONDS,
                            BASELINE_MIN_QUESTIONS)
    return {
        "size": len(knowledge.facts), "generate": generated, "build": build,
        "baseline_build": baseline_build, "rss_before": before, "rss_after": after,
        "peak": peak, "ours": list(ours.latencies), "baseline": list(plain.latencies),
        "in_scope": [score.in_scope_correct, score.in_scope],
    }


def run_scale_child(size: int, question_limit: int | None) -> dict[str, Any]:
    """`measure_scale` in a fresh `python -m bot bench --scale-child N` process."""
    import subprocess

    command = [sys.executable, "-m", "bot", "bench", "--scale-child", str(size)]
    if question_limit:
        command += ["--questions", str(question_limit)]
    done = subprocess.run(command, capture_output=True, text=True, env=child_environment(),  # noqa: S603
                          check=False)
    if done.returncode != 0:
        raise RuntimeError(f"scale child for {size} facts failed:\n{done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def scale_targets(size: int) -> tuple[Target | None, Target | None]:
    """(p99 target, build target) for a knowledge base size."""
    p99 = {10_000: under(10e-3, label="10 ms"), 100_000: under(50e-3, label="50 ms")}.get(size)
    build = under(1.0, label="1 s") if size == 10_000 else None
    return p99, build


def bench_scale(sizes: Sequence[int], question_limit: int | None) -> list[Row]:
    """Engine vs baseline on synthetic knowledge bases, each size in a fresh process."""
    rows: list[Row] = []
    for size in sizes:
        log.info("scale: %d facts", size)
        figures = run_scale_child(size, question_limit)
        ours = Timings(tuple(figures["ours"]))
        plain = Timings(tuple(figures["baseline"]))
        section = f"scale {figures['size']:,} facts"
        p99_target, build_target = scale_targets(size)
        sample = f" (n={plain.count})" if plain.count < ours.count else ""
        right, total = figures["in_scope"]
        rows += [
            make_row(section, "build", figures["build"], format_seconds(figures["build"]),
                     figures["baseline_build"], format_seconds(figures["baseline_build"]),
                     build_target),
            make_row(section, "peak RSS (build + questions)", figures["peak"],
                     format_mb(figures["peak"]), figures["rss_before"],
                     format_mb(figures["rss_before"]) + " before build"),
            make_row(section, "questions/s", ours.rate, format_rate(ours.rate, "q/s"),
                     plain.rate, format_rate(plain.rate, "q/s") + sample),
            make_row(section, "p50 latency", ours.p50, format_ms(ours.p50), plain.p50,
                     format_ms(plain.p50) + sample),
            make_row(section, "p99 latency", ours.p99, format_ms(ours.p99), plain.p99,
                     format_ms(plain.p99) + sample, p99_target),
            make_row(section, "dev in-scope accuracy, synthetic look-alikes around",
                     right / total if total else math.nan,
                     f"{right / total:.1%} ({right}/{total})" if total else "n/a"),
        ]
    return rows


# --------------------------------------------------------------------------- whole bot
def load_fake_botapi() -> ModuleType | None:
    """tests/fake_botapi.py loaded by path, or None when the tests are not installed."""
    if not FAKE_BOTAPI.is_file():
        return None
    spec = importlib.util.spec_from_file_location("bench_fake_botapi", FAKE_BOTAPI)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@dataclasses.dataclass
class _Clock:
    """Server-side times: when each chat's questions were queued, and the latencies so far."""

    queued: dict[int, deque[float]]
    latencies: list[float]
    lock: threading.Lock
    first_queued: float = math.nan
    last_sent: float = math.nan


def keep_connections_open(module: ModuleType) -> None:
    """Let the fake server keep connections open (HTTP/1.1, no Nagle delay) as Telegram does;
    as written it answers in HTTP/1.0 and closes each connection, so every request the bot
    makes would pay for a new connection."""
    handler = getattr(module, "_Handler", None)
    if handler is not None:
        handler.protocol_version = "HTTP/1.1"
        handler.disable_nagle_algorithm = True


def serve_fake_api(conn: Connection) -> None:
    """The fake Bot API in its own process (so its HTTP handling does not share the bot's
    interpreter): queues the plans' updates, times each update's arrival to the sendMessage
    that answers it, and reports the latencies back over `conn`."""
    module = load_fake_botapi()
    if module is None:
        conn.send(None)
        return
    keep_connections_open(module)
    api = module.FakeBotApi(token=BENCH_TOKEN)
    clock = _Clock({}, [], threading.Lock())
    answer = api._api_sendmessage

    def timed_send(params: dict[str, Any]) -> Any:
        arrived = time.perf_counter()
        result = answer(params)
        with clock.lock:
            queue = clock.queued.get(int(params["chat_id"]))
            if queue:
                clock.latencies.append(arrived - queue.popleft())
                clock.last_sent = arrived
        return result

    api._api_sendmessage = timed_send  # the server dispatches by attribute: time every answer
    api.start()
    conn.send(api.base_url)
    while (plan := conn.recv()) is not None:
        conn.send(run_plan(api, clock, plan))
    api.stop()


def run_plan(api: Any, clock: _Clock, plan: dict[str, Any]) -> dict[str, Any]:
    """Queue `plan["updates"]` private questions from `plan["users"]` users, all at once or at
    `plan["rate"]` per second; wait for every answer; return the latencies."""
    with clock.lock:
        clock.queued.clear()
        clock.latencies.clear()
        clock.first_queued = clock.last_sent = math.nan
    questions: list[list[str]] = plan["questions"]
    count, users, rate = int(plan["updates"]), int(plan["users"]), float(plan["rate"])
    start, cpu = time.perf_counter(), time.process_time()
    for number in range(count):
        if rate > 0:
            due = start + number / rate
            while (wait := due - time.perf_counter()) > 0:
                time.sleep(min(wait, 0.002))
        text, language = questions[number % len(questions)]
        user = int(plan["first_user"]) + number % users
        with clock.lock:
            now = time.perf_counter()
            if number == 0:
                clock.first_queued = now
            clock.queued.setdefault(user, deque()).append(now)
        api.private_text(text, user_id=user, language_code=language)
    deadline = time.perf_counter() + float(plan["timeout"])
    while time.perf_counter() < deadline:
        with clock.lock:
            if len(clock.latencies) >= count:
                break
        time.sleep(0.005)
    with clock.lock:
        return {"name": plan["name"], "rate": rate, "latencies": list(clock.latencies),
                "elapsed": clock.last_sent - clock.first_queued,
                "updates": count, "server_cpu": time.process_time() - cpu}


def rebuild_without_overall_limit(app: Any, settings: Settings) -> Any:
    """The same application (its handlers, error handlers and hooks) with the rate limiter's
    overall limit off: `build_application` offers no parameter for it."""
    from telegram.ext import AIORateLimiter, ApplicationBuilder  # noqa: TID251 - drives the real adapter

    from bot.telegram.app import RATE_LIMIT_RETRIES

    assert settings.token is not None  # noqa: S101 - set by the caller
    builder = (
        ApplicationBuilder()
        .token(settings.token)
        .rate_limiter(AIORateLimiter(overall_max_rate=0, max_retries=RATE_LIMIT_RETRIES))
        .concurrent_updates(app.update_processor.max_concurrent_updates)
    )
    if settings.base_url:
        builder = builder.base_url(settings.base_url)
    for hook in ("post_init", "post_stop", "post_shutdown"):
        if getattr(app, hook, None) is not None:
            builder = getattr(builder, hook)(getattr(app, hook))
    rebuilt = builder.build()
    for group, handlers in app.handlers.items():
        rebuilt.add_handlers(handlers, group=group)
    for callback, block in app.error_handlers.items():
        rebuilt.add_error_handler(callback, block=block)
    return rebuilt


Planner = Callable[[list[dict[str, Any]]], "dict[str, Any] | None"]


async def drive_application(app: Any, conn: Connection, next_plan: Planner
                            ) -> list[dict[str, Any]]:
    """Run the application as `run_polling` does (initialise, post_init, poll, start; then stop
    and shut down with their hooks), long polling the fake server through each plan in turn;
    `next_plan` sees the results so far and gives the next plan (None: done)."""
    import asyncio

    from bot.telegram.app import ALLOWED_UPDATES

    results: list[dict[str, Any]] = []
    await app.initialize()
    if app.post_init is not None:
        await app.post_init(app)
    try:
        await app.updater.start_polling(poll_interval=0.0, timeout=1,
                                        allowed_updates=ALLOWED_UPDATES)
        await app.start()
        while (plan := next_plan(results)) is not None:
            started = time.process_time()
            conn.send(plan)
            result = await asyncio.to_thread(conn.recv)
            result["bot_cpu"] = time.process_time() - started
            results.append(result)
        await app.updater.stop()
        await app.stop()
        if app.post_stop is not None:
            await app.post_stop(app)
    finally:
        await app.shutdown()
        if app.post_shutdown is not None:
            await app.post_shutdown(app)
    return results


def assemble_running_bot(engine: Engine, settings: Settings, db_path: Path) -> Any:
    """The application as `run_bot` assembles it: a live-reloading knowledge service, a question
    log, flood control from the settings."""
    from bot.ops.question_log import QuestionLog
    from bot.ops.reload import KnowledgeService
    from bot.telegram.app import build_application

    question_log = QuestionLog(db_path, settings.retention_days)
    return build_application(KnowledgeService(engine), settings, question_log=question_log)


@dataclasses.dataclass(frozen=True)
class BotRun:
    """What one plan measured."""

    latencies: tuple[float, ...]
    elapsed: float
    updates: int
    bot_cpu: float  # CPU seconds of the bot's process (every thread) during the run
    server_cpu: float  # CPU seconds of the fake server's process
    offered: float  # updates/s offered; 0: all queued at once

    @classmethod
    def from_result(cls, result: dict[str, Any]) -> BotRun:
        """The figures a plan reported."""
        return cls(tuple(result["latencies"]), result["elapsed"], result["updates"],
                   result["bot_cpu"], result["server_cpu"], result["rate"])

    @property
    def cpu_per_update(self) -> float:
        """The bot process's CPU time per update."""
        return self.bot_cpu / self.updates if self.updates else math.nan

    @property
    def rate(self) -> float:
        """Updates answered per second, first arrival to last answer."""
        return len(self.latencies) / self.elapsed if self.elapsed > 0 else math.nan

    @property
    def complete(self) -> bool:
        """Whether every update was answered."""
        return len(self.latencies) >= self.updates


def run_whole_bot(items: Sequence[LabelledQuestion], options: argparse.Namespace,
                  settings: Settings) -> dict[str, BotRun]:
    """Start the fake server in its own process and drive the applications through the plans.
    Overall limit off: a warm-up, then "burst" (every update queued at once), "offered" (paced
    at the offered rate) and "half" (paced at half the burst rate, which the bot can keep up
    with). Unless quick, "built": all queued at once on the application exactly as built."""
    import asyncio
    import multiprocessing
    import tempfile

    questions = [[item.question, split_language(item.question)] for item in items]
    timeout = max(30.0, options.updates / 20)
    plans_made = 0

    def plan(name: str, updates: int, rate: float) -> dict[str, Any]:
        nonlocal plans_made
        plans_made += 1  # each plan has users of its own: flood control starts afresh
        return {"name": name, "updates": updates, "users": options.users, "rate": rate,
                "timeout": timeout, "first_user": FIRST_USER_ID + plans_made * options.users,
                "questions": questions}

    def raised_plans(done: list[dict[str, Any]]) -> dict[str, Any] | None:
        if len(done) == 0:
            return plan("warm-up", WARM_UP_UPDATES, 0)
        if len(done) == 1:
            return plan("burst", options.updates, 0)
        if len(done) == 2:
            return plan("offered", options.updates, options.rate)
        if len(done) == 3:
            half = max(1.0, round(BotRun.from_result(done[1]).rate / 2))
            return plan("half", min(options.updates, max(50, int(half * 5))), half)
        return None

    def built_plans(done: list[dict[str, Any]]) -> dict[str, Any] | None:
        if len(done) == 0:
            return plan("warm-up", WARM_UP_UPDATES, 0)
        if len(done) == 1:
            return plan("built", min(options.updates, SHIPPED_UPDATES), 0)
        return None

    engine = Engine(load_knowledge())
    context = multiprocessing.get_context("spawn")
    parent, child = context.Pipe()
    server = context.Process(target=serve_fake_api, args=(child,), daemon=True)
    server.start()
    try:
        settings = dataclasses.replace(settings, base_url=parent.recv())
        with tempfile.TemporaryDirectory(prefix="bench-") as folder:
            raised = rebuild_without_overall_limit(
                assemble_running_bot(engine, settings, Path(folder) / "raised.sqlite3"), settings)
            results = asyncio.run(drive_application(raised, parent, raised_plans))
            if not options.quick:
                shipped = assemble_running_bot(engine, settings, Path(folder) / "built.sqlite3")
                results += asyncio.run(drive_application(shipped, parent, built_plans))
        parent.send(None)
    finally:
        server.join(timeout=10)
        if server.is_alive():
            server.terminate()
    return {result["name"]: BotRun.from_result(result) for result in results}


def bench_whole_bot(items: Sequence[LabelledQuestion], options: argparse.Namespace,
                    engine_timings: Timings) -> tuple[list[Row], list[str]]:
    """The real application against the fake Bot API server: throughput with every update queued
    at once, and arrival→send latency at the offered rate and at half the throughput, overall
    limit off; then the application exactly as built, with Telegram's overall limit."""
    section = "whole bot"
    if load_fake_botapi() is None:
        return [Row(section, "skipped (tests/fake_botapi.py not found)", "")], []
    notes = []
    if importlib.util.find_spec("sniffio") is None:
        notes.append("whole bot: sniffio is not installed, so httpcore tries to import it on "
                     "every request (a failed import searches sys.path each time); installing "
                     "sniffio makes each request cheaper.")
    settings = dataclasses.replace(load_settings(), token=BENCH_TOKEN)
    per_user = math.ceil(max(options.updates, WARM_UP_UPDATES) / options.users)
    if settings.flood_burst and per_user > settings.flood_burst:
        notes.append(f"whole bot: each of the {options.users} users asks up to {per_user} "
                     f"questions at once, so the per-user flood burst was raised from "
                     f"{settings.flood_burst} to {per_user}.")
        settings = dataclasses.replace(settings, flood_burst=per_user)
    runs = run_whole_bot(items, options, settings)
    burst, offered, half, built = runs["burst"], runs["offered"], runs["half"], runs.get("built")
    complete = all(run.complete for run in runs.values())
    rows = [
        make_row(section, f"updates/s, {options.updates} queued at once, overall limit off"
                 + ("" if complete else " (some updates unanswered!)"), burst.rate,
                 format_rate(burst.rate, "upd/s"), built.rate if built else None,
                 format_rate(built.rate, "upd/s") + " as built (30 msg/s limit)"
                 if built else "", at_least(300, "300 upd/s")),
    ]
    for run, label, target in (
        (offered, f"at {options.rate:g} upd/s offered", under(50e-3, label="50 ms")),
        (half, f"at {half.offered:g} upd/s offered (half the above)", None),
    ):
        p50, p99 = find_percentile(run.latencies, 0.5), find_percentile(run.latencies, 0.99)
        rows += [
            make_row(section, f"arrival→send p50 {label}", p50, format_ms(p50),
                     engine_timings.p50, format_ms(engine_timings.p50) + " engine alone"),
            make_row(section, f"arrival→send p99 {label}", p99, format_ms(p99),
                     engine_timings.p99, format_ms(engine_timings.p99) + " engine alone",
                     target),
            make_row(section, f"answered/s {label}", run.rate, format_rate(run.rate, "upd/s"),
                     run.offered, format_rate(run.offered, "upd/s") + " offered"),
        ]
    rows += [
        make_row(section, "bot process CPU per update (all queued at once)",
                 burst.cpu_per_update, format_ms(burst.cpu_per_update),
                 1 / engine_timings.rate, format_ms(1 / engine_timings.rate) + " engine alone"),
        make_row(section, "fake server CPU per update (its own process)",
                 burst.server_cpu / burst.updates, format_ms(burst.server_cpu / burst.updates)),
    ]
    return rows, notes


def split_language(question: str) -> str:
    """The Telegram language code a user asking this question would likely have."""
    return "ru" if any("\u0400" <= char <= "\u04ff" for char in question) else "en"


# --------------------------------------------------------------------------- start-up, memory
def child_environment() -> dict[str, str]:
    """The environment for child `python -m bot` processes: this package first on the path."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        part for part in (str(REPO_DIR), env.get("PYTHONPATH", "")) if part
    )
    return env


def time_command(command: Sequence[str], runs: int) -> float:
    """The median wall time of running a command `runs` times."""
    import statistics
    import subprocess

    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, env=child_environment(), check=True)  # noqa: S603
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def measure_running_bot() -> dict[str, int]:
    """In this (fresh) process: build what the running bot holds (knowledge base, engine,
    application with its question log), answer the dev questions once; return the current and
    peak RSS."""
    import tempfile

    engine = Engine(load_knowledge())
    settings = dataclasses.replace(load_settings(), token=BENCH_TOKEN)
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        app = assemble_running_bot(engine, settings, Path(folder) / "questions.sqlite3")
        for item in load_dev_questions(engine.knowledge):
            engine.find_answer(item.question)
        gc.collect()
        figures = {"rss": measure_rss(), "peak": measure_peak_rss()}
        del app
    return figures


def bench_process(runs: int) -> list[Row]:
    """Start-up time of `python -m bot ask "trade"` and resident memory of the running bot,
    each against a bare interpreter."""
    import subprocess

    bare = [sys.executable, "-c", "pass"]
    ask = time_command([sys.executable, "-m", "bot", "ask", "trade"], runs)
    interpreter = time_command(bare, runs)
    done = subprocess.run([sys.executable, "-m", "bot", "bench", "--rss-child"],
                          capture_output=True, text=True, env=child_environment(), check=True)
    bot = json.loads(done.stdout.strip().splitlines()[-1])
    plain = subprocess.run(
        [sys.executable, "-c", "from bot.bench import measure_rss; print(measure_rss())"],
        capture_output=True, text=True, env=child_environment(), check=True)
    interpreter_rss = int(plain.stdout.strip())
    return [
        make_row("process", f'start-up: python -m bot ask "trade" (median of {runs})', ask,
                 format_ms(ask), interpreter, format_ms(interpreter) + " bare python"),
        make_row("process", "RSS of the running bot (engine + application)", bot["rss"],
                 format_mb(bot["rss"]), interpreter_rss,
                 format_mb(interpreter_rss) + " bare python", under(150, MB, "150 MB")),
        make_row("process", "peak RSS of the running bot", bot["peak"], format_mb(bot["peak"]),
                 interpreter_rss, format_mb(interpreter_rss) + " bare python"),
    ]


# --------------------------------------------------------------------------- command line
def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The `bench` subcommand's options."""
    parser.add_argument("--sizes", type=parse_sizes, default=None,
                        help="synthetic knowledge base sizes (default 1000,10000,100000)")
    parser.add_argument("--questions", type=int, default=None,
                        help="time only the first N dev questions (default: all)")
    parser.add_argument("--users", type=int, default=1000,
                        help="simulated users in the whole-bot runs (default 1000)")
    parser.add_argument("--updates", type=int, default=None,
                        help="updates per whole-bot run (default 2000; 500 with --quick)")
    parser.add_argument("--rate", type=float, default=300.0,
                        help="offered updates/s for the whole-bot latency run (default 300)")
    parser.add_argument("--runs", type=int, default=None,
                        help="start-up runs to take the median of (default 5; 3 with --quick)")
    parser.add_argument("--quick", action="store_true",
                        help="smaller sizes and runs, no as-built whole-bot run")
    parser.add_argument("--markdown", type=Path, default=None,
                        help="also write the table as Markdown to this file")
    parser.add_argument("--scale-child", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--rss-child", action="store_true", help=argparse.SUPPRESS)


def parse_sizes(text: str) -> tuple[int, ...]:
    """'1000,10000' → (1000, 10000)."""
    try:
        sizes = tuple(int(part.replace("_", "")) for part in text.split(",") if part.strip())
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not a list of sizes: {text!r}") from error
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError(f"sizes must be positive: {text!r}")
    return sizes


def describe_machine() -> str:
    """One line about where the figures were measured."""
    import platform

    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as info:
            for line in info:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return (f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}")


NOTES = (
    "ours/baseline: ours ÷ baseline (below 1× is faster for times, above 1× is faster for "
    "rates).",
    "baseline: rapidfuzz process.extractOne(question, every phrasing, scorer=fuzz.WRatio), no "
    f"preprocessing; it answers when the best score is >= {BASELINE_CUTOFF:g}. On big knowledge "
    f"bases it is timed on a sample (n=...) of about {BASELINE_BUDGET_SECONDS:g} s.",
    "engine latency: the first pass is on a fresh engine (its typo cache empty); the repeat "
    "pass asks the same questions again. Accuracy leaves out small-talk questions.",
    "scale: the real facts plus synthetic ones drawing words from the real phrasings and "
    "answers as often as they occur there, six phrasings per language; each size in a fresh "
    "process; build = Engine(knowledge) on the in-memory knowledge base. The synthetic facts "
    "mix the real words at random, so they crowd the real facts (hence the accuracy there) and "
    "make long postings: a real knowledge base that large would have a larger vocabulary.",
    "whole bot: the Application from build_application, long polling the fake Bot API server "
    "(tests/fake_botapi.py, in its own process, connections kept open as Telegram's are), "
    "private questions from many users. The overall rate limit (Telegram's ~30 messages/s) is "
    "OFF for the measured runs (same handlers, AIORateLimiter(overall_max_rate=0)), or it would "
    "hide the bot's own cost; 'as built' is the application exactly as run_bot assembles it. "
    "Latency is from an update being queued on the server to its sendMessage reaching the "
    "server.",
)


def run_bench(options: argparse.Namespace) -> int:
    """`python -m bot bench`: measure everything and print the table."""
    if options.scale_child is not None:
        print(json.dumps(measure_scale(options.scale_child, options.questions)), flush=True)
        return 0
    if options.rss_child:
        print(json.dumps(measure_running_bot()), flush=True)
        return 0
    sizes = options.sizes or (QUICK_SIZES if options.quick else DEFAULT_SIZES)
    options.updates = options.updates or (500 if options.quick else 2000)
    runs = options.runs or (3 if options.quick else 5)
    knowledge = load_knowledge()
    items = load_dev_questions(knowledge, options.questions)
    log.info("engine: %d questions", len(items))
    rows, engine_timings = bench_engine(knowledge, items)
    rows += bench_scale(sizes, options.questions)
    log.info("whole bot: %d updates from %d users", options.updates, options.users)
    bot_rows, notes = bench_whole_bot(items, options, engine_timings)
    rows += bot_rows
    log.info("process: start-up and memory")
    rows += bench_process(runs)
    table = render_table(rows)
    print(table)
    print()
    if not FAKE_BOTAPI.is_file():
        print("whole bot: skipped (tests/fake_botapi.py not found)")
    print(f"measured on {describe_machine()}")
    notes = [*NOTES, *notes]
    for note in notes:
        print(f"- {note}")
    if options.markdown is not None:
        listed = "\n".join(f"- {note}" for note in notes)
        options.markdown.write_text(
            f"{render_markdown(rows)}\n\nMeasured on {describe_machine()}.\n\n{listed}\n",
            encoding="utf-8",
        )
    return 0
