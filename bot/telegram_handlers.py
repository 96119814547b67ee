"""The Telegram update handlers: each turns one update into a reply from the engine's answer."""

from __future__ import annotations

import logging
import re
from typing import Any

from telegram import (
    InlineQueryResultsButton,
    Message,
    MessageEntity,
    Update,
    User,
)
from telegram.constants import ChatType
from telegram.ext import CallbackContext, ExtBot

from bot.matching import Engine
from bot.telegram_render import (
    AUTO,
    Reply,
    decode_callback,
    fact_answer,
    help_reply,
    inline_fact_ids,
    inline_results,
    language_reply,
    plain_reply,
    render_answer,
    source_reply,
    start_reply,
    topic_reply,
    topics_reply,
    usage_reply,
)
from bot.telegram_send import edit_html, send_html, send_with_retry

log = logging.getLogger(__name__)

Context = CallbackContext[ExtBot[Any], dict[Any, Any], dict[Any, Any], dict[Any, Any]]

LANGUAGE_KEY = "language"
INLINE_CACHE_SECONDS = 10
INLINE_START_PARAMETER = "inline"
_LEADING_PUNCTUATION = ",.:;!-—– \t\n"


def command_argument(text: str | None) -> str:
    """The text after a command (`/ask@Bot how much?` → `how much?`), whitespace kept inside."""
    parts = (text or "").split(maxsplit=1)
    return parts[1].strip() if len(parts) > 1 else ""


def addressed_question(message: Message, username: str, bot_id: int) -> str | None:
    """The question a group message puts to the bot (its mentions removed), or None when the
    message neither mentions the bot nor replies to one of its messages."""
    text = message.text or ""
    mentioned = False
    for entity, value in message.parse_entities(
        [MessageEntity.MENTION, MessageEntity.TEXT_MENTION]
    ).items():
        if entity.type == MessageEntity.MENTION and value[1:].lower() == username.lower():
            mentioned = True
        elif entity.user is not None and entity.user.id == bot_id:
            mentioned = True
            text = text.replace(value, " ")
    replied = message.reply_to_message
    to_bot = (replied is not None and replied.from_user is not None
              and replied.from_user.id == bot_id)
    if not (mentioned or to_bot):
        return None
    if username:
        text = re.sub(rf"@{re.escape(username)}\b", " ", text, flags=re.IGNORECASE)
    text = re.sub(r"\s+([,.;:!?])", r"\1", " ".join(text.split()))  # "growth , ?" → "growth,?"
    text = re.sub(r"[,;:]+([.!?])", r"\1", text)  # "growth,?" → "growth?"
    return text.lstrip(_LEADING_PUNCTUATION).rstrip(",;: ")


class Handlers:
    """The bot's handlers over one engine; they route and render, the engine decides."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # ----------------------------------------------------------------- languages
    def chosen_language(self, context: Context) -> str | None:
        """The reply language chosen with /language in this chat, if any."""
        data = context.chat_data
        chosen = data.get(LANGUAGE_KEY) if data is not None else None
        return chosen if chosen in self.engine.knowledge.languages else None

    def user_language(self, user: User | None) -> str:
        """The user's Telegram language if the knowledge base has it, else English."""
        languages = self.engine.knowledge.languages
        code = ((user.language_code if user else None) or "").split("-")[0].lower()
        if code in languages:
            return code
        return "en" if "en" in languages else languages[0]

    def language(self, update: Update, context: Context) -> str:
        """The language for replies that answer no question: the chat's choice, else the user's."""
        return self.chosen_language(context) or self.user_language(update.effective_user)

    # ----------------------------------------------------------------- sending
    async def _send(self, update: Update, context: Context, reply: Reply) -> None:
        """Send a reply to the update's chat; in groups, as a reply to the asking message."""
        chat, message = update.effective_chat, update.effective_message
        if chat is None:
            return
        in_group = chat.type != ChatType.PRIVATE
        quote = message.message_id if message is not None and in_group else None
        await send_html(context.bot, chat.id, reply.text, reply.markup, reply_to=quote)

    async def _answer_question(self, update: Update, context: Context, question: str) -> None:
        user = update.effective_user
        answer = self.engine.find_answer(
            question,
            language_hint=user.language_code if user else None,
            reply_language=self.chosen_language(context),
        )
        log.info("question answered: kind=%s fact=%s language=%s",
                 answer.kind, answer.fact_id, answer.language)
        await self._send(update, context, render_answer(self.engine, answer))

    # ----------------------------------------------------------------- commands
    async def start_command(self, update: Update, context: Context) -> None:
        """/start: what the bot knows, with example questions as buttons."""
        await self._send(update, context, start_reply(self.engine, self.language(update, context)))

    async def help_command(self, update: Update, context: Context) -> None:
        """/help (and any unknown command in a private chat): how to ask."""
        language = self.language(update, context)
        await self._send(update, context, help_reply(self.engine, language, context.bot.username))

    async def ask_command(self, update: Update, context: Context) -> None:
        """/ask QUESTION: answer it; a bare /ask gets the usage."""
        message = update.effective_message
        question = command_argument(message.text if message else None)
        if not question:
            language = self.language(update, context)
            await self._send(update, context, usage_reply(self.engine, language))
            return
        await self._answer_question(update, context, question)

    async def topics_command(self, update: Update, context: Context) -> None:
        """/topics: the topic buttons, to browse the facts."""
        await self._send(update, context, topics_reply(self.engine, self.language(update, context)))

    async def source_command(self, update: Update, context: Context) -> None:
        """/source: the article's publisher, date, title and photo credit."""
        await self._send(update, context, source_reply(self.engine, self.language(update, context)))

    async def language_command(self, update: Update, context: Context) -> None:
        """/language: buttons to choose this chat's reply language."""
        reply = language_reply(self.engine, self.chosen_language(context),
                               self.language(update, context))
        await self._send(update, context, reply)

    # ----------------------------------------------------------------- messages
    async def text_message(self, update: Update, context: Context) -> None:
        """A text: in private chats always a question; in groups only when addressed to the bot."""
        message, chat = update.effective_message, update.effective_chat
        if message is None or chat is None or not message.text:
            return
        if chat.type == ChatType.PRIVATE:
            await self._answer_question(update, context, message.text)
            return
        question = addressed_question(message, context.bot.username, context.bot.id)
        if question is not None:
            await self._answer_question(update, context, question)

    async def unsupported_message(self, update: Update, context: Context) -> None:
        """A sticker, photo or other non-text message in a private chat: ask for text."""
        await self._send(update, context,
                         plain_reply(self.engine, self.language(update, context), "unsupported"))

    # ----------------------------------------------------------------- buttons and inline mode
    async def button_press(self, update: Update, context: Context) -> None:
        """An inline button: a fact, a topic, the topic list or a language; anything else is
        stale or tampered with and gets a polite notice."""
        query = update.callback_query
        if query is None:
            return
        language = self.language(update, context)
        action = decode_callback(query.data, self.engine.knowledge)
        message = query.message
        if action is None or message is None:
            log.info("stale or unknown button pressed (%d bytes)", len((query.data or "").encode()))
            notice = self.engine.say(language, "stale_button")
            await send_with_retry(lambda: query.answer(notice), what="answerCallbackQuery")
            return
        await send_with_retry(query.answer, what="answerCallbackQuery")
        chat_id = message.chat.id
        if action.kind == "fact":
            fact = self.engine.knowledge.by_id[action.value]
            reply = render_answer(self.engine, fact_answer(self.engine, fact, language))
            await send_html(context.bot, chat_id, reply.text, reply.markup)
            return
        if action.kind == "language":
            data = context.chat_data if context.chat_data is not None else {}
            if action.value == AUTO:
                data.pop(LANGUAGE_KEY, None)
                language = self.language(update, context)
                reply = plain_reply(self.engine, language, "language_auto")
            else:
                data[LANGUAGE_KEY] = action.value
                reply = plain_reply(self.engine, action.value, "language_set")
        elif action.kind == "topic":
            reply = topic_reply(self.engine, action.value, language)
        else:
            reply = topics_reply(self.engine, language)
        if isinstance(message, Message) and await edit_html(
            context.bot, chat_id, message.message_id, reply.text, reply.markup
        ):
            return
        await send_html(context.bot, chat_id, reply.text, reply.markup)

    async def inline_query(self, update: Update, context: Context) -> None:
        """Inline mode: ranked facts for the query; the top facts for an empty one; a valid empty
        answer for a hopeless one."""
        query = update.inline_query
        if query is None:
            return
        text = query.query.strip()
        if text:
            answer = self.engine.find_answer(text, language_hint=query.from_user.language_code)
            language, fact_ids = answer.language, inline_fact_ids(self.engine, answer)
        else:
            language = self.user_language(query.from_user)
            fact_ids = inline_fact_ids(self.engine, None)
        results = inline_results(self.engine, fact_ids, language)
        button = None
        if not results:
            button = InlineQueryResultsButton(
                text=self.engine.say(language, "inline_none"),
                start_parameter=INLINE_START_PARAMETER,
            )
        await send_with_retry(
            lambda: query.answer(results, cache_time=INLINE_CACHE_SECONDS, is_personal=True,
                                 button=button),
            what="answerInlineQuery",
        )

    # ----------------------------------------------------------------- errors
    async def error_handler(self, update: object, context: Context) -> None:
        """Log any error from a handler (the token is redacted by the logging filter); the bot
        keeps running."""
        update_id = update.update_id if isinstance(update, Update) else None
        error = context.error
        log.error("error while handling update %s: %s: %s", update_id,
                  type(error).__name__, error, exc_info=error)
