"""The command handlers (/start, /help, /ask, /topics, /source, /language) and their menus."""

from __future__ import annotations

import logging
from collections.abc import Callable

from telegram import (
    Bot,
    BotCommand,
    BotCommandScope,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    Update,
)
from telegram.error import TelegramError

from bot.engine import Decision, Engine
from bot.replies import Composer, Reply
from bot.replies.menus import Menus
from bot.replies.wording import Wording
from bot.telegram.answering import Answerer
from bot.telegram.context import (
    BotContext,
    Services,
    chosen_language,
    menus,
    recalled,
    remember,
    reply_language,
    threads_after,
    threads_of,
)
from bot.telegram.questions import question_in
from bot.telegram.send import reply_in_chat

log = logging.getLogger(__name__)

PRIVATE_COMMANDS = ("start", "help", "ask", "summary", "topics", "source", "language")
GROUP_COMMANDS = ("ask", "summary", "help", "topics", "source", "language")


class Commands:
    """The command handlers: each words its menu in the chat's language and sends it."""

    def __init__(self, services: Services, answerer: Answerer) -> None:
        self.services = services
        self.answerer = answerer

    @staticmethod
    async def _send_menu(engine: Engine, update: Update, context: BotContext,
                         build: Callable[[Menus, str], Reply]) -> None:
        """Send a menu built in the chat's language from this update's engine."""
        language = reply_language(engine, update, context)
        await reply_in_chat(context.bot, update, build(menus(engine), language))

    async def start(self, update: Update, context: BotContext) -> None:
        """/start: what the bot knows, with example questions as buttons."""
        await self._send_menu(self.services.engine, update, context, Menus.start)

    async def help(self, update: Update, context: BotContext) -> None:
        """/help (and any unknown command in a private chat): how to ask."""
        username = context.bot.username
        await self._send_menu(self.services.engine, update, context,
                              lambda menu, language: menu.help(language, username))

    async def ask(self, update: Update, context: BotContext) -> None:
        """/ask QUESTION: answer it; a bare /ask gets the usage."""
        question = question_in(update, context.bot.username, context.bot.id)
        if question is None:
            await self._send_menu(self.services.engine, update, context,
                                  lambda menu, language: menu.notice(language, "ask_usage"))
            return
        await self.answerer.answer(update, context, question)

    async def summary(self, update: Update, context: BotContext) -> None:
        """/summary: what the article is about, with its source and the topics as buttons
        (just the topics for a knowledge base without an overview)."""
        engine = self.services.engine
        if not engine.knowledge.overview:
            await self._send_menu(engine, update, context, Menus.topics)
            return
        language = reply_language(engine, update, context)
        conversations = self.services.conversations
        before = await recalled(conversations, threads_of(update, context.bot.id))
        sent = await reply_in_chat(context.bot, update,
                                   Composer(engine.knowledge).overview(language))
        # "Tell me more" after the overview goes on to the facts.
        await remember(conversations, threads_after(update, sent),
                 before.told(Decision("/summary", "overview", language)))

    async def topics(self, update: Update, context: BotContext) -> None:
        """/topics: the topic buttons, to browse the facts."""
        await self._send_menu(self.services.engine, update, context, Menus.topics)

    async def source(self, update: Update, context: BotContext) -> None:
        """/source: the article's publisher, date, title and photo credit."""
        await self._send_menu(self.services.engine, update, context, Menus.source)

    async def language(self, update: Update, context: BotContext) -> None:
        """/language: buttons to choose this chat's reply language."""
        engine = self.services.engine
        chosen = chosen_language(engine, update, context)
        await self._send_menu(engine, update, context,
                              lambda menu, language: menu.languages(chosen, language))


# --------------------------------------------------------------------------- the command menu
def command_menu(engine: Engine, language: str, names: tuple[str, ...]) -> list[BotCommand]:
    """The command menu in one language."""
    wording = Wording(engine.knowledge)
    return [BotCommand(name, wording.say(language, f"command_{name}")) for name in names]


async def set_commands(bot: Bot, engine: Engine) -> None:
    """Register the command menus for private chats and groups, in English and Russian."""
    scopes: list[tuple[BotCommandScope, tuple[str, ...]]] = [
        (BotCommandScopeAllPrivateChats(), PRIVATE_COMMANDS),
        (BotCommandScopeAllGroupChats(), GROUP_COMMANDS),
    ]
    for scope, names in scopes:
        for language in (None, *(code for code in engine.knowledge.languages if code != "en")):
            commands = command_menu(engine, language or "en", names)
            try:
                await bot.set_my_commands(commands, scope=scope, language_code=language)
            except TelegramError as error:
                log.warning("could not set the %s command menu (%s): %s",
                            scope.type, language or "default", error)
