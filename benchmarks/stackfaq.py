"""StackFAQ as a knowledge base (B0: one phrasing per fact; B5: five folds): answered right,
wrong, clarified, declined, P@1, MRR and ms per question of the engine on data nobody here wrote."""

from __future__ import annotations

import argparse
import html
import re
import statistics
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bot.engine import Engine
from bot.knowledge import Article, Fact, Knowledge

DATA = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "stackfaq"
_TAG = re.compile(r"<(qapair|rephr|question|answer)>(.*?)</\1>", re.DOTALL)


@dataclass(frozen=True)
class Thread:
    """One FAQ thread: its question, first answer and real rephrasings."""

    question: str
    answer: str
    rephrasings: tuple[str, ...]


def read_threads(path: Path) -> list[Thread]:
    """Parse the StackFAQ XML (placeholders `*` dropped)."""
    threads: list[Thread] = []
    for block in re.findall(r"<qapair>(.*?)</qapair>", path.read_text(encoding="utf-8"), re.S):
        fields: dict[str, list[str]] = {"rephr": [], "question": [], "answer": []}
        for tag, text in _TAG.findall(block):
            fields[tag].append(" ".join(html.unescape(text).split()))
        rephrasings = tuple(r for r in fields["rephr"] if r and r != "*")
        threads.append(Thread(fields["question"][0], fields["answer"][0], rephrasings))
    return threads


def knowledge_of(threads: list[Thread], phrasings: list[list[str]]) -> Knowledge:
    """A one-language knowledge base with a fact per thread."""
    facts = tuple(
        Fact(id=f"t{number}", topic="faq", questions={"en": tuple(phrases)},
             answer={"en": thread.answer}, quote="", related=(), file="stackfaq")
        for number, (thread, phrases) in enumerate(zip(threads, phrasings, strict=True))
    )
    article = Article(publisher="StackExchange", date="", title={"en": "StackFAQ"},
                      photo_credit="", text="")
    return Knowledge(article=article, languages=("en",), topics={"faq": {"en": "FAQ"}},
                     facts=facts, synonyms={}, directory=DATA)


def protocols(threads: list[Thread]) -> Iterator[tuple[str, Knowledge, list[tuple[str, str]]]]:
    """(name, knowledge, [(query, expected fact id)]) for B0 and each fold of B5."""
    queries = [(r, f"t{n}") for n, t in enumerate(threads) for r in t.rephrasings]
    yield "B0", knowledge_of(threads, [[t.question] for t in threads]), queries
    for fold in range(5):
        phrasings = [[t.question, *(r for i, r in enumerate(t.rephrasings) if i % 5 != fold)]
                     for t in threads]
        tests = [(r, f"t{n}") for n, t in enumerate(threads)
                 for i, r in enumerate(t.rephrasings) if i % 5 == fold]
        yield f"B5/{fold}", knowledge_of(threads, phrasings), tests


def main() -> int:
    """Print one line per protocol (B5 summed over its folds)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA / "stackExchange-FAQ.xml")
    args = parser.parse_args()
    threads = read_threads(args.data)
    totals: dict[str, dict[str, float]] = {}
    for name, knowledge, tests in protocols(threads):
        engine = Engine(knowledge)
        row = totals.setdefault(name.split("/")[0], dict.fromkeys(
            ("n", "right", "wrong", "clarified", "offered", "declined", "p1", "rr"), 0.0))
        times: list[float] = []
        for query, expected in tests:
            start = time.perf_counter()
            decision = engine.decide(query)
            times.append(time.perf_counter() - start)
            ranked = [c.fact_id for c in decision.candidates]
            row["n"] += 1
            row["p1"] += bool(ranked) and ranked[0] == expected
            row["rr"] += 1 / (ranked.index(expected) + 1) if expected in ranked else 0
            if decision.kind == "fact":
                row["right" if decision.fact_id == expected else "wrong"] += 1
            elif decision.kind == "clarify":
                row["clarified"] += 1
                row["offered"] += expected in decision.suggestions
            else:
                row["declined"] += 1
        row["ms"] = row.get("ms", 0.0) + statistics.median(times) * 1000
    for name, row in totals.items():
        n = row["n"]
        folds = 5 if name == "B5" else 1
        print(f"{name}: n={n:.0f} right {row['right'] / n:.1%} wrong {row['wrong'] / n:.1%} "
              f"clarified {row['clarified'] / n:.1%} (right fact offered {row['offered'] / n:.1%})"
              f" declined {row['declined'] / n:.1%} P@1 {row['p1'] / n:.3f} MRR(top3) "
              f"{row['rr'] / n:.3f} p50 {row['ms'] / folds:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
