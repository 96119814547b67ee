"""The Bot API methods the fake server implements, over its state."""

from __future__ import annotations

import copy
import html
import json
import re
import time

from botapi.payloads import BOT_USER, MAX_MESSAGE_LENGTH, Json
from botapi.state import ApiError, BotApiState


class BotApiMethods(BotApiState):
    """The implemented methods, dispatched by lower-case name (``_api_sendmessage``)."""

    def _other(self, method: str, params: Json) -> Json | bool:
        """Other ``send*`` methods (sendPhoto, ...) return a bot message, all the rest True."""
        if method.lower().startswith("send") and params.get("chat_id") not in (None, ""):
            return self._bot_message(params["chat_id"], None, caption=params.get("caption"))
        return True

    def _api_sendchataction(self, params: Json) -> bool:
        return True

    def _api_getme(self, params: Json) -> Json:
        return dict(BOT_USER)

    def _api_getupdates(self, params: Json) -> list[Json]:
        offset, limit = int(params.get("offset") or 0), int(params.get("limit") or 100)
        timeout = min(float(params.get("timeout") or 0), self.max_poll_seconds)
        with self._cond:
            if self.webhook_url:
                raise ApiError(409, "Conflict: can't use getUpdates while webhook is active")
            if offset:  # confirms every earlier update
                self._updates = [u for u in self._updates if u["update_id"] >= offset]
            self._cond.wait_for(lambda: bool(self._updates) or self._stopping.is_set(), timeout)
            return copy.deepcopy(self._updates[:limit])

    def _api_setwebhook(self, params: Json) -> bool:
        with self._cond:
            self.webhook_url = str(params.get("url") or "")
            if params.get("drop_pending_updates") in (True, "true", "True"):
                self._updates.clear()
        return True

    def _api_deletewebhook(self, params: Json) -> bool:
        return self._api_setwebhook({**params, "url": ""})

    def _api_getwebhookinfo(self, params: Json) -> Json:
        with self._cond:
            return {"url": self.webhook_url, "has_custom_certificate": False,
                    "pending_update_count": len(self._updates)}

    @staticmethod
    def _commands_key(params: Json) -> tuple[str, str]:
        scope = params.get("scope") or {"type": "default"}
        return json.dumps(scope, sort_keys=True), str(params.get("language_code") or "")

    def _api_setmycommands(self, params: Json) -> bool:
        with self._cond:
            self.commands[self._commands_key(params)] = list(params.get("commands") or [])
        return True

    def _api_deletemycommands(self, params: Json) -> bool:
        with self._cond:
            self.commands.pop(self._commands_key(params), None)
        return True

    def _api_getmycommands(self, params: Json) -> list[Json]:
        with self._cond:
            return copy.deepcopy(self.commands.get(self._commands_key(params), []))

    def _api_sendmessage(self, params: Json) -> Json:
        if params.get("chat_id") in (None, ""):
            raise ApiError(400, "Bad Request: chat_id is empty")
        sent = self._bot_message(params["chat_id"], self._checked_text(params),
                                 reply_markup=params.get("reply_markup"),
                                 entities=params.get("entities"))
        with self._cond:
            self.sent.append(sent)
        return sent

    def _api_editmessagetext(self, params: Json) -> Json | bool:
        return self._edit(params, self._checked_text(params))

    def _api_editmessagereplymarkup(self, params: Json) -> Json | bool:
        return self._edit(params, None)

    def _edit(self, params: Json, text: str | None) -> Json | bool:
        if params.get("inline_message_id"):
            return True
        return self._bot_message(params.get("chat_id", 0), text, params.get("message_id"),
                                 reply_markup=params.get("reply_markup"),
                                 edit_date=int(time.time()))

    @staticmethod
    def _checked_text(params: Json) -> str:
        text = str(params.get("text") or "")
        visible = html.unescape(re.sub(r"<[^>]+>", "", text)) if params.get("parse_mode") else text
        if not visible.strip() or len(visible) > MAX_MESSAGE_LENGTH:
            raise ApiError(400, "Bad Request: message text is empty" if not visible.strip()
                            else "Bad Request: message is too long")
        return text

