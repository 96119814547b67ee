"""Scoring the engine on a labelled question set (in-scope accuracy, correct declines)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.engine import Decision, Engine

OUT_OF_SCOPE = "none"
SMALLTALK = "smalltalk"


@dataclass(frozen=True)
class LabelledQuestion:
    """One question of a development set and what a correct reply is."""

    question: str
    expected: tuple[str, ...]

    @property
    def in_scope(self) -> bool:
        """Whether the article answers this question."""
        return self.expected[0] not in {OUT_OF_SCOPE, SMALLTALK}


@dataclass(frozen=True)
class Miss:
    """A question the engine got wrong."""

    question: LabelledQuestion
    answer: Decision


@dataclass(frozen=True)
class Evaluation:
    """Results of a development set run."""

    in_scope: int
    in_scope_correct: int
    declines: int
    declines_correct: int
    smalltalk: int
    smalltalk_correct: int
    misses: tuple[Miss, ...]

    @property
    def accuracy(self) -> float:
        """Share of in-scope questions answered with an expected fact."""
        return self.in_scope_correct / self.in_scope if self.in_scope else 1.0

    @property
    def decline_rate(self) -> float:
        """Share of out-of-scope questions that were declined (not answered with a fact)."""
        return self.declines_correct / self.declines if self.declines else 1.0


def load_questions(path: Path) -> list[LabelledQuestion]:
    """Read a labelled question set: a YAML list of {q, expect} items; ValueError (one line)
    when it is not one."""
    try:
        raw: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise ValueError(f"YAML syntax error{where}") from None
    if not isinstance(raw, list):
        raise ValueError("expected a list of {q, expect} items")
    items: list[LabelledQuestion] = []
    for number, entry in enumerate(raw, start=1):
        if not isinstance(entry, dict) or "q" not in entry or "expect" not in entry:
            raise ValueError(f"item {number}: expected {{q: ..., expect: ...}}")
        expect = entry["expect"]
        expected = tuple(map(str, expect)) if isinstance(expect, list) else (str(expect),)
        items.append(LabelledQuestion(str(entry["q"]), expected))
    return items


def is_correct(item: LabelledQuestion, answer: Decision) -> bool:
    """Whether the reply is what the label asks for."""
    if item.expected[0] == OUT_OF_SCOPE:
        return answer.kind != "fact"
    if item.expected[0] == SMALLTALK:
        return answer.kind == "smalltalk"
    return answer.kind == "fact" and answer.fact_id in item.expected


def evaluate(engine: Engine, questions: Iterable[LabelledQuestion]) -> Evaluation:
    """Run every question through the engine and count what it got right."""
    counts = {"in": [0, 0], "none": [0, 0], "small": [0, 0]}
    misses: list[Miss] = []
    for item in questions:
        answer = engine.decide(item.question)
        key = "in" if item.in_scope else ("none" if item.expected[0] == OUT_OF_SCOPE else "small")
        counts[key][0] += 1
        if is_correct(item, answer):
            counts[key][1] += 1
        else:
            misses.append(Miss(item, answer))
    return Evaluation(
        in_scope=counts["in"][0],
        in_scope_correct=counts["in"][1],
        declines=counts["none"][0],
        declines_correct=counts["none"][1],
        smalltalk=counts["small"][0],
        smalltalk_correct=counts["small"][1],
        misses=tuple(misses),
    )


def describe(evaluation: Evaluation, misses: Sequence[Miss] | None = None) -> str:
    """A short human-readable report of an evaluation."""
    lines = [
        f"in-scope accuracy {evaluation.in_scope_correct}/{evaluation.in_scope} "
        f"({evaluation.accuracy:.1%}); correct declines {evaluation.declines_correct}/"
        f"{evaluation.declines} ({evaluation.decline_rate:.1%}); small talk "
        f"{evaluation.smalltalk_correct}/{evaluation.smalltalk}"
    ]
    for miss in misses if misses is not None else evaluation.misses:
        answer = miss.answer
        lines.append(
            f"  MISS {miss.question.question!r}: expected {'/'.join(miss.question.expected)}, "
            f"got {answer.kind} {answer.fact_id or ''} ({answer.score:.0f}) "
            f"{[(c.fact_id, round(c.score)) for c in answer.candidates]}"
        )
    return "\n".join(lines)
