"""Engine speed on the real knowledge base (pyperf), against the BM25 baseline in the same run."""

from __future__ import annotations

import functools
import gc
import time
import tracemalloc
from collections.abc import Callable, Sequence

import pyperf
from baseline import Bm25Ranker
from figures import load_dev_questions, mb, ms, percentile, print_table, ratio, time_each

from bot.engine import Engine
from bot.knowledge import Knowledge, load_knowledge

Ranker = Engine | Bm25Ranker
Builder = Callable[[Knowledge], Ranker]


@functools.cache
def knowledge() -> Knowledge:
    """The real knowledge base, loaded once per process (pyperf workers run this file too)."""
    return load_knowledge()


@functools.cache
def questions() -> tuple[str, ...]:
    """The development sets' questions."""
    return tuple(item.question for item in load_dev_questions())


def ask(ranker: Ranker) -> Callable[[str], object]:
    """The ranker's per-question call."""
    return ranker.decide if isinstance(ranker, Engine) else ranker.top


def time_build(loops: int, build: Builder) -> float:
    """pyperf time function: build the index `loops` times."""
    total = 0.0
    for _ in range(loops):
        started = time.perf_counter()
        build(knowledge())
        total += time.perf_counter() - started
    return total


def time_first_pass(loops: int, build: Builder) -> float:
    """pyperf time function: every question once on a freshly built ranker, caches empty."""
    total = 0.0
    for _ in range(loops):
        answer = ask(build(knowledge()))  # not timed
        started = time.perf_counter()
        for question in questions():
            answer(question)
        total += time.perf_counter() - started
    return total


@functools.cache
def warm(build: Builder) -> Callable[[str], object]:
    """One ranker per worker, kept between values so its caches stay warm."""
    return ask(build(knowledge()))


def time_warm_pass(loops: int, build: Builder) -> float:
    """pyperf time function: every question once on a ranker that has seen them before."""
    answer = warm(build)
    started = time.perf_counter()
    for _ in range(loops):
        for question in questions():
            answer(question)
    return time.perf_counter() - started


# Fresh rankers each question is timed on; its figure is the least of their times.
_FRESH_RANKERS = 5


def least(runs: list[list[float]]) -> list[float]:
    """Per question, the least of its times over the runs."""
    return [min(times) for times in zip(*runs, strict=True)]


def distribution(build: Builder) -> tuple[list[float], list[float], list[float], int]:
    """Per-question CPU times (this thread's) of a first pass on a fresh ranker, of a first
    pass on a rehearsed one (as the bot serves: see `Engine.rehearse`; BM25 has nothing to
    rehearse),
    and of a repeat pass, each the least over several fresh rankers (what the question
    costs, without the moments the machine's scheduler or another process took the core);
    and the memory a built ranker holds (traced allocations: RSS would count what an earlier
    ranker freed)."""
    gc.collect()
    tracemalloc.start()
    build(knowledge())
    gc.collect()
    held = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    first, rehearsed, repeat = [], [], []
    for _ in range(_FRESH_RANKERS):
        answer = ask(build(knowledge()))
        first.append(time_each(answer, questions(), clock=time.thread_time))
        repeat.append(time_each(answer, questions(), clock=time.thread_time))
        ranker = build(knowledge())
        if isinstance(ranker, Engine):
            ranker.rehearse()
        rehearsed.append(time_each(ask(ranker), questions(), clock=time.thread_time))
    return least(first), least(rehearsed), least(repeat), held


def spread(benchmark: pyperf.Benchmark) -> str:
    """pyperf's mean ± standard deviation (the mean alone from a single value)."""
    if benchmark.get_nvalue() < 2:
        return ms(benchmark.mean())
    return f"{ms(benchmark.mean())} ± {ms(benchmark.stdev())}"


def report(figures: dict[str, pyperf.Benchmark]) -> None:
    """Print the engine's figures beside BM25's, measured in this run."""
    count = len(questions())
    ours_first, ours_rehearsed, ours_warm, ours_held = distribution(Engine)
    bm25_first, bm25_rehearsed, bm25_warm, bm25_held = distribution(Bm25Ranker)
    rows = []
    for label, name in (("build", "build"), ("mean per question, first pass", "first pass"),
                        ("mean per question, warm", "warm")):
        ours, theirs = figures[f"engine {name}"], figures[f"bm25 {name}"]
        rows.append((f"{label} (pyperf mean ± sd)", spread(ours), spread(theirs),
                     ratio(ours.mean(), theirs.mean())))
    for label, ours_pass, bm25_pass in (("first pass", ours_first, bm25_first),
                                        ("first pass, rehearsed", ours_rehearsed,
                                         bm25_rehearsed),
                                        ("repeat pass", ours_warm, bm25_warm)):
        for share in (0.50, 0.99):
            rows.append((f"p{share * 100:.0f} latency, {label}", ms(percentile(ours_pass, share)),
                         ms(percentile(bm25_pass, share)),
                         ratio(percentile(ours_pass, share), percentile(bm25_pass, share))))
    rows.append(("memory held by the built index", mb(ours_held), mb(bm25_held),
                 ratio(ours_held, bm25_held)))
    for label, ours_pass in (("first pass", ours_first),
                             ("first pass, rehearsed", ours_rehearsed)):
        rows.append((f"p99 {label} / p99 repeat pass (engine)",
                     ms(percentile(ours_pass, 0.99)), ms(percentile(ours_warm, 0.99)),
                     ratio(percentile(ours_pass, 0.99), percentile(ours_warm, 0.99))))
    facts = len(knowledge().facts)
    print_table(f"engine, real knowledge base ({facts} facts, {count} dev questions)",
                "BM25", rows)
    print("\nBM25: rank_bm25 BM25Okapi over the engine's Analyzer tokens (benchmarks/baseline.py);"
          " the engine decides (analysis, typos, ranking, decision), BM25 only ranks. p50/p99: "
          f"each question's CPU time, the least over {_FRESH_RANKERS} fresh indexes: on its "
          "first pass, on the first pass of an index rehearsed as the bot rehearses it before "
          "serving, and on a second pass.")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the pyperf benchmarks in worker processes; the parent prints the table."""
    runner = pyperf.Runner(processes=6, values=3)
    runner.parse_args(argv)
    figures: dict[str, pyperf.Benchmark] = {}
    count = len(questions())
    for label, build in (("engine", Engine), ("bm25", Bm25Ranker)):
        for name, timer, inner in (("build", time_build, None),
                                   ("first pass", time_first_pass, count),
                                   ("warm", time_warm_pass, count)):
            result = runner.bench_time_func(f"{label} {name}", timer, build, inner_loops=inner)
            if result is not None:
                figures[f"{label} {name}"] = result
    if not runner.args.worker:
        report(figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
