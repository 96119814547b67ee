"""Tests for bot.engine.splitting: where a message may be cut into questions."""

from __future__ import annotations

import pytest

from bot.engine.splitting import groupings, listed, sentences


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("How much did trade grow?", "en", ["How much did trade grow?"]),
        ("How much did trade grow? Who announced it?", "en",
         ["How much did trade grow?", "Who announced it?"]),
        ("how much did trade grow?who announced it", "en",
         ["how much did trade grow?", "who announced it"]),
        ("trade growth\nnew routes", "en", ["trade growth", "new routes"]),
        ("trade growth + new routes", "en", ["trade growth", "new routes"]),
        ("why the new routes & what for", "en", ["why the new routes & what for"]),
        ("R&D and trade", "en", ["R&D and trade"]),
        ("How much did trade grow? Also, who announced it?", "en",
         ["How much did trade grow?", "who announced it?"]),
        ("Насколько вырос товарооборот? А кто это объявил?", "ru",
         ["Насколько вырос товарооборот?", "А кто это объявил?"]),
        ("What?? Really", "en", ["What?? Really"]),
        # A remark after a question mark says more of that question; put as a question
        # (a question mark, an asking word, a joining word) or on a line of its own, it is one.
        ("Is tea mentioned? My family grows tea", "en", ["Is tea mentioned? My family grows tea"]),
        ("Лаос интересуется атомом? или это только про электростанции", "ru",
         ["Лаос интересуется атомом? или это только про электростанции"]),
        ("Is nuclear mentioned? also anything on hydropower", "en",
         ["Is nuclear mentioned?", "anything on hydropower"]),
        ("Is nuclear mentioned? What about hydropower", "en",
         ["Is nuclear mentioned?", "What about hydropower"]),
        ("Is nuclear mentioned?\nhydropower", "en", ["Is nuclear mentioned?", "hydropower"]),
        ("trade grew 66+20 percent", "en", ["trade grew 66+20 percent"]),
        ("was that +20% for all of 2025", "en", ["was that +20% for all of 2025"]),
        ("how do I color my C++ code", "en", ["how do I color my C++ code"]),
        ("trade growth + who announced it", "en", ["trade growth", "who announced it"]),
        ("trade growth +new routes", "en", ["trade growth", "new routes"]),
        ("Two things: 1) trade growth 2) new routes", "en", ["trade growth", "new routes"]),
        # Questions numbered in words: the word sets a question apart, and is no part of it;
        # a word that only looks like one ("last year's trade") stays.
        ("First, who met Putin? Second, whats the weather like", "en",
         ["who met Putin?", "whats the weather like"]),
        ("Во-первых, какие меморандумы подписали? Во-вторых, сколько стоит дорога?", "ru",
         ["какие меморандумы подписали?", "сколько стоит дорога?"]),
        ("Is tea mentioned? Last year's trade", "en", ["Is tea mentioned? Last year's trade"]),
        ("1. trade growth 2. new routes", "en", ["trade growth", "new routes"]),
        ("three quick ones: (1) who is Putin (2) what was signed", "en",
         ["who is Putin", "what was signed"]),
        ("Two things: a) did textiles come up b) who is Putin", "en",
         ["did textiles come up", "who is Putin"]),
        ("два вопроса: а) что подписали б) когда", "ru", ["что подписали", "когда"]),
        ("trade grew 66% (2024) and 20% in 2025", "en", ["trade grew 66% (2024) and 20% in 2025"]),
        ("trade grew in 2024. by how much", "en", ["trade grew in 2024. by how much"]),
        ("Why are new routes needed. Which industries came up?", "en",
         ["Why are new routes needed", "Which industries came up?"]),
        ("Did Mr. Putin say so", "en", ["Did Mr. Putin say so"]),
        # ";" between questions, not inside a word ("tl;dr").
        ("tl;dr of the talks; who is Putin", "en", ["tl;dr of the talks", "who is Putin"]),
        # A sentence asking nothing is read with the question after it, or before it.
        ("I run a small business. What did they sign?", "en",
         ["I run a small business. What did they sign?"]),
        ("I trade rice. Why new routes. What did they sign? Thanks.", "en",
         ["I trade rice. Why new routes", "What did they sign? Thanks"]),
        # A request for the overview is one, question mark or not; the article named in
        # passing is none ("for an article").
        ("Give me a summary. What did they sign?", "en",
         ["Give me a summary", "What did they sign?"]),
        ("I need it for an article. What did they sign?", "en",
         ["I need it for an article. What did they sign?"]),
        ("Два вопроса: 1) кто такой Путин 2) что подписали", "ru",
         ["кто такой Путин", "что подписали"]),
        ("Hi, two questions:\nwho is Putin?\nwhat was signed?", "en",
         ["who is Putin?", "what was signed?"]),
        ("Trade: how much did it grow?", "en", ["Trade: how much did it grow?"]),
        # Whatever asks nothing before a list introduces it; a question before one is one.
        ("I run a co-op. 1) what can Laos export 2) anything on textiles?", "en",
         ["what can Laos export", "anything on textiles?"]),
        ("ok two things. (a) trade growth (b) new routes", "en", ["trade growth", "new routes"]),
        ("Who is Putin? 1) trade growth 2) new routes", "en",
         ["Who is Putin?", "trade growth", "new routes"]),
    ],
)
def test_sentences(text: str, language: str, expected: list[str]) -> None:
    """A message is cut at line breaks, question marks followed by more, full stops between
    sentences that each ask, ';' (not between two letters), '+' or '&' standing apart and a
    numbered list's numbers (what introduces the list or the lines below it left out) only."""
    assert sentences(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("How much did trade grow and who announced the routes?", "en",
         [["How much did trade grow", "who announced the routes?"]]),
        ("trade between Laos and Russia", "en", [["trade between Laos", "Russia"]]),
        # "&" is "and": between two things or two questions, as the parts tell.
        ("why the new routes & what for", "en", [["why the new routes", "what for"]]),
        ("shipping & rail", "ru", [["shipping", "rail"]]),
        # A slash between spaces joins as "and" does; one between letters is a word's ("с/х").
        ("trade growth 2024 / date of the talks", "en",
         [["trade growth 2024", "date of the talks"]]),
        ("экспорт с/х", "ru", []),
        ("Насколько вырос товарооборот и кто это объявил?", "ru",
         [["Насколько вырос товарооборот", "кто это объявил?"]]),
        ("How much did trade grow", "en", []),
        # A phrase announcing another question ("one more thing", "заодно") joins as "and".
        ("how much did trade rise, one more thing, what was the total", "en",
         [["how much did trade rise", "what was the total"]]),
        ("через какие страны пойдут маршруты, и заодно сколько стоит дорога?", "ru",
         [["через какие страны пойдут маршруты", "сколько стоит дорога?"]]),
        # Russian joins typed in Latin letters, as the romanization reads them.
        ("skolko vyros tovarooborot i kto ob'yavil ob etom?", "ru",
         [["skolko vyros tovarooborot", "kto ob'yavil ob etom?"]]),
        # Vietnamese joins typed without their marks, as much of it is typed.
        ("lao xuat khau nong san gi, ngoai ra hai ben ky MoU ve linh vuc nao", "vi",
         [["lao xuat khau nong san gi", "hai ben ky MoU ve linh vuc nao"]]),
        # Lao ແລ້ວ joins after a space ("and then"), not glued to a verb ("already").
        ("ລາວກັບລັດເຊຍເຊັນສັນຍາກັນແລ້ວບໍ", "lo", []),
        ("ຮູບໃນຂ່າວແມ່ນໃຜ ແລ້ວຂ່າວລົງວັນທີໃດ", "lo", [["ຮູບໃນຂ່າວແມ່ນໃຜ", "ຂ່າວລົງວັນທີໃດ"]]),
        # After "or", "also" opens the other alternative, not another question.
        ("атом нужен только ради энергетики или ещё для чего-то?", "ru", []),
        ("atom nuzhen tolko radi energetiki ili eshche dlya chego-to?", "ru", []),
    ],
)
def test_groupings(text: str, language: str, expected: list[list[str]]) -> None:
    """A sentence is offered cut at its joining words, which the parts no longer carry."""
    assert groupings(text, language) == expected


def test_groupings_try_every_cut_most_parts_first() -> None:
    """With two joining words, the three-part reading comes before the two-part ones, and a
    two-part reading keeps the other joining word inside its part."""
    found = groupings("trade between Laos and Russia and who announced it", "en")
    assert found[0] == ["trade between Laos", "Russia", "who announced it"]
    assert ["trade between Laos and Russia", "who announced it"] in found


def test_many_joins_are_one_sentence() -> None:
    """A sentence with very many joining words is a list, not several questions."""
    assert groupings(" and ".join(["rice"] * 8), "en") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("1) who is Putin 2) what was signed", True),
    ("who is Putin\nwhat was signed", True),
    ("who is Putin and what was signed", False),
    ("trade grew 66% (2024) and 20% in 2025", False),
])
def test_listed(text: str, expected: bool) -> None:
    """Questions on lines of their own or numbered are a list."""
    assert listed(text) is expected
