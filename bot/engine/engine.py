"""The engine's façade: build the indexes once, then turn each question into a decision."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.engine.claims import closing_claim
from bot.engine.conversation import converse
from bot.engine.dating import dated
from bot.engine.decision import Asks, Candidate, Decision, Thresholds, decline
from bot.engine.followup import Context
from bot.engine.index import Index
from bot.engine.language import reply_language
from bot.engine.pieces import names_own
from bot.engine.ranker import Ranker
from bot.engine.reading import in_own_script, words
from bot.engine.retrieval import Weights
from bot.engine.standalone import elsewhere, kin
from bot.engine.turns import SHORT, turn
from bot.engine.typos import has_unknown
from bot.engine.warming import rehearse, warm
from bot.knowledge import Knowledge

MAX_QUESTION_CHARS = 500
# "@SomeBot how much ..." names a bot, not a subject; e-mail addresses keep their "@".
_MENTION = re.compile(r"(?<!\w)@\w+")
# A bot command opening a message ("/ask ...", "/ask@LaosNewsBot ...") is no word of the
# question: a chat that is not a group may hand it over whole.
_COMMAND = re.compile(r"^\s*/\w+(?:@\w+)?(?!\S)")


class Engine:
    """Decides the reply to questions about one knowledge base; build once, ask many times."""

    def __init__(
        self,
        knowledge: Knowledge,
        thresholds: Thresholds | None = None,
        weights: Weights | None = None,
    ) -> None:
        self.ranker = Ranker(knowledge, thresholds, weights)

    def rehearse(self) -> int:
        """Read each language's cue phrases (see `warm`) and decide each fact's own first
        question in each language, within a time budget (see `rehearse`), as a serving bot
        does before its first user: decisions are the same without it, and a one-question
        command skips it. How many questions it decided."""
        warm(self.knowledge)
        return rehearse(self.knowledge, self.decide)

    def decide(
        self, question: str, language_hint: str | None = None, chosen: str | None = None,
        context: Context | None = None,
    ) -> Decision:
        """Decide the reply to a message; `chosen` is a reply language the chat picked and
        `context` what the conversation was last told (none: the message stands alone)."""
        asked = _COMMAND.sub("", question).lstrip() if "/" in question else question
        language = self.language_of(asked, language_hint)
        reply = reply_language(language, chosen, self.knowledge.languages)
        if not words(asked):
            return decline(question, reply, self.knowledge, "empty")
        if len(question) > MAX_QUESTION_CHARS:
            return decline(question, reply, self.knowledge, "too_long")
        asked = _MENTION.sub(" ", asked) if "@" in asked else asked
        if len(asked.split()) > SHORT:
            # A very short message, its language the least certain, is read as typed: in
            # every language ("more" is also "море" typed in Latin letters).
            asked = in_own_script(asked, language, self.index(language).analyzer.reader)
        asked = dated(asked, language, self.ranker.year)
        decision = converse(asked, language, context or Context(),
                            lambda text, told: turn(self.ranker, text, language, reply, told),
                            lambda text: names_own(self.index(language), text, language),
                            lambda text: self.ranker.asks_detail(text, language),
                            lambda word: self.ranker.names_subject(word, language),
                            self.knowledge.by_id,
                            lambda text: closing_claim(self.index(language), text),
                            lambda text: has_unknown(self.index(language), text))
        if decision.kind == "none" and decision.closest is None and decision.reason == "none":
            decision = (elsewhere(self.ranker, asked, language, reply)
                        or kin(self.ranker, asked, language, reply) or decision)
        # The question as asked (mentions and all) is what the log and the echo show.
        return replace(decision, question=question) if decision.question == asked else decision

    # What its callers ask of it, read from the ranker (see `Ranker`).
    @property
    def knowledge(self) -> Knowledge:
        """The knowledge base the engine answers from."""
        return self.ranker.knowledge

    @property
    def thresholds(self) -> Thresholds:
        """The thresholds of the knowledge base's calibration (or those given)."""
        return self.ranker.thresholds

    @property
    def weights(self) -> Weights:
        """The ranking weights of the knowledge base's calibration (or those given)."""
        return self.ranker.weights

    def index(self, language: str) -> Index:
        """The index of one of the knowledge base's languages."""
        return self.ranker.index(language)

    def language_of(self, question: str, language_hint: str | None = None) -> str:
        """The language the question is written in, as the knowledge base reads it."""
        return self.ranker.language_of(question, language_hint)

    def thresholds_for(self, language: str) -> Thresholds:
        """The thresholds questions in this language are decided with."""
        return self.ranker.thresholds_for(language)

    def asks(self, question: str, language: str) -> Asks:
        """What the question asks for beside its words (see `Ranker.asks`)."""
        return self.ranker.asks(question, language)

    def rank(self, question: str, language: str) -> list[Candidate]:
        """Score the facts that share (possibly misspelt) words with the question, best first."""
        return self.ranker.rank(question, language)
