"""Fuzzing `python -m bot` with hostile updates over the (fake) Bot API: random text (lone
surrogates, emoji, huge), broken entities, missing or mistyped fields, unknown update kinds.
Counts tracebacks in the bot's log and stalls (updates not taken in, a question after them not
answered), and the bot's resident memory after each half.

    .venv/bin/python benchmarks/fuzz_updates.py [--updates 10000] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from botapi import BOT_USERNAME, FakeBotApi
from harness import TOKEN, TRADE_EN, start_process, wait_until

BATCH = 500
SENTINEL_USER = 99_999
ALPHABET = ("abc trade Laos Россия 66 ? @ / 🙂👍🏽 \u200f\u0301 \ud800 \udfff \x00 \n\t "
            f"@{BOT_USERNAME} ")

Json = dict[str, Any]


def text(rng: random.Random) -> str:
    size = rng.choice((0, 1, 5, 40, 300, 5000))
    return "".join(rng.choice(ALPHABET) for _ in range(size))


def junk(rng: random.Random, depth: int = 0) -> Any:
    kinds: list[Callable[[], Any]] = [
        lambda: None, lambda: rng.randint(-2**63, 2**63), lambda: rng.random(),
        lambda: text(rng), lambda: rng.choice((True, False)),
    ]
    if depth < 3:
        kinds += [lambda: [junk(rng, depth + 1) for _ in range(rng.randint(0, 3))],
                  lambda: {text(rng)[:8]: junk(rng, depth + 1) for _ in range(rng.randint(0, 3))}]
    return rng.choice(kinds)()


def entities(rng: random.Random, body: str) -> list[Json]:
    return [{"type": rng.choice(("mention", "text_mention", "bot_command", "bold", "url")),
             "offset": rng.randint(-5, len(body) + 5), "length": rng.randint(-2, 20),
             **({"user": {"id": 42, "is_bot": True, "first_name": "B"}}
                if rng.random() < 0.3 else {})}
            for _ in range(rng.randint(0, 4))]


def message(rng: random.Random, user: int) -> Json:
    body = text(rng)
    if rng.random() < 0.2:
        body = "/" + rng.choice(("ask", "start", "help", "topics", "language", "source", "x")) \
            + rng.choice(("", f"@{BOT_USERNAME}", "@Other")) + " " + body
    chat_type = rng.choice(("private", "group", "supergroup", "channel", "weird"))
    chat_id = user if chat_type == "private" else -1_000_000 - rng.randint(0, 50)
    result: Json = {"message_id": rng.randint(1, 10**6), "date": 0, "text": body,
                    "chat": {"id": chat_id, "type": chat_type, "first_name": "F", "title": "T"},
                    "from": {"id": user, "is_bot": False, "first_name": "F",
                             "language_code": rng.choice(("en", "ru", "xx", None))},
                    "entities": entities(rng, body)}
    if rng.random() < 0.1:
        result["reply_to_message"] = {"message_id": 1, "date": 0, "chat": result["chat"],
                                      "from": {"id": 42, "is_bot": True, "first_name": "B"}}
    return result


def mutate(rng: random.Random, data: Json) -> Json:
    """Break one field at random (delete it, or give it junk)."""
    target = data
    while isinstance(target, dict) and target and rng.random() < 0.6:
        key = rng.choice(list(target))
        if not isinstance(target[key], dict):
            break
        target = target[key]
    if isinstance(target, dict) and target:
        key = rng.choice(list(target))
        if rng.random() < 0.5:
            del target[key]
        else:
            target[key] = junk(rng)
    return data


def fuzzed(rng: random.Random, number: int) -> Json:
    user = 100_000 + number
    roll = rng.random()
    if roll < 0.05:  # a plain question: the bot must keep answering these
        return {"message": message(rng, user) | {"text": TRADE_EN, "entities": [],
                                                 "chat": {"id": user, "type": "private"}}}
    if roll < 0.35:
        update: Json = {"message": message(rng, user)}
        if rng.random() < 0.3:  # group chatter: mostly ignored, no answer to send
            update["message"]["chat"] = {"id": -1_000_001, "type": "supergroup", "title": "G"}
    elif roll < 0.45:
        update = {"callback_query": {"id": str(number), "chat_instance": "c",
                                     "data": text(rng)[:64],
                                     "from": {"id": user, "is_bot": False, "first_name": "F"},
                                     "message": message(rng, user)}}
    elif roll < 0.48:
        update = {"inline_query": {"id": str(number), "query": text(rng)[:256], "offset": "",
                                   "from": {"id": user, "is_bot": False, "first_name": "F"}}}
    elif roll < 0.55:
        update = {rng.choice(("edited_message", "channel_post", "poll", "my_chat_member",
                              "unknown_kind")): junk(rng)}
    else:
        update = mutate(rng, {"message": message(rng, user)})
    # The update_id itself is always Telegram's integer: without one an update could not be
    # confirmed at all (webhook bodies without one are tested to get 400).
    return update


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    rng = random.Random(options.seed)  # noqa: S311 - reproducible fuzzing, not secrets
    stalls, rss = 0, []
    with tempfile.TemporaryDirectory() as folder, FakeBotApi(token=TOKEN) as server:
        work = Path(folder)
        log_path = work / "bot.log"
        with log_path.open("w") as log:
            process = start_process(server, work, log, FLOOD_BURST="0", LOG_LEVEL="INFO")
            try:
                wait_until(lambda: server.calls_to("getUpdates"), timeout=60)
                for start in range(0, options.updates, BATCH):
                    for number in range(start, min(start + BATCH, options.updates)):
                        server.enqueue(fuzzed(rng, number))
                    server.private_text(TRADE_EN, user_id=SENTINEL_USER)
                    try:  # taken in, and a question after them answered
                        wait_until(lambda: any(
                            c["chat_id"] == SENTINEL_USER for c in server.calls_to("sendMessage"))
                            and not server.pending_updates, timeout=120)
                    except AssertionError:
                        stalls += 1
                    server.clear()
                    if start + BATCH in (options.updates // 2, options.updates):
                        rss.append(rss_kb(process.pid))
                alive = process.poll() is None
            finally:
                process.terminate()
                try:
                    status = process.wait(timeout=60)
                except subprocess.TimeoutExpired:  # a stop that hangs counts as a stall
                    stalls += 1
                    process.kill()
                    status = process.wait()
        output = log_path.read_text(errors="replace")
    tracebacks = output.count("Traceback")
    print(f"updates: {options.updates} (seed {options.seed}); process alive throughout: "
          f"{alive}; exit status {status}")
    print(f"tracebacks: {tracebacks}; stalls: {stalls}; malformed updates skipped: "
          f"{output.count('is malformed and skipped')}")
    if len(rss) == 2:
        print(f"resident memory: {rss[0] / 1024:.1f} MB at half, {rss[1] / 1024:.1f} MB at the "
              f"end (growth {(rss[1] - rss[0]) / 1024:.1f} MB)")
    return 0 if tracebacks == stalls == 0 and alive and status == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
