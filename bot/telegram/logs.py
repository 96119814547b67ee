"""Logging hygiene: secrets (the bot token, the webhook secret) never reach a log."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from urllib.parse import quote

from telegram.error import TelegramError


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


MAX_ONE_LINE = 300


class OneLineErrors(logging.Filter):
    """Turns a record carrying a Telegram error (an expected condition: a bad token, another
    instance polling, Telegram down or answering garbage) into one line: the message and the
    error, without the traceback python-telegram-bot attaches. Other errors keep theirs."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record in place; never drop it."""
        error = record.exc_info[1] if record.exc_info else None
        # A reply that is not JSON is logged by python-telegram-bot with the decoder's
        # traceback before it raises its own TelegramError: a Telegram condition too.
        telegram_json = isinstance(error, ValueError) and record.name.startswith("telegram.")
        if isinstance(error, TelegramError) or telegram_json:
            try:
                message = record.getMessage()
            except (TypeError, ValueError):
                message = str(record.msg)
            if len(message) > MAX_ONE_LINE:  # the invalid reply itself can be long
                message = message[:MAX_ONE_LINE] + "…"
            record.msg = f"{message} ({type(error).__name__}: {error})"
            record.args = None
            record.exc_info = None
            record.exc_text = None
        return True


ONE_LINE_ERRORS = OneLineErrors()


def install_one_line_errors() -> None:
    """Make every handler of the root logger write Telegram errors as one line."""
    for handler in logging.getLogger().handlers:
        if ONE_LINE_ERRORS not in handler.filters:
            # First, so that the secrets in the error's text are redacted after it.
            handler.filters.insert(0, ONE_LINE_ERRORS)


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
