"""Tests of the benchmarks: the synthetic knowledge base, the helpers and a tiny full run."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from bot import bench
from bot.knowledge import Knowledge
from bot.engine import Engine
from synthetic import PHRASINGS_PER_FACT, generate_knowledge

ROOT = Path(__file__).resolve().parent.parent


def test_synthetic_knowledge_keeps_the_real_facts_and_grows(knowledge: Knowledge) -> None:
    """The real facts come first; the rest have six phrasings per language and an answer."""
    size = len(knowledge.facts) + 40
    grown = generate_knowledge(knowledge, size)
    assert len(grown.facts) == size
    assert grown.facts[: len(knowledge.facts)] == knowledge.facts
    assert len(grown.by_id) == size
    for fact in grown.facts[len(knowledge.facts) :]:
        for language in knowledge.languages:
            assert len(fact.questions[language]) == PHRASINGS_PER_FACT
            assert fact.answer[language].strip()
    assert Engine(grown).find_answer("How much did trade grow?").kind in {"fact", "clarify"}


def test_synthetic_knowledge_is_reproducible(knowledge: Knowledge) -> None:
    """The same seed gives the same knowledge base; a smaller size keeps a prefix of the
    real facts."""
    size = len(knowledge.facts) + 5
    first, second = generate_knowledge(knowledge, size), generate_knowledge(knowledge, size)
    assert [f.questions for f in first.facts] == [f.questions for f in second.facts]
    assert generate_knowledge(knowledge, 3).facts == knowledge.facts[:3]


def test_percentile_is_nearest_rank() -> None:
    values = [float(number) for number in range(1, 101)]
    assert bench.find_percentile(values, 0.5) == 50.0
    assert bench.find_percentile(values, 0.99) == 99.0
    assert bench.find_percentile([3.0], 0.99) == 3.0


def test_sizes_are_parsed() -> None:
    assert bench.parse_sizes("1000,10_000") == (1000, 10_000)
    with pytest.raises(argparse.ArgumentTypeError):
        bench.parse_sizes("0")
    with pytest.raises(argparse.ArgumentTypeError):
        bench.parse_sizes("many")


def test_rows_show_ratio_and_target() -> None:
    row = bench.make_row("s", "p99", 0.5e-3, "0.5 ms", 2e-3, "2 ms",
                         bench.under(1e-3, label="1 ms"))
    assert (row.ratio, row.target, row.status) == ("0.25×", "< 1 ms", "met")
    missed = bench.make_row("s", "rate", 200.0, "200", target=bench.at_least(300, "300"))
    assert missed.status == "NOT met"
    table = bench.render_table([row, missed])
    assert table.splitlines()[0].split()[:3] == ["section", "measure", "ours"]


def test_whole_bot_is_skipped_without_the_fake_server(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Installed without the tests directory, the whole-bot section says it was skipped."""
    monkeypatch.setattr(bench, "FAKE_BOTAPI", tmp_path / "missing.py")
    options = argparse.Namespace(updates=10, users=5, rate=100.0, quick=True)
    rows, notes = bench.bench_whole_bot([], options, bench.Timings((0.001,)))
    assert rows[0].section == "whole bot"
    assert "skipped (tests/fake_botapi.py not found)" in rows[0].measure
    assert notes == []


def test_bench_prints_every_section(tmp_path: Path) -> None:
    """`python -m bot bench` with tiny sizes prints the engine, scale, whole-bot and process
    sections with targets, and writes the Markdown table."""
    markdown = tmp_path / "PERFORMANCE.md"
    done = subprocess.run(
        [sys.executable, "-m", "bot", "bench", "--sizes", "50", "--updates", "20",
         "--users", "10", "--questions", "40", "--runs", "1", "--markdown", str(markdown)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    out = done.stdout
    for section in ("engine (", "scale 50 facts", "whole bot", "process"):
        assert section in out, out
    for measure in ("p99 latency", "peak RSS", "updates/s", "arrival→send p99",
                    "start-up", "RSS of the running bot", "dev en: in-scope accuracy"):
        assert measure in out, out
    assert "< 1 ms" in out and ">= 300 upd/s" in out and "< 150 MB" in out
    assert "overall rate limit" in out
    assert markdown.read_text(encoding="utf-8").startswith("| section | measure |")
