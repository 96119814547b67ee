"""The routing table: which handler gets which update, in order (the first match wins)."""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.ops.flood import Flood
from bot.telegram.answering import Answerer
from bot.telegram.buttons import Buttons
from bot.telegram.commands import Commands
from bot.telegram.context import Services
from bot.telegram.errors import ErrorLog, log_error
from bot.telegram.floodgate import FloodGate
from bot.telegram.inline import InlineQueries
from bot.telegram.messages import Messages
from bot.telegram.questions import CHAT_TEXT, NEW, NON_TEXT, PRIVATE

FLOOD_GROUP = -1  # runs before the handlers (group 0) and may stop an update there


def add_handlers(app: Application[Any, Any, Any, Any, Any, Any], services: Services,
                 flood: Flood, inline_flood: Flood,
                 errors: ErrorLog = log_error) -> InlineQueries:
    """Register every handler on the application; return the inline handler, whose pending
    question-log entries are flushed at shutdown."""
    answerer = Answerer(services)
    commands, messages = Commands(services, answerer), Messages(services, answerer)
    inline = InlineQueries(services)
    # 0. Flood control sees every update first; over the limit, the update stops there.
    gate = FloodGate(services, flood, inline_flood)
    app.add_handler(TypeHandler(Update, gate.check), group=FLOOD_GROUP)
    # 1. /start (and /start@ThisBot): welcome, what the bot knows, example question buttons.
    app.add_handler(CommandHandler("start", commands.start, filters=NEW))
    # 2. /help: how to ask in private chats, groups and inline mode.
    app.add_handler(CommandHandler("help", commands.help, filters=NEW))
    # 3. /ask QUESTION: answer; bare /ask: usage. /ask@OtherBot never reaches here.
    app.add_handler(CommandHandler("ask", commands.ask, filters=NEW))
    # 4. /summary: what the article is about, with the topics as buttons.
    app.add_handler(CommandHandler("summary", commands.summary, filters=NEW))
    # 5. /topics: browse the facts by topic with inline keyboards.
    app.add_handler(CommandHandler("topics", commands.topics, filters=NEW))
    # 6. /source: publisher, date, title and photo credit of the article.
    app.add_handler(CommandHandler("source", commands.source, filters=NEW))
    # 7. /language: choose this chat's reply language.
    app.add_handler(CommandHandler("language", commands.language, filters=NEW))
    # 8. Inline buttons: facts, topics, languages; stale or tampered data gets a notice.
    app.add_handler(CallbackQueryHandler(Buttons(services).press))
    # 9. Inline mode: ranked facts as inline results.
    app.add_handler(InlineQueryHandler(inline.answer))
    # 10. Text: every private message is a question; in groups only mentions and replies to
    #    the bot (the handler checks); other chatter is ignored.
    app.add_handler(MessageHandler(CHAT_TEXT, messages.text))
    # 11. An unknown command in a private chat gets the help; in groups, silence.
    app.add_handler(MessageHandler(NEW & PRIVATE & filters.COMMAND, commands.help))
    # 12. Stickers, photos and other non-text messages in a private chat: ask for text.
    app.add_handler(MessageHandler(NEW & PRIVATE & NON_TEXT, messages.unsupported))
    # Any exception in a handler is logged (token redacted) and the bot keeps running, unless
    # the token was revoked.
    app.add_error_handler(errors)
    return inline
