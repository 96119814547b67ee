"""Smoke tests of the benchmark scripts at tiny sizes (`pytest benchmarks`); nothing is timed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import quality
import scale
import stackfaq
import startup
from baseline import Bm25Ranker
from figures import percentile, ratio
from synthetic import PHRASINGS_PER_FACT, generate_knowledge

from bot.engine import Engine, Weights
from bot.knowledge import Knowledge, load_knowledge
from bot.ops.evaluation import LabelledQuestion

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    """The real knowledge base."""
    return load_knowledge()


def test_synthetic_knowledge_keeps_the_real_facts_and_grows(knowledge: Knowledge) -> None:
    size = len(knowledge.facts) + 40
    grown = generate_knowledge(knowledge, size)
    assert len(grown.facts) == len(grown.by_id) == size
    assert grown.facts[: len(knowledge.facts)] == knowledge.facts
    for fact in grown.facts[len(knowledge.facts) :]:
        for language in knowledge.languages:
            assert len(fact.questions[language]) == PHRASINGS_PER_FACT
            assert fact.answer[language].strip()
    assert Engine(grown).decide("How much did trade grow?").kind in {"fact", "clarify"}


def test_synthetic_knowledge_is_reproducible(knowledge: Knowledge) -> None:
    size = len(knowledge.facts) + 5
    first, second = generate_knowledge(knowledge, size), generate_knowledge(knowledge, size)
    assert [f.questions for f in first.facts] == [f.questions for f in second.facts]
    assert generate_knowledge(knowledge, 3).facts == knowledge.facts[:3]


def test_percentile_is_nearest_rank_and_ratio_is_ours_over_reference() -> None:
    values = [float(number) for number in range(1, 101)]
    assert (percentile(values, 0.5), percentile(values, 0.99)) == (50.0, 99.0)
    assert ratio(1.0, 4.0) == "0.25×"
    assert ratio(1.0, 0.0) == ""


def test_bm25_ranks_a_fact_by_its_own_phrasing_and_declines_without_a_shared_word(
    knowledge: Knowledge,
) -> None:
    ranker = Bm25Ranker(knowledge)
    for fact in knowledge.facts[:5]:
        for language in knowledge.languages:
            assert ranker.top(fact.questions[language][0]) == fact.id
    assert ranker.top("the of and") is None


def test_quality_counts_in_scope_and_out_of_scope_questions(knowledge: Knowledge) -> None:
    fact = knowledge.facts[0]
    items = [LabelledQuestion(fact.questions["en"][0], (fact.id,)),
             LabelledQuestion("what is the capital of Peru", ("none",))]
    result = quality.measure_set("tiny", items, Engine(knowledge), Bm25Ranker(knowledge))
    assert (result.questions, result.engine_top, result.bm25_top) == (1, 1, 1)
    assert (result.declines, result.engine_declined) == (1, 1)


def test_quality_prints_a_row_per_set(capsys: pytest.CaptureFixture[str]) -> None:
    assert quality.main([str(HERE.parent / "tests" / "data" / "holdout.yaml")]) == 0
    out = capsys.readouterr().out
    assert "holdout: P@1" in out and "all sets: P@1" in out and "BM25" in out


def test_scale_runs_a_size_in_a_child(capsys: pytest.CaptureFixture[str]) -> None:
    assert scale.main(["--sizes", "40"]) == 0
    out = capsys.readouterr().out
    assert "scale: 40 facts" in out and "p99 latency, first pass" in out


def test_startup_prints_the_ratio_to_a_bare_interpreter(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert startup.main(["--runs", "1"]) == 0
    assert "python -c pass" in capsys.readouterr().out


def test_engine_script_runs_under_pyperf() -> None:
    done = subprocess.run([sys.executable, str(HERE / "engine.py"), "--debug-single-value"],
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "p99 latency, first pass" in done.stdout and "BM25" in done.stdout


def test_load_script_drives_both_bots() -> None:
    done = subprocess.run([sys.executable, str(HERE / "load.py"), "--seconds", "0.2",
                           "--rates", "50", "--inline-rate", "50", "--cycles", "2"],
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "messages at 50/s: answered  " in done.stdout and "echo bot" in done.stdout
    assert "20/20" in done.stdout and "inline queries at 50/s" in done.stdout
    assert "messages at 50/s: CPU ratio per cycle" in done.stdout


@pytest.mark.skipif(not stackfaq.DATA.exists(), reason="the shared StackFAQ data is not here")
def test_stackfaq_asks_every_rephrasing_once_with_thresholds_fitted_elsewhere() -> None:
    """Both protocols ask each real rephrasing once, and a fold's thresholds are fitted on
    the other folds' queries only."""
    threads = stackfaq.read_threads(stackfaq.DATA / "stackExchange-FAQ.xml")[:20]
    total = sum(len(thread.rephrasings) for thread in threads)
    for _, runs in stackfaq.protocols(threads):
        assert sorted(q for _, queries in runs for q in queries) == sorted(
            (r, f"t{n}") for n, t in enumerate(threads) for r in t.rephrasings)
        assert sum(len(queries) for _, queries in runs) == total
    _, runs = next(stackfaq.protocols(threads))
    engines = [Engine(knowledge) for knowledge, _ in runs]
    # A fold whose own queries are all it could fit on gets the engine's own thresholds back.
    lone = [(runs[0][0], runs[0][1])] + [(knowledge, []) for knowledge, _ in runs[1:]]
    assert stackfaq.cross_fitted(engines, lone, 0, 0.02) == engines[0].thresholds
    # Likewise its ranking weights: the starting ones, no other fold telling them apart.
    assert stackfaq.fitted_weights(lone, Weights())[0] == Weights()
