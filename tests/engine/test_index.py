"""Tests for bot.engine.index: what the index reads from the knowledge base."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.engine import Engine
from bot.engine import index as index_module
from bot.engine.analysis import Analyzer
from bot.engine.index import build_index, categories_named, categories_of, collocations


@pytest.mark.parametrize(
    ("texts", "least", "expected"),
    [
        # Written together every time: one word, from three times on.
        (["mở rộng vận tải", "mở rộng đường sắt", "Nga mở rộng"], 3, {("mo", "rong")}),
        (["mở rộng vận tải", "mở rộng đường sắt"], 3, set()),
        # Three times together, but each is written apart more often: two words.
        (["mỏ kim", "kim loại", "kim khí", "mỏ kim", "mỏ than", "mỏ kim", "kim cương"], 3,
         set()),
    ],
)
def test_collocations(texts: list[str], least: int, expected: set[tuple[str, str]]) -> None:
    """Two tokens written next to each other at least `least` times, and in most of the
    times the rarer is written, are a collocation."""
    assert collocations(Analyzer("vi"), texts, least) == expected


def test_a_vietnamese_collocation_is_read_as_a_word_of_its_own(engine: Engine) -> None:
    """A question with the knowledge base's "mở rộng" (expand) has it as one token too;
    one with "mỏ" (a mine) beside another word has no such token."""
    analyzer = engine.index("vi").analyzer
    assert "mo_rong" in analyzer.tokens("Nga mở rộng vận tải biển")
    assert "mo_rong" not in analyzer.tokens("mỏ quặng nhôm")


@pytest.mark.parametrize(
    ("answer", "language", "category", "named"),
    [
        ("Laos grows rice and sweet potatoes.", "en", "cereal", True),
        ("Laos grows rice and sweet potatoes.", "en", "tuber", True),
        ("The sweet taste of success.", "en", "tuber", False),  # "sweet potato" word for word
        ("Trade grew by 66 percent.", "en", "cereal", False),
        ("Лаос выращивает рис и батат.", "ru", "злак", True),
        # "oil" of "oil crop" is a fossil fuel alone: the peanuts give "oilseed", not "oil".
        ("Laos grows peanuts.", "en", "oilseed", True),
        ("Laos grows peanuts.", "en", "oil", False),
        # A category named by a name of several words has its other names: "forest
        # products" are "timber" and "wood".
        ("Laos exports rice and forest products.", "en", "timber", True),
        ("Laos exports rice.", "en", "timber", False),
        # "vegetable" of "root vegetable" is itself a farm product, as the rice is.
        ("Laos grows rice and sweet potatoes.", "en", "vegetable", True),
        # Land transport is the railway as much as the road.
        ("A railway through China is planned.", "en", "land transport", True),
        ("Откроют железнодорожное сообщение через Китай.", "ru", "наземный транспорт", True),
    ],
)
def test_an_answer_naming_a_member_has_its_categorys_names(
        engine: Engine, answer: str, language: str, category: str, named: bool) -> None:
    """An answer naming a member of a category (word for word, by stem) has the category's
    names among its tokens; one naming none has not."""
    analyzer = engine.index(language).analyzer
    token = analyzer.tokens(category)[0]
    categories = categories_of(analyzer, language)
    assert (token in categories_named(analyzer, answer, categories)) is named


@pytest.mark.parametrize(
    ("question", "language", "fact"),
    [
        ("any cereals among the exports?", "en", "agri_exports"),
        ("какие-нибудь зерновые культуры есть в списке?", "ru", "agri_exports"),
        ("what land transport is planned", "en", "new_routes"),
    ],
)
def test_a_category_word_finds_the_fact_naming_its_members(
        engine: Engine, question: str, language: str, fact: str) -> None:
    """A question asking with a category word no fact has ranks first the fact whose answer
    names a member of it."""
    assert engine.rank(question, language)[0].fact_id == fact


def test_categories_add_words_and_move_none(
        engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    """The categories add words no fact has ("cereal") and leave every word the facts have
    where the facts put it."""
    added = build_index(engine.knowledge, "en")
    resources = index_module.language_resources
    monkeypatch.setattr(index_module, "language_resources",
                        lambda code: replace(resources(code), categories=()))
    plain = build_index(engine.knowledge, "en")
    assert all(added.postings[token] == facts for token, facts in plain.postings.items())
    assert added.analyzer.token("cereal") in set(added.postings) - set(plain.postings)
    assert added.lengths == plain.lengths


def test_a_word_asking_for_another_fact_is_no_keyword(engine: Engine) -> None:
    """A fact whose phrasing alone holds "other" ("applications other than power") does not
    take "other" as a keyword question of its own, as it takes "rice"."""
    index = engine.index("en")
    number = [fact.id for fact in engine.knowledge.facts].index("nuclear_interest")
    assert "other" not in index.phrasings[number]
    agri = [fact.id for fact in engine.knowledge.facts].index("agri_exports")
    assert "rice" in index.phrasings[agri]


@pytest.mark.parametrize("question", ["tên đầy đủ của ông ấy", "ten day du cua ong ay"])
def test_a_phrase_asking_for_a_name_is_read_without_marks_too(engine: Engine,
                                                            question: str) -> None:
    """"Tên đầy đủ" (full name) asks for a name typed with its marks or without: its
    "đầy" is kept apart from the stopword "đây" only when marked."""
    index = engine.index("vi")
    assert index.asks_for_name(index.analyzer.normal(question))
