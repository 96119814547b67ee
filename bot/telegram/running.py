"""Running the bot until it is stopped: long polling or a webhook server, and `set-webhook`."""

from __future__ import annotations

import asyncio
import gc
import logging
import secrets
import sys
from urllib.parse import urlsplit

from telegram import Bot
from telegram.error import InvalidToken, NetworkError, TelegramError

from bot import signals
from bot.config import Settings
from bot.engine import Engine
from bot.ops.chat_state import CONVERSATIONS, chat_state_store
from bot.ops.conversations import StoredConversations
from bot.ops.question_log import QuestionLog
from bot.ops.reload import KnowledgeService
from bot.ops.shared import SharedMode
from bot.ops.update_journal import UpdateJournal, journal_path
from bot.telegram.app import (
    ALLOWED_UPDATES,
    BOOTSTRAP_RETRIES,
    DEFAULT_BASE_URL,
    SECRET_TOKEN,
    build_application,
    file_url,
)
from bot.telegram.logs import install_one_line_errors, install_redaction
from bot.telegram.persistence import ChatPersistence
from bot.telegram.registration import register_webhook
from bot.telegram.request import RetryingRequest
from bot.telegram.updates import INVALID_TOKEN, Fatal

log = logging.getLogger(__name__)


def use_uvloop() -> bool:
    """Make a uvloop event loop the current one when uvloop is installed (the `fast` extra):
    python-telegram-bot runs the bot in the current loop. False when it is not installed."""
    try:
        import uvloop
    except ImportError:
        return False
    asyncio.set_event_loop(uvloop.new_event_loop())
    return True


def _fail(text: str, status: int = 2) -> int:
    print(f"error: {text}", file=sys.stderr)
    return status


def set_webhook_command(engine: Engine, settings: Settings) -> int:
    """`python -m bot set-webhook`: register the webhook (WEBHOOK_URL, WEBHOOK_SECRET) and the
    command menus, then exit; workers still register themselves (once, under a Redis lock)
    unless another did for the same URL, secret and menus within a day."""
    if not settings.token:
        return _fail("TELEGRAM_BOT_TOKEN is not set")
    if not settings.webhook_url or not settings.webhook_secret:
        return _fail("set-webhook needs WEBHOOK_URL and WEBHOOK_SECRET")
    if not SECRET_TOKEN.fullmatch(settings.webhook_secret):
        return _fail("WEBHOOK_SECRET may only contain A-Z, a-z, 0-9, _ and - (1-256 chars)")
    install_redaction(settings.token, settings.webhook_secret)
    base_url = settings.base_url or DEFAULT_BASE_URL
    bot = Bot(settings.token, base_url=base_url, base_file_url=file_url(base_url),
              request=RetryingRequest())

    async def register() -> None:
        async with bot:
            await register_webhook(bot, engine, settings.webhook_url or "",
                                   settings.webhook_secret or "", ALLOWED_UPDATES)

    try:
        asyncio.run(register())
    except InvalidToken:
        return _fail(INVALID_TOKEN, 1)
    except TelegramError as error:
        return _fail(f"Telegram refused: {error}", 1)
    print(f"webhook set: {settings.webhook_url}")
    return 0


def run_bot(knowledge: Engine | KnowledgeService, settings: Settings,
            webhook: bool = False) -> int:
    """Run the bot until stopped (SIGTERM, SIGINT): long polling, or a webhook server with
    `webhook`. The knowledge base reloads live, questions are logged to `settings.db_path` and
    updates journalled beside it. Stopping finishes the updates in hand, flushes the question
    log and returns 0; a token Telegram rejects, at start or later, returns 1 after one line."""
    if not settings.token:
        return _fail("TELEGRAM_BOT_TOKEN is not set")
    secret = ""
    if webhook:
        if not settings.webhook_url:
            return _fail("webhook mode needs WEBHOOK_URL (the public https URL Telegram calls)")
        secret = settings.webhook_secret or secrets.token_urlsafe(32)
        if not SECRET_TOKEN.fullmatch(secret):
            return _fail("WEBHOOK_SECRET may only contain A-Z, a-z, 0-9, _ and - (1-256 chars)")
    if webhook and settings.redis_url and not settings.webhook_secret:
        return _fail("several workers (REDIS_URL) need WEBHOOK_SECRET: each would invent its "
                     "own and only the last would be accepted")
    install_redaction(settings.token, *([secret] if secret else []))
    install_one_line_errors()
    service = knowledge if isinstance(knowledge, KnowledgeService) else KnowledgeService(knowledge)
    rehearsed = service.engine.rehearse()  # the first users wait no longer than later ones
    log.info("rehearsed %d questions before the first user", rehearsed)
    log.info("database: %s", settings.db_path)
    shared = SharedMode(settings.redis_url) if settings.redis_url else None
    if shared is not None:
        log.info("shared mode: flood and rate limits, chat state and reloads coordinated "
                 "in Redis")
    question_log = QuestionLog(settings.database_url or settings.db_path, settings.retention_days)
    journal = UpdateJournal(journal_path(settings.db_path))
    fatal = Fatal()
    application = build_application(service, settings, question_log=question_log,
                                    journal=journal, fatal=fatal,
                                    persistence=ChatPersistence(chat_state_store(settings)),
                                    conversations=StoredConversations(
                                        chat_state_store(settings, CONVERSATIONS),
                                        lambda: service.engine.knowledge),
                                    shared=shared,
                                    webhook=(settings.webhook_url, secret)
                                    if webhook and settings.webhook_url else None)
    fatal.attach(application.stop_running)
    # From here python-telegram-bot handles SIGINT and SIGTERM (finishing what is in hand);
    # one that came earlier, while the knowledge base loaded, stops the bot right after
    # start-up, the same way.
    if signals.take_pending_stop():
        application.stop_running()
    # Everything built so far (the engine's index, the libraries) lives as long as the process:
    # frozen, the garbage collector stops walking it on every full collection (67,000 objects,
    # tens of milliseconds a time under load). A reload's old knowledge base and engine hold no
    # reference cycles (checked: a collection after dropping them finds nothing), so reference
    # counting still frees them.
    gc.collect()
    gc.freeze()
    log.info("event loop: %s", "uvloop" if use_uvloop() else "asyncio")
    try:
        if webhook:
            assert settings.webhook_url is not None  # noqa: S101 - checked above; narrows for mypy
            if not settings.webhook_secret:
                log.info("WEBHOOK_SECRET is not set; using a random secret for this run")
            log.info("starting the webhook server on port %d", settings.port)
            application.run_webhook(
                listen="0.0.0.0",  # noqa: S104 - a webhook server must be reachable from outside
                port=settings.port,
                url_path=urlsplit(settings.webhook_url).path.strip("/"),
                webhook_url=settings.webhook_url,
                secret_token=secret,
                allowed_updates=ALLOWED_UPDATES,
                bootstrap_retries=BOOTSTRAP_RETRIES,
            )
        else:
            log.info("starting long polling")
            application.run_polling(allowed_updates=ALLOWED_UPDATES,
                                    bootstrap_retries=BOOTSTRAP_RETRIES)
    except InvalidToken:
        return _fail(INVALID_TOKEN, 1)
    except NetworkError as error:
        return _fail(f"cannot reach Telegram: {error}", 1)
    finally:
        question_log.close()  # already closed by post_shutdown unless start-up failed
        journal.close()
    if fatal.reason is not None:
        return _fail(fatal.reason, 1)
    log.info("stopped")
    return 0
