"""The message handlers: a text may be a question; a sticker or photo gets a 'text only' notice."""

from __future__ import annotations

from telegram import Update

from bot.telegram.answering import Answerer
from bot.telegram.context import BotContext, Services, menus, reply_language
from bot.telegram.questions import question_in
from bot.telegram.send import reply_in_chat


class Messages:
    """Texts in private chats are questions; in groups only those addressed to the bot are."""

    def __init__(self, services: Services, answerer: Answerer) -> None:
        self.services = services
        self.answerer = answerer

    async def text(self, update: Update, context: BotContext) -> None:
        """A text: answered when it puts a question to the bot, otherwise ignored."""
        question = question_in(update, context.bot.username, context.bot.id)
        if question is not None:
            await self.answerer.answer(update, context, question)

    async def unsupported(self, update: Update, context: BotContext) -> None:
        """A sticker, photo or other non-text message in a private chat: ask for text."""
        engine = self.services.engine
        notice = menus(engine).notice(reply_language(engine, update, context), "unsupported")
        await reply_in_chat(context.bot, update, notice)
