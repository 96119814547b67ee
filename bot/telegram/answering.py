"""Answering a question in a chat: the engine decides, the composer words, the adapter sends."""

from __future__ import annotations

import logging

from telegram import Update

from bot.engine import Decision
from bot.replies import Composer
from bot.telegram.context import (
    BotContext,
    Services,
    chosen_language,
    recalled,
    remember,
    threads_after,
    threads_of,
)
from bot.telegram.send import reply_in_chat

log = logging.getLogger(__name__)


class Answerer:
    """Answers questions from messages and /ask, and records them in the question log."""

    def __init__(self, services: Services) -> None:
        self.services = services

    def record(self, answer: Decision, chat_type: str) -> None:
        """Log the question (never who asked, nor where); never blocks, never raises."""
        if self.services.question_log is not None:
            self.services.question_log.record_answer(answer, chat_type)

    async def answer(self, update: Update, context: BotContext, question: str) -> None:
        """Decide on the question in the conversation it continues, log it, send the worded
        decision to the chat and remember what it told."""
        engine = self.services.engine
        conversations = self.services.conversations
        user, chat = update.effective_user, update.effective_chat
        before = await recalled(conversations, threads_of(update, context.bot.id))
        answer = engine.decide(
            question,
            language_hint=user.language_code if user else None,
            chosen=chosen_language(engine, update, context),
            context=before,
        )
        self.record(answer, chat.type if chat is not None else "unknown")
        sent = await reply_in_chat(context.bot, update, Composer(engine.knowledge).compose(answer))
        after = before.told(answer)
        if after != before:
            await remember(conversations, threads_after(update, sent), after)
        # DEBUG: a line per update at INFO cost a few per cent of the CPU under load.
        log.debug("question answered: kind=%s fact=%s language=%s",
                 answer.kind, answer.fact_id, answer.language)
