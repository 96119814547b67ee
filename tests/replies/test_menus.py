"""Tests for bot.replies.menus: the welcome, help, notices, source, topic and language menus."""

from __future__ import annotations

import pytest

from bot.knowledge import Knowledge
from bot.replies import Button, plain_text
from bot.replies.menus import AUTO, Menus
from bot.replies.wording import Wording


@pytest.fixture
def menus(knowledge: Knowledge) -> Menus:
    """The menus over the real knowledge base."""
    return Menus(Wording(knowledge))


def test_start_welcomes_with_example_questions(menus: Menus) -> None:
    """The welcome says what the bot knows and offers the first fact of four topics."""
    reply = menus.start("en")
    text = plain_text(reply)
    assert text.startswith("Hi! I answer questions about one article: Laos–Russia trade")
    assert text.endswith("Visit and agreements, About the article.")
    assert [row[0].value for row in reply.buttons] == [
        "trade_growth", "new_routes", "announcement", "putin"]


def test_example_facts_take_the_first_fact_of_each_topic(
    knowledge: Knowledge, menus: Menus
) -> None:
    """Examples are the first fact of each topic in topic order, capped at the count."""
    firsts = [knowledge.facts_in_topic(topic)[0].id for topic in knowledge.topics]
    assert [fact.id for fact in menus.example_facts(100)] == firsts
    assert [fact.id for fact in menus.example_facts(2)] == firsts[:2]


@pytest.mark.parametrize("language", ["en", "ru"])
def test_help_names_the_bot_for_inline_mode(menus: Menus, language: str) -> None:
    """The help text names the bot's username for inline mode and lists the commands."""
    text = plain_text(menus.help(language, "laos_bot"))
    assert "@laos_bot" in text and "/topics" in text and "/language" in text


def test_source_has_a_bold_title_and_the_details(menus: Menus) -> None:
    """The source reply is the title in bold, then publisher, date and photo credit."""
    reply = menus.source("ru")
    assert (reply.parts[0].text, reply.parts[0].style) == (
        "Торговля и сотрудничество Лаоса и России", "b")
    assert plain_text(reply).endswith("\nИздатель: VNA\nДата: 2025-08-01\nФото: en.kremlin.ru")


def test_topics_are_buttons_two_to_a_row(knowledge: Knowledge, menus: Menus) -> None:
    """Every topic gets a button, two to a row, in the knowledge base's order."""
    reply = menus.topics("en")
    assert plain_text(reply) == "Pick a topic:"
    assert all(len(row) <= 2 for row in reply.buttons)
    assert [button.value for row in reply.buttons for button in row] == list(knowledge.topics)
    assert reply.buttons[0] == (Button("Trade", "topic", "trade"),
                                Button("Transport routes", "topic", "transport"))


def test_a_topic_lists_its_questions_and_a_way_back(menus: Menus) -> None:
    """A topic lists its facts' questions as buttons and ends with a button back to topics."""
    reply = menus.topic("mining", "en")
    assert plain_text(reply) == "Mining: pick a question."
    assert [row[0].value for row in reply.buttons[:-1]] == ["metal_mines", "bauxite"]
    assert reply.buttons[-1] == (Button("« Topics", "topics"),)


@pytest.mark.parametrize(
    ("chosen", "language", "text", "ticked"),
    [
        (None, "en", "Reply language for this chat: Automatic. Choose one:", AUTO),
        ("ru", "ru", "Язык ответов в этом чате: Русский. Выберите:", "ru"),
        ("en", "ru", "Язык ответов в этом чате: English. Выберите:", "en"),
    ],
)
def test_language_menu_ticks_the_current_choice(
    menus: Menus, chosen: str | None, language: str, text: str, ticked: str
) -> None:
    """The language menu names the current choice and ticks exactly its button."""
    reply = menus.languages(chosen, language)
    assert plain_text(reply) == text
    (row,) = reply.buttons
    assert [button.value for button in row] == [AUTO, "en", "ru", "lo", "vi"]
    assert [button.value for button in row if button.label.startswith("✓ ")] == [ticked]


@pytest.mark.parametrize(
    ("language", "key", "text"),
    [
        ("en", "stale_button", "That button has expired. Please ask again."),
        ("ru", "stale_button", "Эта кнопка устарела. Задайте вопрос ещё раз."),
        ("de", "rate_limited", "You are sending questions too fast. Please wait a few seconds."),
    ],
)
def test_notices(menus: Menus, language: str, key: str, text: str) -> None:
    """A notice is one message of the table, in English for a language the table lacks."""
    assert plain_text(menus.notice(language, key)) == text
