"""Tests of the retrying request: which failures are retried, how often and how long it waits."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Sequence

import httpx
import pytest
from botapi import FakeBotApi
from harness import TRADE_EN
from telegram.error import (
    BadRequest,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)

from bot.telegram.app import App
from bot.telegram.request import (
    ANSWERING,
    Answering,
    RetryingRequest,
    endpoint_of,
    retry_after_of,
)

URL = "https://api.telegram.org/bot123:TEST/"
# A status, (429, retry_after), a raw reply body (200, cut off) or the network error raised.
Outcome = int | tuple[int, int] | bytes | type[httpx.HTTPError]
CUT_OFF = b'{"ok": true, "result": {"message_id": 1, "da'
BACKOFF = [0.5, 1.0, 2.0, 4.0]  # then 8 s each, until the 75 s budget would be exceeded


def respond(outcome: Outcome) -> httpx.Response:
    """Telegram's answer with this status (429s ask to wait 1 s unless told), a raw body, or
    the network error raised."""
    if isinstance(outcome, bytes):
        return httpx.Response(200, content=outcome)
    if isinstance(outcome, type):
        raise outcome("simulated", request=httpx.Request("POST", URL))
    status, retry_after = outcome if isinstance(outcome, tuple) else (outcome, 1)
    if status == 200:
        return httpx.Response(200, json={"ok": True, "result": True})
    body: dict[str, object] = {"ok": False, "error_code": status, "description": "failed"}
    if status == 429:
        body["parameters"] = {"retry_after": retry_after}
    return httpx.Response(status, json=body)


def scripted(outcomes: Sequence[Outcome]) -> tuple[RetryingRequest, list[str], list[float]]:
    """A request whose Telegram answers with `outcomes` in turn; the calls made and the waits.
    Time is simulated (each wait moves the clock) and the jitter is off (full waits)."""
    remaining, calls, waits = list(outcomes), [], []
    now = [0.0]

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path.rsplit("/", 1)[-1])
        return respond(remaining.pop(0))

    async def sleep(seconds: float) -> None:
        waits.append(round(seconds, 1))
        now[0] += seconds

    retrying = RetryingRequest(sleep=sleep, clock=lambda: now[0], jitter=lambda: 1.0,
                               httpx_kwargs={"transport": httpx.MockTransport(handler)})
    return retrying, calls, waits


@pytest.mark.parametrize(
    ("method", "outcomes", "raised", "waits"),
    [
        ("sendMessage", [500, 200], None, [0.5]),
        ("sendMessage", [httpx.ConnectError, httpx.ReadTimeout, 200], None, [0.5, 1.0]),
        ("sendMessage", [500] * 10 + [200], None, [*BACKOFF, *[8.0] * 6]),
        ("sendMessage", [502] * 13, NetworkError, [*BACKOFF, *[8.0] * 8]),
        ("sendMessage", [httpx.ReadTimeout] * 13, TimedOut, [*BACKOFF, *[8.0] * 8]),
        ("sendMessage", [400], BadRequest, []),
        ("sendMessage", [403], Forbidden, []),
        ("sendMessage", [CUT_OFF, 200], None, [0.5]),
        ("editMessageText", [500, 200], None, [0.5]),
        ("answerCallbackQuery", [httpx.ConnectError, 200], None, [0.5]),
        ("answerInlineQuery", [502, 429, 200], None, [0.5, 1.1]),
        ("sendMessage", [429, 429, 429, 429, 200], None, [1.1, 1.1, 1.1, 1.1]),
        ("sendMessage", [(429, 30), (429, 30), (429, 30)], RetryAfter, [30.1, 30.1]),
        ("sendMessage", [(429, 59), 200], None, [59.1]),
        ("getMe", [429, 200], None, [1.1]),
        ("setMyCommands", [500], NetworkError, []),
        ("getMe", [httpx.ConnectError], NetworkError, []),
        ("getUpdates", [CUT_OFF], TelegramError, []),
    ],
    ids=["5xx-once", "outage", "ten-5xx", "5xx-past-the-budget", "timeouts-past-the-budget",
         "400", "403", "cut-off-reply", "edit", "button", "5xx-then-429", "429-four-times",
         "429-past-the-budget", "429-of-a-minute", "429-any-method", "5xx-menu-not-retried",
         "start-up-not-retried", "polling-not-retried"],
)
@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_retries(
    method: str, outcomes: list[Outcome], raised: type[Exception] | None, waits: list[float]
) -> None:
    """Calls that answer users are retried on network errors, timeouts, 5xx and cut-off
    replies with doubling waits (0.5 s up to 8 s) for up to 75 s; any call waits out a 429 as
    long as Telegram asks within that budget; 400 and 403 are never retried, nor other calls'
    network errors."""
    request, calls, slept = scripted(outcomes)
    async with request:
        if raised is None:
            assert await request.post(URL + method) is True
        else:
            with pytest.raises(raised):
                await request.post(URL + method)
    assert calls == [method] * len(outcomes)
    assert slept == waits


def test_the_waits_are_jittered() -> None:
    """Each wait is between half and all of the backoff, so chats retry out of step."""
    low = RetryingRequest(jitter=lambda: 0.0)
    high = RetryingRequest(jitter=lambda: 1.0)
    assert [low._delay(tries) for tries in (1, 3, 9)] == [0.25, 1.0, 4.0]
    assert [high._delay(tries) for tries in (1, 3, 9)] == [0.5, 2.0, 8.0]


async def test_giving_up_names_the_update_and_chat_type(caplog: pytest.LogCaptureFixture
                                                        ) -> None:
    """The one line logged when an answer is given up says which update and chat it was."""
    request, _, _ = scripted([503] * 13)
    token = ANSWERING.set(Answering(4321, "supergroup"))
    try:
        async with request:
            with caplog.at_level(logging.WARNING, "bot.telegram.request"):
                await request.do_request(URL + "sendMessage", "POST")
    finally:
        ANSWERING.reset(token)
    given_up = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert given_up == ["sendMessage: giving up after 13 tries in 72 s (HTTP 503) answering "
                        "update 4321 from a supergroup chat"]


async def test_a_429_pauses_every_call() -> None:
    """While Telegram asks to wait, other calls wait too instead of hitting the limit again."""
    request, calls, slept = scripted([429, 200, 200])
    async with request:
        first = asyncio.create_task(request.post(URL + "sendMessage"))
        await asyncio.sleep(0.05)
        await request.post(URL + "answerCallbackQuery")
        await first
    assert sorted(calls) == ["answerCallbackQuery", "sendMessage", "sendMessage"]
    assert len(slept) >= 2 and all(wait > 0.5 for wait in slept)


@pytest.mark.parametrize(
    ("url", "endpoint"),
    [(URL + "sendMessage", "sendMessage"), (URL + "getMe/", "getMe")],
)
def test_endpoint_of(url: str, endpoint: str) -> None:
    """The Bot API method is the last part of the request URL."""
    assert endpoint_of(url) == endpoint


@pytest.mark.parametrize(
    ("payload", "seconds"),
    [
        ({"ok": False, "parameters": {"retry_after": 3}}, 3.0),
        ({"ok": False}, None),
        ({"ok": False, "parameters": {"retry_after": "soon"}}, None),
    ],
)
def test_retry_after_of(payload: dict[str, object], seconds: float | None) -> None:
    """The wait Telegram asks for is read from a 429 body; anything else is no wait."""
    assert retry_after_of(json.dumps(payload).encode()) == seconds
    assert retry_after_of(b"not json") is None


# --------------------------------------------------------------------------- the running bot
@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_answer_survives_500_then_429(app: App, server: FakeBotApi) -> None:
    """Telegram answering 500 and then 429 (retry_after 1) delays the answer but delivers it."""
    server.fail_next("sendMessage", 500)
    server.private_text(TRADE_EN)
    await server.await_calls("sendMessage", 1, include_failed=True)
    server.fail_next("sendMessage", 429, retry_after=1)
    call = (await server.await_calls("sendMessage", 1, timeout=8))[0]
    assert "66 percent" in call["text"]
    statuses = [c.status for c in server.calls if c.method == "sendMessage"]
    assert statuses == [500, 429, 200]


async def test_an_answer_survives_a_short_outage(app: App, server: FakeBotApi) -> None:
    """Telegram failing twice (503) while the bot answers delays the answer but delivers it."""
    server.fail_next("sendMessage", 503, times=2)
    server.private_text(TRADE_EN)
    call = (await server.await_calls("sendMessage", 1, timeout=8))[0]
    assert "66 percent" in call["text"]
    statuses = [c.status for c in server.calls if c.method == "sendMessage"]
    assert statuses == [503, 503, 200]
