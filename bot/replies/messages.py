"""Everything the bot says that is not a fact's answer, in each language it speaks."""

from __future__ import annotations

from collections.abc import Mapping

MESSAGES: Mapping[str, Mapping[str, str]] = {
    "en": {
        "empty": "Please type a question about the article, for example: {example}",
        "too_long": "That message is too long. Please ask one short question about the article.",
        "none": "Sorry, the article does not say that.",
        "none_topics": "I can answer questions about: {topics}.",
        "closest": "What it does say:",
        "try": "You could ask:",
        "clarify": "Did you mean one of these?",
        "greeting": (
            "Hello! I answer questions about one article: {title} ({publisher}, {date}). "
            "Ask me, for example: {example}"
        ),
        "thanks": "You're welcome! Ask me anything else about the article.",
        "bye": "Goodbye! Come back with more questions about the article.",
        "help": (
            "I answer questions about one article: {title} ({publisher}, {date}). "
            "Just type a question, such as: {example}"
        ),
        "source": "Source: {publisher}, {date}",
        "source_full": "{title}\nPublisher: {publisher}\nDate: {date}\nPhoto: {photo_credit}",
        "console_intro": (
            "Console chat (no TELEGRAM_BOT_TOKEN set). To go live on Telegram, put "
            "TELEGRAM_BOT_TOKEN=<token from @BotFather> in .env and run again. "
            "Type a question, or press Ctrl-D to quit."
        ),
        "start": (
            "Hi! I answer questions about one article: {title} ({publisher}, {date}).\n"
            "Type a question in your own words, or tap one below. /topics lists what I know, "
            "/help explains more."
        ),
        "help_full": (
            "I answer questions about one article: {title} ({publisher}, {date}).\n\n"
            "• Private chat: just type a question.\n"
            "• Groups: /ask QUESTION, mention me, or reply to my message.\n"
            "• Any chat: type @{username} and a few words.\n\n"
            "/topics: browse the facts\n/source: about the article\n/language: reply language"
        ),
        "ask_usage": "Usage: /ask QUESTION, for example: /ask {example}",
        "topics": "Pick a topic:",
        "topic_facts": "{topic}: pick a question.",
        "stale_button": "That button has expired. Please ask again.",
        "unsupported": "I can only read text. Please type your question.",
        "related": "Related:",
        "back": "« Topics",
        "language_usage": "Reply language for this chat: {current}. Choose one:",
        "language_set": "I will reply in English in this chat.",
        "language_auto": "I will reply in the language of each question.",
        "auto": "Automatic",
        "rate_limited": "You are sending questions too fast. Please wait a few seconds.",
        "inline_none": "Nothing found in the article",
        "you_asked": "You asked:",
        "browse_topics": "📚 Browse topics",
        "command_start": "What I know, with example questions",
        "command_help": "How to ask me",
        "command_ask": "Ask a question about the article",
        "command_topics": "Browse the facts by topic",
        "command_source": "About the article",
        "command_language": "Choose the reply language",
    },
    "ru": {
        "empty": "Пожалуйста, задайте вопрос о статье, например: {example}",
        "too_long": (
            "Сообщение слишком длинное. Задайте, пожалуйста, один короткий вопрос о статье."
        ),
        "none": "К сожалению, в статье об этом не говорится.",
        "none_topics": "Я могу ответить на вопросы о темах: {topics}.",
        "closest": "Вот что в ней сказано:",
        "try": "Можно спросить:",
        "clarify": "Вы имели в виду один из этих вопросов?",
        "greeting": (
            "Здравствуйте! Я отвечаю на вопросы об одной статье: «{title}» ({publisher}, {date}). "
            "Спросите, например: {example}"
        ),
        "thanks": "Пожалуйста! Спрашивайте ещё о статье.",
        "bye": "До свидания! Возвращайтесь с вопросами о статье.",
        "help": (
            "Я отвечаю на вопросы об одной статье: «{title}» ({publisher}, {date}). "
            "Просто напишите вопрос, например: {example}"
        ),
        "source": "Источник: {publisher}, {date}",
        "source_full": "{title}\nИздатель: {publisher}\nДата: {date}\nФото: {photo_credit}",
        "console_intro": (
            "Консольный чат (TELEGRAM_BOT_TOKEN не задан). Чтобы запустить бота в Telegram, "
            "запишите TELEGRAM_BOT_TOKEN=<токен от @BotFather> в .env и запустите снова. "
            "Напишите вопрос или нажмите Ctrl-D для выхода."
        ),
        "start": (
            "Привет! Я отвечаю на вопросы об одной статье: «{title}» ({publisher}, {date}).\n"
            "Напишите вопрос своими словами или нажмите на один из вопросов ниже. /topics — "
            "что я знаю, /help — подробнее."
        ),
        "help_full": (
            "Я отвечаю на вопросы об одной статье: «{title}» ({publisher}, {date}).\n\n"
            "• В личном чате: просто напишите вопрос.\n"
            "• В группах: /ask ВОПРОС, упоминание меня или ответ на моё сообщение.\n"
            "• В любом чате: наберите @{username} и несколько слов.\n\n"
            "/topics — темы и вопросы\n/source — о статье\n/language — язык ответов"
        ),
        "ask_usage": "Использование: /ask ВОПРОС, например: /ask {example}",
        "topics": "Выберите тему:",
        "topic_facts": "{topic}: выберите вопрос.",
        "stale_button": "Эта кнопка устарела. Задайте вопрос ещё раз.",
        "unsupported": "Я понимаю только текст. Напишите, пожалуйста, вопрос.",
        "related": "По теме:",
        "back": "« Темы",
        "language_usage": "Язык ответов в этом чате: {current}. Выберите:",
        "language_set": "В этом чате я буду отвечать по-русски.",
        "language_auto": "Я буду отвечать на языке вопроса.",
        "auto": "Автоматически",
        "rate_limited": "Вы отправляете вопросы слишком часто. Подождите несколько секунд.",
        "inline_none": "В статье ничего не найдено",
        "you_asked": "Вы спросили:",
        "browse_topics": "📚 Все темы",
        "command_start": "Что я знаю, примеры вопросов",
        "command_help": "Как задавать вопросы",
        "command_ask": "Задать вопрос о статье",
        "command_topics": "Факты по темам",
        "command_source": "О статье",
        "command_language": "Выбрать язык ответов",
    },
}

LANGUAGE_NAMES: Mapping[str, str] = {"en": "English", "ru": "Русский"}


def message(language: str, key: str, **values: object) -> str:
    """Return one message in the language (English when it has none), filled with values."""
    table = MESSAGES.get(language, MESSAGES["en"])
    template = table.get(key, MESSAGES["en"][key])
    return template.format(**values) if values else template
