"""The engine's façade: build the indexes once, then turn each question into a decision."""

from __future__ import annotations

import re

from bot.engine.analysis import words
from bot.engine.decision import Candidate, Decision, Thresholds, calibrated, decide, decline
from bot.engine.focus import focus
from bot.engine.index import Index, build_index
from bot.engine.language import question_language, reply_language
from bot.engine.retrieval import Weights
from bot.engine.scoring import rank
from bot.engine.smalltalk import detect_smalltalk, strip_greeting
from bot.engine.typos import knows
from bot.knowledge import Knowledge

MAX_QUESTION_CHARS = 500
# "@SomeBot how much ..." names a bot, not a subject; e-mail addresses keep their "@".
_MENTION = re.compile(r"(?<!\w)@\w+")


class Engine:
    """Decides the reply to questions about one knowledge base; build once, ask many times."""

    def __init__(
        self,
        knowledge: Knowledge,
        thresholds: Thresholds | None = None,
        weights: Weights | None = None,
    ) -> None:
        self.knowledge = knowledge
        self.thresholds = thresholds or calibrated(knowledge.calibration)
        # A language's own calibration, over the knowledge base's (unless thresholds are given).
        self._thresholds = {
            language: calibrated({**knowledge.calibration, **own}) if thresholds is None
            else thresholds
            for language, own in knowledge.language_calibration.items()
        }
        self.weights = weights or Weights()
        self._indexes = {
            language: build_index(knowledge, language) for language in knowledge.languages
        }

    def index(self, language: str) -> Index:
        """The index of one of the knowledge base's languages."""
        return self._indexes[language]

    def decide(
        self, question: str, language_hint: str | None = None, chosen: str | None = None
    ) -> Decision:
        """Decide the reply to one question; `chosen` is a reply language the chat picked."""
        language = self.language_of(question, language_hint)
        reply = reply_language(language, chosen, self.knowledge.languages)
        if not words(question):
            return decline(question, reply, self.knowledge, "empty")
        if len(question) > MAX_QUESTION_CHARS:
            return decline(question, reply, self.knowledge, "too_long")
        asked = _MENTION.sub(" ", question) if "@" in question else question
        intent = detect_smalltalk(asked, language)
        if intent is not None:
            return Decision(question, "smalltalk", reply, score=100.0, intent=intent)
        decision = decide(question, reply, self.rank(strip_greeting(asked), language),
                          self.knowledge, self.thresholds_for(language),
                          self.asks_number(asked, language))
        if decision.kind == "fact":
            return decision
        # A long message often wraps its question in a preamble ("hi, I'm writing a report,
        # quick one: how much ..."): the question part alone may be clear where the whole is
        # not. It may only confirm what the whole message leans to, never overturn it.
        leaning = {c.fact_id for c in decision.candidates[:1]}
        for part in focus(asked):
            focused = decide(question, reply, self.rank(part, language), self.knowledge,
                             self.thresholds_for(language), self.asks_number(part, language))
            if focused.kind == "fact" and focused.fact_id in leaning:
                return focused
            offered = focused.kind == "clarify" and decision.kind == "none"
            if offered and focused.suggestions[0] in leaning:
                decision = focused
        return decision

    def language_of(self, question: str, language_hint: str | None = None) -> str:
        """The language the question is written in, as the knowledge base reads it."""
        return question_language(question, language_hint, self.knowledge.languages,
                                 lambda code, word: knows(self._indexes[code], word))

    def thresholds_for(self, language: str) -> Thresholds:
        """The thresholds questions in this language are decided with."""
        return self._thresholds.get(language, self.thresholds)

    def asks_number(self, question: str, language: str) -> bool:
        """Whether the question asks for a number or a date ("how many", "when")."""
        index = self._indexes[language]
        pattern = index.asks_number
        return pattern is not None and pattern.search(index.analyzer.normal(question)) is not None

    def rank(self, question: str, language: str) -> list[Candidate]:
        """Score the facts that share (possibly misspelt) words with the question, best first."""
        return rank(self._indexes[language], question, self.knowledge.facts, self.weights)
