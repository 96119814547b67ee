"""What the readings beside the engine (claims checked, things set aside, questions about a
person) need of it: its knowledge, indexes, ranking, thresholds and what a question asks."""

from __future__ import annotations

from typing import Protocol

from bot.engine.decision import Asks, Candidate, Thresholds
from bot.engine.index import Index
from bot.engine.retrieval import Weights
from bot.knowledge import Knowledge


class Ranking(Protocol):
    """The engine as those readings use it (`Engine` is one)."""

    knowledge: Knowledge
    weights: Weights

    def index(self, language: str) -> Index: ...
    def rank(self, question: str, language: str) -> list[Candidate]: ...
    def thresholds_for(self, language: str) -> Thresholds: ...
    def asks(self, question: str, language: str) -> Asks: ...
    def asks_number(self, question: str, language: str) -> bool: ...
