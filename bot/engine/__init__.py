"""The engine: analyses a question, ranks the facts and decides; it never words a reply."""

from __future__ import annotations

from bot.engine.decision import Candidate, Decision, Kind, Thresholds
from bot.engine.engine import MAX_QUESTION_CHARS, Engine
from bot.engine.followup import Context
from bot.engine.retrieval import Weights

__all__ = ["MAX_QUESTION_CHARS", "Candidate", "Context", "Decision", "Engine", "Kind", "Thresholds",
           "Weights"]
