"""Sending to Telegram, retrying transient failures (network errors, timeouts, 5xx) a few times."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

from telegram import Bot, InlineKeyboardMarkup, LinkPreviewOptions, Message, ReplyParameters
from telegram.constants import ParseMode
from telegram.error import BadRequest, NetworkError

log = logging.getLogger(__name__)

T = TypeVar("T")

RETRY_DELAYS: tuple[float, ...] = (0.5, 1.0, 2.0)
MAX_ATTEMPTS = 3
_NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


async def send_with_retry(
    send: Callable[[], Awaitable[T]],
    *,
    what: str = "request",
    attempts: int = MAX_ATTEMPTS,
    delays: Sequence[float] = RETRY_DELAYS,
) -> T:
    """Await `send()`, retrying network errors, timeouts and Telegram 5xx a bounded number of times.

    BadRequest is a NetworkError subclass in python-telegram-bot, but retrying it cannot help, so
    it is raised at once, as are Forbidden and every other Telegram error. 429 (RetryAfter) is
    handled by the application's rate limiter before it gets here.
    """
    for attempt in range(1, attempts + 1):
        try:
            return await send()
        except BadRequest:
            raise
        except NetworkError as error:  # includes TimedOut and Telegram's 5xx answers
            if attempt >= attempts:
                log.warning("%s failed %d times, giving up: %s", what, attempt, error)
                raise
            delay = delays[min(attempt - 1, len(delays) - 1)]
            log.warning("%s failed (%s); retry %d of %d in %.1f s",
                        what, error, attempt, attempts - 1, delay)
            await asyncio.sleep(delay)
    raise AssertionError("unreachable: the loop returns or raises")  # pragma: no cover


async def send_html(
    bot: Bot,
    chat_id: int,
    text: str,
    markup: InlineKeyboardMarkup | None = None,
    reply_to: int | None = None,
) -> Message:
    """Send an HTML message (retrying transient failures), optionally as a reply."""
    reply = (ReplyParameters(message_id=reply_to, allow_sending_without_reply=True)
             if reply_to is not None else None)

    async def send() -> Message:
        return await bot.send_message(
            chat_id=chat_id, text=text, parse_mode=ParseMode.HTML, reply_markup=markup,
            reply_parameters=reply, link_preview_options=_NO_PREVIEW,
        )

    return await send_with_retry(send, what="sendMessage")


async def edit_html(
    bot: Bot,
    chat_id: int,
    message_id: int,
    text: str,
    markup: InlineKeyboardMarkup | None = None,
) -> bool:
    """Replace a message's text and keyboard; False when Telegram refuses (too old, deleted).

    An edit that changes nothing ("message is not modified") counts as done.
    """

    async def edit() -> Any:
        return await bot.edit_message_text(
            text=text, chat_id=chat_id, message_id=message_id, parse_mode=ParseMode.HTML,
            reply_markup=markup, link_preview_options=_NO_PREVIEW,
        )

    try:
        await send_with_retry(edit, what="editMessageText")
    except BadRequest as error:
        if "not modified" in str(error).lower():
            return True
        log.info("could not edit message %s in chat %s: %s", message_id, chat_id, error)
        return False
    return True
