"""Engine build, latency and memory on synthetic knowledge bases of 10,000 and 100,000 facts."""

from __future__ import annotations

import argparse
import gc
import json
import pickle
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from baseline import Bm25Ranker
from figures import load_dev_questions, mb, ms, peak_rss, percentile, print_table, ratio, rss
from figures import time_each as time_questions
from synthetic import generate_knowledge

from bot.engine import Engine
from bot.knowledge import load_knowledge

T = TypeVar("T")
DEFAULT_SIZES = (10_000, 100_000)
# BM25 scans every document per query token: on the largest sizes it is timed on a sample.
BASELINE_BUDGET_SECONDS = 8.0


def build(make: Callable[[], T]) -> tuple[T, float, int]:
    """What `make` builds, the seconds it took and the memory it added."""
    gc.collect()
    before = rss()
    started = time.perf_counter()
    built = make()
    return built, time.perf_counter() - started, rss() - before


def measure_size(size: int) -> dict[str, Any]:
    """In this process: build the engine and BM25 on `size` facts and time the dev questions
    on each. Run one size per process, or the peak RSS of one size would hide the next."""
    questions = [item.question for item in load_dev_questions()]
    knowledge = generate_knowledge(load_knowledge(), size)
    engine, build_seconds, engine_rss = build(lambda: Engine(knowledge))
    # What a start from the on-disk cache does (bot/ops/engine_cache.py): unpickle the engine.
    cached = pickle.dumps(engine, protocol=pickle.HIGHEST_PROTOCOL)
    gc.disable()  # as bot/ops/engine_cache.py restores
    started = time.perf_counter()
    restored: Engine = pickle.loads(cached)  # noqa: S301 - bytes this process has just written
    restore_seconds = time.perf_counter() - started
    gc.enable()
    # A restored engine unpickles a language's index when a question first needs it: an
    # English question reads the languages written in Latin letters to tell them apart.
    started = time.perf_counter()
    restored.decide("how much did trade grow?")
    first_question = time.perf_counter() - started
    started = time.perf_counter()
    for code in knowledge.languages:
        restored.index(code)
    every_language = first_question + time.perf_counter() - started
    # What a serving bot then does before its first user: rehearse, within its time budget.
    started = time.perf_counter()
    rehearsed = restored.rehearse()
    rehearsal = time.perf_counter() - started
    first = time_questions(engine.decide, questions)
    repeat = time_questions(engine.decide, questions)
    peak = peak_rss()
    bm25, bm25_build, bm25_rss = build(lambda: Bm25Ranker(knowledge, engine.language_of))
    return {
        "size": len(knowledge.facts), "build": build_seconds, "bm25_build": bm25_build,
        "restore": restore_seconds, "cache_bytes": len(cached),
        "first_question": first_question, "every_language": every_language,
        "rehearsal": rehearsal, "rehearsed": rehearsed,
        "rehearsable": len(knowledge.facts) * len(knowledge.languages),
        "first": first, "repeat": repeat, "peak": peak,
        "engine_rss": engine_rss, "bm25_rss": bm25_rss,
        "bm25": time_questions(bm25.top, questions, BASELINE_BUDGET_SECONDS),
    }


def measure_in_child(size: int) -> dict[str, Any]:
    """`measure_size` in a fresh interpreter running this script."""
    command = [sys.executable, str(Path(__file__).resolve()), "--child", str(size)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        raise RuntimeError(f"the {size}-fact run failed:\n{done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def report(figures: dict[str, Any]) -> None:
    """Print one size's figures beside BM25's."""
    first, repeat, bm25 = figures["first"], figures["repeat"], figures["bm25"]
    sample = f" (n={len(bm25)})" if len(bm25) < len(first) else ""
    rows = [("build", ms(figures["build"]), ms(figures["bm25_build"]),
             ratio(figures["build"], figures["bm25_build"])),
            (f"restore from the cache ({mb(figures['cache_bytes'])})", ms(figures["restore"]),
             ms(figures["bm25_build"]), ratio(figures["restore"], figures["bm25_build"])),
            ("restore, then a first English question", ms(figures["restore"]
                                                          + figures["first_question"]),
             ms(figures["bm25_build"]),
             ratio(figures["restore"] + figures["first_question"], figures["bm25_build"])),
            ("restore, then every language's index", ms(figures["restore"]
                                                         + figures["every_language"]),
             ms(figures["bm25_build"]),
             ratio(figures["restore"] + figures["every_language"], figures["bm25_build"])),
            (f"then the serving bot's rehearsal ({figures['rehearsed']:,} of "
             f"{figures['rehearsable']:,} first questions)", ms(figures["rehearsal"]), "", "")]
    for label, latencies in (("first pass", first), ("repeat pass", repeat)):
        for share in (0.50, 0.99):
            ours, theirs = percentile(latencies, share), percentile(bm25, share)
            rows.append((f"p{share * 100:.0f} latency, {label}", ms(ours), ms(theirs) + sample,
                         ratio(ours, theirs)))
    rows += [
        ("RSS added by building it", mb(figures["engine_rss"]), mb(figures["bm25_rss"]),
         ratio(figures["engine_rss"], figures["bm25_rss"])),
        ("peak RSS, engine built and asked", mb(figures["peak"]), "", ""),
    ]
    print_table(f"scale: {figures['size']:,} facts ({len(first)} dev questions)", "BM25", rows)


def main(argv: Sequence[str] | None = None) -> int:
    """Measure each size in its own process and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)),
                        help="comma-separated knowledge base sizes (default 10000,100000)")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        print(json.dumps(measure_size(args.child)), flush=True)
        return 0
    for size in (int(part) for part in args.sizes.split(",") if part.strip()):
        report(measure_in_child(size))
    print("\nSynthetic facts: the real ones, then facts whose phrasings and answers draw half "
          "their words from the real ones as often as they occur there and half from made-up "
          "words by Zipf frequency (benchmarks/synthetic.py). Each size runs in a "
          "fresh process; BM25 is built after the engine in the same process and timed on "
          f"about {BASELINE_BUDGET_SECONDS:g} s of questions at most (n: the sample).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
