"""StackFAQ as a knowledge base (B0: one phrasing per fact; B5: five folds): answered right,
wrong, clarified, declined, P@1, MRR and ms per question of the engine on data nobody here wrote."""

from __future__ import annotations

import argparse
import html
import re
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.engine import Engine
from bot.knowledge import Knowledge, load_knowledge
from bot.ops.calibration import calibrate
from bot.ops.evaluation import LabelledQuestion

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
    """A one-language knowledge base with a fact per thread, written in the bot's own format
    (a FAQ source: no publisher, date, quotes or topics to invent) and loaded as any other."""
    facts = [{"id": f"t{number}", "questions": {"en": phrases}, "answer": {"en": thread.answer}}
             for number, (thread, phrases) in enumerate(zip(threads, phrasings, strict=True))]
    manifest = {"languages": ["en"], "sources": [
        {"id": "stackfaq", "kind": "faq", "title": {"en": "StackExchange web apps FAQ"}}]}
    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory)
        (root / "knowledge.yaml").write_text(yaml.safe_dump(manifest), encoding="utf-8")
        (root / "facts.yaml").write_text(yaml.safe_dump({"facts": facts}, allow_unicode=True),
                                         encoding="utf-8")
        return load_knowledge(root)


def folds(threads: list[Thread]) -> list[list[tuple[str, str]]]:
    """Each thread's rephrasings split into 5 folds by position: (query, fact id)."""
    return [[(r, f"t{n}") for n, t in enumerate(threads) for i, r in enumerate(t.rephrasings)
             if i % 5 == fold] for fold in range(5)]


def protocols(
    threads: list[Thread],
) -> Iterator[tuple[str, list[tuple[Knowledge, list[tuple[str, str]], list[tuple[str, str]]]]]]:
    """(name, [(knowledge, calibration queries, test queries)]) for B0 and B5. B0: the
    thread questions alone; fold 0 calibrates, folds 1-4 test. B5: fold f's queries test the
    knowledge base built from the other folds; fold 0's base and queries calibrate, so the
    figures are over folds 1-4."""
    split = folds(threads)
    b0 = knowledge_of(threads, [[t.question] for t in threads])
    yield "B0", [(b0, split[0], [q for fold in split[1:] for q in fold])]
    runs = []
    for fold in range(5):
        phrasings = [[t.question, *(r for i, r in enumerate(t.rephrasings) if i % 5 != fold)]
                     for t in threads]
        runs.append((knowledge_of(threads, phrasings), split[fold], split[fold]))
    yield "B5", [(runs[0][0], runs[0][1], [])] + [(k, [], tests) for k, _, tests in runs[1:]]


def score(engine: Engine, tests: list[tuple[str, str]], row: dict[str, float]) -> None:
    """Add one engine's results on the test queries to the row."""
    for query, expected in tests:
        start = time.perf_counter()
        decision = engine.decide(query)
        row["ms"] += (time.perf_counter() - start) * 1000
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


def main() -> int:
    """Print B0 and B5 with the default thresholds and with thresholds calibrated on fold 0."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA / "stackExchange-FAQ.xml")
    parser.add_argument("--max-wrong", type=float, default=0.01)
    args = parser.parse_args()
    threads = read_threads(args.data)
    for name, runs in protocols(threads):
        calibration = next((Engine(k), queries) for k, queries, _ in runs if queries)
        engine, queries = calibration
        fitted = calibrate(engine, [LabelledQuestion(q, (f,)) for q, f in queries],
                           max_wrong=args.max_wrong).thresholds
        for label, thresholds in (("default", None), ("calibrated", fitted)):
            row = dict.fromkeys(("n", "right", "wrong", "clarified", "offered", "declined",
                                 "p1", "rr", "ms"), 0.0)
            for knowledge, _, tests in runs:
                if tests:
                    score(Engine(knowledge, thresholds), tests, row)
            n = row["n"]
            print(f"{name} {label:10s} n={n:.0f} right {row['right'] / n:.1%} wrong "
                  f"{row['wrong'] / n:.1%} clarified {row['clarified'] / n:.1%} (right fact "
                  f"offered {row['offered'] / n:.1%}) declined {row['declined'] / n:.1%} "
                  f"P@1 {row['p1'] / n:.3f} MRR@3 {row['rr'] / n:.3f} "
                  f"mean {row['ms'] / n:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
