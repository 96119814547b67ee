"""Ranking quality: the engine's P@1 against a BM25 baseline on the labelled question sets."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass, fields
from pathlib import Path

from baseline import Bm25Ranker
from figures import DATA_DIR, print_table, ratio, share

from bot.engine import Engine
from bot.knowledge import load_knowledge
from bot.ops.evaluation import OUT_OF_SCOPE, LabelledQuestion, is_correct, load_questions


@dataclass(frozen=True)
class Precision:
    """One question set's in-scope questions: how often each ranker's first fact is right."""

    name: str
    questions: int
    engine_top: int  # the engine's best candidate is an expected fact
    engine_answered: int  # the engine answered with an expected fact (no clarify or decline)
    bm25_top: int
    declines: int = 0  # out-of-scope questions (the article does not answer them)
    engine_declined: int = 0
    bm25_declined: int = 0  # BM25 only "declines" when no fact shares a token


def measure_set(name: str, items: Sequence[LabelledQuestion], engine: Engine,
                bm25: Bm25Ranker) -> Precision:
    """P@1 of both rankers on the set's in-scope questions (out-of-scope ones have no fact
    to rank first, and BM25 has no way to decline)."""
    in_scope = [item for item in items if item.in_scope]
    engine_top = engine_answered = bm25_top = 0
    for item in in_scope:
        decision = engine.decide(item.question)
        best = decision.candidates[0].fact_id if decision.candidates else None
        engine_top += best in item.expected
        engine_answered += is_correct(item, decision)
        bm25_top += bm25.top(item.question) in item.expected
    out_of_scope = [item for item in items if item.expected[0] == OUT_OF_SCOPE]
    engine_declined = sum(engine.decide(item.question).kind != "fact" for item in out_of_scope)
    bm25_declined = sum(bm25.top(item.question) is None for item in out_of_scope)
    return Precision(name, len(in_scope), engine_top, engine_answered, bm25_top,
                     len(out_of_scope), engine_declined, bm25_declined)


def measure(paths: Sequence[Path]) -> list[Precision]:
    """P@1 on each labelled set, then on all of them together."""
    knowledge = load_knowledge()
    engine = Engine(knowledge)
    bm25 = Bm25Ranker(knowledge, engine.language_of)
    results = [measure_set(path.stem, load_questions(path), engine, bm25) for path in paths]
    counts = [field.name for field in fields(Precision)][1:]
    total = Precision("all sets", *(sum(getattr(result, name) for result in results)
                                    for name in counts))
    return [*results, total]


def report(results: Sequence[Precision]) -> None:
    """Print each set's P@1 beside BM25's, and the engine's answered share."""
    rows = []
    for result in results:
        rows.append((f"{result.name}: P@1", share(result.engine_top, result.questions),
                     share(result.bm25_top, result.questions),
                     ratio(result.engine_top, result.bm25_top)))
    for result in results:
        rows.append((f"{result.name}: answered with the right fact",
                     share(result.engine_answered, result.questions),
                     share(result.bm25_top, result.questions),
                     ratio(result.engine_answered, result.bm25_top)))
    total = results[-1]
    rows.append(("all sets: out-of-scope questions declined",
                 share(total.engine_declined, total.declines),
                 share(total.bm25_declined, total.declines),
                 ratio(total.engine_declined, total.bm25_declined)))
    print_table("ranking quality on the labelled sets", "BM25", rows)
    print("\nP@1: the first-ranked fact is an expected one. BM25: rank_bm25 BM25Okapi, each fact "
          "one document of its phrasings' and answer's tokens from the engine's Analyzer. "
          "'answered' counts the engine's decision (it may clarify or decline instead); "
          "BM25 has no threshold, so it answers nearly every out-of-scope question.")


def main(argv: Sequence[str] | None = None) -> int:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sets", nargs="*", type=Path,
                        help="labelled question sets (default: tests/data/*.yaml)")
    args = parser.parse_args(argv)
    report(measure(args.sets or sorted(DATA_DIR.glob("*.yaml"))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
