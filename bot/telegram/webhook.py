"""Webhook mode on python-telegram-bot's own server, with the answers Telegram and strangers
should get: 400 for a body that is not an update, 200 only once the update is journalled, and
slow clients cut off instead of holding a connection forever."""

from __future__ import annotations

import json
import logging
from http import HTTPStatus
from pathlib import Path
from socket import socket
from ssl import SSLContext
from typing import Any

import tornado.web
from telegram.ext import ExtBot, Updater
from telegram.ext._utils.webhookhandler import (  # the classes run_webhook uses, extended
    TelegramHandler,
    WebhookAppClass,
    WebhookServer,
)
from tornado.httpserver import HTTPServer

from bot.telegram.updates import parse_update

log = logging.getLogger(__name__)

# A client must send its request headers, and then its body, within this many seconds, and an
# idle kept-alive connection is closed after it: Telegram sends small updates at once.
CLIENT_TIMEOUT = 10.0
MAX_BODY_BYTES = 1024 * 1024  # an update is a few KB; Telegram's largest are far below this


class SafeTelegramHandler(TelegramHandler):
    """The webhook endpoint: the secret and content type are checked as before; a body that is
    not UTF-8 JSON with an update_id gets 400 and one log line; a malformed update with an id is
    skipped and confirmed (200), so Telegram does not resend it forever."""

    async def post(self) -> None:
        """Answer one POST from Telegram."""
        self._validate_post()  # 403 without the right secret or content type
        try:
            data = json.loads(self.request.body.decode("utf-8"))
        except ValueError as error:  # invalid UTF-8 is a ValueError too
            log.warning("webhook: a body that is not UTF-8 JSON (%d bytes; %s); answered 400",
                        len(self.request.body), type(error).__name__)
            raise tornado.web.HTTPError(HTTPStatus.BAD_REQUEST, reason="Not JSON") from None
        bot = self.bot
        update = parse_update(data, bot) if isinstance(bot, ExtBot) else None
        if update is None:
            log.warning("webhook: a JSON body that is not an update (no update_id); "
                        "answered 400")
            raise tornado.web.HTTPError(HTTPStatus.BAD_REQUEST, reason="Not an update")
        # The queue journals the update before this returns: only then does Telegram get 200.
        await self.update_queue.put(update)
        self.set_status(HTTPStatus.OK)


class HealthHandler(tornado.web.RequestHandler):
    """`GET /healthz`: 200 while this worker's server is up, for a proxy's health checks."""

    def get(self) -> None:
        """Answer a health check."""
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.write("ok\n")


class SafeWebhookApp(WebhookAppClass):
    """The webhook application with `SafeTelegramHandler` at the webhook path and a health
    check at `/healthz`."""

    def __init__(self, webhook_path: str, bot: Any, update_queue: Any,
                 secret_token: str | None = None) -> None:
        # WebhookAppClass.__init__ with the handler class swapped (it offers no parameter).
        self.shared_objects = {"bot": bot, "update_queue": update_queue,
                               "secret_token": secret_token}
        tornado.web.Application.__init__(
            self, [(r"/healthz", HealthHandler),
                   (rf"{webhook_path}/?", SafeTelegramHandler, self.shared_objects)])


class SafeWebhookServer(WebhookServer):
    """python-telegram-bot's webhook server with time limits for slow clients."""

    client_timeout = CLIENT_TIMEOUT

    def __init__(self, listen: str, port: int, webhook_app: WebhookAppClass,
                 ssl_ctx: SSLContext | None, unix: str | Path | socket | None = None) -> None:
        super().__init__(listen, port, webhook_app, ssl_ctx, unix)
        self._http_server = HTTPServer(
            webhook_app, ssl_options=ssl_ctx, idle_connection_timeout=self.client_timeout,
            body_timeout=self.client_timeout, max_body_size=MAX_BODY_BYTES)


class SafeUpdater(Updater):
    """The updater whose webhook mode runs the safe handler and server (polling is unchanged).
    With `bootstrap` False it leaves setWebhook to whoever registers for all workers."""

    bootstrap = True

    async def _start_webhook(
        self,
        listen: str,
        port: int,
        url_path: str,
        bootstrap_retries: int,
        allowed_updates: Any,
        cert: Any = None,
        key: Any = None,
        drop_pending_updates: bool | None = None,
        webhook_url: str | None = None,
        ready: Any = None,
        ip_address: str | None = None,
        max_connections: int = 40,
        secret_token: str | None = None,
        unix: Any = None,
    ) -> None:
        # The bot serves plain HTTP behind an HTTPS proxy; certificates and unix sockets, which
        # python-telegram-bot's version also handles, are not used here.
        if cert is not None or key is not None or unix is not None:
            raise RuntimeError("the webhook server here takes no certificate or unix socket")
        if not url_path.startswith("/"):
            url_path = f"/{url_path}"
        app = SafeWebhookApp(url_path, self.bot, self.update_queue, secret_token)
        self._httpd = SafeWebhookServer(listen, port, app, None)
        if self.bootstrap:
            await self._bootstrap(
                max_retries=bootstrap_retries,
                drop_pending_updates=drop_pending_updates,
                webhook_url=webhook_url or f"http://{listen}:{port}{url_path}",
                allowed_updates=allowed_updates,
                ip_address=ip_address,
                max_connections=max_connections,
                secret_token=secret_token,
            )
        await self._httpd.serve_forever(ready=ready)
