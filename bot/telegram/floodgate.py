"""Flood control at the door: a handler ahead of all others stops an update over the limit."""

from __future__ import annotations

import logging
from collections.abc import Awaitable

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop

from bot.ops.flood import Flood, Verdict
from bot.telegram.context import BotContext, Services, menus, reply_language
from bot.telegram.questions import question_in
from bot.telegram.send import reply_in_chat

log = logging.getLogger(__name__)


class FloodGate:
    """Counts questions and inline queries against each user's limit; over it, the update goes
    no further (`ApplicationHandlerStop`). The first question over the limit gets the polite
    notice, later ones silence; an inline query over its limit gets a valid empty answer.
    Other updates (menus, buttons, chatter not addressed to the bot) are not counted."""

    def __init__(self, services: Services, flood: Flood, inline_flood: Flood) -> None:
        self.services = services
        self.flood = flood
        self.inline_flood = inline_flood

    async def check(self, update: Update, context: BotContext) -> None:
        """Let the update through, or stop it when its user is over the limit."""
        query = update.inline_query
        if query is not None:
            if await self.inline_flood.verdict(query.from_user.id) is not Verdict.ALLOW:
                await _stopping_anyway(query.answer([], cache_time=0, is_personal=True))
                raise ApplicationHandlerStop
            return
        user = update.effective_user
        if user is None or question_in(update, context.bot.username, context.bot.id) is None:
            return
        verdict = await self.flood.verdict(user.id)
        if verdict is Verdict.ALLOW:
            return
        if verdict is Verdict.NOTIFY:
            log.info("flood control: a user is over the limit; one notice, then silence")
            engine = self.services.engine
            language = reply_language(engine, update, context)
            notice = menus(engine).notice(language, "rate_limited")
            await _stopping_anyway(reply_in_chat(context.bot, update, notice))
        raise ApplicationHandlerStop


async def _stopping_anyway(send: Awaitable[object]) -> None:
    """Send what tells the user about the limit; a failure is only logged, because the update
    must be stopped either way (an error would let it through to the handlers)."""
    try:
        await send
    except TelegramError as error:
        log.warning("flood control: could not tell the user about the limit: %s", error)
