"""Replies that answer no question: welcome, help, notices, the source, topic and language menus."""

from __future__ import annotations

from bot.knowledge import Fact
from bot.replies.messages import language_name
from bot.replies.parts import Button, Part, Reply
from bot.replies.wording import Wording

AUTO = "auto"


class Menus:
    """Words the bot's menus and notices in a language."""

    def __init__(self, wording: Wording) -> None:
        self.wording = wording
        self.knowledge = wording.knowledge

    def example_facts(self, count: int) -> list[Fact]:
        """The first fact of each topic, in topic order, at most `count` of them."""
        knowledge = self.knowledge
        firsts = [facts[0] for facts in map(knowledge.facts_in_topic, knowledge.topics) if facts]
        return firsts[:count]

    def _fact_row(self, fact: Fact, language: str) -> tuple[Button, ...]:
        return (Button(self.wording.question(fact, language), "fact", fact.id),)

    def start(self, language: str) -> Reply:
        """The welcome: what the bot knows and a few example questions as buttons."""
        say = self.wording.say
        topics = ", ".join(self.wording.topic_names(language))
        parts = (Part(say(language, "start")), Part("\n\n"),
                 Part(say(language, "none_topics", topics=topics)))
        return Reply(parts, tuple(self._fact_row(fact, language)
                                  for fact in self.example_facts(4)))

    def help(self, language: str, username: str) -> Reply:
        """How to use the bot in private chats, groups and inline mode."""
        return Reply((Part(self.wording.say(language, "help_full", username=username)),))

    def notice(self, language: str, key: str) -> Reply:
        """One message from the message table (usage, stale button, rate limit, ...)."""
        return Reply((Part(self.wording.say(language, key)),))

    def source(self, language: str) -> Reply:
        """The article's title, publisher, date and photo credit."""
        title, *rest = self.wording.say(language, "source_full").split("\n", 1)
        return Reply((Part(title, "b"), *(Part("\n" + line) for line in rest)))

    def topics(self, language: str) -> Reply:
        """The topic list: one button per topic, two to a row."""
        buttons = [Button(self.wording.topic_name(topic, language), "topic", topic)
                   for topic in self.knowledge.topics]
        rows = tuple(tuple(buttons[start:start + 2]) for start in range(0, len(buttons), 2))
        return Reply((Part(self.wording.say(language, "topics")),), rows)

    def topic(self, topic: str, language: str) -> Reply:
        """The questions of one topic as buttons, and a button back to the topics."""
        say = self.wording.say
        rows = [self._fact_row(fact, language) for fact in self.knowledge.facts_in_topic(topic)]
        rows.append((Button(say(language, "back"), "topics"),))
        name = self.wording.topic_name(topic, language)
        return Reply((Part(say(language, "topic_facts", topic=name)),), tuple(rows))

    def languages(self, chosen: str | None, language: str) -> Reply:
        """The language menu: Automatic and each knowledge language, the current one ticked."""
        say = self.wording.say
        current = language_name(chosen) if chosen else say(language, "auto")
        options = [(AUTO, say(language, "auto"))]
        options += [(code, language_name(code)) for code in self.knowledge.languages]
        buttons = tuple(Button(("✓ " if code == (chosen or AUTO) else "") + label, "language", code)
                        for code, label in options)
        return Reply((Part(say(language, "language_usage", current=current)),), (buttons,))
