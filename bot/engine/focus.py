"""The question part of a long message: its question sentences and their last clauses."""

from __future__ import annotations

import re

_SENTENCE = re.compile(r"(?<=[.!?…])\s+|\n+")
_CLAUSE = re.compile(r"[,;:—–]\s+|\s+-\s+")
_MIN_WORDS = 6  # a shorter message is one question already


def focus(text: str) -> list[str]:
    """Shorter readings of a long message, most focused last: the sentences that ask (end
    with "?"; else the last sentence), then the tail of each from its last clause boundaries."""
    if len(text.split()) < _MIN_WORDS:
        return []
    sentences = [s.strip() for s in _SENTENCE.split(text.strip()) if s.strip()]
    asking = [s for s in sentences if s.endswith("?")] or sentences[-1:]
    readings: list[str] = []
    for sentence in asking:
        if len(sentences) > 1:
            readings.append(sentence)
        clauses = [c for c in _CLAUSE.split(sentence) if c.strip()]
        for start in range(len(clauses) - 1, 0, -1):
            tail = " ".join(clauses[start:])
            if len(tail.split()) >= 2 and tail not in readings:
                readings.append(tail)
                break
    return readings
