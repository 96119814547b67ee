"""Scoring the engine on a labelled question set: right, wrong, clarified, declined."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from bot.engine import Context, Decision, Engine

OUT_OF_SCOPE = "none"
NEAR_MISS = "near_miss"  # a detail the article does not give, next to one it does
SMALLTALK = "smalltalk"
OVERVIEW = "overview"  # what the article is about: the overview, not a fact
LABELS = frozenset({OUT_OF_SCOPE, NEAR_MISS, SMALLTALK, OVERVIEW})
UNANSWERED = frozenset({OUT_OF_SCOPE, NEAR_MISS})  # labels the article gives no answer to
_NO_FACT = UNANSWERED | {SMALLTALK}  # labels no fact of the article answers


@dataclass(frozen=True)
class LabelledQuestion:
    """One question of a development set and what a correct reply is."""

    question: str
    expected: tuple[str, ...]
    parts: bool = False  # several questions: every fact of `expected` answered, none else
    # (a `none` among them: one part left unanswered, an offer instead)
    after: tuple[str, ...] = ()  # asked before it in the same conversation (follow-ups)

    @property
    def in_scope(self) -> bool:
        """Whether the article answers this question."""
        # Several questions in one message: in scope when the article answers any of them.
        return any(label not in _NO_FACT for label in self.expected)


@dataclass(frozen=True)
class Miss:
    """A question the engine got wrong."""

    question: LabelledQuestion
    answer: Decision


@dataclass(frozen=True)
class Evaluation:
    """Results of a labelled set run.

    In scope: answered right, answered wrong, clarified (the right fact among the offered
    buttons; `offered_first` when it is the first; `shown` when it was offered alone, its
    answer shown under "did you mean this?"), declined (`said_instead` when the decline shows
    the right fact's answer: "the article does not say that; it says ..."). Out of scope and
    near misses:
    declined or answered. Small talk: recognised or not."""

    in_scope: int
    in_scope_correct: int
    declines: int
    declines_correct: int
    smalltalk: int
    smalltalk_correct: int
    misses: tuple[Miss, ...]
    wrong: int = 0
    clarified: int = 0
    offered_first: int = 0
    shown: int = 0
    said_instead: int = 0
    near_misses: int = 0
    near_misses_declined: int = 0
    # Conversation items by kind (two questions in one message, follow-ups, overview
    # requests): (kind, right, asked), for the kinds the set has.
    kinds: tuple[tuple[str, int, int], ...] = ()

    @property
    def accuracy(self) -> float:
        """Share of in-scope questions answered with an expected fact."""
        return self.in_scope_correct / self.in_scope if self.in_scope else 1.0

    @property
    def decline_rate(self) -> float:
        """Share of out-of-scope questions (near misses included) that were not answered."""
        return self.declines_correct / self.declines if self.declines else 1.0

    @property
    def declined(self) -> int:
        """In-scope questions declined although the article answers them."""
        return self.in_scope - self.in_scope_correct - self.wrong - self.clarified


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
        if not isinstance(entry, dict) or "q" not in entry or not ("expect" in entry) ^ (
                "parts" in entry):
            raise ValueError(f"item {number}: expected {{q: ..., expect: ...}} or "
                             "{q: ..., parts: [...]}")
        expect = entry.get("expect", entry.get("parts"))
        expected = tuple(map(str, expect)) if isinstance(expect, list) else (str(expect),)
        after = entry.get("after", [])
        after = [after] if isinstance(after, str) else after
        if not isinstance(after, list):
            raise ValueError(f"item {number}: 'after' is a question or a list of them")
        items.append(LabelledQuestion(str(entry["q"]), expected, "parts" in entry,
                                      tuple(map(str, after))))
    return items


def is_correct(item: LabelledQuestion, answer: Decision) -> bool:
    """Whether the reply is what the label asks for."""
    if item.parts and SMALLTALK in item.expected:
        # A greeting beside a question ("hey bot how r u, what crops ...") asks for no fact:
        # the rest is judged as it would be alone.
        rest = tuple(label for label in item.expected if label != SMALLTALK) or (SMALLTALK,)
        return is_correct(replace(item, expected=rest, parts=len(rest) > 1), answer)
    if item.parts and OVERVIEW in item.expected:
        # "What's this about? and how much did trade grow?": the overview among the parts,
        # the rest judged as it would be alone.
        rest = tuple(label for label in item.expected if label != OVERVIEW)
        if not rest:
            return answer.kind == "overview"
        others = tuple(part for part in answer.parts if part.kind != "overview")
        return len(others) < len(answer.parts) and is_correct(
            replace(item, expected=rest, parts=len(rest) > 1), replace(answer, parts=others))
    if item.parts:
        wanted = [fact for fact in item.expected if fact not in UNANSWERED]
        unclear = len(item.expected) - len(wanted)
        # Two questions one fact answers ("how much in 2024, and in 2025?") get it once.
        wanted = sorted(set(wanted))
        if not wanted:
            # Nothing of it is in the article: declined whole or part by part, as long as no
            # part is answered with a fact.
            return answer.kind != "fact" and not any(part.confident for part in answer.parts)
        if not unclear:
            return answer.confident and sorted(answer.given) == wanted
        # `none` or `near_miss` among the parts: a part the article does not answer, left
        # unanswered.
        answered = [part for part in answer.parts if part.confident]
        return (len(answer.parts) - len(answered) == unclear
                and sorted({fact for part in answered for fact in part.given}) == wanted)
    if item.expected[0] == OVERVIEW:
        return answer.kind == "overview"
    if item.expected[0] in {OUT_OF_SCOPE, NEAR_MISS}:
        # Read as several questions each answered with a fact, it is answered all the same.
        return answer.kind != "fact" and not (answer.kind == "parts" and answer.confident)
    if item.expected[0] == SMALLTALK:
        return answer.kind == "smalltalk"
    if answer.kind == "parts" and item.after and answer.confident:
        # "Tell me more" is answered with the next facts, the one asked for first.
        return answer.given[0] in item.expected
    if answer.kind == "parts" and answer.confident:
        # Read as several questions ("что на фото? и кто источник?" labelled with both the
        # photo and the source): right when every part is answered by a fact the label takes.
        return set(answer.given) <= set(item.expected)
    return answer.kind == "fact" and answer.fact_id in item.expected


def decided(engine: Engine, item: LabelledQuestion) -> Decision:
    """The engine's decision for a labelled question, after what was asked before it."""
    context = Context()
    for earlier in item.after:
        context = context.told(engine.decide(earlier, context=context))
    return engine.decide(item.question, context=context)


def evaluate(engine: Engine, questions: Iterable[LabelledQuestion]) -> Evaluation:
    """Run every question through the engine and count what it got right."""
    counts = dict.fromkeys(("in", "in_ok", "wrong", "clarified", "first", "shown", "said", "out",
                            "out_ok", "near", "near_ok", "small", "small_ok"), 0)
    misses: list[Miss] = []
    kinds: dict[str, list[int]] = {}
    for item in questions:
        answer = decided(engine, item)
        label = item.expected[0]
        key = ("in" if item.in_scope else "small" if label == SMALLTALK else "out")
        correct = is_correct(item, answer)
        counts[key] += 1
        counts[key + "_ok"] += correct
        if label == NEAR_MISS:
            counts["near"] += 1
            counts["near_ok"] += correct
        if item.in_scope and not correct:
            if answer.kind == "fact":
                counts["wrong"] += 1
            elif answer.kind == "clarify" and set(answer.suggestions) & set(item.expected):
                counts["clarified"] += 1
                counts["first"] += answer.suggestions[0] in item.expected
                counts["shown"] += answer.offers_one
            elif answer.closest is not None and answer.closest.id in item.expected:
                counts["said"] += 1  # a claim checked ("via Thailand, right?"), or a miss
        if not correct:
            misses.append(Miss(item, answer))
        kind = _kind(item)
        if kind is not None:
            tally = kinds.setdefault(kind, [0, 0])
            tally[0] += correct
            tally[1] += 1
    return Evaluation(
        in_scope=counts["in"],
        in_scope_correct=counts["in_ok"],
        declines=counts["out"],
        declines_correct=counts["out_ok"],
        smalltalk=counts["small"],
        smalltalk_correct=counts["small_ok"],
        misses=tuple(misses),
        wrong=counts["wrong"],
        clarified=counts["clarified"],
        offered_first=counts["first"],
        shown=counts["shown"],
        said_instead=counts["said"],
        near_misses=counts["near"],
        near_misses_declined=counts["near_ok"],
        kinds=tuple((kind, right, asked) for kind, (right, asked) in kinds.items()),
    )


def _kind(item: LabelledQuestion) -> str | None:
    """The conversation kind of an item, if it is one."""
    if item.parts:
        return "two questions in one"
    if item.after:
        return "follow-ups"
    return "overview requests" if item.expected[0] == OVERVIEW else None


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} ({part / whole:.1%})" if whole else "0/0"


def describe(evaluation: Evaluation, misses: Sequence[Miss] | None = None) -> str:
    """A short human-readable report of an evaluation."""
    e = evaluation
    lines = [
        f"in-scope accuracy {e.in_scope_correct}/{e.in_scope} "
        f"({e.accuracy:.1%}); correct declines {e.declines_correct}/"
        f"{e.declines} ({e.decline_rate:.1%}); small talk "
        f"{e.smalltalk_correct}/{e.smalltalk}",
        f"  in scope: right {_share(e.in_scope_correct, e.in_scope)}, wrong "
        f"{_share(e.wrong, e.in_scope)}, clarified with the right fact "
        f"{_share(e.clarified, e.in_scope)} (first button {e.offered_first}, shown alone with "
        f"its answer {e.shown}), declined "
        f"{_share(e.declined, e.in_scope)} (showing the right fact's answer "
        f"{e.said_instead}); answered or offered first "
        f"{_share(e.in_scope_correct + e.offered_first, e.in_scope)}"
        + (f"; near misses declined {_share(e.near_misses_declined, e.near_misses)}"
           if e.near_misses else ""),
    ]
    if e.kinds:
        lines.append("  conversation: " + ", ".join(
            f"{kind} {_share(right, asked)}" for kind, right, asked in e.kinds))
    for miss in misses if misses is not None else evaluation.misses:
        answer = miss.answer
        lines.append(
            f"  MISS {miss.question.question!r}: expected {'/'.join(miss.question.expected)}, "
            f"got {answer.kind} {answer.fact_id or ''} ({answer.score:.0f}) "
            f"{[(c.fact_id, round(c.score)) for c in answer.candidates]}"
        )
    return "\n".join(lines)
