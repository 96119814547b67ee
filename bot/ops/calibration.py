"""Calibrating the decision thresholds on labelled questions: as many right answers as the
allowed share of wrong answers and of answered out-of-scope questions permits."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from bot.engine import Candidate, Engine, Thresholds, Weights
from bot.engine.decision import Asks, decide
from bot.knowledge.files import CALIBRATION_FILE
from bot.ops.evaluation import LabelledQuestion, decided, is_correct
from bot.ops.weighting import WEIGHT_GRID

# The values searched: the answer gate (score, margin, coverage), the lone-candidate gate and
# the gate of a leader far ahead that has most of the question's known words.
GRID: dict[str, tuple[float, ...]] = {
    "fact": (45.0, 50.0, 55.0, 60.0, 65.0, 70.0, 75.0, 80.0),
    "margin": (2.0, 5.0, 10.0, 15.0),
    "min_coverage": (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8),
    "lone_coverage": (0.3, 0.4, 0.5, 0.6, 0.7, 0.8),
    "lone_margin": (5.0, 10.0, 15.0, 20.0, 25.0, 30.0),
    "clarify": (50.0, 55.0, 60.0, 65.0),
    "alone_explained": (0.6, 0.7, 0.8, 0.9),
    "far_margin": (15.0, 20.0, 25.0, 30.0),
    "far_explained": (0.4, 0.5, 0.6, 0.65),
}
_ROUNDS = 4
_GATE = ("fact", "margin", "min_coverage")  # answering a clear leader


@dataclass(frozen=True)
class Outcome:
    """What a set of thresholds does on the labelled questions."""

    thresholds: Thresholds
    right: int
    wrong: int
    answered_out: int
    in_scope: int
    out_of_scope: int


Ranked = tuple[LabelledQuestion, list[Candidate], Asks]


def ranked_questions(
    engine: Engine, questions: Iterable[LabelledQuestion], language: str | None = None
) -> list[Ranked]:
    """Each question that reaches the ranking (not small talk, not empty), with its
    candidates and what it asks for: the thresholds change only the decision made from
    them. With `language`, only the questions written in it."""
    ranked = []
    for item in questions:
        decision = engine.decide(item.question)
        if decision.kind != "smalltalk" and decision.reason in {"", "none"}:
            asked = decision.language  # no chat choice: the question's own language
            if language is None or asked == language:
                ranked.append((item, engine.rank(item.question, asked),
                               engine.asks(item.question, asked)))
    return ranked


def outcome(engine: Engine, ranked: Sequence[Ranked],
            thresholds: Thresholds) -> Outcome:
    """Count right, wrong and answered out-of-scope questions under the thresholds."""
    right = wrong = answered_out = in_scope = 0
    for item, candidates, asks in ranked:
        decision = decide(item.question, "", candidates, engine.knowledge, thresholds, asks)
        if item.in_scope:
            in_scope += 1
            if decision.kind == "fact":
                right += decision.fact_id in item.expected
                wrong += decision.fact_id not in item.expected
        elif item.expected[0] != "smalltalk":
            answered_out += decision.kind == "fact"
    return Outcome(thresholds, right, wrong, answered_out, in_scope,
                   len(ranked) - in_scope)


def calibrate(engine: Engine, questions: Iterable[LabelledQuestion], max_wrong: float = 0.02,
              max_answered_out: float = 0.02, language: str | None = None) -> Outcome:
    """The thresholds with the most right answers whose wrong answers and answered
    out-of-scope questions stay within the given shares, or within what the current
    thresholds already do where that is more: a language whose ranking cannot reach the
    shares may still answer more without answering worse; with `language`, that language's
    own, fitted on its questions only."""
    ranked = ranked_questions(engine, questions, language)
    start = engine.thresholds_for(language) if language else engine.thresholds
    return search(engine, ranked, start, max_wrong, max_answered_out)


def search(engine: Engine, ranked: Sequence[Ranked],
           start: Thresholds, max_wrong: float = 0.02,
           max_answered_out: float = 0.02) -> Outcome:
    """The thresholds, searched from `start`, with the most right answers on questions
    already ranked (by `engine` or by engines of knowledge bases with the same facts) within
    the allowed mistakes, as `calibrate` describes."""
    best = now = outcome(engine, ranked, start)

    def within(result: Outcome) -> bool:
        return (result.wrong <= max(max_wrong * max(result.in_scope, 1), now.wrong)
                and result.answered_out <= max(
                    max_answered_out * max(result.out_of_scope, 1), now.answered_out))

    # The answer gate's values together first: one at a time cannot reach a lower coverage
    # bought with a higher score or margin, each step alone answering too many wrong.
    for values in itertools.product(*(GRID[name] for name in _GATE)):
        gate = dict(zip(_GATE, values, strict=True))
        result = outcome(engine, ranked, replace(best.thresholds, **gate))
        if within(result) and (result.right, -result.wrong) > (best.right, -best.wrong):
            best = result
    # Then one threshold at a time over its values, the others held, for a few rounds.
    for _ in range(_ROUNDS):
        improved = False
        for name, values in GRID.items():
            for value in values:
                result = outcome(engine, ranked, replace(best.thresholds, **{name: value}))
                if within(result) and (result.right, -result.wrong) > (best.right, -best.wrong):
                    best, improved = result, True
        if not improved:
            break
    return best


def decided_right(engine: Engine, questions: Iterable[LabelledQuestion],
                  language: str | None = None) -> tuple[int, int]:
    """How many of the questions the whole engine decides as labelled (follow-ups after what
    comes before them, several questions in one, claims: what `outcome`, deciding on the
    ranking alone, leaves out), and of how many; with `language`, of those written in it."""
    right = total = 0
    for item in questions:
        if language is not None and engine.language_of(item.question) != language:
            continue
        right += is_correct(item, decided(engine, item))
        total += 1
    return right, total


def with_thresholds(engine: Engine, thresholds: Thresholds, language: str | None = None,
                    weights: Weights | None = None) -> Engine:
    """The engine over the same knowledge, deciding with these thresholds: one language's
    own, or the knowledge base's (each language's own kept over them); ranking with
    `weights`, else with the engine's."""
    knowledge = engine.knowledge
    if language is None:
        changed = replace(knowledge, calibration={**knowledge.calibration, **asdict(thresholds)})
    else:
        changed = replace(knowledge, language_calibration={
            **knowledge.language_calibration, language: _own(thresholds, engine.thresholds)})
    return Engine(changed, weights=weights or engine.ranker.weights)


def _own(thresholds: Thresholds, overall: Thresholds) -> dict[str, float]:
    """A language's own thresholds: those that differ from the overall ones."""
    base = asdict(overall)
    return {name: value for name, value in asdict(thresholds).items() if value != base[name]}


def write_calibration(directory: Path, thresholds: Thresholds, language: str | None = None,
                      overall: Thresholds | None = None, weights: Weights | None = None) -> Path:
    """Save the thresholds beside the knowledge base they were calibrated for, keeping the
    rest of the file; a language's own are saved as what differs from the `overall` ones;
    `weights`: the ranking's fitted weights too (those `WEIGHT_GRID` searches)."""
    path = directory / CALIBRATION_FILE
    current = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
    values: dict[str, Any] = current if isinstance(current, dict) else {}
    if language is not None:
        values.setdefault("languages", {})[language] = _own(thresholds, overall or Thresholds())
    else:
        # The languages' own thresholds and the ranking's other weights stay as they were.
        values.update(asdict(thresholds))
    if weights is not None:
        values.update({name: getattr(weights, name) for name in WEIGHT_GRID})
    path.write_text("# Decision thresholds calibrated on labelled questions "
                    "(python -m bot calibrate).\n" + yaml.safe_dump(values, sort_keys=True),
                    encoding="utf-8")
    return path
