"""Tests for bot.engine.persons: questions asking for a person."""

from __future__ import annotations

import pytest

from bot.engine import Engine


@pytest.mark.parametrize(
    "question",
    [
        "what's the name of the Lao president who met with Putin?",
        "как зовут лаосского президента, который встречался с Путиным?",
        "как зовут президента Лаоса, с которым переговоры вёл Путин?",
        "kak zovut laosskogo prezidenta, kotoryj priezzhal k Putinu?",  # in Latin letters
        "ປະທານປະເທດລາວທີ່ໄປລົມກັບປູຕິນແມ່ນໃຜ",  # Lao: the question word at the end
        "ຜູ້ນຳລາວທີ່ໄປເຈລະຈາກັບປູຕິນແມ່ນທ່ານໃດ",  # "which person", as Lao also asks who
    ],
)
def test_a_name_asked_of_a_described_person_is_asked_of_the_person(
    engine: Engine, question: str
) -> None:
    """The clause describing whom the name is asked of ("who met with Putin") says which
    person, it is not what is asked: its words do not pull the answer to Putin's fact."""
    assert engine.decide(question).fact_id == "thongloun"


@pytest.mark.parametrize(
    "question",
    [
        "who announced the railway through China?",
        "Кто объявил о железной дороге через Китай?",
        "ai công bố mở tuyến đường sắt qua Trung Quốc?",
        # Asked with its date too: the routes give none, the announcement does.
        "who announced the railway through China, and on what date?",
        "ai công bố mở tuyến đường sắt qua Trung Quốc, vào ngày nào?",
        # Unsure whether the routes or why they are opened is meant: the teller of both.
        "Who announced the plan to expand sea transport via Vietnam?",
        # Pointing to why the routes are opened, whose related facts name nobody: the
        # teller of the routes, a step further.
        "Кто заявил о расширении морских перевозок через Вьетнам?",
        # When, not who: the routes give no date, the announcement dates their announcing.
        "Какого числа Путин объявил о морских перевозках через Вьетнам?",
        "On what date did Putin announce sea transport via Vietnam?",
    ],
)
def test_who_did_what_a_fact_reports_is_the_related_fact_naming_them(
    engine: Engine, question: str
) -> None:
    """The routes name nobody and give no date; the related announcement names who announced
    them, and when."""
    assert engine.decide(question).fact_id == "announcement"


@pytest.mark.parametrize(
    "question", ["when will the railway through China open?",
                 "how long will the rail trip through China take?"],
)
def test_when_a_thing_will_happen_is_not_when_it_was_announced(
    engine: Engine, question: str
) -> None:
    """A date the article does not give of the routes is not the announcement's date: the
    question shares no word with what the announcement's answer says was done."""
    assert engine.decide(question).fact_id != "announcement"


def test_a_price_is_not_told_by_a_related_fact_giving_years(engine: Engine) -> None:
    """"How much will a nuclear plant cost?" asks an amount of money: the road map's years
    (2025-2026) give none, and the article does not say it."""
    assert engine.decide("how much will a nuclear power plant in laos cost?").kind == "none"


def test_who_did_it_needs_a_word_of_the_related_fact(engine: Engine) -> None:
    """"Who signed the education memorandum?" shares no word with the visit beyond "who":
    the article does not say which minister, and the visit is not made the answer."""
    assert engine.decide("who signed the education memorandum on each side?").fact_id \
        != "official_visit"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("who did putin sit down with in those talks?", {"announcement", "thongloun"}),
        ("kak zovut laosskogo prezidenta s kem putin govoril", {"announcement", "thongloun"}),
        ("Ông chủ tịch Lào hội đàm với Putin tên là gì?", {"announcement", "thongloun"}),
        # Asked who he is, the person named is the one asked about.
        ("who is Thongloun Sisoulith?", {"thongloun"}),
    ],
)
def test_a_person_asked_of_someone_named_is_someone_else(
    engine: Engine, question: str, expected: set[str]
) -> None:
    """Asked who met Putin, the answer names the other leader, not Putin's own fact; asked
    who Thongloun is, it is his."""
    assert engine.decide(question).fact_id in expected


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("who announced the new routes?", True),
        ("was it putin who flew to laos for this?", False),
        ("the lao president who met putin, who is he?", True),
    ],
)
def test_a_word_opening_a_clause_asks_for_no_person(engine: Engine, question: str,
                                                    asks: bool) -> None:
    """"Who" opening a clause that describes someone ("was it Putin who ...") asks for no
    person; one asking outside the clause does."""
    assert (engine.asks(question, "en").person is not None) is asks
