"""A fake Telegram Bot API for end-to-end tests: a standard-library HTTP server that answers
``/bot<TOKEN>/<method>`` like Telegram, records every call, queues updates for ``getUpdates``
long polling and injects failures and delays. Point PTB at it with ``.base_url(api.base_url)``.
"""

from __future__ import annotations

import asyncio
import copy
import html
import json
import re
import threading
import time
from dataclasses import dataclass
from email import policy
from email.parser import BytesParser
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Literal
from urllib.parse import parse_qsl, urlsplit

Json = dict[str, Any]
ChatType = Literal["private", "group", "supergroup"]

BOT_ID = 42
BOT_USERNAME = "LaosRussiaBot"
BOT_USER: Json = {
    "id": BOT_ID, "is_bot": True, "first_name": "Laos Russia Bot", "username": BOT_USERNAME,
    "can_join_groups": True, "can_read_all_group_messages": False,
    "supports_inline_queries": True,
}
DEFAULT_USER_ID = 1001
DEFAULT_GROUP_ID = -4001234567
DEFAULT_SUPERGROUP_ID = -1001234567890
DEFAULT_CHANNEL_ID = -1009876543210
MAX_MESSAGE_LENGTH = 4096

# Fields PTB sends as JSON strings (decoded to objects) and integer fields (decoded to int).
_JSON_FIELDS = frozenset({
    "reply_markup", "results", "commands", "entities", "caption_entities", "allowed_updates",
    "scope", "button", "link_preview_options", "reply_parameters", "media", "options",
    "explanation_entities", "menu_button", "rights", "permissions", "reaction", "message_ids",
})
_INT_FIELDS = frozenset({
    "chat_id", "message_id", "user_id", "from_chat_id", "message_thread_id", "offset", "limit",
    "timeout", "cache_time", "reply_to_message_id", "max_connections",
})
_PATH = re.compile(r"^/bot(?P<token>[^/]+)/(?P<method>\w+)/?$")


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
    status: int
    times: int
    description: str
    retry_after: int | None


class _ApiError(Exception):
    def __init__(self, status: int, description: str) -> None:
        super().__init__(description)
        self.status, self.description = status, description


def _utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram entity offsets."""
    return len(text.encode("utf-16-le")) // 2


def auto_entities(text: str) -> list[Json]:
    """The entities Telegram adds: a leading ``bot_command`` and ``@LaosRussiaBot`` mentions."""
    entities: list[Json] = []
    command_end = 0
    if text.startswith("/"):
        command_end = len(text.split(maxsplit=1)[0])
        entities.append({"type": "bot_command", "offset": 0,
                         "length": _utf16_len(text[:command_end])})
    for found in re.finditer(rf"@{BOT_USERNAME}\b", text, flags=re.IGNORECASE):
        if found.start() >= command_end:
            entities.append({"type": "mention", "offset": _utf16_len(text[: found.start()]),
                             "length": _utf16_len(found.group())})
    return entities


def _decode(name: str, value: Any) -> Any:
    if isinstance(value, str) and name in _JSON_FIELDS and value[:1] in ("{", "["):
        try:
            return json.loads(value)
        except ValueError:
            return value
    if isinstance(value, str) and name in _INT_FIELDS and re.fullmatch(r"-?\d+", value):
        return int(value)
    return value


def parse_params(content_type: str, body: bytes, query: str = "") -> Json:
    """Decode query-string plus form, multipart or JSON body fields (file parts stay bytes)."""
    raw: dict[str, Any] = dict(parse_qsl(query, keep_blank_values=True))
    kind = content_type.split(";", 1)[0].strip().lower()
    if kind == "application/json" and body:
        raw.update(json.loads(body))
    elif kind == "multipart/form-data":
        head = f"Content-Type: {content_type}\r\n\r\n".encode()
        for part in BytesParser(policy=policy.HTTP).parsebytes(head + body).iter_parts():
            payload = part.get_payload(decode=True)
            data = payload if isinstance(payload, bytes) else b""
            name = str(part.get_param("name", header="content-disposition"))
            raw[name] = data if part.get_filename() else data.decode("utf-8")
    elif body:
        raw.update(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
    return {name: _decode(name, value) for name, value in raw.items()}


class _Handler(BaseHTTPRequestHandler):
    api: FakeBotApi  # set on a per-server subclass

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        url = urlsplit(self.path)
        content_type = self.headers.get("Content-Type", "")
        status, payload = self.api.handle(url.path, url.query, content_type, body)
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST  # noqa: N815 - http.server naming

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output quiet."""


class FakeBotApi:
    """A thread-safe fake Telegram Bot API server on 127.0.0.1 with an ephemeral port."""

    def __init__(self, token: str | None = None, *, max_poll_seconds: float = 1.0) -> None:
        self.token, self.max_poll_seconds = token, max_poll_seconds
        self.calls: list[Call] = []
        self.webhook_url = ""
        self.commands: dict[tuple[str, str], list[Json]] = {}
        self._cond = threading.Condition(threading.RLock())
        self._stopping = threading.Event()
        self._updates: list[Json] = []
        self._failures: dict[str, _Failure] = {}
        self._delays: dict[str, float] = {}
        self._next_update_id, self._next_message_id, self._next_query_id = 1000, 1, 1
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ---------------------------------------------------------------------------
    def start(self) -> FakeBotApi:
        if self._server is not None:
            raise RuntimeError("FakeBotApi is already running")
        self._stopping.clear()
        handler = type("BoundHandler", (_Handler,), {"api": self})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,),
                                        name="FakeBotApi", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is None or self._thread is None:
            return
        with self._cond:  # wake long polls and delayed answers
            self._stopping.set()
            self._cond.notify_all()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
        self._server = self._thread = None

    def __enter__(self) -> FakeBotApi:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/file/bot"

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("FakeBotApi is not running")
        return int(self._server.server_address[1])

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

    # -- request handling --------------------------------------------------------------------
    def handle(self, path: str, query: str, content_type: str, body: bytes) -> tuple[int, Json]:
        """Answer one HTTP request with ``(status, JSON body)`` and record it."""
        match = _PATH.match(path)
        if match is None:
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        method, params = match["method"], parse_params(content_type, body, query)
        if self.token is not None and match["token"] != self.token:
            return self._error(Call(method, params, 401), "Unauthorized")
        with self._cond:
            seconds = self._delays.get(method.lower(), 0.0)
        if seconds > 0:
            self._stopping.wait(seconds)
        with self._cond:
            failure = self._failures.get(method.lower())
            if failure is not None:
                failure.times -= 1
                if failure.times <= 0:
                    del self._failures[method.lower()]
        if failure is not None:
            extra = {"retry_after": failure.retry_after} if failure.retry_after else None
            return self._error(Call(method, params, failure.status), failure.description, extra)
        try:
            implemented = getattr(self, f"_api_{method.lower()}", None)
            result = implemented(params) if implemented else self._other(method, params)
        except _ApiError as error:
            return self._error(Call(method, params, error.status), error.description)
        self._record(Call(method, params))
        return 200, {"ok": True, "result": result}

    def _record(self, call: Call) -> None:
        with self._cond:
            self.calls.append(call)
            self._cond.notify_all()

    def _error(self, call: Call, description: str,
               parameters: Json | None = None) -> tuple[int, Json]:
        self._record(call)
        body: Json = {"ok": False, "error_code": call.status, "description": description}
        if parameters:
            body["parameters"] = parameters
        return call.status, body

    # -- implemented methods, dispatched by lower-case name -----------------------------------
    def _other(self, method: str, params: Json) -> Json | bool:
        """Other ``send*`` methods (sendPhoto, ...) return a bot message, all the rest True."""
        if method.lower().startswith("send") and params.get("chat_id") not in (None, ""):
            return self._bot_message(params["chat_id"], None, caption=params.get("caption"))
        return True

    def _api_sendchataction(self, params: Json) -> bool:
        return True

    def _api_getme(self, params: Json) -> Json:
        return dict(BOT_USER)

    def _api_getupdates(self, params: Json) -> list[Json]:
        offset, limit = int(params.get("offset") or 0), int(params.get("limit") or 100)
        timeout = min(float(params.get("timeout") or 0), self.max_poll_seconds)
        with self._cond:
            if self.webhook_url:
                raise _ApiError(409, "Conflict: can't use getUpdates while webhook is active")
            if offset:  # confirms every earlier update
                self._updates = [u for u in self._updates if u["update_id"] >= offset]
            self._cond.wait_for(lambda: bool(self._updates) or self._stopping.is_set(), timeout)
            return copy.deepcopy(self._updates[:limit])

    def _api_setwebhook(self, params: Json) -> bool:
        with self._cond:
            self.webhook_url = str(params.get("url") or "")
            if params.get("drop_pending_updates") in (True, "true", "True"):
                self._updates.clear()
        return True

    def _api_deletewebhook(self, params: Json) -> bool:
        return self._api_setwebhook({**params, "url": ""})

    def _api_getwebhookinfo(self, params: Json) -> Json:
        with self._cond:
            return {"url": self.webhook_url, "has_custom_certificate": False,
                    "pending_update_count": len(self._updates)}

    @staticmethod
    def _commands_key(params: Json) -> tuple[str, str]:
        scope = params.get("scope") or {"type": "default"}
        return json.dumps(scope, sort_keys=True), str(params.get("language_code") or "")

    def _api_setmycommands(self, params: Json) -> bool:
        with self._cond:
            self.commands[self._commands_key(params)] = list(params.get("commands") or [])
        return True

    def _api_deletemycommands(self, params: Json) -> bool:
        with self._cond:
            self.commands.pop(self._commands_key(params), None)
        return True

    def _api_getmycommands(self, params: Json) -> list[Json]:
        with self._cond:
            return copy.deepcopy(self.commands.get(self._commands_key(params), []))

    def _api_sendmessage(self, params: Json) -> Json:
        if params.get("chat_id") in (None, ""):
            raise _ApiError(400, "Bad Request: chat_id is empty")
        return self._bot_message(params["chat_id"], self._checked_text(params),
                                 reply_markup=params.get("reply_markup"),
                                 entities=params.get("entities"))

    def _api_editmessagetext(self, params: Json) -> Json | bool:
        return self._edit(params, self._checked_text(params))

    def _api_editmessagereplymarkup(self, params: Json) -> Json | bool:
        return self._edit(params, None)

    def _edit(self, params: Json, text: str | None) -> Json | bool:
        if params.get("inline_message_id"):
            return True
        return self._bot_message(params.get("chat_id", 0), text, params.get("message_id"),
                                 reply_markup=params.get("reply_markup"),
                                 edit_date=int(time.time()))

    @staticmethod
    def _checked_text(params: Json) -> str:
        text = str(params.get("text") or "")
        visible = html.unescape(re.sub(r"<[^>]+>", "", text)) if params.get("parse_mode") else text
        if not visible.strip() or len(visible) > MAX_MESSAGE_LENGTH:
            raise _ApiError(400, "Bad Request: message text is empty" if not visible.strip()
                            else "Bad Request: message is too long")
        return text

    # -- update builders: each queues an update for getUpdates and returns it --------------------
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

    def private_text(self, text: str, user_id: int = DEFAULT_USER_ID, language_code: str = "en",
                     chat_id: int | None = None, entities: list[Json] | None = None) -> Json:
        """A private text message; ``entities`` default to ``auto_entities(text)``."""
        return self._text(text, "private", user_id, language_code, chat_id, entities)

    def group_text(self, text: str, chat_id: int = DEFAULT_SUPERGROUP_ID,
                   user_id: int = DEFAULT_USER_ID, entities: list[Json] | None = None,
                   reply_to_bot: bool = False, language_code: str = "en") -> Json:
        """A supergroup text message, with ``reply_to_bot`` replying to a message of the bot."""
        return self._text(text, "supergroup", user_id, language_code, chat_id, entities,
                          reply_to_bot)

    def command(self, text: str, chat_type: ChatType = "private", user_id: int = DEFAULT_USER_ID,
                chat_id: int | None = None, language_code: str = "en") -> Json:
        """A command such as ``/ask@LaosRussiaBot how much`` with its ``bot_command`` entity."""
        return self._text(text, chat_type, user_id, language_code, chat_id, None)

    def mention(self, text: str, chat_id: int = DEFAULT_SUPERGROUP_ID,
                user_id: int = DEFAULT_USER_ID, reply_to_bot: bool = False) -> Json:
        """A supergroup message with a ``mention`` entity wherever ``@LaosRussiaBot`` occurs."""
        return self.group_text(text, chat_id, user_id, auto_entities(text), reply_to_bot)

    def sticker(self, emoji: str = "🙂", user_id: int = DEFAULT_USER_ID,
                chat_id: int | None = None) -> Json:
        sticker = {"file_id": "CAACAgIAAxkBAAIBsticker", "file_unique_id": "AgADsticker",
                   "type": "regular", "width": 512, "height": 512, "is_animated": False,
                   "is_video": False, "emoji": emoji}
        return self.enqueue({"message": self._user_message(user_id, chat_id, sticker=sticker)})

    def photo(self, caption: str | None = None, user_id: int = DEFAULT_USER_ID,
              chat_id: int | None = None) -> Json:
        sizes = [{"file_id": f"AgACAgIAAxkBAAIBphoto{w}", "file_unique_id": f"AQADphoto{w}",
                  "width": w, "height": w * 3 // 4, "file_size": w * 40} for w in (90, 1280)]
        message = self._user_message(user_id, chat_id, photo=sizes, caption=caption)
        return self.enqueue({"message": message})

    def edited_text(self, text: str, message_id: int | None = None,
                    user_id: int = DEFAULT_USER_ID, chat_id: int | None = None) -> Json:
        message = self._user_message(user_id, chat_id, message_id, text=text,
                                     edit_date=int(time.time()))
        return self.enqueue({"edited_message": message})

    def channel_post(self, text: str, chat_id: int = DEFAULT_CHANNEL_ID) -> Json:
        chat = {"id": chat_id, "type": "channel", "title": "Test Channel"}
        return self.enqueue({"channel_post": self._message(chat, None, text=text,
                                                           sender_chat=chat)})

    def inline_query(self, query: str, user_id: int = DEFAULT_USER_ID,
                     language_code: str = "en", offset: str = "") -> Json:
        return self.enqueue({"inline_query": {
            "id": self._query_id(), "from": self._user(user_id, language_code), "query": query,
            "offset": offset, "chat_type": "sender"}})

    def callback_query(self, data: str, message_id: int | None = None,
                       chat_id: int | None = None, user_id: int = DEFAULT_USER_ID,
                       language_code: str = "en") -> Json:
        """A press of an inline button under a message the bot sent."""
        message = self._bot_message(user_id if chat_id is None else chat_id, "…", message_id)
        return self.enqueue({"callback_query": {
            "id": self._query_id(), "from": self._user(user_id, language_code),
            "chat_instance": f"ci{message['chat']['id']}", "data": data, "message": message}})

    # -- payload helpers ---------------------------------------------------------------------
    def _text(self, text: str, chat_type: ChatType, user_id: int, language_code: str,
              chat_id: int | None, entities: list[Json] | None, reply_to_bot: bool = False) -> Json:
        if chat_id is None:
            chat_id = {"private": user_id, "group": DEFAULT_GROUP_ID}.get(
                chat_type, DEFAULT_SUPERGROUP_ID)
        entities = auto_entities(text) if entities is None else entities
        reply = self._bot_message(chat_id, "An earlier answer.") if reply_to_bot else None
        message = self._message(self._chat(chat_id, chat_type), self._user(user_id, language_code),
                                text=text, entities=entities or None, reply_to_message=reply)
        return self.enqueue({"message": message})

    def _user_message(self, user_id: int, chat_id: int | None, message_id: int | None = None,
                      **fields: Any) -> Json:
        chat = self._chat(user_id if chat_id is None else chat_id)
        return self._message(chat, self._user(user_id, "en"), message_id, **fields)

    def _bot_message(self, chat_id: Any, text: str | None, message_id: int | None = None,
                     reply_markup: Any = None, **fields: Any) -> Json:
        if not (isinstance(reply_markup, dict) and "inline_keyboard" in reply_markup):
            reply_markup = None  # messages only carry inline keyboards
        return self._message(self._chat(chat_id), dict(BOT_USER), message_id, text=text,
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

    @staticmethod
    def _chat(chat_id: Any, chat_type: str | None = None) -> Json:
        if isinstance(chat_id, str) and not re.fullmatch(r"-?\d+", chat_id):
            return {"id": DEFAULT_CHANNEL_ID, "type": "channel", "username": chat_id.lstrip("@")}
        number = int(chat_id)
        if chat_type is None:
            chat_type = ("private" if number > 0 else
                         "supergroup" if str(number).startswith("-100") else "group")
        if chat_type == "private":
            return {"id": number, "type": "private", "first_name": "Test",
                    "username": f"user{number}"}
        return {"id": number, "type": chat_type, "title": "Test Group"}

    @staticmethod
    def _user(user_id: int, language_code: str) -> Json:
        return {"id": user_id, "is_bot": False, "first_name": "Test",
                "username": f"user{user_id}", "language_code": language_code}

    def _query_id(self) -> str:
        with self._cond:
            self._next_query_id += 1
            return str(self._next_query_id * 1_000_003)
