"""Handling updates concurrently, in order within each chat, each marked handled once done."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Hashable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

from bot.ops.update_journal import UpdateJournal
from bot.telegram.request import ANSWERING, Answering

log = logging.getLogger(__name__)

# Updates answered at once. The answers mostly wait on Telegram, so a few dozen keep every
# chat moving; more would only queue in the HTTP connection pool.
WORKERS = 32
# Updates taken from the queue at once, waiting or working: python-telegram-bot's own bound
# (its semaphore is taken before the per-chat wait, so it must be far above WORKERS for a busy
# chat's backlog never to hold up the others).
BACKLOG = 10_000

def chat_key(update: object) -> Hashable | None:
    """What orders an update: its chat (a user's inline queries: the user); None for none."""
    if not isinstance(update, Update):
        return None
    chat = update.effective_chat
    if chat is not None:
        return chat.id
    user = update.effective_user
    return ("user", user.id) if user is not None else None


def answering(update: object) -> Answering | None:
    """The update and chat type, for the line logged if its answer is given up."""
    if not isinstance(update, Update):
        return None
    chat = update.effective_chat
    kind = (chat.type if chat is not None else
            "inline" if update.inline_query is not None else "unknown")
    return Answering(update.update_id, kind)


class PerChatProcessor(BaseUpdateProcessor):
    """Concurrent updates, in order within each chat: a busy or rate-limited chat (a group
    over Telegram's 20 messages a minute) delays only itself. Each update is marked handled in
    the journal once its handlers are done, whatever they did (a failed answer was logged
    and given up on; replaying it would fail again)."""

    def __init__(self, workers: int = WORKERS, journal: UpdateJournal | None = None,
                 backlog: int = BACKLOG) -> None:
        super().__init__(backlog)
        self.workers = workers
        self.journal = journal
        self._working: asyncio.Semaphore | None = None
        self._chats: dict[Hashable, tuple[asyncio.Lock, int]] = {}
        # Whether the bot is stopping (set by the composition root). Then an update whose turn
        # comes only now is left pending in the journal for the next start instead of being
        # handled: a group's backlog behind Telegram's rate limit would hold a stop for minutes.
        self.stopping: Callable[[], bool] = lambda: False

    async def initialize(self) -> None:
        """Nothing to allocate: the worker semaphore is made on first use, in the loop."""

    async def shutdown(self) -> None:
        """Nothing to free."""

    def _enter(self, key: Hashable) -> asyncio.Lock:
        lock, users = self._chats.get(key, (None, 0))
        if lock is None:
            lock = asyncio.Lock()
        self._chats[key] = (lock, users + 1)
        return lock

    def _leave(self, key: Hashable) -> None:
        lock, users = self._chats[key]
        if users <= 1:
            del self._chats[key]  # no memory kept for chats that went quiet
        else:
            self._chats[key] = (lock, users - 1)

    async def _run(self, coroutine: Awaitable[Any]) -> bool:
        """Run the handlers, unless the bot is stopping and a journal keeps the update for the
        next start; whether they ran."""
        if self.journal is not None and self.journal.working and self.stopping():
            return False
        await coroutine
        return True

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Wait for the chat's earlier updates, then for a worker; run the handlers."""
        if self._working is None:
            self._working = asyncio.Semaphore(self.workers)
        token = ANSWERING.set(answering(update))
        key = chat_key(update)
        finished = False  # the handlers ran to the end (an error in them was logged there)
        try:
            if key is None:
                async with self._working:
                    finished = await self._run(coroutine)
            else:
                lock = self._enter(key)
                try:
                    async with lock, self._working:
                        finished = await self._run(coroutine)
                finally:
                    self._leave(key)
        except Exception:
            finished = True
            raise
        finally:
            ANSWERING.reset(token)
            if not finished and asyncio.iscoroutine(coroutine):
                coroutine.close()  # not run (stopping, cancelled): it stays pending
            if finished and self.journal is not None and isinstance(update, Update):
                self.journal.done(update.update_id)
