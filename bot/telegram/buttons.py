"""The callback-button handler: facts, topics and languages; a stale button gets a notice."""

from __future__ import annotations

import logging

from telegram import Message, Update

from bot.engine import Engine
from bot.replies import Composer, Reply
from bot.replies.menus import AUTO
from bot.telegram.context import (
    BotContext,
    Services,
    menus,
    recalled,
    remember,
    reply_language,
    threads_after,
)
from bot.telegram.render import ButtonAction, decode_callback
from bot.telegram.send import edit_reply, send_reply

log = logging.getLogger(__name__)


class Buttons:
    """Inline buttons: a fact is sent as a new message; menus are edited in place."""

    def __init__(self, services: Services) -> None:
        self.services = services

    async def press(self, update: Update, context: BotContext) -> None:
        """An inline button: a fact, a topic, the topic list or a language; anything else is
        stale or tampered with and gets a polite notice."""
        query = update.callback_query
        if query is None:
            return
        engine = self.services.engine
        composer = Composer(engine.knowledge)
        language = reply_language(engine, update, context)
        action = decode_callback(query.data, engine.knowledge)
        message = query.message
        if action is None or message is None:
            log.info("stale or unknown button pressed (%d bytes)", len((query.data or "").encode()))
            await query.answer(composer.wording.say(language, "stale_button"))
            return
        await query.answer()
        chat_id = message.chat.id
        if action.kind == "fact":
            reply = composer.answer(engine.knowledge.by_id[action.value], language)
            sent = await send_reply(context.bot, chat_id, reply)
            # The fact is now what the conversation was last told: "when?" may follow it.
            # A button sits on the bot's own message: that message's conversation goes on.
            conversations = self.services.conversations
            before = await recalled(conversations, (("message", chat_id, message.message_id),
                                                    *threads_after(update, None)))
            await remember(conversations, threads_after(update, sent),
                           before.after((action.value,)))
            return
        reply = self._menu(engine, update, context, action, language)
        if isinstance(message, Message) and await edit_reply(
            context.bot, chat_id, message.message_id, reply
        ):
            return
        await send_reply(context.bot, chat_id, reply)

    @staticmethod
    def _menu(engine: Engine, update: Update, context: BotContext, action: ButtonAction,
              language: str) -> Reply:
        """The menu a topic, topics or language button shows; a language button also sets (or
        clears) the chat's language."""
        menu = menus(engine)
        if action.kind == "language":
            chat = context.chat_data
            if action.value == AUTO:
                if chat is not None:
                    chat.language = None
                return menu.notice(reply_language(engine, update, context), "language_auto")
            if chat is not None:
                chat.language = action.value
            return menu.notice(action.value, "language_set")
        if action.kind == "topic":
            return menu.topic(action.value, language)
        return menu.topics(language)

