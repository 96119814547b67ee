"""Tests for bot.engine.smalltalk: greetings, thanks, goodbyes and requests for help."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.smalltalk import (
    detect_mixed_smalltalk,
    detect_smalltalk,
    opening_smalltalk,
    strip_greeting,
)


@pytest.mark.parametrize(
    ("text", "language", "intent"),
    [
        ("hi", "en", "greeting"),
        ("Hello!!", "en", "greeting"),
        ("helo", "en", "greeting"),
        ("Thanks!", "en", "thanks"),
        ("thank you so much", "en", "thanks"),
        ("what can you do?", "en", "help"),
        ("bye", "en", "bye"),
        ("ok thx bye", "en", "bye"),
        ("good morning bot", "en", "greeting"),
        ("привет", "ru", "greeting"),
        ("спасибо большое", "ru", "thanks"),
        ("ты кто?", "ru", "help"),
        ("до свидания", "ru", "bye"),
        ("hi", "de", "greeting"),
        # Whether the bot is there: what it does is the answer.
        ("are you there?", "en", "help"),
        ("привет, ты тут?", "ru", "help"),
        ("bạn có đó không?", "vi", "help"),
        # Requests joined by "and": both are small talk, and no phrase runs across the join.
        ("who are you and what can you do?", "en", "help"),
        ("кто ты и что ты умеешь?", "ru", "help"),
        # Whether a question may be asked, a particle or the article's name between phrases.
        ("chào bot nha, hỏi chút được ko?", "vi", "help"),
        ("privet! ty bot pro novosti? mozhno vopros zadat", "ru", "help"),
        ("hi, can I ask a question?", "en", "help"),
        ("ສະບາຍດີເດີ ມີໃຜຢູ່ບໍ", "lo", "greeting"),
        # Where words run together: phrases one after another, a polite particle after them.
        ("ໂອເຄ ຂອບໃຈຫຼາຍໆຄັບ", "lo", "thanks"),
        ("ເຂົ້າໃຈແລ້ວ ຂອບໃຈເດີ", "lo", "thanks"),
        # Other forms of a small-talk word: drawn out, a diminutive, another ending.
        ("thanksss", "en", "thanks"),
        ("hiii", "en", "greeting"),
        ("приветик", "ru", "greeting"),
        ("privetik", "ru", "greeting"),
        ("спасибочки!", "ru", "thanks"),
        # Stopwords between whole phrases: "всё" (all), "bn" (bạn, you, as chats spell it).
        ("спасибо, всё понятно", "ru", "thanks"),
        ("alo chào bn nha", "vi", "greeting"),
        # As chat spells small talk: clipped, spoken, borrowed, with an interjection.
        ("здрасьте", "ru", "greeting"),
        ("прив", "ru", "greeting"),
        ("wow thanks", "en", "thanks"),
        ("ok thanks nhiều nha", "vi", "thanks"),
        # Words as chats shorten them ("ko", không; "mn", mọi người), and the bot addressed
        # between phrases ("bot ơi").
        ("bạn có đó ko?", "vi", "help"),
        ("hi bot, how r u", "en", "greeting"),
        ("who r u", "en", "help"),
        # What the bot answers; the bot addressed ("ບອດນີ້", this bot).
        ("what can you answer?", "en", "help"),
        ("на какие вопросы ты отвечаешь?", "ru", "help"),
        ("chào bot, bạn trả lời được những gì về bài này vậy?", "vi", "help"),
        ("ສະບາຍດີ ບອດນີ້ຕອບຫຍັງໄດ້ແດ່", "lo", "help"),
        ("ສະບາຍດີ bot ເຈົ້າຕອບຫຍັງໄດ້ແດ່", "lo", "help"),  # "bot" typed in Latin letters
        ("chào mn, bot có đó ko", "vi", "help"),
        ("xin chào, bot ơi", "vi", "greeting"),
        ("cảm ơn bot nhiều nha", "vi", "thanks"),  # and inside a phrase ("cảm ơn nhiều")
        # A particle before the phrases where words run together ("ເຈົ້າ", yes).
        ("ເຈົ້າ ຂອບໃຈ", "lo", "thanks"),
        # Thanks with praise of the answers.
        ("thanks, really useful", "en", "thanks"),
        ("спасибо, очень полезно!", "ru", "thanks"),
        ("cảm ơn bạn, bổ ích quá", "vi", "thanks"),
        ("ຂອບໃຈ ມີປະໂຫຍດຫຼາຍ", "lo", "thanks"),
        # Words saying when around it ask nothing.
        ("hi bot, how are you today?", "en", "greeting"),
        ("привет, как дела сегодня?", "ru", "greeting"),
        ("chào bot, hôm nay khỏe ko", "vi", "greeting"),
        ("ມື້ນີ້ ສະບາຍດີບໍ", "lo", "greeting"),
    ],
)
def test_small_talk_is_recognised(text: str, language: str, intent: str) -> None:
    """Whole-message small talk, typos and mixes of small-talk words included, gets its intent;
    a language without its own phrases uses the English ones."""
    assert detect_smalltalk(text, language) == intent


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("how much did trade grow", "en"),
        ("hi, how much did trade grow?", "en"),
        ("thanks for the trade figures, what about ports", "en"),
        ("", "en"),
        ("🙂🙂", "en"),
        ("привет, насколько вырос товарооборот", "ru"),
        ("ຂອບໃຈ ການຄ້າເພີ່ມຂຶ້ນເທົ່າໃດ", "lo"),
        ("thanks and how much did trade grow", "en"),
        # Small-talk words among stopwords that make no phrase, or one only as a typo.
        ("and what will it help for?", "en"),
        ("anything on water too?", "en"),
        # A word past a small-talk word's stem by more than an ending is another word.
        ("хорошенько", "ru"),
        ("thanksgiving", "en"),
        # Words saying when alone, or with a question, are no small talk.
        ("today", "en"),
        ("hi, what happened today?", "en"),
        ("сегодня", "ru"),
    ],
)
def test_questions_are_not_small_talk(text: str, language: str) -> None:
    """A message that asks something, or says nothing, is not small talk."""
    assert detect_smalltalk(text, language) is None


@pytest.mark.parametrize(
    ("text", "stripped"),
    [
        ("hi, how much did trade grow?", "how much did trade grow?"),
        ("Привет! какие новые маршруты", "какие новые маршруты"),
        ("start the bot", "start the bot"),
        ("hello", "hello"),
        ("how much did trade grow?", "how much did trade grow?"),
    ],
)
def test_strip_greeting(text: str, stripped: str) -> None:
    """A leading greeting word is removed before matching; "start" and a lone greeting stay."""
    assert strip_greeting(text) == stripped


@pytest.mark.parametrize(
    ("text", "language", "opened"),
    [
        ("thanks so much, very useful", "en", ("thanks", "very useful")),
        ("hi, how much did trade grow?", "en", ("greeting", "how much did trade grow")),
        ("ok, trade in 2025", "en", None),  # an acknowledgement opens a question
        ("ok thanks nhiều nha, hữu ích ghê", "vi", ("thanks", "nha huu ich ghe")),  # ...or thanks
        ("how much did trade grow", "en", None),
        ("спасибо, очень помогло", "ru", ("thanks", "очень помогло")),
        ("ຂອບໃຈຄັບ 🙏", "lo", ("thanks", "ຄບ")),  # Lao marks dropped, as in the phrases
    ],
)
def test_opening_smalltalk_is_the_phrase_and_what_follows(
        text: str, language: str, opened: tuple[str, str] | None) -> None:
    """The greeting, thanks or goodbye a message opens with, and the words after it."""
    assert opening_smalltalk(text, language) == opened


@pytest.mark.parametrize("message", ["oki tks ad nhieu nhe", "oki thanks"])
def test_oki_is_an_ok(engine: Engine, message: str) -> None:
    """"oki", as chat spells "ok", is small talk with the thanks after it."""
    assert engine.decide(message).kind == "smalltalk"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("hey bot, privetik", "greeting"),
        ("спасибо, thanks bot", "thanks"),
        ("thats all, спасибо бот!", "thanks"),  # "thats": "that's" as chat types it
        ("hi bot, what about trade", None),
    ],
)
def test_small_talk_in_two_languages_at_once(text: str, intent: str | None) -> None:
    """Each word small talk (or a particle) in one of the languages: the last phrase's
    intent; a word of no small talk is a question."""
    assert detect_mixed_smalltalk(text, ("en", "ru")) == intent
