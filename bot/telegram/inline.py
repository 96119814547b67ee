"""The inline-query handler: ranked facts as inline results, logged once the user stops typing."""

from __future__ import annotations

import asyncio
import logging

from telegram import InlineQueryResultArticle, InlineQueryResultsButton, Update

from bot.engine import Decision
from bot.engine.language import user_language
from bot.knowledge import Fact, Knowledge
from bot.replies import Composer
from bot.replies.menus import Menus
from bot.telegram.context import BotContext, Services
from bot.telegram.render import MAX_INLINE_RESULTS, inline_result

log = logging.getLogger(__name__)

INLINE_CACHE_SECONDS = 10
INLINE_START_PARAMETER = "inline"
INLINE_CHAT_TYPE = "inline"
INLINE_SETTLE_SECONDS = 3.0  # an inline query is logged once the user paused this long
MAX_ARTICLES = 4_096  # inline results kept built (a fact in a language each), then rebuilt


def inline_fact_ids(decision: Decision) -> list[str]:
    """Facts to offer for an inline query, best first: the answer and its related facts, the
    candidates of a clarification, each question's answer for several, nothing for a refusal
    (nor for the overview, which is no fact)."""
    if decision.kind == "fact" and decision.fact is not None:
        ids = [decision.fact.id, *decision.suggestions]
    elif decision.kind == "parts":
        ids = [*decision.given, *decision.suggestions]
    elif decision.kind == "clarify":
        ids = list(decision.suggestions)
    else:
        ids = []
    return list(dict.fromkeys(ids))[:MAX_INLINE_RESULTS]


def _same_typing(earlier: str, later: str) -> bool:
    """Whether a later inline query continues (or corrects the end of) an earlier one."""
    a, b = earlier.casefold(), later.casefold()
    return b.startswith(a) or a.startswith(b)


class InlineQueries:
    """Answers inline queries; the question log gets the last query of each run of typing."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self._pending: dict[int, tuple[Decision, asyncio.TimerHandle]] = {}
        self._articles: dict[tuple[str, str], InlineQueryResultArticle] = {}
        self._articles_of: Knowledge | None = None  # the knowledge base they were built from

    async def answer(self, update: Update, context: BotContext) -> None:
        """Inline mode: ranked facts for the query; the top facts for an empty one; a valid empty
        answer (with a button to the chat) for a hopeless one."""
        query = update.inline_query
        if query is None:
            return
        engine = self.services.engine
        composer = Composer(engine.knowledge)
        text = query.query.strip()
        answer = engine.decide(text, language_hint=query.from_user.language_code) if text else None
        if answer is not None:
            self._record(query.from_user.id, answer)
        if answer is not None and answer.kind != "overview":
            language, fact_ids = answer.language, inline_fact_ids(answer)
        else:  # nothing typed yet, or "what is it about": a fact of each topic
            language = answer.language if answer is not None else user_language(
                query.from_user.language_code, None, engine.knowledge.languages)
            fact_ids = [fact.id for fact in Menus(composer.wording).example_facts(
                MAX_INLINE_RESULTS)]
        by_id = engine.knowledge.by_id
        results = [self._article(composer, by_id[fact_id], language)
                   for fact_id in fact_ids if fact_id in by_id]
        button = None
        if not results:
            button = InlineQueryResultsButton(
                text=composer.wording.say(language, "inline_none"),
                start_parameter=INLINE_START_PARAMETER,
            )
        await query.answer(results, cache_time=INLINE_CACHE_SECONDS, is_personal=True,
                           button=button)

    def _article(self, composer: Composer, fact: Fact, language: str) -> InlineQueryResultArticle:
        """A fact's inline result in a language, built once per knowledge base: the same
        fact is offered to query after query (results are immutable, so one object serves)."""
        if composer.knowledge is not self._articles_of or len(self._articles) >= MAX_ARTICLES:
            self._articles_of = composer.knowledge
            self._articles.clear()
        key = (fact.id, language)
        article = self._articles.get(key)
        if article is None:
            article = self._articles[key] = inline_result(composer.inline_entry(fact, language))
        return article

    def _record(self, user_id: int, answer: Decision) -> None:
        """Log an inline query once the user stopped typing: Telegram sends one query per pause
        while the user types, and only the last of a run is the question."""
        if self.services.question_log is None:
            return
        pending = self._pending.pop(user_id, None)
        if pending is not None:
            earlier, timer = pending
            timer.cancel()
            if not _same_typing(earlier.question, answer.question):
                self.services.question_log.record_answer(earlier, INLINE_CHAT_TYPE)
        timer = asyncio.get_running_loop().call_later(
            INLINE_SETTLE_SECONDS, self._flush, user_id)
        self._pending[user_id] = (answer, timer)

    def _flush(self, user_id: int | None = None) -> None:
        """Log the pending inline query of one user (of everyone without a user)."""
        question_log = self.services.question_log
        users = list(self._pending) if user_id is None else [user_id]
        for user in users:
            pending = self._pending.pop(user, None)
            if pending is not None:
                pending[1].cancel()
                if question_log is not None:
                    question_log.record_answer(pending[0], INLINE_CHAT_TYPE)

    def flush(self) -> None:
        """Log every pending inline query now (at shutdown)."""
        self._flush()
