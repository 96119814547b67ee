"""Shared measuring and printing: percentiles, ratios to a reference, memory, the dev sets."""

from __future__ import annotations

import math
import resource
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from bot.ops.evaluation import LabelledQuestion, load_questions

REPO_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = REPO_DIR / "tests" / "data"
# The English and Russian development sets: the questions every timing asks.
DEV_SETS = (DATA_DIR / "questions.yaml", DATA_DIR / "questions_ru.yaml")
MB = 1024 * 1024


def load_dev_questions() -> list[LabelledQuestion]:
    """The development sets' questions, English then Russian."""
    return [item for path in DEV_SETS for item in load_questions(path)]


def percentile(values: Sequence[float], share: float) -> float:
    """The nearest-rank percentile of the values (NaN for none)."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(share * len(ordered)) - 1))]


def time_each(answer: Callable[[str], object], questions: Iterable[str],
              budget: float = math.inf,
              clock: Callable[[], float] = time.perf_counter) -> list[float]:
    """Each question's latency in seconds by `clock` (wall time by default); stops once
    `budget` seconds are spent."""
    latencies: list[float] = []
    for question in questions:
        started = clock()
        answer(question)
        latencies.append(clock() - started)
        if sum(latencies) > budget:
            break
    return latencies


def rss() -> int:
    """This process's current resident set size in bytes (the peak where /proc is missing)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return peak_rss()


def peak_rss() -> int:
    """This process's peak resident set size in bytes."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak if sys.platform == "darwin" else peak * 1024)


def ratio(ours: float, reference: float) -> str:
    """ours ÷ reference, or "" when either is missing."""
    if not reference or math.isnan(ours) or math.isnan(reference):
        return ""
    value = ours / reference
    return f"{value:.3g}×" if value < 1000 else f"{value:,.0f}×"


def ms(seconds: float) -> str:
    """A duration in milliseconds (microseconds below 0.1 ms)."""
    if math.isnan(seconds):
        return "n/a"
    if seconds < 1e-4:
        return f"{seconds * 1e6:.0f} µs"
    return f"{seconds * 1e3:.3g} ms" if seconds < 1 else f"{seconds * 1e3:,.0f} ms"


def mb(size: float) -> str:
    """A size in MiB."""
    return f"{size / MB:.1f} MB"


def share(right: int, total: int) -> str:
    """A share as a percentage with its counts."""
    return f"{right / total:.1%} ({right}/{total})" if total else "n/a"


def print_table(title: str, reference: str, rows: Sequence[tuple[str, str, str, str]]) -> None:
    """Print (measure, ours, reference, ours/reference) rows under a title."""
    header = ("measure", "ours", reference, "ours/ref")
    widths = [max(len(row[column]) for row in (header, *rows)) for column in range(4)]
    print(f"\n{title}")
    for number, row in enumerate((header, *rows)):
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
              .rstrip())
        if number == 0:
            print("  ".join("-" * width for width in widths))
