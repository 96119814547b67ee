"""The HTTP transport under the retrying request: aiohttp when installed (extra `fast`), else
python-telegram-bot's own httpx one.

httpx with httpcore costs about a third of the bot's CPU per update; aiohttp does the same calls
for far less. `AiohttpRequest` keeps python-telegram-bot's contract: the same default timeouts,
`TimedOut` for a timeout, `NetworkError` for anything else on the way, the status and body
returned as they came (the retry policy and python-telegram-bot read them as with httpx).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, HTTPXRequest, RequestData

if TYPE_CHECKING:
    import aiohttp

_orjson_loads: Callable[[bytes], Any] | None
try:
    from orjson import loads as _orjson_loads
except ImportError:  # the default install: the standard library's json
    _orjson_loads = None

# The answers mostly wait on Telegram, so a few dozen connections keep every chat moving (as many
# as updates are answered at once). httpx's pool scans every connection on each request, so it
# gets a smaller one: with hundreds, its CPU per request grew several times.
CONNECTION_POOL_SIZE = 32
HTTPX_POOL_SIZE = 16
READ_TIMEOUT = WRITE_TIMEOUT = CONNECT_TIMEOUT = 5.0  # python-telegram-bot's defaults
POOL_TIMEOUT = 1.0
MEDIA_WRITE_TIMEOUT = 20.0


def aiohttp_installed() -> bool:
    """Whether aiohttp can be used (the `fast` extra)."""
    return importlib.util.find_spec("aiohttp") is not None


def parse_json(payload: bytes) -> dict[str, Any]:
    """Telegram's JSON reply: with orjson when it is installed (the `fast` extra), else as
    python-telegram-bot parses it (which also words the error for a reply that is not JSON)."""
    if _orjson_loads is not None:
        try:
            parsed = _orjson_loads(payload)
        except ValueError:
            pass
        else:
            if isinstance(parsed, dict):
                return parsed
    return BaseRequest.parse_json_payload(payload)


def _seconds(value: Any, default: float | None) -> float | None:
    return default if isinstance(value, type(BaseRequest.DEFAULT_NONE)) else value


class AiohttpRequest(BaseRequest):
    """A python-telegram-bot request on one aiohttp session with a bounded connection pool.

    aiohttp has no separate write timeout: a request's body is small and goes within the connect
    and read timeouts; the pool timeout is added to the connect timeout (aiohttp's `connect`
    covers waiting for a free connection)."""

    def __init__(self, connection_pool_size: int = CONNECTION_POOL_SIZE, *,
                 read_timeout: float | None = READ_TIMEOUT,
                 connect_timeout: float | None = CONNECT_TIMEOUT,
                 pool_timeout: float | None = POOL_TIMEOUT) -> None:
        self._pool_size = connection_pool_size
        self._read_timeout = read_timeout
        self._connect_timeout = connect_timeout
        self._pool_timeout = pool_timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        """The default read timeout in seconds."""
        return self._read_timeout

    async def initialize(self) -> None:
        """Open the session (in the running event loop)."""
        if self._session is None or self._session.closed:
            import aiohttp

            connector = aiohttp.TCPConnector(limit=self._pool_size, ttl_dns_cache=300)
            self._session = aiohttp.ClientSession(
                connector=connector, headers={"User-Agent": self.USER_AGENT},
                skip_auto_headers=("Accept-Encoding",))

    async def shutdown(self) -> None:
        """Close the session and its connections."""
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

    parse_json_payload = staticmethod(parse_json)

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Make one call; the status and body Telegram answered with."""
        import aiohttp

        if self._session is None or self._session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        connect = _seconds(connect_timeout, self._connect_timeout)
        pool = _seconds(pool_timeout, self._pool_timeout)
        timeout = aiohttp.ClientTimeout(
            total=None,
            connect=None if connect is None or pool is None else connect + pool,
            sock_connect=connect,
            sock_read=_seconds(read_timeout, self._read_timeout),
        )
        body: Any = None
        if request_data is not None:
            body = (self._form(request_data) if request_data.contains_files
                    else request_data.json_parameters)
        try:
            async with self._session.request(method, url, data=body, timeout=timeout) as reply:
                return reply.status, await reply.read()
        except TimeoutError as error:
            raise TimedOut from error
        except (aiohttp.ClientError, OSError) as error:
            raise NetworkError(f"aiohttp.{type(error).__name__}: {error}") from error

    @staticmethod
    def _form(request_data: RequestData) -> aiohttp.FormData:
        """A multipart body: the parameters, then each file as python-telegram-bot gives it."""
        import aiohttp

        form = aiohttp.FormData(request_data.json_parameters)
        for name, part in (request_data.multipart_data or {}).items():
            filename, content, *rest = part
            form.add_field(name, content, filename=filename,
                           content_type=rest[0] if rest else None)
        return form


def http_transport(connections: int | None = None) -> BaseRequest:
    """The cheapest transport installed: aiohttp, else python-telegram-bot's httpx one; with
    at most `connections` connections (each one's own default without)."""
    if aiohttp_installed():
        return AiohttpRequest(connections or CONNECTION_POOL_SIZE)
    return HTTPXRequest(connection_pool_size=connections or HTTPX_POOL_SIZE)
