"""Tests for bot.engine.scoring: what a question asks for, next to its question word."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.scoring import asks_other, has_only, without_missing


@pytest.mark.parametrize(
    ("language", "question", "phrasing", "other"),
    [
        # The same words; what comes after "which" differs.
        ("ru", "какие металлы добывают российские компании", "какие российские компании "
         "добывают металлы", True),
        ("en", "which metals do russian companies mine", "which russian companies mine metals",
         True),
        ("en", "which russian companies mine metals", "which russian companies mine metals",
         False),
        # A word the phrasing does not have is passed over.
        ("en", "when will the new railway open", "when will the railway open", False),
        # No question word: nothing to tell apart by.
        ("en", "russian companies mining metals", "which russian companies mine metals", False),
    ],
)
def test_asks_other(engine: Engine, language: str, question: str, phrasing: str,
                    other: bool) -> None:
    """A question asks for another thing than a phrasing with the same words when the word
    beside its question word is one the phrasing has elsewhere."""
    index = engine.index(language)
    tokens = index.analyzer.tokens
    assert asks_other(index, tokens(question), tokens(phrasing)) is other


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("какие металлы добывают российские компании в лаосе", "fact"),
        ("kakie metally dobyvayut rossijskie kompanii v laose", "fact"),
        ("какие российские компании добывают металлы в лаосе?", "none"),
    ],
)
def test_a_near_miss_asks_for_what_the_article_does_not_give(engine: Engine, question: str,
                                                             kind: str) -> None:
    """Which metals the companies mine is answered; which companies mine them is not said."""
    assert engine.decide(question).kind == kind


@pytest.mark.parametrize(
    ("question", "language"),
    [("рост торговли в 24-м году", "ru"), ("trade growth in the first five months of 25", "en")],
)
def test_two_digits_of_a_year_a_fact_has_are_that_year(
        engine: Engine, question: str, language: str) -> None:
    """A two-digit number no fact has, the end of a year one has ("24-м году"), is read as
    that year and must be in the fact as the year would."""
    assert engine.rank(question, language)[0].fact_id == "trade_growth"


@pytest.mark.parametrize(
    ("question", "language"),
    [("growth in early 2025?", "en"), ("рост торговли в начале 2025", "ru")],
)
def test_a_part_of_a_year_dates_a_question_as_a_month_does(
        engine: Engine, question: str, language: str) -> None:
    """"Early 2025" dates the question; "early" is no word a fact must have."""
    decision = engine.decide(question)
    assert (decision.kind, decision.fact_id) == ("fact", "trade_growth")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("is the railway going through Thailand?", "is the railway going through"),
        ("how much did trade grow in 2023", "how much did trade grow in"),
        # A name of two words read as one: "thái lan" is "thailan".
        ("đường sắt sẽ đi qua Thái Lan?", "duong sat se di qua"),
        ("how much did trade grow in 2024", None),  # a year the facts have
        ("trade with Vietnam", None),  # a country the facts name
    ],
)
def test_without_missing(engine: Engine, question: str, expected: str | None) -> None:
    """Countries and numbers no fact has are taken out; None when there are none."""
    assert without_missing(engine.index(engine.language_of(question)), question) == expected


def test_a_number_among_lao_ngrams_weighs_a_word(engine: Engine) -> None:
    """A number among Lao n-grams weighs as a Latin word does, a whole word's n-grams."""
    index = engine.index("lo")
    assert index.token_weight("2023") == index.unknown_weight * index.borrowed_weight


def test_a_lao_near_miss_said_another_way_is_still_one(engine: Engine) -> None:
    """"When will the railway through China open", with the colloquial future and "when"
    ("ຊິ", "ຕອນໃດ"), is still what the article does not say: n-grams of one word said
    another way are several, so a near miss needs fewer of them than of words."""
    decision = engine.decide("ທາງລົດໄຟຜ່ານຈີນຊິເປີດຕອນໃດ")
    assert decision.kind == "none"


def test_a_latin_word_among_lao_ngrams_weighs_a_word(engine: Engine) -> None:
    """Lao is cut into n-grams; "MOU" typed in Latin letters weighs as many n-grams as a word
    becomes, so "signed an MOU about what?" is the memoranda, not facts sharing n-grams."""
    assert engine.index("lo").borrowed_weight > 2.0
    assert engine.index("en").borrowed_weight == 1.0
    decision = engine.decide("ເຊັນ MOU ກັນກ່ຽວກັບຫຍັງແດ່")
    assert (decision.kind, decision.fact_id) == ("fact", "memoranda")


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("Putin nói điều này hôm nào", "announcement"),
        ("so how big was the jump in business between vientiane and moscow last year",
         "trade_growth"),
        ("how old is he?", None),
    ],
)
def test_a_word_asking_for_a_number_names_nothing(engine: Engine, question: str,
                                                  fact: str | None) -> None:
    """A word of a phrase asking for a number or a date that no fact has ("hôm", "big")
    does not count against the facts the rest names; alone, it is all there is."""
    assert engine.decide(question).fact_id == fact


@pytest.mark.parametrize(
    ("question", "answered"),
    [
        # A category one fact names, and a thing of it as an example: the category is asked.
        ("корнеплоды какие-нибудь упоминаются? типа картошки", "agri_exports"),
        ("any grains mentioned, like wheat?", "agri_exports"),
        # A thing alone is what is asked.
        ("is coffee mentioned?", None),
    ],
)
def test_a_thing_beside_its_category_is_an_example(engine: Engine, question: str,
                                                   answered: str | None) -> None:
    """A thing named as an example of a category the question also names costs the question
    nothing; named alone it is what is asked."""
    decision = engine.decide(question)
    assert (decision.fact_id if decision.kind == "fact" else None) == answered


@pytest.mark.parametrize(
    ("language", "question", "best"),
    [
        # The source is "Is this from the Vietnam News Agency?" in a phrasing: its answer
        # names VNA; the routes' answer says Vietnam's ports.
        ("en", "is vietnam mentioned?", "new_routes"),
        ("ru", "В статье вообще упоминается Вьетнам?", "new_routes"),
        # Timber is a forestry product: the category the exports' answer names a member of.
        ("en", "does it say anything about timber or other stuff from the jungle?",
         "agri_exports"),
    ],
)
def test_a_mention_is_of_what_an_answer_says(engine: Engine, language: str, question: str,
                                             best: str) -> None:
    """Asked whether something is mentioned, a fact whose answer says it ranks above one
    only its phrasings name it in."""
    assert engine.rank(question, language)[0].fact_id == best


@pytest.mark.parametrize(
    ("question", "best"),
    [
        # The Lao head of state is "chủ tịch nước" in the facts, Putin the "tổng thống" of
        # Russia: asked of Laos, Putin's fact is not the best.
        ("ai là tổng thống lào", None),
        ("ai là tổng thống nga", "putin"),
    ],
)
def test_a_fact_naming_only_the_subject_not_asked_of_ranks_lower(
        engine: Engine, question: str, best: str | None) -> None:
    """A question naming one of the article's subjects ranks a fact naming only the other
    one lower."""
    top = engine.rank(question, "vi")[0].fact_id
    assert top == best if best is not None else top != "putin"


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [({"nga", "putin"}, True), ({"nga", "lào"}, False), ({"putin"}, False)],
)
def test_has_only(tokens: set[str], expected: bool) -> None:
    """A fact has only the other subject when it has it and none of those named."""
    assert has_only(tokens, {"nga"}, {"lào"}) is expected
