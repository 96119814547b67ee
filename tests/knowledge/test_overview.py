"""Tests for bot.knowledge.overview: the article's overview, checked like an answer."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.knowledge import Knowledge, KnowledgeError, load_knowledge


def test_real_overview_is_in_every_language(knowledge: Knowledge) -> None:
    """The shipped knowledge base has its own overview in each of its languages, Lao
    included, each naming the trade figures."""
    for language in knowledge.languages:
        assert knowledge.overview_in(language) == knowledge.overview[language]
        assert "66" in knowledge.overview[language] and "2025-2026" in knowledge.overview[language]
    assert "ການຄ້າ" in knowledge.overview["lo"] and "ປູຕິນ" in knowledge.overview["lo"]


def test_a_language_left_out_falls_back_to_the_first(tiny_dir: Path) -> None:
    """An overview written in English only is given in English to a Russian asker."""
    (tiny_dir / "overview.yaml").write_text("overview:\n  en: Trade grew by 66 percent.\n",
                                            encoding="utf-8")
    assert load_knowledge(tiny_dir).overview_in("ru") == "Trade grew by 66 percent."


def test_no_overview_file_means_no_overview(tiny_knowledge: Knowledge) -> None:
    """A knowledge base without overview.yaml loads, with no overview."""
    assert tiny_knowledge.overview == {}
    assert tiny_knowledge.overview_in("en") == ""


def test_overview_is_read_and_not_taken_for_facts(tiny_dir: Path) -> None:
    """overview.yaml gives the overview per language and is not read as a fact file."""
    (tiny_dir / "overview.yaml").write_text(
        "overview:\n  en: Trade grew by 66 percent.\n  ru: Торговля выросла на 66 процентов.\n",
        encoding="utf-8")
    loaded = load_knowledge(tiny_dir)
    assert loaded.overview_in("ru") == "Торговля выросла на 66 процентов."
    assert len(loaded.facts) == 2


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("overview:\n  en: Trade grew by 67 percent.\n",
         "overview.yaml: field 'overview.en': the number 67 is not in the source text"),
        ("overview:\n  ru: Торговля выросла.\n",
         "overview.yaml: field 'overview.en': missing (the first language is every other's "
         "fallback)"),
        ("overview:\n  en: Trade grew.\n  xx: Something.\n",
         "overview.yaml: field 'overview.xx': unknown language"),
        ("overview:\n  en: ''\n", "overview.yaml: field 'overview.en': expected a non-empty text"),
        ("overview: [1, 2]\n", "overview.yaml: field 'overview': expected a text per language"),
    ],
)
def test_bad_overview_is_one_line_per_problem(tiny_dir: Path, text: str, problem: str) -> None:
    """An overview with a number the article lacks, a missing first language, an unknown
    language or no text is refused with a line naming the field."""
    (tiny_dir / "overview.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeError) as raised:
        load_knowledge(tiny_dir)
    assert problem in raised.value.problems


def test_a_lao_overview_is_checked_like_the_others(tmp_path: Path) -> None:
    """In a copy of the shipped knowledge base, a Lao overview with a number the article
    lacks is refused, naming the Lao field."""
    copy = tmp_path / "knowledge"
    shutil.copytree(Path(__file__).parents[2] / "knowledge", copy)
    (copy / "overview.yaml").write_text(
        "overview:\n  en: Trade grew by 66 percent.\n  lo: ການຄ້າເພີ່ມຂຶ້ນ 67 ສ່ວນຮ້ອຍ.\n",
        encoding="utf-8")
    with pytest.raises(KnowledgeError) as raised:
        load_knowledge(copy)
    assert list(raised.value.problems) == [
        "overview.yaml: field 'overview.lo': the number 67 is not in the source text"]
