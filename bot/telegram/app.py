"""The Telegram composition root: builds the application and runs it (polling or webhook)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import signal
from typing import Any

from telegram import LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.ext import Application, ApplicationBuilder, BasePersistence, BaseRateLimiter, Defaults
from telegram.request import BaseRequest

from bot import signals
from bot.config import Settings
from bot.engine import Engine
from bot.ops.conversations import Conversations, RecentConversations
from bot.ops.flood import FloodControl
from bot.ops.question_log import QuestionLog
from bot.ops.reload import KnowledgeService
from bot.ops.shared import SharedMode
from bot.ops.update_journal import UpdateJournal
from bot.telegram.commands import set_commands
from bot.telegram.context import CONTEXT_TYPES, Services
from bot.telegram.errors import ErrorLog
from bot.telegram.handlers import add_handlers
from bot.telegram.logs import (
    protect_loggers,
    quiet_http_loggers,
)
from bot.telegram.processing import PerChatProcessor
from bot.telegram.ratelimit import MessageRateLimiter
from bot.telegram.registration import register_for_all
from bot.telegram.request import RetryingRequest
from bot.telegram.transport import http_transport
from bot.telegram.updates import Fatal, JournalQueue, SafeBot
from bot.telegram.webhook import SafeUpdater

log = logging.getLogger(__name__)

App = Application[Any, Any, Any, Any, Any, Any]

DEFAULT_BASE_URL = "https://api.telegram.org/bot"
BOOTSTRAP_RETRIES = 5  # start-up calls (getMe, deleteWebhook/setWebhook) survive a brief outage
# Only what the bot answers; edited messages and channel posts are not even requested.
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY]
# Inline queries come one per pause in typing: a larger burst, refilled faster.
INLINE_FLOOD_FACTOR = 3
SECRET_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,256}")
# Every message the bot sends or edits is HTML without link previews, as each call used to ask.
DEFAULTS = Defaults(parse_mode=ParseMode.HTML,
                    link_preview_options=LinkPreviewOptions(is_disabled=True))


def file_url(base_url: str) -> str:
    """The file URL beside a Bot API base URL (`…/bot` → `…/file/bot`)."""
    return base_url[: -len("bot")] + "file/bot" if base_url.endswith("/bot") else base_url


def _add_reload_signal(service: KnowledgeService) -> bool:
    """SIGHUP reloads the knowledge base (one received during start-up too, which
    `bot.signals` held until now); False where signals cannot be handled here."""
    if not hasattr(signal, "SIGHUP"):
        return False
    try:
        asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, service.request_reload,
                                                      "SIGHUP")
    except (NotImplementedError, RuntimeError, ValueError) as error:
        log.info("SIGHUP reloads are not available here: %s", error)
        return False
    if signals.take_pending_reload():
        service.request_reload("SIGHUP during start-up")
    return True


def _remove_reload_signal() -> None:
    if hasattr(signal, "SIGHUP"):
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            asyncio.get_running_loop().remove_signal_handler(signal.SIGHUP)


def build_application(
    knowledge: Engine | KnowledgeService,
    settings: Settings,
    *,
    question_log: QuestionLog | None = None,
    rate_limiter: BaseRateLimiter[Any] | None = None,
    request: BaseRequest | None = None,
    journal: UpdateJournal | None = None,
    fatal: Fatal | None = None,
    persistence: BasePersistence[Any, Any, Any] | None = None,
    conversations: Conversations | None = None,
    shared: SharedMode | None = None,
    webhook: tuple[str, str] | None = None,
) -> App:
    """Build the application and register every handler.

    Given a `KnowledgeService`, the running bot reloads its knowledge base live: post_init
    starts the directory watcher and the SIGHUP handler. Given a bare `Engine`, the knowledge
    base is fixed. Questions are recorded in `question_log` if one is given; post_shutdown
    flushes and closes it. Flood control follows `settings.flood_burst` and `flood_interval`.
    Without `rate_limiter`, a `MessageRateLimiter` holds messages to Telegram's limits (the
    overall cap from `settings.messages_per_second`);
    without `request`, a `RetryingRequest` retries transient failures (429s included).
    Updates are handled concurrently, in order within each chat; with a `journal`, each is
    journalled before Telegram is told it arrived, and post_init replays what an earlier run
    left pending. `fatal` hears of a revoked token (the caller stops the bot on it). With a
    `persistence`, chat data (the chosen reply language) is kept in it across restarts;
    follow-ups lean on `conversations` (in the process if none is given), closed at shutdown.
    With `shared` (REDIS_URL), flood buckets and the default limiter's schedules are in Redis
    and a reload is broadcast to the other workers; with `webhook` (URL, secret) as well, the
    webhook and the command menus are registered by one worker for all.
    """
    if not settings.token:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    quiet_http_loggers()
    protect_loggers(settings.token)
    live = isinstance(knowledge, KnowledgeService)
    service = knowledge if isinstance(knowledge, KnowledgeService) else KnowledgeService(knowledge)
    background: set[asyncio.Task[None]] = set()
    kept = conversations if conversations is not None else RecentConversations()

    fatal = fatal if fatal is not None else Fatal()
    bodies: dict[int, object] = {}  # polled updates' JSON, from the bot to the journal
    update_queue = JournalQueue(journal, bodies)

    async def post_init(application: App) -> None:
        update_queue.replay(application.bot)  # before polling: the oldest updates first
        if shared is not None and webhook is not None:
            await register_for_all(application, service.engine, shared, *webhook,
                                   allowed_updates=ALLOWED_UPDATES)
        else:
            await set_commands(application.bot, service.engine)
        if live:
            background.add(asyncio.create_task(service.watch(), name="knowledge-watcher"))
            _add_reload_signal(service)
            if shared is not None:
                background.add(asyncio.create_task(shared.follow_reloads(service),
                                                   name="reload-broadcast"))

    async def post_shutdown(application: App) -> None:
        if live:
            _remove_reload_signal()
        for task in background:
            task.cancel()
        await asyncio.gather(*background, return_exceptions=True)
        background.clear()
        inline.flush()
        if question_log is not None:
            await asyncio.to_thread(question_log.close)
        if shared is not None:
            await shared.close()
        await kept.close()

    bot = SafeBot(
        settings.token,
        base_url=settings.base_url or DEFAULT_BASE_URL,
        base_file_url=file_url(settings.base_url or DEFAULT_BASE_URL),
        request=request if request is not None else RetryingRequest(),
        get_updates_request=http_transport(1),  # one long poll at a time: one connection
        defaults=DEFAULTS,
        # The request retries 429s itself (pausing every call), so the limiter only throttles.
        rate_limiter=(rate_limiter if rate_limiter is not None
                      else MessageRateLimiter(settings.messages_per_second, shared=(
                          shared.schedules() if shared is not None else None))),
        fatal=fatal,
        bodies=bodies,
    )
    processor = PerChatProcessor(journal=journal)
    builder = (
        ApplicationBuilder()
        .updater(SafeUpdater(bot, update_queue))
        .context_types(CONTEXT_TYPES)
        .concurrent_updates(processor)
        .post_init(post_init)
        .post_shutdown(post_shutdown)
    )
    if persistence is not None:
        builder = builder.persistence(persistence)
    app: App = builder.build()
    processor.stopping = lambda: not app.running
    burst, interval = settings.flood_burst, settings.flood_interval
    inline_burst = burst * INLINE_FLOOD_FACTOR
    inline_interval = interval / INLINE_FLOOD_FACTOR
    inline = add_handlers(
        app,
        Services(service, question_log, kept),
        flood=(shared.flood(burst, interval, "questions") if shared is not None
               else FloodControl(burst, interval)),
        inline_flood=(shared.flood(inline_burst, inline_interval, "inline")
                      if shared is not None else FloodControl(inline_burst, inline_interval)),
        errors=ErrorLog(fatal.fail),
    )
    return app
