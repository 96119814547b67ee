"""The error handler: an exception in any handler is logged and the bot keeps running."""

from __future__ import annotations

import logging

from telegram import Update

from bot.telegram.context import BotContext

log = logging.getLogger(__name__)


async def log_error(update: object, context: BotContext) -> None:
    """Log any error from a handler (the token is redacted by the logging filter)."""
    update_id = update.update_id if isinstance(update, Update) else None
    error = context.error
    log.error("error while handling update %s: %s: %s", update_id,
              type(error).__name__, error, exc_info=error)
