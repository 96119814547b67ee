"""The Telegram composition root: builds the application and runs it (polling or webhook)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import secrets
import signal
import sys
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote, urlsplit

from telegram import (
    BotCommand,
    BotCommandScope,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    Update,
)
from telegram.error import InvalidToken, NetworkError, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot.config import Settings
from bot.engine import Engine
from bot.ops.flood import FloodControl
from bot.ops.question_log import QuestionLog
from bot.ops.reload import KnowledgeService
from bot.replies.wording import Wording
from bot.telegram.handlers import Handlers

log = logging.getLogger(__name__)

App = Application[Any, Any, Any, Any, Any, Any]

RATE_LIMIT_RETRIES = 3
BOOTSTRAP_RETRIES = 5  # start-up calls (getMe, deleteWebhook/setWebhook) survive a brief outage
# Only what the bot answers; edited messages and channel posts are not even requested.
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY]
PRIVATE_COMMANDS = ("start", "help", "ask", "topics", "source", "language")
GROUP_COMMANDS = ("ask", "help", "topics", "source", "language")
# Inline queries come one per pause in typing: a larger burst, refilled faster.
INLINE_FLOOD_FACTOR = 3
_SECRET_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,256}")

# New messages only: edited messages and channel posts are deliberately ignored.
_NEW = filters.UpdateType.MESSAGE
_PRIVATE = filters.ChatType.PRIVATE
_NON_TEXT = filters.ATTACHMENT | filters.POLL | filters.Dice.ALL


# --------------------------------------------------------------------------- logging hygiene
class RedactingFilter(logging.Filter):
    """Replaces secrets (the bot token, the webhook secret) in log records with placeholders."""

    def __init__(self, secrets_to_hide: Iterable[tuple[str, str]] = ()) -> None:
        super().__init__()
        self._pairs: list[tuple[str, str]] = []
        for secret, placeholder in secrets_to_hide:
            self.add(secret, placeholder)

    def add(self, secret: str, placeholder: str) -> None:
        """Hide one more secret (as is and URL-encoded); too short ones would hide everything."""
        if len(secret) < 4:
            return
        for form in dict.fromkeys((secret, quote(secret, safe=""))):
            if (form, placeholder) not in self._pairs:
                self._pairs.append((form, placeholder))

    def redact(self, text: str) -> str:
        """The text with every secret replaced."""
        for secret, placeholder in self._pairs:
            text = text.replace(secret, placeholder)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record's message, traceback and stack text; never drop the record."""
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            message = str(record.msg)
        redacted = self.redact(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


_REDACTION = RedactingFilter()
_LIBRARY_LOGGERS = ("telegram", "httpx", "httpcore", "bot")


def protect_loggers(token: str, *others: str) -> RedactingFilter:
    """Redact the secrets in every record of the Telegram, HTTP and bot loggers that exist now
    (python-telegram-bot logs its API URL, token included, at DEBUG)."""
    _REDACTION.add(token, "<token>")
    for other in others:
        _REDACTION.add(other, "<secret>")
    for name, logger in list(logging.root.manager.loggerDict.items()):
        if (isinstance(logger, logging.Logger) and name.split(".")[0] in _LIBRARY_LOGGERS
                and _REDACTION not in logger.filters):
            logger.addFilter(_REDACTION)
    return _REDACTION


def install_redaction(token: str, *others: str) -> RedactingFilter:
    """Redact the secrets in everything the root logger's handlers write, whatever its logger."""
    redacting = protect_loggers(token, *others)
    for handler in logging.getLogger().handlers:
        if redacting not in handler.filters:
            handler.addFilter(redacting)
    return redacting


def quiet_http_loggers() -> None:
    """httpx logs every request URL at INFO, and Telegram URLs contain the token."""
    for name in ("httpx", "httpcore"):
        logger = logging.getLogger(name)
        if logger.getEffectiveLevel() < logging.WARNING:
            logger.setLevel(logging.WARNING)


# --------------------------------------------------------------------------- commands menu
def command_menu(engine: Engine, language: str, names: Iterable[str]) -> list[BotCommand]:
    """The command menu in one language."""
    wording = Wording(engine.knowledge)
    return [BotCommand(name, wording.say(language, f"command_{name}")) for name in names]


async def set_commands(application: App, engine: Engine) -> None:
    """Register the command menus for private chats and groups, in English and Russian."""
    scopes: list[tuple[BotCommandScope, tuple[str, ...]]] = [
        (BotCommandScopeAllPrivateChats(), PRIVATE_COMMANDS),
        (BotCommandScopeAllGroupChats(), GROUP_COMMANDS),
    ]
    for scope, names in scopes:
        for language in (None, *(code for code in engine.knowledge.languages if code != "en")):
            commands = command_menu(engine, language or "en", names)
            try:
                await application.bot.set_my_commands(commands, scope=scope,
                                                      language_code=language)
            except TelegramError as error:
                log.warning("could not set the %s command menu (%s): %s",
                            scope.type, language or "default", error)


def _file_url(base_url: str) -> str:
    """The file URL beside a Bot API base URL (`…/bot` → `…/file/bot`)."""
    return base_url[: -len("bot")] + "file/bot" if base_url.endswith("/bot") else base_url


# --------------------------------------------------------------------------- composition root
def _add_reload_signal(service: KnowledgeService) -> bool:
    """SIGHUP reloads the knowledge base; False where signals cannot be handled here."""
    if not hasattr(signal, "SIGHUP"):
        return False
    try:
        asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, service.request_reload,
                                                      "SIGHUP")
    except (NotImplementedError, RuntimeError, ValueError) as error:
        log.info("SIGHUP reloads are not available here: %s", error)
        return False
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
) -> App:
    """Build the application and register every handler, in order (the first match wins).

    Given a `KnowledgeService`, the running bot reloads its knowledge base live: post_init
    starts the directory watcher and the SIGHUP handler. Given a bare `Engine`, the knowledge
    base is fixed. Questions are recorded in `question_log` if one is given; post_shutdown
    flushes and closes it. Flood control follows `settings.flood_burst` and `flood_interval`.
    """
    if not settings.token:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    quiet_http_loggers()
    protect_loggers(settings.token)
    live = isinstance(knowledge, KnowledgeService)
    service = knowledge if isinstance(knowledge, KnowledgeService) else KnowledgeService(knowledge)
    handlers = Handlers(
        service,
        question_log=question_log,
        flood=FloodControl(settings.flood_burst, settings.flood_interval),
        inline_flood=FloodControl(settings.flood_burst * INLINE_FLOOD_FACTOR,
                                  settings.flood_interval / INLINE_FLOOD_FACTOR),
    )
    background: set[asyncio.Task[None]] = set()

    async def post_init(application: App) -> None:
        await set_commands(application, service.engine)
        if live:
            background.add(asyncio.create_task(service.watch(), name="knowledge-watcher"))
            _add_reload_signal(service)

    async def post_shutdown(application: App) -> None:
        if live:
            _remove_reload_signal()
        for task in background:
            task.cancel()
        await asyncio.gather(*background, return_exceptions=True)
        background.clear()
        handlers.flush()
        if question_log is not None:
            await asyncio.to_thread(question_log.close)

    builder = (
        ApplicationBuilder()
        .token(settings.token)
        .rate_limiter(AIORateLimiter(max_retries=RATE_LIMIT_RETRIES))  # waits out 429s
        .post_init(post_init)
        .post_shutdown(post_shutdown)
    )
    if settings.base_url:
        builder = builder.base_url(settings.base_url).base_file_url(_file_url(settings.base_url))
    app: App = builder.build()

    # 1. /start (and /start@ThisBot): welcome, what the bot knows, example question buttons.
    app.add_handler(CommandHandler("start", handlers.start_command, filters=_NEW))
    # 2. /help: how to ask in private chats, groups and inline mode.
    app.add_handler(CommandHandler("help", handlers.help_command, filters=_NEW))
    # 3. /ask QUESTION: answer; bare /ask: usage. /ask@OtherBot never reaches here.
    app.add_handler(CommandHandler("ask", handlers.ask_command, filters=_NEW))
    # 4. /topics: browse the facts by topic with inline keyboards.
    app.add_handler(CommandHandler("topics", handlers.topics_command, filters=_NEW))
    # 5. /source: publisher, date, title and photo credit of the article.
    app.add_handler(CommandHandler("source", handlers.source_command, filters=_NEW))
    # 6. /language: choose this chat's reply language.
    app.add_handler(CommandHandler("language", handlers.language_command, filters=_NEW))
    # 7. Inline buttons: facts, topics, languages; stale or tampered data gets a notice.
    app.add_handler(CallbackQueryHandler(handlers.button_press))
    # 8. Inline mode: ranked facts as inline results.
    app.add_handler(InlineQueryHandler(handlers.inline_query))
    # 9. Text: every private message is a question; in groups only mentions and replies to
    #    the bot (the handler checks); other chatter is ignored.
    app.add_handler(MessageHandler(
        _NEW & filters.TEXT & ~filters.COMMAND & (_PRIVATE | filters.ChatType.GROUPS),
        handlers.text_message,
    ))
    # 10. An unknown command in a private chat gets the help; in groups, silence.
    app.add_handler(MessageHandler(_NEW & _PRIVATE & filters.COMMAND, handlers.help_command))
    # 11. Stickers, photos and other non-text messages in a private chat: ask for text.
    app.add_handler(MessageHandler(_NEW & _PRIVATE & _NON_TEXT, handlers.unsupported_message))
    # Any exception in a handler is logged (token redacted) and the bot keeps running.
    app.add_error_handler(handlers.error_handler)
    return app


def _fail(text: str) -> int:
    print(f"error: {text}", file=sys.stderr)
    return 2


def run_bot(knowledge: Engine | KnowledgeService, settings: Settings,
            webhook: bool = False) -> int:
    """Run the bot until stopped (SIGTERM, SIGINT): long polling, or a webhook server with
    `webhook`. The knowledge base reloads live and questions are logged to `settings.db_path`.
    Stopping finishes the updates in hand, flushes the question log and returns 0."""
    if not settings.token:
        return _fail("TELEGRAM_BOT_TOKEN is not set")
    secret = ""
    if webhook:
        if not settings.webhook_url:
            return _fail("webhook mode needs WEBHOOK_URL (the public https URL Telegram calls)")
        secret = settings.webhook_secret or secrets.token_urlsafe(32)
        if not _SECRET_TOKEN.fullmatch(secret):
            return _fail("WEBHOOK_SECRET may only contain A-Z, a-z, 0-9, _ and - (1-256 chars)")
    install_redaction(settings.token, *([secret] if secret else []))
    service = knowledge if isinstance(knowledge, KnowledgeService) else KnowledgeService(knowledge)
    question_log = QuestionLog(settings.db_path, settings.retention_days)
    application = build_application(service, settings, question_log=question_log)
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
        log.error("Telegram rejected the bot token (TELEGRAM_BOT_TOKEN)")
        return 1
    except NetworkError as error:
        log.error("cannot reach Telegram: %s", error)
        return 1
    finally:
        question_log.close()  # already closed by post_shutdown unless start-up failed
    log.info("stopped")
    return 0
