"""The Telegram update handlers: each turns one update into a decision, a reply and a send."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable
from typing import Any

from telegram import (
    InlineQueryResultsButton,
    Message,
    MessageEntity,
    Update,
)
from telegram.constants import ChatType
from telegram.ext import CallbackContext, ExtBot

from bot.engine import Decision, Engine
from bot.engine.language import user_language
from bot.ops.flood import FloodControl, Verdict
from bot.ops.question_log import QuestionLog
from bot.ops.reload import KnowledgeService
from bot.replies import Composer, Reply
from bot.replies.menus import AUTO, Menus
from bot.telegram.render import MAX_INLINE_RESULTS, decode_callback, inline_results, to_telegram
from bot.telegram.send import edit_html, send_html, send_with_retry

log = logging.getLogger(__name__)

Context = CallbackContext[ExtBot[Any], dict[Any, Any], dict[Any, Any], dict[Any, Any]]

LANGUAGE_KEY = "language"
INLINE_CACHE_SECONDS = 10
INLINE_START_PARAMETER = "inline"
INLINE_CHAT_TYPE = "inline"
INLINE_SETTLE_SECONDS = 3.0  # an inline query is logged once the user paused this long
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


def _menus(engine: Engine) -> Menus:
    """The menus worded from the engine's knowledge base."""
    return Menus(Composer(engine.knowledge).wording)


def inline_fact_ids(decision: Decision) -> list[str]:
    """Facts to offer for an inline query, best first: the answer and its related facts, the
    candidates of a clarification, nothing for a refusal."""
    if decision.kind == "fact" and decision.fact is not None:
        ids = [decision.fact.id, *decision.suggestions]
    elif decision.kind == "clarify":
        ids = list(decision.suggestions)
    else:
        ids = []
    return list(dict.fromkeys(ids))[:MAX_INLINE_RESULTS]


def _same_typing(earlier: str, later: str) -> bool:
    """Whether a later inline query continues (or corrects the end of) an earlier one."""
    a, b = earlier.casefold(), later.casefold()
    return b.startswith(a) or a.startswith(b)


class Handlers:
    """The bot's handlers over one knowledge service; they route and render, the engine decides.

    Each update takes the serving engine once (``engine = self.engine``) and uses only that
    one, so a knowledge reload in the middle of an update cannot mix two knowledge bases.
    """

    def __init__(
        self,
        knowledge: Engine | KnowledgeService,
        *,
        question_log: QuestionLog | None = None,
        flood: FloodControl | None = None,
        inline_flood: FloodControl | None = None,
    ) -> None:
        self.service = (knowledge if isinstance(knowledge, KnowledgeService)
                        else KnowledgeService(knowledge))
        self.question_log = question_log
        self.flood = flood if flood is not None else FloodControl(0, 0.0)
        self.inline_flood = inline_flood if inline_flood is not None else FloodControl(0, 0.0)
        self._inline_pending: dict[int, tuple[Decision, asyncio.TimerHandle]] = {}

    @property
    def engine(self) -> Engine:
        """The engine serving now; take it once per update."""
        return self.service.engine

    # ----------------------------------------------------------------- languages
    @staticmethod
    def chosen_language(engine: Engine, context: Context) -> str | None:
        """The reply language chosen with /language in this chat, if any."""
        data = context.chat_data
        chosen = data.get(LANGUAGE_KEY) if data is not None else None
        return chosen if chosen in engine.knowledge.languages else None

    def language(self, engine: Engine, update: Update, context: Context) -> str:
        """The language for replies that answer no question: the chat's choice, else the user's."""
        user = update.effective_user
        return user_language(user.language_code if user else None,
                             self.chosen_language(engine, context), engine.knowledge.languages)

    # ----------------------------------------------------------------- sending
    async def _send_built(
        self, update: Update, context: Context, build: Callable[[Menus, str], Reply]
    ) -> None:
        """Send a reply that answers no question, built in the chat's language."""
        engine = self.engine
        menus = Menus(Composer(engine.knowledge).wording)
        await self._send(update, context, build(menus, self.language(engine, update, context)))

    async def _send(self, update: Update, context: Context, reply: Reply) -> None:
        """Send a reply to the update's chat; in groups, as a reply to the asking message."""
        chat, message = update.effective_chat, update.effective_message
        if chat is None:
            return
        in_group = chat.type != ChatType.PRIVATE
        quote = message.message_id if message is not None and in_group else None
        rendered = to_telegram(reply)
        await send_html(context.bot, chat.id, rendered.text, rendered.markup, reply_to=quote)

    # ----------------------------------------------------------------- questions
    def _record(self, answer: Decision, chat_type: str) -> None:
        """Log the question (never who asked, nor where); never blocks, never raises."""
        if self.question_log is not None:
            self.question_log.record_answer(answer, chat_type)

    async def _within_limit(self, engine: Engine, update: Update, context: Context) -> bool:
        """Count a question against the user's flood limit; the first one over it gets the
        polite notice, later ones silence, until the user slows down."""
        user = update.effective_user
        if user is None:
            return True
        verdict = self.flood.check(user.id)
        if verdict is Verdict.ALLOW:
            return True
        if verdict is Verdict.NOTIFY:
            log.info("flood control: a user is over the limit; one notice, then silence")
            language = self.language(engine, update, context)
            await self._send(update, context, _menus(engine).notice(language, "rate_limited"))
        return False

    async def _answer_question(
        self, engine: Engine, update: Update, context: Context, question: str
    ) -> None:
        if not await self._within_limit(engine, update, context):
            return
        user, chat = update.effective_user, update.effective_chat
        answer = engine.decide(
            question,
            language_hint=user.language_code if user else None,
            chosen=self.chosen_language(engine, context),
        )
        self._record(answer, chat.type if chat is not None else "unknown")
        await self._send(update, context, Composer(engine.knowledge).compose(answer))
        log.info("question answered: kind=%s fact=%s language=%s",
                 answer.kind, answer.fact_id, answer.language)

    # ----------------------------------------------------------------- commands
    async def start_command(self, update: Update, context: Context) -> None:
        """/start: what the bot knows, with example questions as buttons."""
        await self._send_built(update, context, Menus.start)

    async def help_command(self, update: Update, context: Context) -> None:
        """/help (and any unknown command in a private chat): how to ask."""
        engine = self.engine
        language = self.language(engine, update, context)
        await self._send(update, context, _menus(engine).help(language, context.bot.username))

    async def ask_command(self, update: Update, context: Context) -> None:
        """/ask QUESTION: answer it; a bare /ask gets the usage."""
        engine = self.engine
        message = update.effective_message
        question = command_argument(message.text if message else None)
        if not question:
            language = self.language(engine, update, context)
            await self._send(update, context, _menus(engine).notice(language, "ask_usage"))
            return
        await self._answer_question(engine, update, context, question)

    async def topics_command(self, update: Update, context: Context) -> None:
        """/topics: the topic buttons, to browse the facts."""
        await self._send_built(update, context, Menus.topics)

    async def source_command(self, update: Update, context: Context) -> None:
        """/source: the article's publisher, date, title and photo credit."""
        await self._send_built(update, context, Menus.source)

    async def language_command(self, update: Update, context: Context) -> None:
        """/language: buttons to choose this chat's reply language."""
        engine = self.engine
        reply = _menus(engine).languages(self.chosen_language(engine, context),
                                         self.language(engine, update, context))
        await self._send(update, context, reply)

    # ----------------------------------------------------------------- messages
    async def text_message(self, update: Update, context: Context) -> None:
        """A text: in private chats always a question; in groups only when addressed to the bot."""
        message, chat = update.effective_message, update.effective_chat
        if message is None or chat is None or not message.text:
            return
        engine = self.engine
        if chat.type == ChatType.PRIVATE:
            await self._answer_question(engine, update, context, message.text)
            return
        question = addressed_question(message, context.bot.username, context.bot.id)
        if question is not None:
            await self._answer_question(engine, update, context, question)

    async def unsupported_message(self, update: Update, context: Context) -> None:
        """A sticker, photo or other non-text message in a private chat: ask for text."""
        engine = self.engine
        await self._send(update, context, _menus(engine).notice(
            self.language(engine, update, context), "unsupported"))

    # ----------------------------------------------------------------- buttons and inline mode
    async def button_press(self, update: Update, context: Context) -> None:
        """An inline button: a fact, a topic, the topic list or a language; anything else is
        stale or tampered with and gets a polite notice."""
        query = update.callback_query
        if query is None:
            return
        engine = self.engine
        composer = Composer(engine.knowledge)
        menus = Menus(composer.wording)
        language = self.language(engine, update, context)
        action = decode_callback(query.data, engine.knowledge)
        message = query.message
        if action is None or message is None:
            log.info("stale or unknown button pressed (%d bytes)", len((query.data or "").encode()))
            notice = composer.wording.say(language, "stale_button")
            await send_with_retry(lambda: query.answer(notice), what="answerCallbackQuery")
            return
        await send_with_retry(query.answer, what="answerCallbackQuery")
        chat_id = message.chat.id
        if action.kind == "fact":
            sent = to_telegram(composer.answer(engine.knowledge.by_id[action.value], language))
            await send_html(context.bot, chat_id, sent.text, sent.markup)
            return
        if action.kind == "language":
            data = context.chat_data if context.chat_data is not None else {}
            if action.value == AUTO:
                data.pop(LANGUAGE_KEY, None)
                language = self.language(engine, update, context)
                reply = menus.notice(language, "language_auto")
            else:
                data[LANGUAGE_KEY] = action.value
                reply = menus.notice(action.value, "language_set")
        elif action.kind == "topic":
            reply = menus.topic(action.value, language)
        else:
            reply = menus.topics(language)
        rendered = to_telegram(reply)
        if isinstance(message, Message) and await edit_html(
            context.bot, chat_id, message.message_id, rendered.text, rendered.markup
        ):
            return
        await send_html(context.bot, chat_id, rendered.text, rendered.markup)

    async def inline_query(self, update: Update, context: Context) -> None:
        """Inline mode: ranked facts for the query; the top facts for an empty one; a valid empty
        answer for a hopeless one, and for a user over the flood limit."""
        query = update.inline_query
        if query is None:
            return
        if self.inline_flood.check(query.from_user.id) is not Verdict.ALLOW:
            await send_with_retry(lambda: query.answer([], cache_time=0, is_personal=True),
                                  what="answerInlineQuery")
            return
        engine = self.engine
        composer = Composer(engine.knowledge)
        text = query.query.strip()
        if text:
            answer = engine.decide(text, language_hint=query.from_user.language_code)
            self._record_inline(query.from_user.id, answer)
            language, fact_ids = answer.language, inline_fact_ids(answer)
        else:
            language = user_language(query.from_user.language_code, None,
                                     engine.knowledge.languages)
            fact_ids = [fact.id for fact in Menus(composer.wording).example_facts(
                MAX_INLINE_RESULTS)]
        by_id = engine.knowledge.by_id
        results = inline_results([composer.inline_entry(by_id[fact_id], language)
                                  for fact_id in fact_ids if fact_id in by_id])
        button = None
        if not results:
            button = InlineQueryResultsButton(
                text=composer.wording.say(language, "inline_none"),
                start_parameter=INLINE_START_PARAMETER,
            )
        await send_with_retry(
            lambda: query.answer(results, cache_time=INLINE_CACHE_SECONDS, is_personal=True,
                                 button=button),
            what="answerInlineQuery",
        )

    def _record_inline(self, user_id: int, answer: Decision) -> None:
        """Log an inline query once the user stopped typing: Telegram sends one query per pause
        while the user types, and only the last of a run is the question."""
        if self.question_log is None:
            return
        pending = self._inline_pending.pop(user_id, None)
        if pending is not None:
            earlier, timer = pending
            timer.cancel()
            if not _same_typing(earlier.question, answer.question):
                self._record(earlier, INLINE_CHAT_TYPE)
        timer = asyncio.get_running_loop().call_later(
            INLINE_SETTLE_SECONDS, self._flush_inline, user_id)
        self._inline_pending[user_id] = (answer, timer)

    def _flush_inline(self, user_id: int | None = None) -> None:
        """Log the pending inline query of one user (of everyone without a user)."""
        users = list(self._inline_pending) if user_id is None else [user_id]
        for user in users:
            pending = self._inline_pending.pop(user, None)
            if pending is not None:
                pending[1].cancel()
                self._record(pending[0], INLINE_CHAT_TYPE)

    def flush(self) -> None:
        """Log every pending inline query now (at shutdown)."""
        self._flush_inline()

    # ----------------------------------------------------------------- errors
    async def error_handler(self, update: object, context: Context) -> None:
        """Log any error from a handler (the token is redacted by the logging filter); the bot
        keeps running."""
        update_id = update.update_id if isinstance(update, Update) else None
        error = context.error
        log.error("error while handling update %s: %s: %s", update_id,
                  type(error).__name__, error, exc_info=error)
