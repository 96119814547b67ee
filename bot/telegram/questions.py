"""Which updates put a question to the bot, and the question they put."""

from __future__ import annotations

import re

from telegram import Message, MessageEntity, Update
from telegram.constants import ChatType
from telegram.ext import filters

_LEADING_PUNCTUATION = ",.:;!-—– \t\n"

# New messages only: edited messages and channel posts are deliberately ignored.
NEW = filters.UpdateType.MESSAGE
PRIVATE = filters.ChatType.PRIVATE
# Every private text is a question; in groups only mentions and replies to the bot are.
CHAT_TEXT = NEW & filters.TEXT & ~filters.COMMAND & (PRIVATE | filters.ChatType.GROUPS)
NON_TEXT = filters.ATTACHMENT | filters.POLL | filters.Dice.ALL


def command_argument(text: str | None) -> str:
    """The text after a command (`/ask@Bot how much?` → `how much?`), whitespace kept inside."""
    parts = (text or "").split(maxsplit=1)
    return parts[1].strip() if len(parts) > 1 else ""


def command_name(message: Message, username: str) -> str | None:
    """The command a message starts with (lower case) when it is meant for this bot: `/ask` or
    `/ask@ThisBot`, as python-telegram-bot's CommandHandler reads it; None otherwise."""
    entity = message.entities[0] if message.entities else None
    if entity is None or entity.type != MessageEntity.BOT_COMMAND or entity.offset != 0:
        return None
    name, _, target = (message.text or "")[1:entity.length].partition("@")
    if target and target.lower() != username.lower():
        return None
    return name.lower()


def entity_text(text: str, entity: MessageEntity) -> str | None:
    """The text an entity covers (offsets count UTF-16 units), or None when the entity does
    not fit the text: out of range, empty, or starting or ending inside a character such as
    an emoji. python-telegram-bot's `parse_entities` raises on the last kind."""
    units = text.encode("utf-16-le", "surrogatepass")
    start, end = entity.offset * 2, (entity.offset + entity.length) * 2
    if entity.offset < 0 or entity.length <= 0 or end > len(units):
        return None
    try:
        return units[start:end].decode("utf-16-le")
    except UnicodeDecodeError:
        return None


def addressed_question(message: Message, username: str, bot_id: int) -> str | None:
    """The question a group message puts to the bot (its mentions removed), or None when the
    message neither mentions the bot nor replies to one of its messages."""
    text = message.text or ""
    mentioned = False
    for entity in message.entities:
        if entity.type not in (MessageEntity.MENTION, MessageEntity.TEXT_MENTION):
            continue
        value = entity_text(message.text or "", entity)
        if value is None:
            continue  # a broken entity (Telegram never sends one) is no mention
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


def question_in(update: Update, username: str, bot_id: int) -> str | None:
    """The question an update puts to the bot: a private text, a group text addressed to it, or
    `/ask QUESTION`; None for anything else (a bare /ask, other commands, chatter, buttons)."""
    message = update.message
    if message is None or not message.text:
        return None
    if CHAT_TEXT.check_update(update):
        if message.chat.type == ChatType.PRIVATE:
            return message.text
        return addressed_question(message, username, bot_id)
    if command_name(message, username) == "ask":
        return command_argument(message.text) or None
    return None
