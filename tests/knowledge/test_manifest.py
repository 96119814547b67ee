"""Tests for bot.knowledge.manifest: sources declared once, of several kinds, cited per fact."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import Engine
from bot.knowledge import KnowledgeError, load_knowledge
from bot.replies import Composer, plain_text
from bot.telegram.render import render_html

MANIFEST = """\
languages: [en]
sources:
  - id: vna
    kind: article
    file: source.txt
    publisher: VNA
    date: "2025-08-01"
    title: {en: "Laos and Russia"}
  - id: desk
    kind: notes
    title: {en: "Trade desk notes"}
"""

FACTS = """\
facts:
  - id: growth
    source: vna
    questions: {en: ["How much did trade grow?"]}
    answer: {en: "Trade grew by 66 percent."}
    quote: "trade increased by 66 percent"
  - id: hours
    source: desk
    questions: {en: ["When is the trade desk open?"]}
    answer: {en: "The desk is open on weekdays."}
"""

FAQ_MANIFEST = """\
languages: [en]
sources:
  - {id: faq, kind: faq, title: {en: "Web apps FAQ"}}
"""

FAQ_FACTS = """\
facts:
  - id: strike
    questions: {en: ["Strikethrough with GitHub Markdown"]}
    answer: {en: "Use ~~tildes around the words~~."}
"""


def _write(directory: Path, manifest: str, facts: str) -> Path:
    directory.mkdir(exist_ok=True)
    (directory / "knowledge.yaml").write_text(manifest, encoding="utf-8")
    (directory / "facts.yaml").write_text(facts, encoding="utf-8")
    (directory / "source.txt").write_text("In 2024, trade increased by 66 percent.\n",
                                          encoding="utf-8")
    return directory


def test_a_faq_loads_with_nothing_invented(tmp_path: Path) -> None:
    """A FAQ source needs no publisher, date, photo credit, topics or quotes."""
    knowledge = load_knowledge(_write(tmp_path / "faq", FAQ_MANIFEST, FAQ_FACTS))
    fact = knowledge.by_id["strike"]
    assert (fact.topic, fact.quote, knowledge.source_of(fact).kind) == ("", "", "faq")
    assert knowledge.topics == {}


def test_each_answer_cites_its_own_source(tmp_path: Path) -> None:
    """An article's fact cites publisher and date; a notes fact cites the notes' title."""
    knowledge = load_knowledge(_write(tmp_path / "two", MANIFEST, FACTS))
    engine, composer = Engine(knowledge), Composer(knowledge)
    article = render_html(composer.compose(engine.decide("How much did trade grow?")).parts)
    notes = render_html(composer.compose(engine.decide("When is the trade desk open?")).parts)
    assert article.endswith("<i>Source: VNA, 2025-08-01</i>")
    assert notes.endswith("<i>Source: Trade desk notes</i>")
    assert plain_text(composer.compose(engine.decide("When is the trade desk open?"))) == (
        "The desk is open on weekdays.")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("    source: desk\n", "", "fact 'hours': field 'source': required when there are several"),
        ("source: desk", "source: blog", "fact 'hours': field 'source': unknown source 'blog'"),
        ('    quote: "trade increased by 66 percent"\n', "",
         "fact 'growth': field 'quote': required for a fact from an article"),
        ("quote: \"trade increased", "quote: \"trade fell",
         "fact 'growth': field 'quote': not found verbatim in the text of 'vna'"),
    ],
)
def test_fact_source_rules(tmp_path: Path, old: str, new: str, expected: str) -> None:
    """A fact names a known source when there are several, and quotes an article verbatim."""
    directory = _write(tmp_path / "kb", MANIFEST, FACTS.replace(old, new))
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(directory)
    assert any(expected in line for line in caught.value.problems), caught.value.problems


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("    publisher: VNA\n", "", "knowledge.yaml: field 'sources.0.publisher': required for"),
        ("    file: source.txt\n", "    file: gone.txt\n", "cannot read gone.txt"),
        ("id: desk", "id: vna", "field 'sources.1.id': duplicate source id 'vna'"),
        ("kind: notes", "kind: blog", "knowledge.yaml: field 'sources.1.kind'"),
        ('title: {en: "Trade desk notes"}', 'title: {ru: "Заметки"}',
         "knowledge.yaml: field 'sources.1.title.en': missing"),
    ],
)
def test_manifest_rules(tmp_path: Path, old: str, new: str, expected: str) -> None:
    """Each broken source declaration gives one line naming the manifest and the field."""
    directory = _write(tmp_path / "kb", MANIFEST.replace(old, new), FACTS)
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(directory)
    assert any(expected in line for line in caught.value.problems), caught.value.problems
