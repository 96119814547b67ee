"""Knowledge files that would leave the bot with nothing to say, or hold it up for minutes:
an empty or comment-only fact file and a file over the size limit are refused with one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.engine import Engine
from bot.knowledge import KnowledgeError, load_knowledge
from bot.ops.reload import KnowledgeService


@pytest.mark.parametrize("content", ["", "# only a comment\n", "\n\n   \n"])
def test_an_empty_or_comment_only_fact_file_is_refused(tiny_dir: Path, content: str) -> None:
    (tiny_dir / "facts.yaml").write_text(content, encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(tiny_dir)
    assert caught.value.problems == ("facts.yaml: file is empty (no facts)",)


def test_check_refuses_a_knowledge_base_without_facts(
    tiny_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tiny_dir / "facts.yaml").write_text("# nothing yet\n", encoding="utf-8")
    monkeypatch.setenv("KNOWLEDGE_DIR", str(tiny_dir))
    assert main(["check"]) == 1
    assert "no facts" in capsys.readouterr().err


def test_the_live_reload_keeps_answering_when_the_facts_are_emptied(tiny_dir: Path) -> None:
    service = KnowledgeService(Engine(load_knowledge(tiny_dir)))
    (tiny_dir / "facts.yaml").write_text("# emptied by mistake\n", encoding="utf-8")
    result = service.reload("test")
    assert not result.ok
    assert service.engine.decide("How much did trade grow?").fact_id == "growth"


def test_a_fact_file_over_the_size_limit_is_refused_unparsed(
    tiny_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KNOWLEDGE_MAX_BYTES", "2000")
    (tiny_dir / "huge.yaml").write_text("facts:\n" + "  - {id: x}\n" * 1000, encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(tiny_dir)
    assert len(caught.value.problems) == 1
    assert caught.value.problems[0] == ("huge.yaml: file is too large (12,007 bytes; the limit "
                                        "is 2,000, set by KNOWLEDGE_MAX_BYTES)")


def test_an_oversized_source_text_is_refused(tiny_dir: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KNOWLEDGE_MAX_BYTES", "3000")
    (tiny_dir / "source.txt").write_text("word " * 1000, encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(tiny_dir)
    assert any("source.txt: file is too large" in line for line in caught.value.problems)


def test_the_default_size_limit_is_a_few_megabytes(tiny_dir: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KNOWLEDGE_MAX_BYTES", raising=False)
    with (tiny_dir / "huge.yaml").open("w", encoding="utf-8") as handle:
        handle.write("# " + "x" * (5 * 1024 * 1024) + "\n")
    with pytest.raises(KnowledgeError, match=r"huge\.yaml: file is too large"):
        load_knowledge(tiny_dir)
