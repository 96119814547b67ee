"""Getting updates in safely: parsed one by one (a malformed one is skipped, not fatal),
cleaned of text Python cannot send, and journalled before Telegram is told they arrived."""

from __future__ import annotations

import asyncio
import datetime as dtm
import json
import logging
import re
from collections.abc import Callable, Sequence
from typing import Any, cast

from telegram import Chat, InlineKeyboardMarkup, ReplyParameters, Update, User
from telegram.error import InvalidToken
from telegram.ext import ExtBot
from telegram.request import BaseRequest

from bot.ops.update_journal import UpdateJournal

log = logging.getLogger(__name__)

_SURROGATE = re.compile("[\ud800-\udfff]")
FATAL_POLL_PAUSE = 1.0  # seconds a poll waits once the bot is stopping for good
BODIES_LIMIT = 10_000  # polled updates' bodies kept for the journal; beyond, they are rebuilt
INVALID_TOKEN = "Telegram rejected the bot token (TELEGRAM_BOT_TOKEN)"  # noqa: S105 - a message


# --------------------------------------------------------------------------- parsing
def clean(value: Any) -> Any:
    """The JSON value with every lone surrogate (which JSON allows but UTF-8 cannot encode, so
    neither a reply quoting it nor its log row could be written) replaced by U+FFFD. One UTF-16
    unit for one, so entity offsets stay right."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value) if _SURROGATE.search(value) else value
    if isinstance(value, dict):
        return {clean(key): clean(item) for key, item in value.items()}
    if isinstance(value, list):
        return [clean(item) for item in value]
    return value


def update_id_of(data: object) -> int | None:
    """The update_id of a would-be update, or None when it has none (then it is not one)."""
    if not isinstance(data, dict):
        return None
    update_id = data.get("update_id")
    if isinstance(update_id, bool) or not isinstance(update_id, int):
        return None
    return update_id


def missing_part(update: Update) -> str | None:
    """What a parsed update lacks that Telegram always sends and the handlers rely on, or None.
    python-telegram-bot does not check required fields: a message without a chat parses, then
    fails in the first filter that looks at it."""
    message = update.message or update.edited_message or update.channel_post
    if message is not None:
        if not isinstance(message.chat, Chat) or not isinstance(message.chat.id, int):
            return "a message without a chat"
        if not isinstance(message.message_id, int):
            return "a message without an id"
        if message.text is not None and not isinstance(message.text, str):
            return "a message whose text is not text"
        if message.from_user is not None and not isinstance(message.from_user.id, int):
            return "a message from a user without an id"
    for query in (update.callback_query, update.inline_query):
        if query is not None and (not isinstance(query.from_user, User)
                                  or not isinstance(query.from_user.id, int)):
            return "a query without a user"
    if update.inline_query is not None and not isinstance(update.inline_query.query, str):
        return "an inline query without text"
    return None


def parse_update(data: object, bot: ExtBot[Any]) -> Update | None:
    """The update in Telegram's JSON, cleaned. One that python-telegram-bot cannot read (a
    poison update) becomes an empty update with its id, so it is skipped and confirmed like any
    other instead of being fetched again forever; None when the data has no update_id."""
    update_id = update_id_of(data)
    if update_id is None:
        return None
    try:
        update = Update.de_json(clean(data), bot)
        problem = missing_part(update)
    except Exception as error:  # whatever de_json trips over: the update is skipped
        problem = f"{type(error).__name__}: {str(error)[:200]}"
    else:
        if problem is None:
            return update
    log.warning("update %d is malformed and skipped (%s)", update_id, problem)
    empty = Update(update_id)
    empty.set_bot(bot)
    return empty


class Fatal:
    """The condition that must end the process (a revoked token): logged once as one line,
    then the application is stopped; `run_bot` exits non-zero with the reason."""

    def __init__(self) -> None:
        self.reason: str | None = None
        self._stop: Callable[[], object] | None = None

    def attach(self, stop: Callable[[], object]) -> None:
        """What stops the running application."""
        self._stop = stop

    def fail(self, reason: str) -> None:
        """Stop the bot for this reason (the first one counts)."""
        if self.reason is not None:
            return
        self.reason = reason
        log.error("%s; stopping", reason)
        if self._stop is not None:
            asyncio.get_running_loop().call_soon(self._stop)


class SafeBot(ExtBot[Any]):
    """The bot whose getUpdates parses each update on its own and stops the bot on a revoked
    token instead of leaving the polling loop dead and the process deaf. Each polled update's
    JSON is left in `bodies` (by update_id; the `JournalQueue`'s) for the journal, which would
    otherwise serialise the parsed update again. `send_text` sends a reply without building a
    Message from Telegram's answer."""

    def __init__(self, *args: Any, fatal: Fatal, bodies: dict[int, object] | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._fatal = fatal
        self._bodies = bodies if bodies is not None else {}

    async def get_updates(
        self,
        offset: int | None = None,
        limit: int | None = None,
        timeout: dtm.timedelta | float | None = None,
        allowed_updates: Sequence[str] | None = None,
        *,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
        api_kwargs: dict[str, Any] | None = None,
    ) -> tuple[Update, ...]:
        """Like python-telegram-bot's, but a malformed update is skipped (see `parse_update`)."""
        seconds = timeout.total_seconds() if isinstance(timeout, dtm.timedelta) else timeout
        if self._fatal.reason is not None:
            # Stopping: no more calls. The polling loop must not die of the error (stopping
            # would then re-raise it and skip the shutdown), nor spin: a long poll's pause.
            if seconds:
                await asyncio.sleep(FATAL_POLL_PAUSE)
            return ()
        # As python-telegram-bot does: the long poll's own timeout on top of the read timeout.
        base = (read_timeout if not isinstance(read_timeout, type(BaseRequest.DEFAULT_NONE))
                else self._request[0].read_timeout) or 0
        data: dict[str, Any] = {"timeout": timeout, "offset": offset, "limit": limit,
                                "allowed_updates": allowed_updates}
        try:
            result = await self._post(
                "getUpdates", data, read_timeout=base + (seconds or 0),
                write_timeout=write_timeout, connect_timeout=connect_timeout,
                pool_timeout=pool_timeout, api_kwargs=api_kwargs)
        except InvalidToken:
            self._fatal.fail(INVALID_TOKEN)
            return ()
        updates = []
        for item in cast("list[object]", result if isinstance(result, list) else []):
            update = parse_update(item, self)
            if update is None:
                log.warning("getUpdates returned something without an update_id; ignored")
            else:
                updates.append(update)
                if len(self._bodies) >= BODIES_LIMIT:
                    self._bodies.clear()  # not taken (no journal queue): the journal rebuilds
                self._bodies[update.update_id] = item
        return tuple(updates)

    async def send_text(self, chat_id: int, text: str, *,
                        reply_markup: InlineKeyboardMarkup | None = None,
                        reply_parameters: ReplyParameters | None = None) -> int:
        """Send a text message with the bot's defaults (parse mode, link previews) and return
        its message id. Unlike `send_message`, no Message is built from Telegram's reply: the
        id is all the bot keeps, and building the rest (the chat, the sender, the quoted
        message, the keyboard) was a fifth of its CPU per answer under load."""
        defaults = self.defaults
        data: dict[str, Any] = {
            "chat_id": chat_id, "text": text, "reply_markup": reply_markup,
            "reply_parameters": reply_parameters,
            "parse_mode": defaults.parse_mode if defaults else None,
            "link_preview_options": defaults.link_preview_options if defaults else None,
        }
        result = await self._post("sendMessage", data)
        return int(cast("dict[str, Any]", result)["message_id"])


# --------------------------------------------------------------------------- the queue
class JournalQueue(asyncio.Queue[object]):
    """The application's update queue: an update is journalled as pending before it is queued,
    so before python-telegram-bot confirms it to Telegram (the next getUpdates; the webhook's
    200). An update already in the journal (a resend of one pending or handled) is dropped."""

    def __init__(self, journal: UpdateJournal | None,
                 bodies: dict[int, object] | None = None) -> None:
        super().__init__()
        self.journal = journal
        self.bodies = bodies if bodies is not None else {}  # the polled JSON, by update_id

    async def put(self, item: object) -> None:
        """Journal the update (if it is new), then queue it."""
        if isinstance(item, Update):
            body = self.bodies.pop(item.update_id, None)
            if self.journal is not None and not self.journal.add(
                    item.update_id, json.dumps(body) if body is not None else item.to_json()):
                log.debug("update %d was received before; skipped", item.update_id)
                return
        await super().put(item)

    def replay(self, bot: ExtBot[Any]) -> int:
        """Queue what the journal holds as pending from an earlier run; return how many."""
        if self.journal is None:
            return 0
        replayed = 0
        for update_id, body in self.journal.pending():
            try:
                update = parse_update(json.loads(body), bot)
            except ValueError:
                update = None
            if update is None:
                self.journal.done(update_id)
                continue
            self.put_nowait(update)  # already journalled: straight into the queue
            replayed += 1
        if replayed:
            log.info("replaying %d update(s) received but not answered before the last stop",
                     replayed)
        return replayed
