"""End-to-end tests of the message handlers in private chats, against the fake Bot API."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from botapi import DEFAULT_USER_ID, FakeBotApi, Json
from harness import TRADE_EN, TRADE_RU, after_sentinel, assert_html_safe, buttons, sent_messages

from bot.config import Settings
from bot.engine import Context, Decision, Engine
from bot.knowledge import Knowledge
from bot.telegram.app import App, build_application
from bot.telegram.render import utf16_length


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
        self, question: str, language_hint: str | None = None, chosen: str | None = None,
        context: Context | None = None,
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
