"""End-to-end tests over the fake Bot API in Lao, Vietnamese and Russian typed in Latin letters:
each question is answered in its own language, and /language switches to each language."""

from __future__ import annotations

import pytest
from botapi import FakeBotApi
from harness import TRADE_EN, sent_messages

from bot.telegram.app import App

TRADE_LO = "ການຄ້າລາວ ແລະ ຣັດເຊຍເພີ່ມຂຶ້ນເທົ່າໃດ"
GROWTH_LO = "ເພີ່ມຂຶ້ນ 66 ສ່ວນຮ້ອຍ"


async def test_lao_private_question_is_answered_in_lao(app: App, server: FakeBotApi) -> None:
    """A Lao question in a private chat gets the Lao answer, whatever the user's Telegram
    language."""
    server.private_text(TRADE_LO, language_code="en")
    text = (await sent_messages(server))[0]["text"]
    assert GROWTH_LO in text
    assert "percent" not in text


async def test_vietnamese_without_marks_in_a_group(app: App, server: FakeBotApi) -> None:
    """/ask in a group with Vietnamese typed without marks: the answer is Vietnamese, with its
    marks."""
    update = server.command("/ask thuong mai giua lao va nga tang bao nhieu", "supergroup")
    call = (await sent_messages(server))[0]
    assert "Năm 2024, thương mại giữa Lào và Nga tăng 66%" in call["text"]
    assert call["reply_parameters"]["message_id"] == update["message"]["message_id"]


async def test_lao_inline_query(app: App, server: FakeBotApi) -> None:
    """A Lao inline query gets Lao titles and answers."""
    server.inline_query(TRADE_LO, language_code="en")
    first = (await server.await_calls("answerInlineQuery"))[0]["results"][0]
    assert first["id"] == "trade_growth"
    assert first["title"].startswith("ການຄ້າ")
    assert GROWTH_LO in first["input_message_content"]["message_text"]


async def test_russian_in_latin_letters_is_answered_in_russian(
    app: App, server: FakeBotApi
) -> None:
    """Russian typed in Latin letters is read as Russian and answered in Russian."""
    server.private_text("naskolko vyros tovarooborot mezhdu Laosom i Rossiej?")
    assert "66 процентов" in (await sent_messages(server))[0]["text"]


@pytest.mark.parametrize(
    ("code", "confirmation", "answer"),
    [
        ("en", "in English", "66 percent"),
        ("ru", "по-русски", "66 процентов"),
        ("lo", "ພາສາລາວ", GROWTH_LO),
        ("vi", "tiếng Việt", "tăng 66%"),
    ],
)
async def test_language_switches_to_each_language(
    app: App, server: FakeBotApi, code: str, confirmation: str, answer: str
) -> None:
    """Choosing a language in /language makes an English question get that language's answer."""
    server.command("/language")
    await sent_messages(server)
    server.callback_query(f"l:{code}", message_id=8000)
    assert confirmation in (await server.await_calls("editMessageText"))[0]["text"]
    server.private_text(TRADE_EN)
    assert answer in (await sent_messages(server, 2))[1]["text"]
