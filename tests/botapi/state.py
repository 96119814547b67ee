"""The fake Bot API's state: recorded calls, queued updates, injected failures and delays."""

from __future__ import annotations

import asyncio
import copy
import threading
import time
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

from botapi.payloads import BOT_USER, Json, chat


class Call(tuple[str, Json]):
    """One recorded request: unpacks and compares as ``(method, params)``; has ``status`` too."""

    status: int

    def __new__(cls, method: str, params: Json, status: int = 200) -> Call:
        call = super().__new__(cls, (method, params))
        call.status = status
        return call

    @property
    def method(self) -> str:
        return self[0]

    @property
    def params(self) -> Json:
        return self[1]

    @property
    def failed(self) -> bool:
        return self.status != HTTPStatus.OK


@dataclass
class _Failure:
    """A failure to answer the next `times` calls of a method with."""

    status: int
    times: int
    description: str
    retry_after: int | None


class ApiError(Exception):
    """A Bot API error answer: its HTTP status and description."""

    def __init__(self, status: int, description: str) -> None:
        super().__init__(description)
        self.status, self.description = status, description


class BotApiState:
    """Everything the fake server remembers, behind one lock; its condition wakes waiters."""

    def __init__(self, token: str | None = None, *, max_poll_seconds: float = 1.0) -> None:
        self.token, self.max_poll_seconds = token, max_poll_seconds
        self.calls: list[Call] = []
        self.sent: list[Json] = []  # the messages sendMessage created, to reply to them
        self.webhook_url = ""
        self.commands: dict[tuple[str, str], list[Json]] = {}
        self._cond = threading.Condition(threading.RLock())
        self._stopping = threading.Event()
        self._updates: list[Json] = []
        self._failures: dict[str, _Failure] = {}
        self._delays: dict[str, float] = {}
        self._chat_delays: dict[int, float] = {}
        self._cut_offs: dict[str, int] = {}
        self._next_update_id, self._next_message_id, self._next_query_id = 1000, 1, 1

    # -- recorded calls ----------------------------------------------------------------------
    def calls_to(self, method: str, *, include_failed: bool = False) -> list[Json]:
        """Params of the calls to ``method`` (case-insensitive); failed ones only on request."""
        with self._cond:
            return [call.params for call in self.calls if call.method.lower() == method.lower()
                    and (include_failed or not call.failed)]

    def wait_for(self, method: str, count: int = 1, timeout: float = 5.0, *,
                 include_failed: bool = False) -> list[Json]:
        """Block until ``method`` was called ``count`` times; return all its calls so far."""
        with self._cond:
            if not self._cond.wait_for(
                    lambda: len(self.calls_to(method, include_failed=include_failed)) >= count,
                    timeout):
                seen = [call.method for call in self.calls]
                raise TimeoutError(f"{method} not called {count}x within {timeout}s: {seen}")
            return self.calls_to(method, include_failed=include_failed)

    async def await_calls(self, method: str, count: int = 1, timeout: float = 5.0, *,
                          include_failed: bool = False) -> list[Json]:
        """``wait_for`` in a worker thread, so the event loop keeps running the bot."""
        return await asyncio.to_thread(self.wait_for, method, count, timeout,
                                       include_failed=include_failed)

    def clear(self) -> None:
        """Forget the recorded calls (queued updates, failures and delays stay)."""
        with self._cond:
            self.calls.clear()

    # -- failure injection -------------------------------------------------------------------
    def fail_next(self, method: str, status: int, times: int = 1, retry_after: int | None = None,
                  description: str | None = None) -> None:
        """Answer the next ``times`` calls of ``method`` with ``status`` and Telegram's body."""
        if status == HTTPStatus.TOO_MANY_REQUESTS:
            retry_after = 1 if retry_after is None else retry_after
            default = f"Too Many Requests: retry after {retry_after}"
        else:
            default = "Internal Server Error" if status >= 500 else HTTPStatus(status).phrase
        with self._cond:
            self._failures[method.lower()] = _Failure(status, times, description or default,
                                                      retry_after)

    def delay(self, method: str, seconds: float) -> None:
        """Answer every later call of ``method`` only after ``seconds`` (0 removes the delay)."""
        with self._cond:
            self._delays[method.lower()] = seconds

    def delay_chat(self, chat_id: int, seconds: float) -> None:
        """Answer every later call addressed to ``chat_id`` only after ``seconds`` (a slow chat:
        other chats are answered at once)."""
        with self._cond:
            self._chat_delays[chat_id] = seconds

    def cut_off_next(self, method: str, times: int = 1) -> None:
        """Carry out the next ``times`` calls of ``method`` but cut their JSON reply in half, as
        a dropped connection or a broken proxy would (the call did reach Telegram)."""
        with self._cond:
            self._cut_offs[method.lower()] = times

    def _take_cut_off(self, method: str) -> bool:
        with self._cond:
            left = self._cut_offs.get(method.lower(), 0)
            if left <= 0:
                return False
            self._cut_offs[method.lower()] = left - 1
            return True

    def _wait_chat_delay(self, params: Json) -> None:
        with self._cond:
            chat_id = params.get("chat_id")
            seconds = self._chat_delays.get(chat_id, 0.0) if isinstance(chat_id, int) else 0.0
        if seconds > 0:
            self._stopping.wait(seconds)

    def _take_failure(self, method: str) -> _Failure | None:
        """The failure injected for the method, one use of it spent."""
        with self._cond:
            failure = self._failures.get(method.lower())
            if failure is not None:
                failure.times -= 1
                if failure.times <= 0:
                    del self._failures[method.lower()]
            return failure

    def _wait_delay(self, method: str) -> None:
        """Hold the answer for the method's delay (cut short when the server stops)."""
        with self._cond:
            seconds = self._delays.get(method.lower(), 0.0)
        if seconds > 0:
            self._stopping.wait(seconds)

    def _record(self, call: Call) -> None:
        with self._cond:
            self.calls.append(call)
            self._cond.notify_all()

    def enqueue(self, update: Json) -> Json:
        """Queue any update dict (an increasing ``update_id`` is assigned when missing)."""
        with self._cond:
            update.setdefault("update_id", self._next_update_id)
            self._next_update_id = max(self._next_update_id, int(update["update_id"])) + 1
            self._updates.append(update)
            self._cond.notify_all()
        return update

    @property
    def pending_updates(self) -> list[Json]:
        with self._cond:
            return copy.deepcopy(self._updates)

    # -- messages ----------------------------------------------------------------------------
    def _bot_message(self, chat_id: Any, text: str | None, message_id: int | None = None,
                     reply_markup: Any = None, **fields: Any) -> Json:
        if not (isinstance(reply_markup, dict) and "inline_keyboard" in reply_markup):
            reply_markup = None  # messages only carry inline keyboards
        return self._message(chat(chat_id), dict(BOT_USER), message_id, text=text,
                             reply_markup=reply_markup, **fields)

    def _message(self, chat: Json, sender: Json | None, message_id: int | None = None,
                 **fields: Any) -> Json:
        with self._cond:
            message_id = self._next_message_id if message_id is None else int(message_id)
            self._next_message_id = max(self._next_message_id, message_id) + 1
        message: Json = {"message_id": message_id, "date": int(time.time()), "chat": chat}
        if sender is not None:
            message["from"] = sender
        message.update({key: value for key, value in fields.items() if value is not None})
        return message

    def _query_id(self) -> str:
        with self._cond:
            self._next_query_id += 1
            return str(self._next_query_id * 1_000_003)
