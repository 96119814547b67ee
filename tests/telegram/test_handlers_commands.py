"""End-to-end tests of the command handlers and the command menus, against the fake Bot API."""

from __future__ import annotations

import json
import re

import pytest
from botapi import BOT_USERNAME, FakeBotApi
from harness import TRADE_EN, assert_html_safe, buttons, sent_messages

from bot.config import Settings
from bot.engine import Engine
from bot.telegram.app import App, build_application


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


async def test_language_choice_applies_to_the_chat(app: App, server: FakeBotApi) -> None:
    """/language offers Automatic/English/Русский; choosing Русский makes English questions
    get Russian answers in that chat; Automatic restores the question's language."""
    server.command("/language")
    menu = (await sent_messages(server))[0]
    assert [data for _, data in buttons(menu)] == ["l:auto", "l:en", "l:ru", "l:lo", "l:vi"]
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


async def test_post_init_registers_command_menus(
    engine: Engine, settings: Settings, server: FakeBotApi
) -> None:
    """Start-up registers private and group command menus in English (default), Russian, Lao
    and Vietnamese."""
    application = build_application(engine, settings)
    async with application:
        assert application.post_init is not None
        await application.post_init(application)
    menus = {(json.loads(scope)["type"], language): [c["command"] for c in commands]
             for (scope, language), commands in server.commands.items()}
    assert set(menus) == {(scope, language) for scope in ("all_private_chats", "all_group_chats")
                          for language in ("", "ru", "lo", "vi")}
    assert menus[("all_private_chats", "")] == ["start", "help", "ask", "summary", "topics",
                                                "source", "language"]
    assert "ask" in menus[("all_group_chats", "ru")]
    russian = server.commands[next(k for k in server.commands if k[1] == "ru")]
    assert all(re.search("[а-я]", c["description"]) for c in russian)
    lao = server.commands[next(k for k in server.commands if k[1] == "lo")]
    assert all(re.search("[\u0e80-\u0eff]", c["description"]) for c in lao)
