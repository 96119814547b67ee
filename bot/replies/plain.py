"""Plain-text rendering of replies, for the console chat and the command line."""

from __future__ import annotations

from typing import Any

from bot.engine import Decision
from bot.replies.parts import Reply


def plain_text(reply: Reply) -> str:
    """The reply as plain text: its parts for plain channels, choices listed as lines."""
    return "".join(part.text for part in reply.parts if part.channel != "rich")


def json_object(decision: Decision, reply: Reply) -> dict[str, Any]:
    """The JSON object of the command-line contract."""
    suggestions = [row[0] for row in reply.buttons if row and row[0].kind == "fact"]
    return {
        "question": decision.question,
        "kind": decision.kind,
        "answer": plain_text(reply),
        "fact_id": decision.fact_id,
        "closest_fact_id": decision.closest.id if decision.closest else None,
        "score": round(decision.score, 1),
        "language": decision.language,
        "suggestions": [{"fact_id": item.value, "question": item.label} for item in suggestions],
        "parts": [{"question": part.question, "kind": part.kind, "fact_id": part.fact_id}
                  for part in decision.parts],
    }
