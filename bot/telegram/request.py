"""The HTTP request every Bot API call goes through: the one place where failures are retried.

The policy: a call that delivers something to a user is retried on network errors, timeouts,
Telegram 5xx and cut-off (unparsable) replies, with exponential backoff and jitter, and any call
waits out a 429 for as long as Telegram's ``retry_after`` asks, all within one time budget per
call (``RETRY_BUDGET``, over a minute) so that a short Telegram outage delays answers instead of
losing them. Giving up is logged once, naming the update and the chat type being answered.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import time
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

from telegram.error import NetworkError
from telegram.request import BaseRequest, HTTPXRequest

from bot.telegram.transport import HTTPX_POOL_SIZE, http_transport, parse_json

log = logging.getLogger(__name__)

RETRY_BUDGET = 75.0  # seconds from a call's first try after which it is given up (at least 60)
FIRST_DELAY = 0.5  # the wait after the first transient failure; it doubles after each one...
MAX_DELAY = 8.0  # ...up to this, so an outage of a minute costs ~10 tries, not hundreds
RETRY_AFTER_MARGIN = 0.1  # seconds added to Telegram's retry_after, so the wait is surely over
# The calls that deliver something to a user; only these are retried on network errors, timeouts,
# 5xx and cut-off replies. Start-up calls have python-telegram-bot's bootstrap retries,
# getUpdates its polling loop, and a command menu that cannot be set is only logged.
ANSWERING_METHODS = frozenset({
    "sendmessage", "editmessagetext", "answercallbackquery", "answerinlinequery",
})

Sleep = Callable[[float], Awaitable[None]]


@dataclass(frozen=True)
class Answering:
    """The update a task is answering, for the log line when a call is given up."""

    update_id: int
    chat_type: str

    def __str__(self) -> str:
        return f"update {self.update_id} from a {self.chat_type} chat"


# Set by the update processor for the task handling an update; asyncio copies it into every
# call that task makes, so the request can say whose answer it gave up on.
ANSWERING: ContextVar[Answering | None] = ContextVar("answering", default=None)


def endpoint_of(url: str) -> str:
    """The Bot API method a request URL calls (`…/bot<token>/sendMessage` → `sendMessage`)."""
    return url.rstrip("/").rsplit("/", 1)[-1]


def retry_after_of(payload: bytes) -> float | None:
    """The seconds Telegram asks to wait in a 429 answer, or None when it does not say."""
    try:
        seconds = json.loads(payload.decode("utf-8", "replace"))["parameters"]["retry_after"]
    except (ValueError, KeyError, TypeError):
        return None
    if isinstance(seconds, bool) or not isinstance(seconds, int | float) or seconds < 0:
        return None
    return float(seconds)


def is_cut_off(payload: bytes) -> bool:
    """Whether a reply is not a whole JSON object (cut off by a proxy or a dropped connection)."""
    try:
        return not isinstance(json.loads(payload), dict)
    except ValueError:  # UnicodeDecodeError is a ValueError too
        return True


class RetryingRequest(BaseRequest):
    """A transport's requests with the retry policy of this module: the cheapest transport
    installed (`bot.telegram.transport`) unless given one; `httpx_options` ask for
    python-telegram-bot's httpx transport with those options.

    Errors that retrying cannot fix (400, 403, ...) pass through at once; once the budget is
    spent, the last answer or error goes to python-telegram-bot, which raises as usual.
    """

    def __init__(
        self,
        *,
        transport: BaseRequest | None = None,
        budget: float = RETRY_BUDGET,
        first_delay: float = FIRST_DELAY,
        max_delay: float = MAX_DELAY,
        sleep: Sleep = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
        jitter: Callable[[], float] = random.random,
        **httpx_options: Any,
    ) -> None:
        if transport is None and httpx_options:
            httpx_options.setdefault("connection_pool_size", HTTPX_POOL_SIZE)
            transport = HTTPXRequest(**httpx_options)
        self.transport = transport if transport is not None else http_transport()
        self.budget = budget
        self.first_delay = first_delay
        self.max_delay = max_delay
        self._sleep = sleep
        self._clock = clock
        self._jitter = jitter
        self._resume_at = 0.0  # event-loop time before which no call is made (after a 429)

    @property
    def read_timeout(self) -> float | None:
        """The transport's default read timeout."""
        return self.transport.read_timeout

    async def initialize(self) -> None:
        """Open the transport."""
        await self.transport.initialize()

    async def shutdown(self) -> None:
        """Close the transport."""
        await self.transport.shutdown()

    parse_json_payload = staticmethod(parse_json)  # orjson when installed

    async def do_request(self, url: str, method: str, *args: Any, **kwargs: Any
                         ) -> tuple[int, bytes]:
        """Make the call (the rest of the arguments are BaseRequest's: data and timeouts),
        retrying as the module says; return Telegram's last answer."""
        what = endpoint_of(url)
        answering = what.lower() in ANSWERING_METHODS
        started = self._clock()
        tries = 0
        while True:
            await self._wait_for_resume()
            tries += 1
            try:
                code, payload = await self.transport.do_request(url, method, *args, **kwargs)
            except NetworkError as error:  # raised for connection errors and timeouts
                if not answering or not await self._back_off(what, tries, started, error):
                    raise
                continue
            if code == HTTPStatus.TOO_MANY_REQUESTS:
                retry_after = retry_after_of(payload)
                if retry_after is None:  # a 429 without a wait: back off like a 5xx
                    if await self._back_off(what, tries, started, "HTTP 429"):
                        continue
                    return code, payload
                wait = retry_after + RETRY_AFTER_MARGIN
                if not self._within_budget(what, tries, started, wait, "HTTP 429"):
                    return code, payload
                log.info("%s: Telegram asks to wait %.0f s", what, retry_after)
                self._pause(wait)
                continue
            failed = (f"HTTP {code}" if code >= HTTPStatus.INTERNAL_SERVER_ERROR
                      else "a cut-off reply" if is_cut_off(payload) else None)
            if (failed is not None and answering
                    and await self._back_off(what, tries, started, failed)):
                continue
            return code, payload

    def _delay(self, tries: int) -> float:
        """Exponential backoff with jitter: between half and all of first_delay * 2^(tries-1),
        capped, so that many chats failing together do not retry in lockstep."""
        backoff = min(self.max_delay, self.first_delay * 2.0 ** min(tries - 1, 30))
        return backoff * (0.5 + 0.5 * self._jitter())

    def _within_budget(self, what: str, tries: int, started: float, wait: float,
                       error: object) -> bool:
        """Whether waiting `wait` more seconds keeps the call within its budget; when not, the
        call is given up and that is logged once."""
        spent = self._clock() - started
        if spent + wait <= self.budget:
            return True
        whose = ANSWERING.get()
        log.warning("%s: giving up after %d tries in %.0f s (%s)%s", what, tries, spent, error,
                    f" answering {whose}" if whose is not None else "")
        return False

    async def _back_off(self, what: str, tries: int, started: float, error: object) -> bool:
        """Wait before the next try after a transient failure; False once over the budget."""
        delay = self._delay(tries)
        if not self._within_budget(what, tries, started, delay, error):
            return False
        log.info("%s failed (%s); try %d in %.1f s", what, error, tries + 1, delay)
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
