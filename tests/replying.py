"""Ask the engine and word its decision, as a user of the console would read it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.engine import Decision, Engine
from bot.replies import Composer, plain_text

# Questions the article does not answer, declined outright (none is close enough to offer).
OUT_OF_SCOPE = [
    "what is the capital of laos?",
    "what is the population of russia",
    "recommend a movie",
    "laos",
    "asdfghjkl",
    "is oil mentioned anywhere",  # a word of a farm category's name ("oil crop") alone
]


@dataclass(frozen=True)
class Replied:
    """A decision and the plain text the composer words it as."""

    decision: Decision
    text: str

    def __getattr__(self, name: str) -> Any:
        return getattr(self.decision, name)


def reply_to(engine: Engine, question: str, chosen: str | None = None) -> Replied:
    """The engine's decision on a question and its plain-text reply."""
    decision = engine.decide(question, chosen=chosen)
    return Replied(decision, plain_text(Composer(engine.knowledge).compose(decision)))
