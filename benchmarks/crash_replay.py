"""Crash safety, measured: 100 questions taken in by `python -m bot`, SIGKILL while their
answers are in flight, a restart; how many were answered, and how many twice.

    .venv/bin/python benchmarks/crash_replay.py [--questions 100]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from botapi import FakeBotApi
from harness import TOKEN, TRADE_EN, start_process, wait_until

FIRST_USER = 10_000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=100)
    options = parser.parse_args()
    users = range(FIRST_USER, FIRST_USER + options.questions)
    with tempfile.TemporaryDirectory() as folder, FakeBotApi(token=TOKEN) as server:
        work = Path(folder)
        log_path = work / "bot.log"
        # Telegram is slow to take the answers: some reach it before the kill, most do not.
        server.delay("sendMessage", 0.5)
        with log_path.open("w") as log:
            process = start_process(server, work, log, FLOOD_BURST="0")
            for user in users:
                server.private_text(TRADE_EN, user_id=user)
            wait_until(lambda: not server.pending_updates
                       and len(server.calls_to("sendMessage")) >= 5, timeout=60)
            process.kill()
            process.wait()
            time.sleep(1.0)  # the sends the fake server was still holding reach it
        before = Counter(call["chat_id"] for call in server.calls_to("sendMessage"))
        server.delay("sendMessage", 0)
        with log_path.open("a") as log:
            process = start_process(server, work, log, FLOOD_BURST="0")
            try:
                wait_until(lambda: {c["chat_id"] for c in server.calls_to("sendMessage")}
                           >= set(users), timeout=120)
            finally:
                process.terminate()
                process.wait(timeout=30)
        answers = Counter(call["chat_id"] for call in server.calls_to("sendMessage"))
        twice = [user for user, count in answers.items() if count > 1]
        unexplained = [user for user in twice if not before[user]]
        print(f"questions: {options.questions}")
        print(f"answered before the kill: {len(before)}")
        print(f"answered after the restart: {len(answers)} of {options.questions}")
        print(f"answered twice: {len(twice)} (all of them sent before the kill: "
              f"{not unexplained})")
    return 0 if len(answers) == options.questions and not unexplained else 1


if __name__ == "__main__":
    raise SystemExit(main())
