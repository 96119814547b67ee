"""Turns engine answers into escaped Telegram HTML and keyboards; encodes and validates buttons."""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
)
from telegram.constants import ParseMode

from bot.knowledge import Fact, Knowledge
from bot.matching import Answer, Engine, Suggestion
from bot.messages import LANGUAGE_NAMES

log = logging.getLogger(__name__)

MAX_MESSAGE_LENGTH = 4096
MAX_CALLBACK_BYTES = 64
MAX_BUTTON_LABEL = 100  # Telegram shows long labels cut; keep them whole where we can
MAX_ECHO_LENGTH = 120
MAX_DESCRIPTION_LENGTH = 100
MAX_INLINE_RESULTS = 50
ELLIPSIS = "…"
AUTO = "auto"

Style = Literal["", "b", "i"]
ButtonKind = Literal["fact", "topic", "language", "topics"]

_PREFIXES: dict[ButtonKind, str] = {"fact": "f", "topic": "t", "language": "l"}
_KINDS: dict[str, ButtonKind] = {prefix: kind for kind, prefix in _PREFIXES.items()}
_VALUE = re.compile(r"[A-Za-z0-9_-]{1,48}")
_CALLBACK = re.compile(r"(?:(?P<prefix>[ftl]):(?P<value>[A-Za-z0-9_-]{1,48})|topics)")


# --------------------------------------------------------------------------- text and length
def utf16_length(text: str) -> int:
    """The length Telegram counts: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def clip(text: str, limit: int) -> str:
    """Plain text cut to at most `limit` UTF-16 units, ending with an ellipsis when cut."""
    if utf16_length(text) <= limit:
        return text
    kept: list[str] = []
    used = utf16_length(ELLIPSIS)
    for char in text:
        size = utf16_length(char)
        if used + size > limit:
            break
        kept.append(char)
        used += size
    return "".join(kept).rstrip() + ELLIPSIS


@dataclass(frozen=True)
class Part:
    """A run of plain text in one style; rendering escapes it."""

    text: str
    style: Style = ""


def _wrap(escaped: str, style: Style) -> str:
    return f"<{style}>{escaped}</{style}>" if style else escaped


def render_html(parts: Iterable[Part], limit: int = MAX_MESSAGE_LENGTH) -> str:
    """Escaped HTML of the parts, cut (never inside a tag or an entity) to `limit` UTF-16 units."""
    out: list[str] = []
    used = 0
    for part in parts:
        piece = _wrap(html.escape(part.text), part.style)
        size = utf16_length(piece)
        if used + size <= limit:
            out.append(piece)
            used += size
            continue
        budget = limit - used - utf16_length(_wrap("", part.style)) - utf16_length(ELLIPSIS)
        kept: list[str] = []
        for char in part.text:
            escaped = html.escape(char)
            if utf16_length(escaped) > budget:
                break
            kept.append(escaped)
            budget -= utf16_length(escaped)
        if budget >= 0:
            out.append(_wrap("".join(kept) + ELLIPSIS, part.style))
        break
    return "".join(out)


# --------------------------------------------------------------------------- callback data
@dataclass(frozen=True)
class ButtonAction:
    """What a pressed inline button asks for, after validation."""

    kind: ButtonKind
    value: str = ""


def encode_callback(kind: ButtonKind, value: str = "") -> str | None:
    """Callback data for a button, or None when the value cannot be encoded safely."""
    if kind == "topics":
        return "topics"
    data = f"{_PREFIXES[kind]}:{value}"
    if not _VALUE.fullmatch(value) or len(data.encode()) > MAX_CALLBACK_BYTES:
        log.warning("cannot encode a %s button for %r", kind, value)
        return None
    return data


def decode_callback(data: str | None, knowledge: Knowledge) -> ButtonAction | None:
    """The action of a button's callback data; None when stale, tampered with or unknown."""
    if not data or len(data.encode()) > MAX_CALLBACK_BYTES:
        return None
    match = _CALLBACK.fullmatch(data)
    if match is None:
        return None
    if match["prefix"] is None:
        return ButtonAction("topics")
    kind, value = _KINDS[match["prefix"]], match["value"]
    known = {
        "fact": value in knowledge.by_id,
        "topic": value in knowledge.topics,
        "language": value == AUTO or value in knowledge.languages,
    }
    return ButtonAction(kind, value) if known.get(kind, False) else None


def _button(label: str, kind: ButtonKind, value: str = "") -> InlineKeyboardButton | None:
    data = encode_callback(kind, value)
    if data is None:
        return None
    return InlineKeyboardButton(clip(label, MAX_BUTTON_LABEL), callback_data=data)


def keyboard(rows: Iterable[Sequence[InlineKeyboardButton | None]]) -> InlineKeyboardMarkup | None:
    """A keyboard of the buttons that could be encoded; None when there are none."""
    clean = [[button for button in row if button is not None] for row in rows]
    clean = [row for row in clean if row]
    return InlineKeyboardMarkup(clean) if clean else None


def _suggestion_rows(suggestions: Sequence[Suggestion]) -> list[list[InlineKeyboardButton | None]]:
    return [[_button(item.question, "fact", item.fact_id)] for item in suggestions]


# --------------------------------------------------------------------------- replies
@dataclass(frozen=True)
class Reply:
    """A message ready to send: HTML text and an optional inline keyboard."""

    text: str
    markup: InlineKeyboardMarkup | None = None


def _topics_button(engine: Engine, language: str) -> InlineKeyboardButton | None:
    return _button(engine.say(language, "browse_topics"), "topics")


def fact_answer(engine: Engine, fact: Fact, language: str) -> Answer:
    """The engine's answer shape for a fact chosen by button rather than by question."""
    text = fact.answer_in(language)
    return Answer(
        question=engine.display_question(fact, language), kind="fact", text=text,
        language=language, lead=text, fact=fact, score=100.0,
        suggestions=engine.suggest(fact.related, language),
    )


def render_answer(engine: Engine, answer: Answer) -> Reply:
    """The message for an answer: the fact with its source line, a clarification, or a refusal."""
    language = answer.language
    if answer.kind == "fact":
        parts = [Part(answer.text), Part("\n\n"), Part(engine.say(language, "source"), "i")]
        return Reply(render_html(parts), keyboard(_suggestion_rows(answer.suggestions)))
    if answer.kind == "clarify":
        rows = _suggestion_rows(answer.suggestions)
        return Reply(render_html([Part(answer.lead)]), keyboard(rows))
    if answer.kind == "smalltalk":
        return Reply(render_html([Part(answer.text)]))
    parts = []
    question = " ".join(answer.question.split())
    if question:
        parts += [Part(engine.say(language, "you_asked") + " "),
                  Part(clip(question, MAX_ECHO_LENGTH), "i"), Part("\n")]
    parts += [Part(answer.lead, "b"), Part("\n")]
    if answer.closest is not None:
        # A known near miss: say what the article does say on it, with its source.
        parts += [Part(engine.say(language, "closest") + "\n"),
                  Part(answer.closest.answer_in(language)), Part("\n\n"),
                  Part(engine.say(language, "source"), "i")]
    else:
        topics = ", ".join(engine.topic_names(language))
        parts += [Part(engine.say(language, "none_topics", topics=topics))]
    if answer.suggestions:
        parts += [Part("\n"), Part(engine.say(language, "try"))]
    rows = [*_suggestion_rows(answer.suggestions), [_topics_button(engine, language)]]
    return Reply(render_html(parts), keyboard(rows))


def example_facts(engine: Engine, count: int) -> list[Fact]:
    """The first fact of each topic, in topic order, at most `count` of them."""
    knowledge = engine.knowledge
    firsts = [facts[0] for facts in map(knowledge.facts_in_topic, knowledge.topics) if facts]
    return firsts[:count]


def start_reply(engine: Engine, language: str) -> Reply:
    """The welcome: what the bot knows and a few example questions as buttons."""
    topics = ", ".join(engine.topic_names(language))
    parts = [Part(engine.say(language, "start")), Part("\n\n"),
             Part(engine.say(language, "none_topics", topics=topics))]
    rows = [[_button(engine.display_question(fact, language), "fact", fact.id)]
            for fact in example_facts(engine, 4)]
    return Reply(render_html(parts), keyboard(rows))


def help_reply(engine: Engine, language: str, username: str) -> Reply:
    """How to use the bot in private chats, groups and inline mode."""
    return Reply(render_html([Part(engine.say(language, "help_full", username=username))]))


def usage_reply(engine: Engine, language: str) -> Reply:
    """How to use /ask."""
    return Reply(render_html([Part(engine.say(language, "ask_usage"))]))


def plain_reply(engine: Engine, language: str, key: str) -> Reply:
    """One message from the message table, escaped."""
    return Reply(render_html([Part(engine.say(language, key))]))


def source_reply(engine: Engine, language: str) -> Reply:
    """The article's title, publisher, date and photo credit."""
    title, *rest = engine.say(language, "source_full").split("\n", 1)
    return Reply(render_html([Part(title, "b"), *(Part("\n" + line) for line in rest)]))


def topics_reply(engine: Engine, language: str) -> Reply:
    """The topic list: one button per topic, two to a row."""
    buttons = [_button(name, "topic", topic)
               for topic, name in zip(engine.knowledge.topics, engine.topic_names(language),
                                      strict=True)]
    rows = [buttons[start:start + 2] for start in range(0, len(buttons), 2)]
    return Reply(render_html([Part(engine.say(language, "topics"))]), keyboard(rows))


def topic_reply(engine: Engine, topic: str, language: str) -> Reply:
    """The questions of one topic as buttons, and a button back to the topics."""
    names = engine.knowledge.topics[topic]
    name = names.get(language) or next(iter(names.values()))
    rows: list[list[InlineKeyboardButton | None]] = [
        [_button(engine.display_question(fact, language), "fact", fact.id)]
        for fact in engine.knowledge.facts_in_topic(topic)
    ]
    rows.append([_button(engine.say(language, "back"), "topics")])
    return Reply(render_html([Part(engine.say(language, "topic_facts", topic=name))]),
                 keyboard(rows))


def language_reply(engine: Engine, chosen: str | None, language: str) -> Reply:
    """The language menu: Automatic and each knowledge language, the current one ticked."""
    current = LANGUAGE_NAMES.get(chosen, chosen) if chosen else engine.say(language, "auto")
    options = [(AUTO, engine.say(language, "auto"))]
    options += [(code, LANGUAGE_NAMES.get(code, code)) for code in engine.knowledge.languages]
    buttons = [_button(("✓ " if code == (chosen or AUTO) else "") + label, "language", code)
               for code, label in options]
    return Reply(render_html([Part(engine.say(language, "language_usage", current=current))]),
                 keyboard([buttons]))


# --------------------------------------------------------------------------- inline mode
def inline_fact_ids(engine: Engine, answer: Answer | None) -> list[str]:
    """Facts to offer for an inline query, best first: the answer and its related facts, the
    candidates of a clarification, nothing for a refusal; no query at all: one per topic."""
    if answer is None:
        return [fact.id for fact in example_facts(engine, MAX_INLINE_RESULTS)]
    if answer.kind == "fact" and answer.fact is not None:
        ids = [answer.fact.id, *(item.fact_id for item in answer.suggestions)]
    elif answer.kind == "clarify":
        ids = [item.fact_id for item in answer.suggestions]
    else:
        ids = []
    return list(dict.fromkeys(ids))[:MAX_INLINE_RESULTS]


def inline_results(
    engine: Engine, fact_ids: Sequence[str], language: str
) -> list[InlineQueryResultArticle]:
    """Inline results: the question as title, the short answer as description, full answer sent."""
    results: list[InlineQueryResultArticle] = []
    for fact_id in fact_ids:
        fact = engine.knowledge.by_id.get(fact_id)
        if fact is None:
            continue
        question = engine.display_question(fact, language)
        answer = fact_answer(engine, fact, language)
        text = render_html([Part(question, "b"), Part("\n"), Part(answer.text), Part("\n\n"),
                            Part(engine.say(language, "source"), "i")])
        result_id = fact_id if encode_callback("fact", fact_id) else str(len(results))
        results.append(InlineQueryResultArticle(
            id=result_id,
            title=clip(question, 200),
            description=clip(answer.text, MAX_DESCRIPTION_LENGTH),
            input_message_content=InputTextMessageContent(text, parse_mode=ParseMode.HTML),
        ))
    return results
