"""Start-up time of `python -m bot ask`, from a warm engine cache and from an empty one, against
a bare interpreter measured in the same run."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence

from figures import REPO_DIR, ms, print_table, ratio


def time_command(command: Sequence[str], runs: int, cold: bool = False) -> list[float]:
    """The wall time of each of `runs` runs of a command (after one untimed run, so every
    timed run finds the files in the page cache); `cold` gives each run an empty engine cache."""
    with tempfile.TemporaryDirectory() as warm:
        _run(command, {"BOT_CACHE_DIR": warm})
        times = []
        for _ in range(runs):
            with tempfile.TemporaryDirectory() as empty:
                environment = {"BOT_CACHE_DIR": empty if cold else warm}
                started = time.perf_counter()
                _run(command, environment)
                times.append(time.perf_counter() - started)
    return times


def _run(command: Sequence[str], environment: Mapping[str, str]) -> None:
    # An installed bot starts from compiled bytecode (pip compiles on install); with
    # PYTHONDONTWRITEBYTECODE inherited, every run would recompile each changed module and time
    # the compiler instead of the start-up.
    inherited = {name: value for name, value in os.environ.items()
                 if name != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(command, capture_output=True, cwd=REPO_DIR, check=True,  # noqa: S603
                   env={**inherited, **environment})


def main(argv: Sequence[str] | None = None) -> int:
    """Time both commands and print the median and fastest run of each."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10, help="timed runs of each (default 10)")
    parser.add_argument("--question", default="x", help='the question asked (default "x")')
    args = parser.parse_args(argv)
    ask = [sys.executable, "-m", "bot", "ask", args.question]
    bare = [sys.executable, "-c", "pass"]
    warm, cold = time_command(ask, args.runs), time_command(ask, args.runs, cold=True)
    reference = time_command(bare, args.runs)
    rows = []
    for label, pick in (("median", statistics.median), ("fastest", min)):
        for cache, ours in (("cached engine", warm), ("empty cache", cold)):
            rows.append((f'python -m bot ask "{args.question}", {cache}, {label} of {args.runs}',
                         ms(pick(ours)), ms(pick(reference)), ratio(pick(ours), pick(reference))))
    print_table("start-up", "python -c pass", rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
