"""The error handler: an exception in any handler is logged and the bot keeps running, except
for a revoked token, which stops it (a bot that cannot send must not look alive)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from telegram import Update
from telegram.error import InvalidToken, TelegramError

from bot.telegram.context import BotContext
from bot.telegram.updates import INVALID_TOKEN

log = logging.getLogger(__name__)


class ErrorLog:
    """Logs handler errors: Telegram's (a refused or failed call, an expected condition) as one
    line, anything else (a bug) with its traceback; a revoked token calls `on_invalid_token`."""

    def __init__(self, on_invalid_token: Callable[[str], None] | None = None) -> None:
        self.on_invalid_token = on_invalid_token

    async def __call__(self, update: object, context: BotContext) -> None:
        """Log the error of one update (the token is redacted by the logging filter)."""
        update_id = update.update_id if isinstance(update, Update) else None
        error = context.error
        if isinstance(error, InvalidToken) and self.on_invalid_token is not None:
            self.on_invalid_token(INVALID_TOKEN)
            return
        if isinstance(error, TelegramError):
            if update is None:  # python-telegram-bot passes polling errors here too
                log.warning("polling for updates failed: %s: %s", type(error).__name__, error)
            else:
                log.warning("could not handle update %s: %s: %s", update_id,
                            type(error).__name__, error)
            return
        log.error("error while handling update %s: %s: %s", update_id,
                  type(error).__name__, error, exc_info=error)


log_error = ErrorLog()  # without a way to stop the bot: for applications built in tests
