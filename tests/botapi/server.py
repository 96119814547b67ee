"""The fake Bot API's HTTP server: answers ``/bot<TOKEN>/<method>`` like Telegram does."""

from __future__ import annotations

import json
import re
import threading
from email import policy
from email.parser import BytesParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from botapi.methods import BotApiMethods
from botapi.payloads import Json
from botapi.state import ApiError, Call
from botapi.updates import UpdateBuilders

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


class FakeBotApi(UpdateBuilders, BotApiMethods):
    """A thread-safe fake Telegram Bot API server on 127.0.0.1 with an ephemeral port."""

    def __init__(self, token: str | None = None, *, max_poll_seconds: float = 1.0,
                 keep_alive: bool = False) -> None:
        super().__init__(token, max_poll_seconds=max_poll_seconds)
        # HTTP/1.1 keeps each client connection open, as Telegram does; the default HTTP/1.0
        # closes it after every answer, which a load measurement would mostly be measuring.
        self.keep_alive = keep_alive
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ---------------------------------------------------------------------------
    def start(self) -> FakeBotApi:
        if self._server is not None:
            raise RuntimeError("FakeBotApi is already running")
        self._stopping.clear()
        keep_alive = {"protocol_version": "HTTP/1.1", "disable_nagle_algorithm": True}
        handler = type("BoundHandler", (_Handler,),
                       {"api": self, **(keep_alive if self.keep_alive else {})})
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

    # -- request handling --------------------------------------------------------------------
    def handle(self, path: str, query: str, content_type: str, body: bytes) -> tuple[int, Json]:
        """Answer one HTTP request with ``(status, JSON body)`` and record it."""
        match = _PATH.match(path)
        if match is None:
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        method, params = match["method"], parse_params(content_type, body, query)
        if self.token is not None and match["token"] != self.token:
            return self._error(Call(method, params, 401), "Unauthorized")
        self._wait_delay(method)
        failure = self._take_failure(method)
        if failure is not None:
            extra = {"retry_after": failure.retry_after} if failure.retry_after else None
            return self._error(Call(method, params, failure.status), failure.description, extra)
        try:
            implemented = getattr(self, f"_api_{method.lower()}", None)
            result = implemented(params) if implemented else self._other(method, params)
        except ApiError as error:
            return self._error(Call(method, params, error.status), error.description)
        self._record(Call(method, params))
        return 200, {"ok": True, "result": result}

    def _error(self, call: Call, description: str,
               parameters: Json | None = None) -> tuple[int, Json]:
        self._record(call)
        body: Json = {"ok": False, "error_code": call.status, "description": description}
        if parameters:
            body["parameters"] = parameters
        return call.status, body

