"""Tests for bot.engine.language: the language of a question and of each reply."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.language import (
    default_language,
    question_language,
    reply_language,
    short_code,
    user_language,
)


@pytest.mark.parametrize(
    ("text", "hint", "expected"),
    [
        ("how much did trade grow", None, "en"),
        ("Насколько вырос товарооборот", None, "ru"),
        ("Насколько вырос trade", None, "ru"),
        ("2025", "ru", "ru"),
        ("2025", "ru-RU", "ru"),
        ("2025", "de", "en"),
        ("2025", None, "en"),
        ("bauxite", "ru", "en"),
    ],
)
def test_detect_language(text: str, hint: str | None, expected: str) -> None:
    """The script decides the language; the hint only breaks a tie such as a bare number."""
    assert question_language(text, hint) == expected


@pytest.mark.parametrize(
    ("text", "languages", "expected"),
    [
        ("Насколько вырос товарооборот", ("en",), "en"),
        ("how much did trade grow", ("ru",), "ru"),
        ("2025", ("ru", "en"), "en"),
        ("2025", ("ru",), "ru"),
    ],
)
def test_question_language_stays_within_the_knowledge_languages(
    text: str, languages: tuple[str, ...], expected: str
) -> None:
    """A question in a language the knowledge base lacks is read in one it has."""
    assert question_language(text, None, languages) == expected


@pytest.mark.parametrize(
    ("available", "expected"), [(("en", "ru"), "en"), (("ru", "en"), "en"), (("ru",), "ru")]
)
def test_default_language(available: tuple[str, ...], expected: str) -> None:
    """English is the default when offered, else the knowledge base's first language."""
    assert default_language(available) == expected


@pytest.mark.parametrize(
    ("code", "expected"), [("ru-RU", "ru"), ("ru_RU", "ru"), ("EN", "en"), ("", ""), (None, "")]
)
def test_short_code(code: str | None, expected: str) -> None:
    """Telegram and locale codes are reduced to their lower-case language part."""
    assert short_code(code) == expected


@pytest.mark.parametrize(
    ("question", "chosen", "expected"),
    [("en", None, "en"), ("en", "ru", "ru"), ("ru", "en", "en"), ("ru", "de", "ru")],
)
def test_reply_language(question: str, chosen: str | None, expected: str) -> None:
    """A chat's chosen language wins over the question's own, unless it is not offered."""
    assert reply_language(question, chosen, ("en", "ru")) == expected


@pytest.mark.parametrize(
    ("code", "chosen", "expected"),
    [
        ("ru-RU", None, "ru"),
        ("ru-RU", "en", "en"),
        ("de", None, "en"),
        (None, None, "en"),
        ("de", "fr", "en"),
    ],
)
def test_user_language(code: str | None, chosen: str | None, expected: str) -> None:
    """Menus use the chat's choice, else the user's Telegram language, else the default."""
    assert user_language(code, chosen, ("en", "ru")) == expected


@pytest.mark.parametrize("code", [None, 7, ["ru"], ""])
def test_a_malformed_language_code_is_no_code(code: object) -> None:
    """A language code that is not text (a malformed update) is ignored, not crashed on."""
    assert short_code(code) == ""


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("putin noi chuyen nay hom nao", "vi"),
        ("kogda putin ob'yavil ob etom", "ru"),
        ("when did putin announce this", "en"),
    ],
)
def test_the_words_a_language_asks_with_are_its_own(engine: Engine, question: str,
                                                    expected: str) -> None:
    """Words of a language's question phrases ("hôm nào", which day) count as that
    language's even where its knowledge base lacks them, against another's typo guesses."""
    assert engine.language_of(question) == expected


@pytest.mark.parametrize(
    "question",
    ["pogoda v Vientiane zavtra", "kurs rublya k dollaru segodnya",
     "skolko stoit bilet moskva vientiane"],
)
def test_russian_words_no_fact_has_still_tell_russian_in_latin_letters(
        engine: Engine, question: str) -> None:
    """Russian words typed in Latin letters that no fact has ("pogoda", weather) are Russian
    by its word list, so the question is declined in Russian, not in English."""
    assert engine.language_of(question) == "ru"
