"""What sharing Telegram's send limits through Redis costs each message: the bot's rate limiter
with its schedules in a real Redis against the same limiter with local schedules only, in the
same run. Each message goes to a new private chat, so nothing waits: the figure is the
limiter's own cost (one Redis round trip per message there)."""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from figures import ms, print_table, ratio

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from servers import redis_server

from bot.ops.shared import SharedMode
from bot.telegram.ratelimit import MessageRateLimiter


async def per_message(redis_url: str | None, messages: int) -> float:
    """Seconds per message through the limiter, shared through Redis when a URL is given."""
    async def sent() -> bool:
        return True

    mode = SharedMode(redis_url) if redis_url else None
    limiter = MessageRateLimiter(0, shared=mode.schedules() if mode else None)
    start = time.perf_counter()
    for chat in range(messages):
        await limiter.process_request(sent, (), {}, "sendMessage", {"chat_id": chat}, None)
    elapsed = time.perf_counter() - start
    if mode is not None:
        await mode.close()
    return elapsed / messages


def main(argv: Sequence[str] | None = None) -> int:
    """Time both limiters, alternately, and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    # Fewer than the limiter remembers before it prunes quiet chats, which is not measured here.
    parser.add_argument("--messages", type=int, default=2000, help="messages per run")
    parser.add_argument("--runs", type=int, default=3, help="runs of each, alternating")
    args = parser.parse_args(argv)
    shared: list[float] = []
    local: list[float] = []
    with redis_server() as redis_url:
        for _ in range(args.runs):
            shared.append(asyncio.run(per_message(redis_url, args.messages)))
            local.append(asyncio.run(per_message(None, args.messages)))
    ours, reference = min(shared), min(local)
    print_table("rate limiter with schedules in Redis against local schedules only", "local",
                [("per message to a private chat (best run)", ms(ours), ms(reference),
                  ratio(ours, reference))])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
