"""Tests of the fake Telegram Bot API server, driven by the real python-telegram-bot."""

from __future__ import annotations

import asyncio
import datetime as dtm
import json
import urllib.error
import urllib.request
from collections.abc import AsyncIterator

import pytest
from botapi import BOT_ID, BOT_USERNAME, DEFAULT_USER_ID, FakeBotApi, auto_entities
from harness import TOKEN
from telegram import (
    Bot,
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Message,
    Update,
)
from telegram.error import (
    BadRequest,
    Conflict,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TimedOut,
)
from telegram.ext import (
    ApplicationBuilder,
    ContextTypes,
    MessageHandler,
    filters,
)


@pytest.fixture
async def bot(server: FakeBotApi) -> AsyncIterator[Bot]:
    """A bare python-telegram-bot Bot talking to the fake server."""
    async with Bot(token=TOKEN, base_url=server.base_url) as tg_bot:
        yield tg_bot


async def test_get_me_returns_the_laos_russia_bot(bot: Bot, server: FakeBotApi) -> None:
    """getMe answers with the Laos Russia Bot user (id 42), which PTB parses into a User."""
    me = await bot.get_me()
    assert (me.id, me.username, me.is_bot) == (BOT_ID, BOT_USERNAME, True)
    assert me.supports_inline_queries and me.can_join_groups
    assert server.calls_to("getMe")


async def test_unknown_token_is_unauthorized(server: FakeBotApi) -> None:
    """A request with a token other than the configured one raises InvalidToken (HTTP 401)."""
    with pytest.raises(InvalidToken):
        async with Bot(token="999:WRONG", base_url=server.base_url):
            pass
    assert server.calls[-1].status == 401


async def test_send_message_decodes_reply_markup(bot: Bot, server: FakeBotApi) -> None:
    """send_message returns a parsed Message and the server records reply_markup as a dict."""
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("More", callback_data="more:1")]])
    first = await bot.send_message(chat_id=555, text="Hello", reply_markup=markup)
    second = await bot.send_message(chat_id=555, text="Again")
    assert isinstance(first, Message)
    assert second.message_id == first.message_id + 1
    assert first.from_user is not None and first.from_user.id == BOT_ID
    assert first.chat.type == "private" and first.text == "Hello"
    assert first.reply_markup == markup
    params = server.calls_to("sendmessage")[0]
    assert params["chat_id"] == 555
    assert params["reply_markup"] == {
        "inline_keyboard": [[{"text": "More", "callback_data": "more:1"}]]}


async def test_edit_message_text_and_injected_bad_request(bot: Bot, server: FakeBotApi) -> None:
    """Editing a sent message returns it with the new text; an injected 400 raises BadRequest."""
    sent = await bot.send_message(chat_id=-1001234567890, text="Draft")
    assert sent.chat.type == "supergroup"
    edited = await bot.edit_message_text("Final", chat_id=sent.chat_id, message_id=sent.message_id)
    assert isinstance(edited, Message)
    assert (edited.message_id, edited.text) == (sent.message_id, "Final")
    server.fail_next("editMessageText", 400, description="Bad Request: message is not modified")
    with pytest.raises(BadRequest, match="not modified"):
        await bot.edit_message_text("Final", chat_id=sent.chat_id, message_id=sent.message_id)


async def test_get_updates_returns_queued_message(bot: Bot, server: FakeBotApi) -> None:
    """A queued private text comes back from getUpdates as a PTB Message and offset confirms it."""
    queued = server.private_text("Привет 👋", language_code="ru")
    updates = await bot.get_updates(timeout=1)
    assert [u.update_id for u in updates] == [queued["update_id"]]
    message = updates[0].message
    assert isinstance(message, Message)
    assert message.text == "Привет 👋" and message.chat.type == "private"
    assert message.from_user is not None and message.from_user.language_code == "ru"
    assert await bot.get_updates(offset=updates[0].update_id + 1, timeout=0) == ()


async def test_get_updates_long_polls_until_timeout_cap(bot: Bot, server: FakeBotApi) -> None:
    """An empty getUpdates waits about the capped timeout instead of the requested 30 s."""
    loop = asyncio.get_running_loop()
    started = loop.time()
    assert await bot.get_updates(timeout=30, read_timeout=5) == ()
    assert 0.9 <= loop.time() - started < 3


async def test_update_builders_produce_parsable_payloads(server: FakeBotApi) -> None:
    """Every builder queues a payload PTB parses, with increasing ids and correct entities."""
    cmd = server.command("/ask@LaosRussiaBot how much", chat_type="group")
    built = [
        cmd,
        server.group_text("thanks", reply_to_bot=True),
        server.mention("hey @LaosRussiaBot, what is the trade volume?"),
        server.sticker(), server.photo(caption="look"), server.edited_text("fixed"),
        server.channel_post("news"), server.inline_query("trade", language_code="ru"),
        server.callback_query("more:1", message_id=77),
    ]
    ids = [u["update_id"] for u in built]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    bot = Bot(token=TOKEN, base_url=server.base_url)
    updates = [Update.de_json(u, bot) for u in built]
    command, reply, mention = (u.message for u in updates[:3])
    assert command is not None and command.chat.type == "group"
    assert command.parse_entities() == {command.entities[0]: "/ask@LaosRussiaBot"}
    assert reply is not None and reply.reply_to_message is not None
    assert reply.reply_to_message.from_user is not None
    assert reply.reply_to_message.from_user.id == BOT_ID
    assert mention is not None and list(mention.parse_entities().values()) == ["@LaosRussiaBot"]
    assert updates[3].message is not None and updates[3].message.sticker is not None
    assert updates[4].message is not None and updates[4].message.photo
    assert updates[5].edited_message is not None and updates[6].channel_post is not None
    assert updates[7].inline_query is not None and updates[7].inline_query.query == "trade"
    query = updates[8].callback_query
    assert query is not None and query.data == "more:1" and query.message is not None
    assert query.message.message_id == 77
    assert auto_entities("😀 @LaosRussiaBot")[0] == {"type": "mention", "offset": 3, "length": 14}


async def test_answer_inline_query_decodes_results(bot: Bot, server: FakeBotApi) -> None:
    """answer_inline_query succeeds and the server records the results as a list of dicts."""
    result = InlineQueryResultArticle(
        id="1", title="Trade", input_message_content=InputTextMessageContent("Trade grew."))
    assert await bot.answer_inline_query("q1", [result], cache_time=0) is True
    params = server.calls_to("answerInlineQuery")[0]
    assert params["results"][0]["title"] == "Trade"
    assert params["results"][0]["input_message_content"] == {"message_text": "Trade grew."}


async def test_multipart_upload_is_parsed(bot: Bot, server: FakeBotApi) -> None:
    """A photo upload arrives as multipart: the file part is bytes and reply_markup a dict."""
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Source", url="https://vna.vn")]])
    sent = await bot.send_photo(chat_id=7, photo=b"\x89PNG fake", caption="Chart",
                                reply_markup=markup)
    assert sent.caption == "Chart" and sent.chat.id == 7
    params = server.calls_to("sendPhoto")[0]
    assert params["photo"] == b"\x89PNG fake" and params["chat_id"] == 7
    assert params["reply_markup"]["inline_keyboard"][0][0]["url"] == "https://vna.vn"


async def test_webhook_lifecycle(bot: Bot, server: FakeBotApi) -> None:
    """setWebhook blocks getUpdates with Conflict and deleteWebhook can drop pending updates."""
    server.private_text("queued")
    assert await bot.set_webhook("https://example.invalid/hook") is True
    assert (await bot.get_webhook_info()).url == "https://example.invalid/hook"
    with pytest.raises(Conflict):
        await bot.get_updates(timeout=0)
    assert await bot.delete_webhook(drop_pending_updates=True) is True
    info = await bot.get_webhook_info()
    assert (info.url, info.pending_update_count) == ("", 0)


async def test_my_commands_round_trip(bot: Bot, server: FakeBotApi) -> None:
    """Commands set per language are returned by getMyCommands and cleared by delete."""
    await bot.set_my_commands([BotCommand("ask", "Ask a question")], language_code="ru")
    assert await bot.get_my_commands() == ()
    assert [c.command for c in await bot.get_my_commands(language_code="ru")] == ["ask"]
    await bot.delete_my_commands(language_code="ru")
    assert await bot.get_my_commands(language_code="ru") == ()


async def test_fail_next_500_raises_network_error(bot: Bot, server: FakeBotApi) -> None:
    """A 500 injected for sendMessage raises NetworkError once, then sending works again."""
    server.fail_next("sendMessage", 500)
    with pytest.raises(NetworkError, match="Internal Server Error"):
        await bot.send_message(chat_id=1, text="x")
    await bot.send_message(chat_id=1, text="x")
    attempts = [call for call in server.calls if call.method == "sendMessage"]
    assert [call.failed for call in attempts] == [True, False]
    assert len(server.calls_to("sendMessage", include_failed=True)) == 2


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_fail_next_429_raises_retry_after(bot: Bot, server: FakeBotApi) -> None:
    """A 429 injected for sendMessage raises RetryAfter with retry_after of one second."""
    server.fail_next("sendMessage", 429)
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(chat_id=1, text="x")
    assert caught.value.retry_after in (1, dtm.timedelta(seconds=1))


def test_raw_429_body_matches_telegram() -> None:
    """The HTTP body of an injected 429 is exactly Telegram's flood-control error."""
    with FakeBotApi() as api:
        api.fail_next("getMe", 429, retry_after=1)
        url = f"{api.base_url}{TOKEN}/GETME"
        request = urllib.request.Request(url, data=b"", method="POST")  # noqa: S310 - local
        with pytest.raises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(request, timeout=5)  # noqa: S310 - local
        assert caught.value.code == 429
        assert json.loads(caught.value.read()) == {
            "ok": False, "error_code": 429, "description": "Too Many Requests: retry after 1",
            "parameters": {"retry_after": 1}}


async def test_delay_triggers_client_timeout(bot: Bot, server: FakeBotApi) -> None:
    """A delayed method makes a client with a short read timeout raise TimedOut."""
    server.delay("sendChatAction", 0.5)
    with pytest.raises(TimedOut):
        await bot.send_chat_action(chat_id=1, action="typing", read_timeout=0.1)


async def test_application_echoes_private_text(server: FakeBotApi) -> None:
    """A polling Application with an echo handler answers a queued private text via sendMessage."""

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_text(f"echo: {update.effective_message.text}")

    app = ApplicationBuilder().token(TOKEN).base_url(server.base_url).build()
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0.0, timeout=1)
        server.private_text("hi")
        sent = await server.await_calls("sendMessage")
        await app.updater.stop()
        await app.stop()
    assert sent[0]["text"] == "echo: hi" and sent[0]["chat_id"] == DEFAULT_USER_ID
    assert server.calls_to("deleteWebhook") and server.pending_updates == []
