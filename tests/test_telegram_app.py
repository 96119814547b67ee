"""End-to-end tests of the Telegram adapter over real HTTP against the fake Bot API server."""

from __future__ import annotations

import asyncio
import dataclasses
import html
import json
import logging
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import pytest
from fake_botapi import (
    BOT_ID,
    BOT_USERNAME,
    DEFAULT_GROUP_ID,
    DEFAULT_SUPERGROUP_ID,
    DEFAULT_USER_ID,
    FakeBotApi,
    Json,
)
from telegram import Message

from bot.config import Settings, load_settings
from bot.engine import Decision, Engine
from bot.knowledge import Knowledge
from bot.replies import Part
from bot.telegram.app import App, build_application, run_bot
from bot.telegram.logs import RedactingFilter
from bot.telegram.questions import addressed_question, command_argument
from bot.telegram.render import (
    MAX_CALLBACK_BYTES,
    decode_callback,
    encode_callback,
    render_html,
    utf16_length,
)

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "123:TEST"
TRADE_EN = "How much did trade between Laos and Russia grow?"
TRADE_RU = "Насколько вырос товарооборот между Лаосом и Россией?"
HOPELESS = "qwxz zzkq"
OTHER_USER = 2002
ALLOWED_TAGS = {"b", "/b", "i", "/i"}


# --------------------------------------------------------------------------- fixtures
@pytest.fixture
def server() -> Iterator[FakeBotApi]:
    """A fresh fake Bot API server for one test."""
    with FakeBotApi(token=TOKEN) as api:
        yield api


@pytest.fixture
def settings(server: FakeBotApi, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """Settings pointing the bot at the fake server (no .env, no webhook)."""
    for name in ("TELEGRAM_BOT_TOKEN", "TELEGRAM_BASE_URL", "WEBHOOK_URL", "WEBHOOK_SECRET"):
        monkeypatch.delenv(name, raising=False)
    empty = tmp_path / "empty.env"
    empty.write_text("", encoding="utf-8")
    return dataclasses.replace(load_settings(empty), token=TOKEN, base_url=server.base_url)


@pytest.fixture
async def app(engine: Engine, settings: Settings) -> AsyncIterator[App]:
    """The real application from the composition root, long polling the fake server."""
    application = build_application(engine, settings)
    async with application:
        await application.start()
        assert application.updater is not None
        await application.updater.start_polling(poll_interval=0.0, timeout=1)
        yield application
        await application.updater.stop()
        await application.stop()


async def sent_messages(server: FakeBotApi, count: int = 1) -> list[Json]:
    """The sendMessage calls once there are at least `count` of them."""
    return await server.await_calls("sendMessage", count, timeout=5)


async def after_sentinel(server: FakeBotApi) -> list[Json]:
    """Send a private question after the updates under test and return every message sent once
    it is answered: updates are handled in order, so the earlier ones were handled by then."""
    server.private_text(TRADE_EN, user_id=OTHER_USER)
    for _ in range(50):
        calls = server.calls_to("sendMessage")
        if any(call["chat_id"] == OTHER_USER for call in calls):
            return [call for call in calls if call["chat_id"] != OTHER_USER]
        await asyncio.sleep(0.05)
    raise AssertionError("the sentinel question was not answered")


def buttons(call: Json) -> list[tuple[str, str]]:
    """(label, callback data) of every inline button of a sent message."""
    markup = call.get("reply_markup") or {"inline_keyboard": []}
    return [(b["text"], b["callback_data"]) for row in markup["inline_keyboard"] for b in row]


def tags(text: str) -> set[str]:
    """The HTML tag names used in a text."""
    return set(re.findall(r"<(/?\w+)", text))


def assert_html_safe(call: Json) -> None:
    """The message is HTML with only b/i tags and fits Telegram's 4096-character limit."""
    assert call["parse_mode"] == "HTML"
    assert tags(call["text"]) <= ALLOWED_TAGS
    assert utf16_length(call["text"]) <= 4096
    assert all(len(data.encode()) <= MAX_CALLBACK_BYTES for _, data in buttons(call))


# --------------------------------------------------------------------------- private chat
@pytest.mark.parametrize(
    ("question", "language_code", "expected", "source"),
    [
        (TRADE_EN, "en", ["66 percent", "20 percent"], "<i>Source: VNA, 2025-08-01</i>"),
        (TRADE_RU, "ru", ["66 процентов", "20 процентов"], "<i>Источник: VNA, 2025-08-01</i>"),
        (TRADE_RU, "en", ["66 процентов"], "Источник"),
    ],
)
async def test_private_question_gets_the_fact(
    app: App, server: FakeBotApi, question: str, language_code: str, expected: list[str],
    source: str,
) -> None:
    """A private question is answered in its own language with the fact, source line and
    related-fact buttons, not as a reply."""
    server.private_text(question, language_code=language_code)
    call = (await sent_messages(server))[0]
    assert call["chat_id"] == DEFAULT_USER_ID
    assert all(piece in call["text"] for piece in expected)
    assert source in call["text"]
    assert_html_safe(call)
    data = [data for _, data in buttons(call)]
    assert data and all(item.startswith("f:") for item in data)
    assert "f:new_routes" in data
    assert "reply_parameters" not in call


async def test_start_shows_what_the_bot_knows(app: App, server: FakeBotApi) -> None:
    """/start welcomes, names the topics and offers 3-4 example questions as buttons."""
    server.command("/start")
    call = (await sent_messages(server))[0]
    assert "Trade" in call["text"] and "About the article" in call["text"]
    examples = buttons(call)
    assert 3 <= len(examples) <= 4
    assert examples[0] == (TRADE_EN, "f:trade_growth")
    assert_html_safe(call)


@pytest.mark.parametrize("text", ["/help", "/nosuchcommand", "/help@LaosRussiaBot"])
async def test_help_and_unknown_commands(app: App, server: FakeBotApi, text: str) -> None:
    """/help and an unknown command in a private chat explain how to ask, groups and inline."""
    server.command(text)
    call = (await sent_messages(server))[0]
    assert "/ask" in call["text"] and f"@{BOT_USERNAME}" in call["text"]
    assert_html_safe(call)


@pytest.mark.parametrize(
    ("text", "language_code", "expected"),
    [
        ("/ask " + TRADE_EN, "en", "66 percent"),
        ("/ask", "en", "Usage: /ask QUESTION"),
        ("/ask", "ru", "Использование: /ask ВОПРОС"),
    ],
)
async def test_private_ask(
    app: App, server: FakeBotApi, text: str, language_code: str, expected: str
) -> None:
    """/ask QUESTION answers in a private chat; bare /ask gets the usage in the user's language."""
    server.command(text, language_code=language_code)
    assert expected in (await sent_messages(server))[0]["text"]


async def test_source_names_the_article(app: App, server: FakeBotApi) -> None:
    """/source shows the title (bold), publisher, date and photo credit."""
    server.command("/source")
    call = (await sent_messages(server))[0]
    text = call["text"]
    assert text.startswith("<b>Laos–Russia trade and cooperation</b>")
    assert all(item in text for item in ("VNA", "2025-08-01", "en.kremlin.ru"))
    assert_html_safe(call)


async def test_topics_browse_flow(app: App, server: FakeBotApi) -> None:
    """/topics → a topic button edits in its questions → a question sends its answer → back
    edits the topic list in again; every press is acknowledged."""
    server.command("/topics")
    listing = (await sent_messages(server))[0]
    topic_buttons = buttons(listing)
    assert ("Trade", "t:trade") in topic_buttons and len(topic_buttons) == 10
    message_id = 7000
    server.callback_query("t:transport", message_id=message_id)
    edit = (await server.await_calls("editMessageText"))[0]
    assert edit["message_id"] == message_id and "Transport routes" in edit["text"]
    choices = buttons(edit)
    assert choices[-1] == ("« Topics", "topics")
    assert {"f:new_routes", "f:routes_reason", "f:routes_purpose"} <= {d for _, d in choices}
    server.callback_query("f:new_routes", message_id=message_id)
    answer = (await sent_messages(server, 2))[1]
    assert "Vietnam" in answer["text"] and "<i>Source:" in answer["text"]
    server.callback_query("topics", message_id=message_id)
    back = (await server.await_calls("editMessageText", 2))[1]
    assert buttons(back) == topic_buttons
    acknowledged = await server.await_calls("answerCallbackQuery", 3)
    assert all("text" not in call for call in acknowledged)


async def test_language_choice_applies_to_the_chat(app: App, server: FakeBotApi) -> None:
    """/language offers Automatic/English/Русский; choosing Русский makes English questions
    get Russian answers in that chat; Automatic restores the question's language."""
    server.command("/language")
    menu = (await sent_messages(server))[0]
    assert [data for _, data in buttons(menu)] == ["l:auto", "l:en", "l:ru"]
    assert buttons(menu)[0][0].startswith("✓ ")
    server.callback_query("l:ru", message_id=8000)
    confirm = (await server.await_calls("editMessageText"))[0]
    assert "по-русски" in confirm["text"]
    server.private_text(TRADE_EN)
    assert "66 процентов" in (await sent_messages(server, 2))[1]["text"]
    server.command("/source")
    assert "Издатель" in (await sent_messages(server, 3))[2]["text"]
    server.callback_query("l:auto", message_id=8000)
    await server.await_calls("editMessageText", 2)
    server.private_text(TRADE_EN)
    assert "66 percent" in (await sent_messages(server, 4))[3]["text"]


# --------------------------------------------------------------------------- answers
@pytest.mark.parametrize("question", ["<b>trade</b> & <script>", "<i>qwxz</i> & <script>"])
async def test_html_in_question_is_escaped(app: App, server: FakeBotApi, question: str) -> None:
    """HTML in a question never reaches Telegram as markup: it is escaped wherever it is echoed."""
    server.private_text(question)
    call = (await sent_messages(server))[0]
    assert_html_safe(call)
    assert "<script>" not in call["text"]
    if "script" in call["text"]:
        assert "&lt;script&gt;" in call["text"]


async def test_hopeless_question_says_not_covered(app: App, server: FakeBotApi) -> None:
    """A question the article does not cover is declined plainly, echoed, with suggestion and
    topic buttons."""
    server.private_text("<i>qwxz</i> zzkq")
    call = (await sent_messages(server))[0]
    assert "the article does not say that" in call["text"]
    assert "You asked: <i>&lt;i&gt;qwxz&lt;/i&gt; zzkq</i>" in call["text"]
    data = [data for _, data in buttons(call)]
    assert data[-1] == "topics" and any(item.startswith("f:") for item in data)


@pytest.mark.parametrize(
    ("question", "lead", "closest", "said"),
    [
        ("What does Russia export to Laos?", "the article does not say that",
         "What it does say:", "Laos demonstrates diverse export potential"),
        ("Какие российские компании добывают металлы в Лаосе?", "в статье об этом не говорится",
         "Вот что в ней сказано:", "Российские предприятия"),
    ],
)
async def test_near_miss_says_what_the_article_does_say(
    app: App, server: FakeBotApi, question: str, lead: str, closest: str, said: str
) -> None:
    """A question the article is known not to answer is declined, followed by what the article
    does say on the subject and its source."""
    server.private_text(question)
    call = (await sent_messages(server))[0]
    text = call["text"]
    assert lead in text and closest in text and said in text
    assert text.index(lead) < text.index(closest) < text.index(said)
    assert_html_safe(call)


class ClarifyingEngine(Engine):
    """The real engine, except that every question is too close to call between two facts."""

    def decide(
        self, question: str, language_hint: str | None = None, chosen: str | None = None
    ) -> Decision:
        return Decision(question, "clarify", chosen or "en",
                        suggestions=("nuclear_interest", "nuclear_roadmap"))


async def test_clarification_offers_candidates(
    knowledge: Knowledge, settings: Settings, server: FakeBotApi
) -> None:
    """An ambiguous question gets the clarify lead and the candidate questions as buttons."""
    application = build_application(ClarifyingEngine(knowledge), settings)
    async with application:
        await application.start()
        assert application.updater is not None
        await application.updater.start_polling(poll_interval=0.0, timeout=1)
        server.private_text("nuclear")
        call = (await sent_messages(server))[0]
        await application.updater.stop()
        await application.stop()
    assert "Did you mean" in call["text"]
    assert {"f:nuclear_interest", "f:nuclear_roadmap"} <= {data for _, data in buttons(call)}


async def test_very_long_question_gets_a_short_clear_reply(app: App, server: FakeBotApi) -> None:
    """A 4096-character question gets a clear 'too long' reply within 4096 characters."""
    question = ("<b>trade</b> " * 400)[:4096]
    server.private_text(question)
    call = (await sent_messages(server))[0]
    assert "too long" in call["text"]
    assert_html_safe(call)
    assert utf16_length(call["text"]) < 1000


def test_render_html_truncates_safely() -> None:
    """Rendering cuts over-long text to 4096 UTF-16 units without splitting an entity or tag."""
    text = render_html([Part("intro\n"), Part("<&> 😀 " * 2000, "i"), Part("never shown")])
    assert utf16_length(text) <= 4096
    assert text.endswith("…</i>") and "never shown" not in text
    assert html.unescape(re.sub(r"<[^>]+>", "", text)).startswith("intro\n<&> 😀")
    assert not re.search(r"&[a-z]*…", text)


def test_every_rendered_button_fits_callback_limits(knowledge: Knowledge) -> None:
    """Every fact, topic and language button encodes to at most 64 bytes and decodes back."""
    encoded = [encode_callback("fact", fact.id) for fact in knowledge.facts]
    encoded += [encode_callback("topic", topic) for topic in knowledge.topics]
    encoded += [encode_callback("language", code) for code in ("auto", *knowledge.languages)]
    encoded.append(encode_callback("topics"))
    assert all(data is not None and len(data.encode()) <= MAX_CALLBACK_BYTES for data in encoded)
    assert all(decode_callback(data, knowledge) is not None for data in encoded)


# --------------------------------------------------------------------------- buttons
@pytest.mark.parametrize(
    "data",
    [
        "f:../../etc",
        "x" * 64,
        "f:" + "a" * 62,
        "€" * 30,
        "f:unknown_fact",
        "t:no_such_topic",
        "l:de",
        "topics:extra",
        "f:trade_growth\n",
        "",
    ],
)
async def test_tampered_button_gets_polite_notice(
    app: App, server: FakeBotApi, data: str
) -> None:
    """A stale, tampered or unknown button is answered with a polite notice and nothing else."""
    server.callback_query(data, message_id=9000)
    notice = (await server.await_calls("answerCallbackQuery"))[0]
    assert notice["text"] == "That button has expired. Please ask again."
    assert await after_sentinel(server) == []
    assert not server.calls_to("editMessageText")


# --------------------------------------------------------------------------- groups
@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda s: s.command(f"/ask@{BOT_USERNAME} {TRADE_EN}", "supergroup"), "66 percent"),
        (lambda s: s.command(f"/ask {TRADE_EN}", "group"), "66 percent"),
        (lambda s: s.command(f"/ask@{BOT_USERNAME}", "supergroup"), "Usage: /ask QUESTION"),
        (lambda s: s.command("/ask", "group"), "Usage: /ask QUESTION"),
        (lambda s: s.command(f"/ask {TRADE_RU}", "supergroup"), "66 процентов"),
        (lambda s: s.mention(f"@{BOT_USERNAME}, {TRADE_EN.lower()}"), "66 percent"),
        (lambda s: s.mention(f"{TRADE_EN} @{BOT_USERNAME}"), "66 percent"),
        (lambda s: s.group_text(TRADE_EN, reply_to_bot=True), "66 percent"),
        (lambda s: s.command(f"/source@{BOT_USERNAME}", "supergroup"), "en.kremlin.ru"),
    ],
    ids=["ask@bot", "ask", "bare-ask@bot", "bare-ask", "ask-ru", "mention-first",
         "mention-last", "reply-to-bot", "source@bot"],
)
async def test_group_addressed_messages_get_a_reply(
    app: App, server: FakeBotApi, make: Callable[[FakeBotApi], Json], expected: str
) -> None:
    """In a group, /ask, /ask@ThisBot, a mention and a reply to the bot are answered as a reply
    to the asking message."""
    update = make(server)
    call = (await sent_messages(server))[0]
    message = update["message"]
    assert expected in call["text"]
    assert call["chat_id"] == message["chat"]["id"]
    assert call["reply_parameters"]["message_id"] == message["message_id"]
    assert_html_safe(call)


@pytest.mark.parametrize(
    "make",
    [
        lambda s: s.group_text(TRADE_EN),
        lambda s: s.group_text("lol, nice weather today", chat_id=DEFAULT_GROUP_ID),
        lambda s: s.command(f"/ask@OtherBot {TRADE_EN}", "supergroup"),
        lambda s: s.command("/start@OtherBot", "supergroup"),
        lambda s: s.command("/nosuchcommand", "supergroup"),
        lambda s: s.group_text(f"@OtherBot {TRADE_EN}"),
        lambda s: s.sticker(chat_id=DEFAULT_SUPERGROUP_ID),
    ],
    ids=["chatter-question", "chatter", "ask@other", "start@other", "unknown-command",
         "mention-other", "sticker"],
)
async def test_group_chatter_is_ignored(
    app: App, server: FakeBotApi, make: Callable[[FakeBotApi], Json]
) -> None:
    """In a group the bot stays silent for chatter, other bots' commands and stickers."""
    make(server)
    assert await after_sentinel(server) == []


@pytest.mark.parametrize(
    ("make", "question"),
    [
        (lambda s: s.mention(f"@{BOT_USERNAME}, how much did trade grow?"),
         "how much did trade grow?"),
        (lambda s: s.mention(f"Trade growth, @{BOT_USERNAME.lower()}?"), "Trade growth?"),
        (lambda s: s.mention(f"What about bauxite @{BOT_USERNAME} ?"), "What about bauxite?"),
        (lambda s: s.group_text("and bauxite?", reply_to_bot=True), "and bauxite?"),
        (lambda s: s.mention(f"@{BOT_USERNAME}"), ""),
        (lambda s: s.group_text("@OtherBot trade growth"), None),
        (lambda s: s.group_text("trade growth"), None),
    ],
)
def test_addressed_question_strips_the_mention(
    server: FakeBotApi, make: Callable[[FakeBotApi], Json], question: str | None
) -> None:
    """A group message addressed to the bot yields its question without the mention; others None."""
    message = Message.de_json(make(server)["message"], None)
    assert message is not None
    assert addressed_question(message, BOT_USERNAME, BOT_ID) == question


@pytest.mark.parametrize(
    ("text", "argument"),
    [("/ask", ""), ("/ask@LaosRussiaBot  how  much? ", "how  much?"), ("/ask\ntrade", "trade")],
)
def test_command_argument(text: str, argument: str) -> None:
    """The question after /ask keeps its inner spacing and loses the command."""
    assert command_argument(text) == argument


# --------------------------------------------------------------------------- other updates
@pytest.mark.parametrize("make", [lambda s: s.sticker(), lambda s: s.photo(caption="trade?")],
                         ids=["sticker", "photo"])
async def test_private_sticker_or_photo_gets_unsupported(
    app: App, server: FakeBotApi, make: Callable[[FakeBotApi], Json]
) -> None:
    """A sticker or photo in a private chat gets the 'text only' message."""
    make(server)
    call = (await sent_messages(server))[0]
    assert call["text"] == "I can only read text. Please type your question."


@pytest.mark.parametrize(
    "make",
    [lambda s: s.edited_text(TRADE_EN), lambda s: s.channel_post(TRADE_EN),
     lambda s: s.enqueue({"edited_message": {
         "message_id": 5, "date": 0, "chat": {"id": DEFAULT_USER_ID, "type": "private"},
         "text": "/ask x", "edit_date": 1,
         "entities": [{"type": "bot_command", "offset": 0, "length": 4}]}})],
    ids=["edited", "channel-post", "edited-command"],
)
async def test_edited_messages_and_channel_posts_are_ignored(
    app: App, server: FakeBotApi, make: Callable[[FakeBotApi], Json]
) -> None:
    """Edited messages and channel posts get no reply and break nothing."""
    make(server)
    assert await after_sentinel(server) == []


# --------------------------------------------------------------------------- inline mode
async def test_inline_query_ranks_the_answer_first(app: App, server: FakeBotApi) -> None:
    """An inline query gets the matching fact first, then related facts, as HTML articles."""
    server.inline_query("trade growth")
    call = (await server.await_calls("answerInlineQuery"))[0]
    results = call["results"]
    assert [r["id"] for r in results][:3] == ["trade_growth", "new_routes", "routes_reason"]
    first = results[0]
    assert first["type"] == "article" and first["title"] == TRADE_EN
    assert "66 percent" in first["description"] and len(first["description"]) <= 100
    content = first["input_message_content"]
    assert content["parse_mode"] == "HTML"
    assert "66 percent" in content["message_text"]
    assert "<i>Source: VNA, 2025-08-01</i>" in content["message_text"]
    assert call["is_personal"] in (True, "true") and int(call["cache_time"]) <= 10


async def test_inline_query_in_russian(app: App, server: FakeBotApi) -> None:
    """A Russian inline query gets Russian titles and answers."""
    server.inline_query("товарооборот", language_code="ru")
    first = (await server.await_calls("answerInlineQuery"))[0]["results"][0]
    assert first["id"] == "trade_growth" and first["title"].startswith("Насколько")
    assert "66 процентов" in first["input_message_content"]["message_text"]


async def test_inline_empty_query_lists_top_topics(
    app: App, server: FakeBotApi, knowledge: Knowledge
) -> None:
    """An empty inline query offers the first fact of each topic."""
    server.inline_query("")
    results = (await server.await_calls("answerInlineQuery"))[0]["results"]
    expected = [knowledge.facts_in_topic(topic)[0].id for topic in knowledge.topics]
    assert [r["id"] for r in results] == expected


async def test_inline_hopeless_query_gets_empty_answer(app: App, server: FakeBotApi) -> None:
    """A hopeless inline query is still answered, with an empty result list and a chat button."""
    server.inline_query(HOPELESS)
    call = (await server.await_calls("answerInlineQuery"))[0]
    assert call["results"] == [] and call["is_personal"] in (True, "true")
    assert call["button"]["start_parameter"] == "inline"


# --------------------------------------------------------------------------- robustness
@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_answer_survives_500_then_429(app: App, server: FakeBotApi) -> None:
    """Telegram answering 500 and then 429 (retry_after 1) delays the answer but delivers it."""
    server.fail_next("sendMessage", 500)
    server.private_text(TRADE_EN)
    await server.await_calls("sendMessage", 1, include_failed=True)
    server.fail_next("sendMessage", 429, retry_after=1)
    call = (await server.await_calls("sendMessage", 1, timeout=8))[0]
    assert "66 percent" in call["text"]
    statuses = [c.status for c in server.calls if c.method == "sendMessage"]
    assert statuses == [500, 429, 200]


async def test_failed_send_is_logged_and_the_bot_keeps_running(
    app: App, server: FakeBotApi, caplog: pytest.LogCaptureFixture
) -> None:
    """A send Telegram refuses (400) is logged by the error handler and the next question is
    still answered."""
    caplog.set_level(logging.ERROR, logger="bot.telegram.handlers")
    server.fail_next("sendMessage", 400, description="Bad Request: chat not found")
    server.private_text(TRADE_EN)
    await server.await_calls("sendMessage", 1, include_failed=True)
    server.private_text(TRADE_EN)
    assert "66 percent" in (await sent_messages(server))[0]["text"]
    assert "chat not found" in caplog.text.lower()
    assert len(server.calls_to("sendMessage", include_failed=True)) == 2


async def test_token_never_logged(
    engine: Engine, settings: Settings, server: FakeBotApi, caplog: pytest.LogCaptureFixture
) -> None:
    """With DEBUG logging through questions, failures and inline queries the token never shows."""
    caplog.set_level(logging.DEBUG)
    application = build_application(engine, settings)
    async with application:
        await application.start()
        assert application.updater is not None
        await application.updater.start_polling(poll_interval=0.0, timeout=1)
        server.fail_next("sendMessage", 500)
        server.private_text(TRADE_EN)
        server.inline_query("trade")
        await sent_messages(server)
        await server.await_calls("answerInlineQuery")
        await application.updater.stop()
        await application.stop()
    assert caplog.records
    assert TOKEN not in caplog.text and "TEST" not in caplog.text
    assert all(TOKEN not in record.getMessage() for record in caplog.records)


def test_redacting_filter_hides_the_token() -> None:
    """The filter run_bot installs replaces the token in messages, arguments and tracebacks."""
    redacting = RedactingFilter([(TOKEN, "<token>"), ("s3cret", "<secret>")])
    record = logging.LogRecord("httpx", logging.INFO, __file__, 1, "POST %s/getMe secret=%s",
                               (f"http://x/bot{TOKEN}", "s3cret"), None)
    try:
        raise RuntimeError(f"http://x/bot{TOKEN.replace(':', '%3A')}/getMe")
    except RuntimeError:
        record.exc_info = sys.exc_info()
    assert redacting.filter(record)
    formatted = logging.Formatter().format(record)
    assert "<token>" in formatted and "<secret>" in formatted
    assert TOKEN not in formatted and "123%3ATEST" not in formatted and "s3cret" not in formatted


async def test_post_init_registers_command_menus(
    engine: Engine, settings: Settings, server: FakeBotApi
) -> None:
    """Start-up registers private and group command menus in English (default) and Russian."""
    application = build_application(engine, settings)
    async with application:
        assert application.post_init is not None
        await application.post_init(application)
    menus = {(json.loads(scope)["type"], language): [c["command"] for c in commands]
             for (scope, language), commands in server.commands.items()}
    assert set(menus) == {("all_private_chats", ""), ("all_private_chats", "ru"),
                          ("all_group_chats", ""), ("all_group_chats", "ru")}
    assert menus[("all_private_chats", "")] == ["start", "help", "ask", "topics", "source",
                                                "language"]
    assert "ask" in menus[("all_group_chats", "ru")]
    russian = server.commands[next(k for k in server.commands if k[1] == "ru")]
    assert all(re.search("[а-я]", c["description"]) for c in russian)


# --------------------------------------------------------------------------- webhook
def free_port() -> int:
    """A TCP port free on the loopback interface right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def post_update(url: str, update: Json, secret: str | None) -> int:
    """POST an update to the webhook like Telegram would; return the HTTP status."""
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    body = json.dumps(update).encode()
    request = urllib.request.Request(url, body, headers, method="POST")  # noqa: S310 - local
    try:
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310 - local server
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


async def test_webhook_checks_the_secret(
    engine: Engine, settings: Settings, server: FakeBotApi
) -> None:
    """The webhook server rejects updates without the right secret header (403, no answer) and
    answers one with it."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/hook"
    update = {"update_id": 1, "message": {
        "message_id": 1, "date": 0, "chat": {"id": DEFAULT_USER_ID, "type": "private"},
        "from": {"id": DEFAULT_USER_ID, "is_bot": False, "first_name": "T", "language_code": "en"},
        "text": TRADE_EN}}
    application = build_application(engine, settings)
    async with application:
        await application.start()
        assert application.updater is not None
        await application.updater.start_webhook(
            listen="127.0.0.1", port=port, url_path="hook", webhook_url=url, secret_token="s3cret")
        assert server.webhook_url == url
        wrong = await asyncio.to_thread(post_update, url, update, "wrong")
        missing = await asyncio.to_thread(post_update, url, {**update, "update_id": 2}, None)
        right = await asyncio.to_thread(post_update, url, {**update, "update_id": 3}, "s3cret")
        calls = await sent_messages(server)
        await application.updater.stop()
        await application.stop()
    assert (wrong, missing, right) == (403, 403, 200)
    assert len(calls) == 1 and "66 percent" in calls[0]["text"]


def test_webhook_mode_needs_a_url(
    engine: Engine, settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    """Webhook mode without WEBHOOK_URL refuses to start with one clear line and exit code 2."""
    assert run_bot(engine, dataclasses.replace(settings, webhook_url=None), webhook=True) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and "WEBHOOK_URL" in lines[0]


# --------------------------------------------------------------------------- the real process
def start_bot(server: FakeBotApi, cwd: Path, *args: str, **env: str) -> subprocess.Popen[str]:
    """Start `python -m bot ARGS` against the fake server, logging at DEBUG."""
    environment = {k: v for k, v in os.environ.items()
                   if k not in {"KNOWLEDGE_DIR", "WEBHOOK_URL", "WEBHOOK_SECRET", "PORT"}}
    environment.update(TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_BASE_URL=server.base_url,
                       LOG_LEVEL="DEBUG", PYTHONPATH=str(ROOT), **env)
    return subprocess.Popen(
        [sys.executable, "-m", "bot", *args], cwd=cwd, env=environment,
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def stop_bot(process: subprocess.Popen[str]) -> str:
    """Stop the bot like a service manager (SIGTERM) and return everything it printed."""
    process.terminate()
    out, err = process.communicate(timeout=10)
    return out + err


def test_python_m_bot_answers_over_polling(server: FakeBotApi, tmp_path: Path) -> None:
    """`python -m bot` with a token and TELEGRAM_BASE_URL long-polls, sets its command menus and
    answers a question, without the token in its DEBUG logs."""
    process = start_bot(server, tmp_path)
    try:
        server.private_text(TRADE_EN)
        call = server.wait_for("sendMessage", timeout=20)[0]
    finally:
        output = stop_bot(process)
    assert "66 percent" in call["text"] and call["parse_mode"] == "HTML"
    assert TOKEN not in output and "<token>" in output
    assert "long polling" in output
    assert len(server.commands) == 4, "private and group menus, English and Russian"


def test_python_m_bot_webhook_checks_the_secret(server: FakeBotApi, tmp_path: Path) -> None:
    """`python -m bot --webhook` registers WEBHOOK_URL with the secret, rejects a request with a
    wrong secret and answers one with the right secret, without logging token or secret."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/hook"
    process = start_bot(server, tmp_path, "--webhook", WEBHOOK_URL=url, PORT=str(port),
                        WEBHOOK_SECRET="s3cret-webhook")
    update = {"update_id": 1, "message": {
        "message_id": 1, "date": 0, "chat": {"id": DEFAULT_USER_ID, "type": "private"},
        "from": {"id": DEFAULT_USER_ID, "is_bot": False, "first_name": "T", "language_code": "en"},
        "text": TRADE_EN}}
    try:
        server.wait_for("setWebhook", timeout=20)
        statuses = []
        for secret in ("wrong", "s3cret-webhook"):
            for _ in range(50):  # the server may start listening just after setWebhook
                try:
                    statuses.append(post_update(url, update, secret))
                    break
                except urllib.error.URLError:
                    time.sleep(0.1)
        call = server.wait_for("sendMessage", timeout=10)[0]
    finally:
        output = stop_bot(process)
    assert statuses == [403, 200]
    assert server.calls_to("setWebhook")[0]["secret_token"] == "s3cret-webhook"
    assert "66 percent" in call["text"]
    assert TOKEN not in output and "s3cret-webhook" not in output


def test_python_m_bot_webhook_without_url_refuses(server: FakeBotApi, tmp_path: Path) -> None:
    """`python -m bot --webhook` without WEBHOOK_URL exits 2 with one clear line."""
    process = start_bot(server, tmp_path, "--webhook")
    _, err = process.communicate(timeout=20)
    assert process.returncode == 2
    assert err.strip().splitlines()[-1].startswith("error: webhook mode needs WEBHOOK_URL")
