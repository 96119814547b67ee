"""Tests for bot.engine.places: country names in each language."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.places import country_words, single_words


@pytest.mark.parametrize(("language", "name"), [("en", "russia"), ("ru", "россия"), ("en", "laos"),
                                              ("vi", "campuchia"), ("vi", "hanquoc")])
def test_short_country_names_are_countries(language: str, name: str) -> None:
    """Countries ISO lists only by a long name ("Russian Federation") are known by the short one."""
    assert name in country_words(language)


def test_lao_country_names_are_whole_names() -> None:
    """Lao is read as character n-grams, so its country names are kept whole (no single
    n-gram of a name stands for the country)."""
    names = country_words("lo")
    assert "ໄທ" in names and "ຍີ່ປຸ່ນ" not in names  # folded: tone marks are optional
    assert any(name.startswith("ຍີປຸນ") for name in names)


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("ການຄ້າລາວກັບໄທເພີ່ມຂຶ້ນເທົ່າໃດ", None),  # trade with Thailand: not in the article
        ("ການຄ້າລາວກັບຣັດເຊຍເພີ່ມຂຶ້ນເທົ່າໃດ", "trade_growth"),
    ],
)
def test_a_lao_question_naming_another_country_is_declined(engine: Engine, question: str,
                                                           fact_id: str | None) -> None:
    """Another country named in Lao rules out facts that do not name it, and a word that
    merely shares an n-gram with a country's name (ພະລັງ, "power") does not."""
    assert engine.decide(question).fact_id == fact_id
    assert engine.rank("ເຂື່ອນໄຟຟ້າ ເຂົາເວົ້າຫຍັງແດ່", "lo")[0].fact_id == "textile_hydropower"


def test_a_two_word_short_name_is_one_place() -> None:
    """"Triều Tiên" (Korea) is a place as one joined word; "tiền" (money) and "triệu"
    (million), read without marks, are not places."""
    names = country_words("vi")
    assert "trieutien" in names
    assert not {"tien", "trieu"} & names


def test_a_country_the_facts_do_not_name_is_no_place_when_its_stem_is_their_word(
        engine: Engine) -> None:
    """"Груз" is Georgia's stem and cargo's: the facts say cargo, so a question about goods
    ("обмен товарами", read as cargo) does not need a fact naming it, while China, which the
    facts name, is still a place."""
    index = engine.index("ru")
    assert index.analyzer.token("грузия") not in index.places
    assert index.analyzer.token("китай") in index.places
    ranked = engine.rank("обмен товарами вырос на 66 процентов", "ru")
    assert ranked[0].fact_id == "trade_growth"


def test_a_pronoun_spelt_as_a_country_names_none(engine: Engine) -> None:
    """"Того" (of that) is also Togo: as a stopword it holds the question to no country."""
    decision = engine.decide("чай есть в списке того что лаос экспортирует?")
    assert (decision.kind, decision.fact_id) == ("fact", "agri_exports")


def test_single_words_are_the_names_written_as_one_word() -> None:
    """"Đức" (Germany) is written as one word, "Trung Quốc" (China) read as one from two."""
    assert "duc" in single_words("vi")
    assert "trungquoc" in country_words("vi") and "trungquoc" not in single_words("vi")


@pytest.mark.parametrize(
    ("question", "kind", "fact"),
    [
        # "dục" of "giáo dục" (education), typed without marks, reads as Đức (Germany).
        ("co thoa thuan nao ve giao duc ko", "fact", "memoranda"),
        ("có thỏa thuận nào về giáo dục không", "fact", "memoranda"),
        # Germany on its own is still a country no fact names.
        ("Đức có tham gia không", "none", None),
        # China beside "through" is still China: which station inside it, the article does
        # not say.
        ("duong sat qua trung quoc di qua ga nao", "none", None),
    ],
)
def test_a_syllable_of_a_known_word_is_no_country(engine: Engine, question: str, kind: str,
                                                  fact: str | None) -> None:
    """A country's one-word name inside a word of two syllables the facts have is that
    word's syllable, not the country; a name read from two syllables stays a name."""
    decision = engine.decide(question)
    assert (decision.kind, decision.fact_id) == (kind, fact)
