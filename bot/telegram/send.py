"""Sending replies: rendered as HTML (the application's default parse mode), new or edited."""

from __future__ import annotations

import logging

from telegram import Bot, ReplyParameters, Update
from telegram.constants import ChatType
from telegram.error import BadRequest

from bot.replies import Reply
from bot.telegram.render import to_telegram
from bot.telegram.updates import SafeBot

log = logging.getLogger(__name__)


async def send_reply(bot: Bot, chat_id: int, reply: Reply, *,
                     reply_to: int | None = None) -> int:
    """Send a reply as a new message, optionally as a reply to message `reply_to`; the id
    of the message sent."""
    rendered = to_telegram(reply)
    quoted = (ReplyParameters(message_id=reply_to, allow_sending_without_reply=True)
              if reply_to is not None else None)
    if isinstance(bot, SafeBot):
        return await bot.send_text(chat_id, rendered.text, reply_markup=rendered.markup,
                                   reply_parameters=quoted)
    sent = await bot.send_message(chat_id=chat_id, text=rendered.text,
                                  reply_markup=rendered.markup, reply_parameters=quoted)
    return sent.message_id


async def edit_reply(bot: Bot, chat_id: int, message_id: int, reply: Reply) -> bool:
    """Replace a message's text and keyboard; False when Telegram refuses (too old, deleted).

    An edit that changes nothing ("message is not modified") counts as done.
    """
    rendered = to_telegram(reply)
    try:
        await bot.edit_message_text(text=rendered.text, chat_id=chat_id, message_id=message_id,
                                    reply_markup=rendered.markup)
    except BadRequest as error:
        if "not modified" in str(error).lower():
            return True
        log.info("could not edit message %s in chat %s: %s", message_id, chat_id, error)
        return False
    return True


async def reply_in_chat(bot: Bot, update: Update, reply: Reply) -> int | None:
    """Send a reply to the update's chat; in groups, as a reply to the asking message.
    The id of the message sent, or None for an update without a chat."""
    chat, message = update.effective_chat, update.effective_message
    if chat is None:
        return None
    in_group = chat.type != ChatType.PRIVATE
    quote = message.message_id if message is not None and in_group else None
    return await send_reply(bot, chat.id, reply, reply_to=quote)
