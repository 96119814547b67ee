"""Tests for bot.engine.kinds: the kind of thing a question asks for."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.kinds import (
    asked_kinds,
    asks_kind_before,
    asks_within,
    kind_tokens,
    kinds_before,
)
from bot.engine.retrieval import Weights
from bot.knowledge import Knowledge


@pytest.mark.parametrize(
    ("question", "language", "kinds"),
    [
        ("in which chinese city did they talk", "en", [["chinese", "city"]]),
        ("how many tons were shipped", "en", [["tons"]]),
        ("what did they sign", "en", []),  # "what" before "did" asks for no kind
        # A date or a number asked ("what year", "какого числа"), in any form: no kind.
        ("the road map covers which years", "en", []),
        ("какого числа было заявление", "ru", []),
        ("when did putin speak", "en", []),  # "when" takes no kind
        ("в каком городе шли переговоры", "ru", [["городе", "шли"]]),
        # The kind's words stand together, or after a preposition: a verb's helper ends it.
        ("what grains does laos have to offer", "en", [["grains"]]),
        ("what's in the picture at the top", "en", [["picture"]]),
        ("сколько товарооборот в долларах", "ru", [["товарооборот", "долларах"]]),
        # What is set aside ends the kind: "farming" is not asked for.
        ("which industries besides farming did they discuss", "en", [["industries"]]),
        ("which industries apart from mining were discussed", "en", [["industries"]]),
        # The kind stands in the asker's sentence: the words after its question mark are
        # no kind of it.
        ("что там называют? кукуруза картошка", "ru", [[]]),
        ("which crops? rice, tea", "en", [["crops"]]),
        ("how much is that in us dollars", "en", [["dollars"]]),
    ],
)
def test_the_kind_is_the_content_words_after_an_asker(
    engine: Engine, question: str, language: str, kinds: list[list[str]]
) -> None:
    """An asking word's kind is the first content words after it, standing together (or
    after a preposition), subjects left out."""
    found = asked_kinds(engine.index(language), question, language)
    assert [[word for word, _ in kind] for kind in found] == kinds


@pytest.mark.parametrize(
    ("question", "language", "expected"),
    [
        ("which Vietnamese port will the ships use", "en", True),
        ("через какие китайские города пройдёт дорога", "ru", True),
        ("which ports will the ships use", "en", False),  # the fact names them by country
        ("which country will the railway go through", "en", False),  # a country is asked
        ("which Russian companies mine there", "en", False),  # the article's subject
        # The name of a kind asks for the kind as "which" does.
        ("what are the names of the Chinese stations on the line", "en", True),
        ("названия китайских станций на этой дороге", "ru", True),
        ("the name of the lao president?", "en", False),
    ],
)
def test_a_kind_inside_a_country_is_asked_within_it(
    engine: Engine, question: str, language: str, expected: bool
) -> None:
    """A kind described by a country other than the article's subjects asks for something
    inside that country."""
    index = engine.index(language)
    assert asks_within(index, question, language, index.places) is expected


@pytest.mark.parametrize(
    ("question", "language", "expected"),
    [
        ("Nga sẽ dùng cảng nào của Việt Nam?", "vi", True),
        ("nga se dung cang nao cua viet nam", "vi", True),  # typed without marks
        ("ທ່າເຮືອໃດຂອງຫວຽດນາມ", "lo", True),
        # A country, a date or a question word of its own is no kind.
        ("đường sắt đi qua nước nào?", "vi", False),
        ("Putin công bố ngày nào?", "vi", False),
        ("khi nào tuyến đường sắt chạy?", "vi", False),
        ("ທາງລົດໄຟຜ່ານປະເທດໃດ", "lo", False),
        ("which port", "en", False),  # English asks a kind before it
    ],
)
def test_a_question_word_after_its_kind_asks_one(
    engine: Engine, question: str, language: str, expected: bool
) -> None:
    """A question word written after its kind ("cảng nào") asks for one, unless it is part
    of a phrase asking for a country, a number or a date."""
    assert asks_kind_before(engine.index(language), question, language) is expected


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("mỏ bô-xít ở tỉnh nào?", ["tinh"]),  # which province: the word before "nào"
        ("đường sắt đi qua nước nào?", []),  # which country: a phrase of its own
        ("qua nc nào?", []),  # "nc", a chat abbreviation of "nước", as often as a word
        ("ແຂວງໃດ", []),  # no word to read where words run together
    ],
)
def test_the_kind_before_a_question_word_is_the_word_right_before_it(
    engine: Engine, question: str, kind: list[str]
) -> None:
    """The kind asked with a question word written after it is the word right before it."""
    language = engine.language_of(question)
    assert [word for word, _ in kinds_before(engine.index(language), question, language)] == kind


def test_kind_tokens_keep_only_the_word_right_after_the_asker(engine: Engine) -> None:
    """The kind tokens a fact's phrasings are compared on are the words right after askers."""
    index = engine.index("en")
    assert kind_tokens(index, "which mines do russian firms work", "en") == {
        index.analyzer.token("mines")}


def test_a_fact_asked_for_by_kind_gets_the_kind_bonus(knowledge: Knowledge) -> None:
    """A fact whose phrasings ask for the kind the question asks for ("какие меморандумы")
    scores `kind_bonus` more; one asking for another kind ("какого визита") does not."""
    question = "какие меморандумы подписали во время визита"
    plain = {c.fact_id: c.score for c in Engine(knowledge, weights=Weights(kind_bonus=0.0))
             .rank(question, "ru")}
    bonus = {c.fact_id: c.score for c in Engine(knowledge, weights=Weights(kind_bonus=3.0))
             .rank(question, "ru")}
    assert bonus["memoranda"] == pytest.approx(plain["memoranda"] + 3.0)
    assert bonus["official_visit"] == pytest.approx(plain["official_visit"])
