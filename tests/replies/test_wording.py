"""Tests for bot.replies.wording and bot.replies.messages: messages in each language."""

from __future__ import annotations

import pytest

from bot.knowledge import Knowledge, load_languages
from bot.replies.messages import message
from bot.replies.wording import Wording


def test_every_language_has_every_message() -> None:
    """Each language file words every message English has."""
    languages = load_languages()
    for code, language in languages.items():
        assert set(language.messages) == set(languages["en"].messages), code


@pytest.mark.parametrize(
    ("language", "key", "values", "text"),
    [
        ("en", "topic_facts", {"topic": "Mining"}, "Mining: pick a question."),
        ("ru", "none", {}, "К сожалению, в статье об этом не говорится."),
        ("de", "none", {}, "Sorry, the article does not say that."),
    ],
)
def test_message(language: str, key: str, values: dict[str, object], text: str) -> None:
    """A message is filled with its values, in English for a language the table lacks."""
    assert message(language, key, **values) == text


def test_say_fills_in_the_article(knowledge: Knowledge) -> None:
    """Messages are filled with the article's title, publisher, date and an example question."""
    wording = Wording(knowledge)
    assert wording.say("en", "source") == "Source: VNA, 2025-08-01"
    assert wording.say("ru", "empty") == (
        "Пожалуйста, задайте вопрос о статье, например: " + knowledge.facts[0].questions["ru"][0]
    )


def test_tiny_knowledge_wording(tiny_knowledge: Knowledge) -> None:
    """Display questions, topic names and the title come from the knowledge base's own text."""
    wording = Wording(tiny_knowledge)
    growth = tiny_knowledge.by_id["growth"]
    assert wording.question(growth, "ru") == "Насколько вырос товарооборот?"
    assert wording.question(growth, "de") == "How much did trade grow?"
    assert wording.topic_names("ru") == ["Торговля"]
    assert wording.topic_name("trade", "de") == "Trade"
    assert wording.example("en") == "How much did trade grow?"
    assert wording.say("ru", "source_full").startswith("Крошка\nИздатель: VNA")
