"""The language policy, in one place: which language a question is in and which to reply in."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

DEFAULT_LANGUAGE = "en"

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[a-zA-Z]")


def default_language(available: Sequence[str]) -> str:
    """The language used when nothing says otherwise: English if offered, else the first."""
    return DEFAULT_LANGUAGE if DEFAULT_LANGUAGE in available else available[0]


def short_code(code: str | None) -> str:
    """The language part of a Telegram or locale code: "ru-RU" and "ru_RU" are "ru"."""
    return (code or "").split("-")[0].split("_")[0].lower()


def question_language(
    text: str, hint: str | None = None, languages: Iterable[str] = ("en", "ru")
) -> str:
    """The language a question is written in, by script; the hint decides a tie."""
    available = tuple(languages)
    cyrillic = len(_CYRILLIC.findall(text))
    latin = len(_LATIN.findall(text))
    if cyrillic > latin and "ru" in available:
        return "ru"
    if latin > cyrillic and "en" in available:
        return "en"
    short = short_code(hint)
    if short in available:
        return short
    return default_language(available)


def reply_language(question: str, chosen: str | None, available: Sequence[str]) -> str:
    """The language of a reply to a question: the chat's choice when it made one, else the
    question's own language."""
    return chosen if chosen and chosen in available else question


def user_language(code: str | None, chosen: str | None, available: Sequence[str]) -> str:
    """The language of a reply that answers no question (a menu, a notice): the chat's
    choice, else the user's Telegram language when offered, else the default."""
    if chosen and chosen in available:
        return chosen
    short = short_code(code)
    return short if short in available else default_language(available)
