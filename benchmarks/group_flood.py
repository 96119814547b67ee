"""Head-of-line blocking, measured: while one group floods `python -m bot` with questions
(far over Telegram's 20 messages a minute per group, so most of its answers wait), private
questions keep arriving; the time from each private question being queued at the (fake) Bot
API to its answer arriving there, p50 / p99 / max.

    .venv/bin/python benchmarks/group_flood.py [--private 200] [--group 60]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from botapi import DEFAULT_SUPERGROUP_ID, FakeBotApi
from harness import TOKEN, TRADE_EN, start_process, wait_until

PRIVATE_USERS = 20_000
GROUP_USERS = 30_000


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--private", type=int, default=200, help="private questions")
    parser.add_argument("--group", type=int, default=60, help="group questions, all at once")
    parser.add_argument("--interval", type=float, default=0.1,
                        help="seconds between private questions")
    options = parser.parse_args()
    latencies: list[float] = []
    with tempfile.TemporaryDirectory() as folder, FakeBotApi(token=TOKEN) as server:
        work = Path(folder)
        with (work / "bot.log").open("w") as log:
            process = start_process(server, work, log, LOG_LEVEL="WARNING")
            try:
                wait_until(lambda: server.calls_to("getUpdates"), timeout=60)
                for number in range(options.group):
                    server.command(f"/ask how much did trade grow? {number}",
                                   chat_type="supergroup", user_id=GROUP_USERS + number)
                for number in range(options.private):
                    user = PRIVATE_USERS + number
                    queued = time.perf_counter()
                    server.private_text(TRADE_EN, user_id=user)
                    wait_until(lambda user=user: any(
                        c["chat_id"] == user for c in server.calls_to("sendMessage")),
                        timeout=60, step=0.002)
                    latencies.append(time.perf_counter() - queued)
                    time.sleep(options.interval)
                group_answers = sum(1 for c in server.calls_to("sendMessage")
                                    if c["chat_id"] == DEFAULT_SUPERGROUP_ID)
            finally:
                process.terminate()
                process.wait(timeout=120)
    print(f"group questions: {options.group}, answered during the run: {group_answers} "
          "(the rest wait for the group's rate limit)")
    print(f"private answers: {len(latencies)}; arrival→answer p50 "
          f"{statistics.median(latencies) * 1000:.0f} ms, p99 "
          f"{percentile(latencies, 0.99) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms")
    return 0 if percentile(latencies, 0.99) < 1.0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
