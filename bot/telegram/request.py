"""The HTTP request every Bot API call goes through; transient failures are retried here only."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable, Sequence
from http import HTTPStatus
from typing import Any

from telegram.error import NetworkError
from telegram.request import HTTPXRequest

log = logging.getLogger(__name__)

RETRY_DELAYS: tuple[float, ...] = (0.5, 1.0, 2.0)
MAX_ATTEMPTS = 3  # network errors, timeouts and 5xx: tries of one call that answers a user
RATE_LIMIT_RETRIES = 3  # 429 Too Many Requests: retries of any call, each after retry_after
RETRY_AFTER_MARGIN = 0.1  # seconds added to Telegram's retry_after, so the wait is surely over
# The calls that deliver something to a user; only these are retried on network errors, timeouts
# and 5xx. Start-up calls have python-telegram-bot's bootstrap retries, getUpdates its polling
# loop (and its own request), and a command menu that cannot be set is only logged.
ANSWERING_METHODS = frozenset({
    "sendmessage", "editmessagetext", "answercallbackquery", "answerinlinequery",
})

Sleep = Callable[[float], Awaitable[None]]


def endpoint_of(url: str) -> str:
    """The Bot API method a request URL calls (`…/bot<token>/sendMessage` → `sendMessage`)."""
    return url.rstrip("/").rsplit("/", 1)[-1]


def retry_after_of(payload: bytes) -> float | None:
    """The seconds Telegram asks to wait in a 429 answer, or None when it does not say."""
    try:
        seconds = json.loads(payload.decode("utf-8", "replace"))["parameters"]["retry_after"]
    except (ValueError, KeyError, TypeError):
        return None
    return float(seconds) if isinstance(seconds, int | float) and seconds >= 0 else None


class RetryingRequest(HTTPXRequest):
    """`HTTPXRequest` that waits out 429s (pausing every call meanwhile, as Telegram asks) and
    retries the calls that answer users on network errors, timeouts and Telegram 5xx.

    Errors that retrying cannot fix (400, 403, ...) pass through at once; once the retries are
    spent, the last answer or error goes to python-telegram-bot, which raises as usual.
    """

    def __init__(
        self,
        *,
        attempts: int = MAX_ATTEMPTS,
        delays: Sequence[float] = RETRY_DELAYS,
        rate_limit_retries: int = RATE_LIMIT_RETRIES,
        sleep: Sleep = asyncio.sleep,
        **httpx_options: Any,
    ) -> None:
        super().__init__(**httpx_options)
        self.attempts = attempts
        self.delays = tuple(delays) or (0.0,)
        self.rate_limit_retries = rate_limit_retries
        self._sleep = sleep
        self._resume_at = 0.0  # event-loop time before which no call is made (after a 429)

    async def do_request(self, url: str, method: str, *args: Any, **kwargs: Any
                         ) -> tuple[int, bytes]:
        """Make the call (the rest of the arguments are HTTPXRequest's: data and timeouts),
        retrying as the class says; return Telegram's last answer."""
        what = endpoint_of(url)
        retried = what.lower() in ANSWERING_METHODS
        failures = rate_limited = 0
        while True:
            await self._wait_for_resume()
            try:
                code, payload = await super().do_request(url, method, *args, **kwargs)
            except NetworkError as error:  # raised for connection errors and timeouts
                failures += 1
                if not retried or not await self._back_off(what, failures, error):
                    raise
                continue
            if code == HTTPStatus.TOO_MANY_REQUESTS:
                retry_after = retry_after_of(payload)
                if retry_after is None or rate_limited >= self.rate_limit_retries:
                    return code, payload
                rate_limited += 1
                log.info("%s: Telegram asks to wait %.0f s (retry %d of %d)", what, retry_after,
                         rate_limited, self.rate_limit_retries)
                self._pause(retry_after + RETRY_AFTER_MARGIN)
                continue
            if code >= HTTPStatus.INTERNAL_SERVER_ERROR and retried:
                failures += 1
                if await self._back_off(what, failures, f"HTTP {code}"):
                    continue
            return code, payload

    async def _back_off(self, what: str, failures: int, error: object) -> bool:
        """Wait before the next try after a transient failure; False when the tries are spent."""
        if failures >= self.attempts:
            log.warning("%s failed %d times, giving up: %s", what, failures, error)
            return False
        delay = self.delays[min(failures - 1, len(self.delays) - 1)]
        log.warning("%s failed (%s); retry %d of %d in %.1f s",
                    what, error, failures, self.attempts - 1, delay)
        await self._sleep(delay)
        return True

    def _pause(self, seconds: float) -> None:
        """Hold every call for `seconds`: Telegram limits the bot, not just this one call."""
        now = asyncio.get_running_loop().time()
        self._resume_at = max(self._resume_at, now + seconds)

    async def _wait_for_resume(self) -> None:
        wait = self._resume_at - asyncio.get_running_loop().time()
        if wait > 0:
            await self._sleep(wait)
