"""The words of the knowledge base and of the message table, in one language or another."""

from __future__ import annotations

from bot.engine.language import default_language
from bot.knowledge import Fact, Knowledge, Source
from bot.replies.messages import message


class Wording:
    """Messages filled with the article's details, topic names and facts' display questions."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self.default = default_language(knowledge.languages)

    def question(self, fact: Fact, language: str) -> str:
        """The question shown for a fact on buttons and in suggestions."""
        questions = fact.questions.get(language) or next(iter(fact.questions.values()))
        return questions[0]

    def example(self, language: str) -> str:
        """An example question for help texts."""
        return self.question(self.knowledge.facts[0], language)

    def topic_name(self, topic: str, language: str) -> str:
        """A topic's display name in the language, else in the default language."""
        names = self.knowledge.topics[topic]
        return names.get(language) or names.get(self.default) or next(iter(names.values()))

    def topic_names(self, language: str) -> list[str]:
        """The display names of the topics, in order."""
        return [self.topic_name(topic, language) for topic in self.knowledge.topics]

    def citation(self, fact: Fact, language: str) -> str:
        """The line that cites a fact's own source: publisher and date for an article, the
        title for a FAQ or notes."""
        return self._cite(self.knowledge.source_of(fact), language)

    def article_citation(self, language: str) -> str:
        """The line that cites the knowledge base's first source, the article itself."""
        return self._cite(self.knowledge.article, language)

    def _cite(self, source: Source, language: str) -> str:
        if source.publisher and source.date:
            return self.say(language, "source", publisher=source.publisher, date=source.date)
        title = source.title.get(language) or next(iter(source.title.values()))
        return self.say(language, "source_titled", title=title)

    def say(self, language: str, key: str, **values: object) -> str:
        """A message in the language, with the article's details filled in."""
        article = self.knowledge.article
        details = {
            "title": article.title.get(language) or next(iter(article.title.values())),
            "publisher": article.publisher,
            "date": article.date,
            "photo_credit": article.photo_credit,
            "example": self.example(language),
        }
        return message(language, key, **{**details, **values})
