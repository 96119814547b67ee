"""Tests for bot.knowledge.loading: loading and validating the knowledge base."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import Knowledge, KnowledgeError, load_knowledge


def _edit(directory: Path, name: str, old: str, new: str) -> None:
    path = directory / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_tiny_knowledge_loads(tiny_dir: Path) -> None:
    """A valid knowledge base loads with its facts, topics and languages."""
    knowledge = load_knowledge(tiny_dir)
    assert [fact.id for fact in knowledge.facts] == ["growth", "routes"]
    assert knowledge.languages == ("en", "ru")
    assert knowledge.by_id["growth"].related == ("routes",)


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [
        (
            "facts.yaml",
            'ru: "Морские пути через Вьетнам."',
            'ru: "Морские пути через Вьетнам с 2025 года."',
            "facts.yaml: fact 'routes': field 'answer.en': lacks the number 2025 that answer.ru "
            "has",
        ),
        (
            "facts.yaml",
            "id: routes",
            "id: growth",
            "facts.yaml: fact 'growth': field 'id': duplicate id",
        ),
        (
            "facts.yaml",
            "related: [growth]",
            "related: [nowhere]",
            "fact 'routes': field 'related': unknown id 'nowhere'",
        ),
        (
            "facts.yaml",
            '"trade increased by 66 percent"',
            '"trade increased by 67 percent"',
            "fact 'growth': field 'quote': not found verbatim",
        ),
        (
            "facts.yaml",
            'en: "Trade grew by 66 percent."',
            'en: "   "',
            "fact 'growth': field 'answer.en'",
        ),
        (
            "facts.yaml",
            'en: ["Which new routes?", "new routes"]',
            "en: []",
            "fact 'routes': field 'questions.en': no phrasings",
        ),
        (
            "facts.yaml",
            'ru: "Морские пути через Вьетнам."',
            "",
            "fact 'routes': field 'answer.ru': no answer in 'ru'",
        ),
        (
            "facts.yaml",
            "topic: trade",
            "topic: sport",
            "fact 'growth': field 'topic': unknown topic 'sport'",
        ),
        (
            "facts.yaml",
            '    quote: "through the ports of Vietnam"\n',
            "",
            "fact 'routes': field 'quote': required for a fact from an article",
        ),
        (
            "facts.yaml",
            "related: [routes]",
            "related: [routes]\n    colour: red",
            "fact 'growth': field 'colour': Extra inputs",
        ),
        (
            "facts.yaml",
            "related: [routes]",
            'related: [routes]\n    not_in_article: {de: ["Wie viel?"]}',
            "fact 'growth': field 'not_in_article.de': unknown language",
        ),
        (
            "facts.yaml",
            "related: [routes]",
            'related: [routes]\n    not_in_article: {en: ["How  much did trade grow?"]}',
            "fact 'growth': field 'not_in_article.en': 'How  much did trade grow?' is also one",
        ),
        ("facts.yaml", "facts:", "facts: [", "facts.yaml: line"),
        ("facts.yaml", "  - id: growth", "  - id: [growth", "YAML syntax error"),
        (
            "article.yaml",
            "source_file: source.txt",
            "source_file: missing.txt",
            "field 'source_file': cannot read missing.txt",
        ),
        ("article.yaml", "languages: [en, ru]", "languages: []", "article.yaml: field 'languages'"),
        (
            "article.yaml",
            'title: {en: "Tiny", ru: "Крошка"}',
            'title: {en: "Tiny"}',
            "field 'title.ru': missing",
        ),
    ],
)
def test_broken_knowledge_is_reported(
    tiny_dir: Path, name: str, old: str, new: str, expected: str
) -> None:
    """Each kind of broken knowledge file gives one clear line naming the file, fact and field."""
    _edit(tiny_dir, name, old, new)
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(tiny_dir)
    problems = caught.value.problems
    assert any(expected in line for line in problems), problems
    assert all("\n" not in line and "Traceback" not in line for line in problems)


def test_yaml_is_never_executed(tiny_dir: Path) -> None:
    """A YAML tag that would construct Python objects is refused, not run."""
    (tiny_dir / "facts.yaml").write_text(
        "facts: !!python/object/apply:os.system ['true']\n", encoding="utf-8"
    )
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(tiny_dir)
    assert "facts.yaml" in caught.value.problems[0]


def test_missing_directory_is_one_line(tmp_path: Path) -> None:
    """A knowledge directory that does not exist is reported in one line."""
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(tmp_path / "nowhere")
    assert caught.value.problems == (f"{tmp_path / 'nowhere'}: knowledge directory not found",)


def test_every_problem_is_listed(tiny_dir: Path) -> None:
    """Several problems in one file are all reported, not just the first."""
    _edit(tiny_dir, "facts.yaml", "related: [growth]", "related: [nowhere]")
    _edit(tiny_dir, "facts.yaml", "topic: trade", "topic: sport")
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(tiny_dir)
    assert len(caught.value.problems) == 2


def test_real_knowledge_covers_every_language(knowledge: Knowledge) -> None:
    """The shipped knowledge base has every fact, each with six or more phrasings per language."""
    assert len(knowledge.facts) >= 18
    for fact in knowledge.facts:
        for language in knowledge.languages:
            assert len(fact.questions[language]) >= 6, (fact.id, language)
            assert fact.answer[language].strip(), (fact.id, language)
