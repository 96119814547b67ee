"""Recognising greetings, thanks, goodbyes and requests for help."""

from __future__ import annotations

from collections.abc import Mapping

from rapidfuzz import fuzz, process

from bot.engine.analysis import words

_PHRASES: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    "en": {
        "greeting": (
            "hi",
            "hello",
            "hey",
            "hiya",
            "howdy",
            "yo",
            "greetings",
            "hallo",
            "helo",
            "good morning",
            "good afternoon",
            "good evening",
            "good day",
            "hi there",
            "hello there",
            "hey there",
            "hey bot",
            "hi bot",
            "hello bot",
            "sup",
            "whats up",
            "how are you",
            "start",
        ),
        "thanks": (
            "thanks",
            "thank you",
            "thx",
            "ty",
            "cheers",
            "thanks a lot",
            "thank you so much",
            "thanks so much",
            "many thanks",
            "much appreciated",
            "great thanks",
            "ok thanks",
            "nice",
            "great",
            "cool",
            "awesome",
            "perfect",
            "ok",
            "okay",
            "got it",
        ),
        "bye": (
            "bye",
            "goodbye",
            "good bye",
            "see you",
            "see ya",
            "bye bye",
            "ok bye",
            "thanks bye",
            "good night",
            "later",
        ),
        "help": (
            "help",
            "what can you do",
            "what do you do",
            "what do you know",
            "how does this work",
            "who are you",
            "are you a bot",
            "is this a bot",
            "what are you",
            "how do i use you",
            "how to use",
            "menu",
            "commands",
            "what can i ask",
            "what can i ask you",
            "what should i ask",
            "help me",
            "info",
        ),
    },
    "ru": {
        "greeting": (
            "привет",
            "здравствуйте",
            "здравствуй",
            "добрый день",
            "доброе утро",
            "добрый вечер",
            "хай",
            "приветствую",
            "салют",
            "здорово",
            "привет бот",
            "как дела",
            "старт",
        ),
        "thanks": (
            "спасибо",
            "спасибо помог",
            "спасибо помогли",
            "спасибо большое",
            "большое спасибо",
            "благодарю",
            "спс",
            "пасиб",
            "отлично",
            "понятно",
            "ясно",
            "супер",
            "класс",
            "ок",
            "хорошо",
        ),
        "bye": ("пока", "до свидания", "всего доброго", "до встречи", "спокойной ночи"),
        "help": (
            "помощь",
            "помоги",
            "помогите",
            "что ты умеешь",
            "что ты знаешь",
            "кто ты",
            "кто ты такой",
            "ты кто вообще",
            "ты бот",
            "кто вы",
            "кто вы такие",
            "как пользоваться",
            "что можно спросить",
            "что спросить",
            "команды",
            "меню",
            "справка",
            "что ты можешь",
        ),
    },
}

_CHOICES: Mapping[str, tuple[tuple[str, str], ...]] = {
    language: tuple((phrase, intent) for intent, phrases in table.items() for phrase in phrases)
    for language, table in _PHRASES.items()
}
# Every word of every phrase, per language: a message made only of them ("ok thx bye", "good
# morning bot") is small talk even when it is no single phrase.
_VOCABULARY: Mapping[str, frozenset[str]] = {
    language: frozenset(word for phrase, _ in choices for word in phrase.split())
    for language, choices in _CHOICES.items()
}
_GREETING_WORDS = frozenset(
    phrase for table in _PHRASES.values() for phrase in table["greeting"] if " " not in phrase
) - {"start", "старт"}


def detect_smalltalk(text: str, language: str) -> str | None:
    """Return the intent (greeting, thanks, bye, help) if the whole text is small talk."""
    simple = " ".join(words(text))
    if not simple:
        return None
    choices = _CHOICES.get(language, _CHOICES["en"])
    best = process.extractOne(
        simple, [phrase for phrase, _ in choices], scorer=fuzz.token_sort_ratio, score_cutoff=88
    )
    if best is not None:
        return choices[best[2]][1]
    present = simple.split()
    if not set(present) <= _VOCABULARY.get(language, _VOCABULARY["en"]):
        return None
    # The longest phrase in it, the later one on a tie, says what the message is for:
    # "ok thx bye" is a goodbye, "good morning bot" a greeting.
    text = f" {simple} "
    found = [(len(phrase.split()), text.rfind(f" {phrase} "), intent)
             for phrase, intent in choices if f" {phrase} " in text]
    return max(found)[2] if found else None


def strip_greeting(text: str) -> str:
    """Remove a leading greeting word ("hi, how much ...") so the question can be matched."""
    parts = text.strip().split(None, 1)
    if len(parts) == 2 and "".join(words(parts[0])) in _GREETING_WORDS:
        return parts[1]
    return text
