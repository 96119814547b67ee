"""The typed callback context: what the bot remembers per chat, and the services handlers use."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import CallbackContext, ContextTypes, ExtBot

from bot.engine import Context, Engine
from bot.engine.language import user_language
from bot.ops.conversations import Conversations, RecentConversations, Thread
from bot.ops.question_log import QuestionLog
from bot.ops.reload import KnowledgeService
from bot.replies import Composer
from bot.replies.menus import Menus


@dataclass(slots=True)
class ChatData:
    """What the bot remembers about one chat: the reply language chosen with /language."""

    language: str | None = None


BotContext = CallbackContext[ExtBot[Any], dict[Any, Any], ChatData, dict[Any, Any]]
CONTEXT_TYPES: ContextTypes[BotContext, dict[Any, Any], ChatData, dict[Any, Any]] = ContextTypes(
    context=CallbackContext, chat_data=ChatData
)


@dataclass(frozen=True)
class Services:
    """What the handlers share: the knowledge service, if any the question log, and what
    each conversation was last told."""

    knowledge: KnowledgeService
    question_log: QuestionLog | None = None
    conversations: Conversations = field(default_factory=RecentConversations)

    @property
    def engine(self) -> Engine:
        """The engine serving now; a handler takes it once per update, so a reload in the
        middle of an update cannot mix two knowledge bases."""
        return self.knowledge.engine


def chosen_language(engine: Engine, update: Update, context: BotContext) -> str | None:
    """The reply language chosen with /language in this chat, if the knowledge base has it."""
    chat = update.effective_chat
    # Looked up, not made: a chat that chose nothing needs no record of its own.
    data = context.application.chat_data.get(chat.id) if chat is not None else None
    chosen = data.language if data is not None else None
    return chosen if chosen in engine.knowledge.languages else None


def reply_language(engine: Engine, update: Update, context: BotContext) -> str:
    """The language for replies that answer no question: the chat's choice, else the user's."""
    user = update.effective_user
    return user_language(user.language_code if user else None,
                         chosen_language(engine, update, context), engine.knowledge.languages)


def menus(engine: Engine) -> Menus:
    """The menus and notices worded from the engine's knowledge base."""
    return Menus(Composer(engine.knowledge).wording)


def threads_of(update: Update, bot_id: int) -> tuple[Thread, ...]:
    """The conversations a message may continue, the closest first: a reply to one of the
    bot's answers continues that answer (in any chat); a private chat is also one
    conversation as a whole. A group message that replies to no answer continues none."""
    chat, message = update.effective_chat, update.effective_message
    if chat is None:
        return ()
    found: list[Thread] = []
    replied = message.reply_to_message if message is not None else None
    if replied is not None and replied.from_user is not None and replied.from_user.id == bot_id:
        found.append(("message", chat.id, replied.message_id))
    if chat.type == ChatType.PRIVATE:
        found.append(("chat", chat.id))
    return tuple(found)


def threads_after(update: Update, sent: int | None) -> tuple[Thread, ...]:
    """The conversations the bot's answer (message `sent`) belongs to: the answer itself (a
    reply to it continues it) and, in a private chat, the chat."""
    chat = update.effective_chat
    if chat is None:
        return ()
    found: list[Thread] = [("message", chat.id, sent)] if sent is not None else []
    if chat.type == ChatType.PRIVATE:
        found.append(("chat", chat.id))
    return tuple(found)


async def recalled(conversations: Conversations, threads: tuple[Thread, ...]) -> Context:
    """The context of the closest of these conversations the store still has; a fresh one
    when it has none."""
    context = await conversations.first(threads)
    return Context() if context is None else context


async def remember(conversations: Conversations, threads: tuple[Thread, ...],
             context: Context) -> None:
    """Keep the context under each of the conversations an answer belongs to."""
    await conversations.put_all(threads, context)
