"""Tests of the retrying request: which failures are retried, how often and how long it waits."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Sequence

import httpx
import pytest
from botapi import FakeBotApi
from harness import TRADE_EN
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut

from bot.telegram.app import App
from bot.telegram.request import RetryingRequest, endpoint_of, retry_after_of

URL = "https://api.telegram.org/bot123:TEST/"
Outcome = int | type[httpx.HTTPError]


def respond(outcome: Outcome) -> httpx.Response:
    """Telegram's answer with this status (429s ask to wait 1 s), or the network error raised."""
    if not isinstance(outcome, int):
        raise outcome("simulated", request=httpx.Request("POST", URL))
    if outcome == 200:
        return httpx.Response(200, json={"ok": True, "result": True})
    body: dict[str, object] = {"ok": False, "error_code": outcome, "description": "failed"}
    if outcome == 429:
        body["parameters"] = {"retry_after": 1}
    return httpx.Response(outcome, json=body)


def scripted(outcomes: Sequence[Outcome]) -> tuple[RetryingRequest, list[str], list[float]]:
    """A request whose Telegram answers with `outcomes` in turn; the calls made and the waits."""
    remaining, calls, waits = list(outcomes), [], []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path.rsplit("/", 1)[-1])
        return respond(remaining.pop(0))

    async def sleep(seconds: float) -> None:
        waits.append(round(seconds, 1))

    retrying = RetryingRequest(sleep=sleep,
                               httpx_kwargs={"transport": httpx.MockTransport(handler)})
    return retrying, calls, waits


@pytest.mark.parametrize(
    ("method", "outcomes", "raised", "waits"),
    [
        ("sendMessage", [500, 200], None, [0.5]),
        ("sendMessage", [httpx.ConnectError, httpx.ReadTimeout, 200], None, [0.5, 1.0]),
        ("sendMessage", [502, 503, 504], NetworkError, [0.5, 1.0]),
        ("sendMessage", [httpx.ReadTimeout] * 3, TimedOut, [0.5, 1.0]),
        ("sendMessage", [400], BadRequest, []),
        ("sendMessage", [403], Forbidden, []),
        ("editMessageText", [500, 200], None, [0.5]),
        ("answerCallbackQuery", [httpx.ConnectError, 200], None, [0.5]),
        ("answerInlineQuery", [502, 429, 200], None, [0.5, 1.1]),
        ("sendMessage", [429, 429, 429, 200], None, [1.1, 1.1, 1.1]),
        ("sendMessage", [429] * 4, RetryAfter, [1.1, 1.1, 1.1]),
        ("getMe", [429, 200], None, [1.1]),
        ("setMyCommands", [500], NetworkError, []),
        ("getMe", [httpx.ConnectError], NetworkError, []),
    ],
    ids=["5xx-once", "outage", "5xx-thrice", "timeouts", "400", "403", "edit", "button",
         "5xx-then-429", "429-thrice", "429-four-times", "429-any-method",
         "5xx-menu-not-retried", "start-up-not-retried"],
)
@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_retries(
    method: str, outcomes: list[Outcome], raised: type[Exception] | None, waits: list[float]
) -> None:
    """Calls that answer users are tried three times on network errors, timeouts and 5xx (waiting
    0.5 s, then 1 s); a 429 is waited out and retried three times for any call; 400 and 403
    are never retried, nor other calls' network errors."""
    request, calls, slept = scripted(outcomes)
    async with request:
        if raised is None:
            assert await request.post(URL + method) is True
        else:
            with pytest.raises(raised):
                await request.post(URL + method)
    assert calls == [method] * len(outcomes)
    assert slept == waits


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
