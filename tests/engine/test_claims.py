"""Tests for bot.engine.claims: claims checked, answered by the fact that says what is so."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.claims import checks_claim, closing_claim


@pytest.mark.parametrize(
    ("question", "language", "expected"),
    [
        ("so they signed a military pact, right?", "en", True),
        ("is it true that trade fell?", "en", True),
        ("which human rights were discussed", "en", False),  # "right?" only ends a question
        ("так они военный пакт подписали, верно?", "ru", True),
        ("верно что торговля упала?", "ru", True),
        ("дорожная карта на 2025-2027 вроде?", "ru", True),
        ("вроде бы рис в списке есть", "ru", False),  # "вроде" opening a remark is no tag
        ("nu tak oni pakt podpisali, pravilno?", "ru", True),  # read without the soft sign
        ("đường sắt đi qua Thái Lan đúng không?", "vi", True),
        ("ລົດໄຟຈະຜ່ານໄທແມ່ນບໍ?", "lo", True),
        # A stopword may stand between a phrase's words ("đúng vậy không").
        ("đường sắt đi qua Thái Lan, đúng vậy không?", "vi", True),
        ("đúng là tàu đi qua Thái Lan, không?", "vi", False),  # more than one word between
        # A particle closing a question as "right?" does ("hả?"), typed without its mark too.
        ("tàu đi qua Thái Lan hả?", "vi", True),
        ("tau di qua Thai Lan ha?", "vi", True),
        ("hà nội có nhắc không?", "vi", False),
        # A dispute to settle checks the claims told before it.
        ("my uncle says trade fell, i say it grew. who's right?", "en", True),
        ("брат говорит, что торговля упала, кто прав?", "ru", True),
        ("anh tôi nói thương mại giảm, ai đúng?", "vi", True),
        ("ລຸງວ່າການຄ້າຫຼຸດລົງ ໃຜຖືກ", "lo", True),
    ],
)
def test_checks_claim(engine: Engine, question: str, language: str, expected: bool) -> None:
    """A question checks a claim when it has one of its language's `checks_claim` phrases, a
    stopword allowed between their words."""
    assert checks_claim(engine.index(language), question) is expected


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("the railway to Laos will run through Thailand, right?", "new_routes"),
        ("is it true that trade between the two countries fell in 2024?", "trade_growth"),
        ("железная дорога пойдет через Таиланд, верно?", "new_routes"),
        ("đường sắt sẽ đi qua Thái Lan đúng không?", "new_routes"),
        # Where words run together, two words one of them long ("ທາງລົດໄຟ", railway) count
        # as two however many n-grams each is cut into.
        ("ທາງລົດໄຟຈະຜ່ານໄທແມ່ນບໍ?", "new_routes"),
        # A wrong year the knowledge base has elsewhere (the trade figures' 2024) is the
        # claim's, not a year the answer must have.
        ("the nuclear road map covers 2024 to 2025, right?", "nuclear_roadmap"),
        # A wrong range, weighing the answer down: what the other words point to.
        ("дорожную карту по атому приняли на 2023-2024, да?", "nuclear_roadmap"),
        # Clearly ahead on two of its words, as sure as an offer: what the article says.
        ("Lào sắp xây nhà máy điện hạt nhân với Nga rồi phải không?", "nuclear_interest"),
        ("nghe noi Nga se mo duong sat qua VN de cho hang sang Lao dung ko?", "new_routes"),
        # Ahead of a related fact by less than a question would need: the claim's subject.
        ("so the new rail link will run through Thailand, right?", "new_routes"),
        # One fact alone in sight, plausible: what the article says of the claim's subject.
        ("Vậy là Lào với Nga ký hiệp ước quân sự rồi đúng ko?", "memoranda"),
        ("đường sắt sẽ đi qua Thái Lan hả?", "new_routes"),
        # "Кто" of "кто прав" (who's right) asks for no person.
        ("брат говорит, что торговля с россией упала, а я говорю, что выросла, кто прав?",
         "trade_growth"),
    ],
)
def test_a_claim_checked_is_answered_by_the_fact_that_confirms_or_corrects_it(
        engine: Engine, question: str, fact_id: str) -> None:
    """A claim the article contradicts ("via Thailand, right?") gets the fact its other
    words point to, which says what the article does say."""
    decision = engine.decide(question)
    assert (decision.kind, decision.fact_id) == ("fact", fact_id)


@pytest.mark.parametrize(
    "question",
    ["Laos borders Thailand, right?", "Putin flew to Vientiane, right?",
     "it rains a lot in Vientiane in August, right?", "ປູຕິນບິນໄປວຽງຈັນແມ່ນບໍ?"],
)
def test_a_claim_with_too_little_to_go_on_is_not_answered(engine: Engine, question: str) -> None:
    """A claim whose other words are one name or one loose word points at no fact clearly
    enough to answer it."""
    assert engine.decide(question).kind != "fact"


def test_a_claim_checked_in_latin_letters_is_read_without_its_soft_signs(engine: Engine) -> None:
    """A Russian claim typed in Latin letters without the soft sign ("pravilno?") is still a
    claim checked: the railway via Thailand is answered with the routes."""
    decision = engine.decide("zheleznaya doroga poidet cherez tailand, pravilno?")
    assert (decision.kind, decision.fact_id) == ("fact", "new_routes")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("the new railway will go through Mongolia", "new_routes"),
        ("железную дорогу проложат через Монголию", "new_routes"),
        # Another country in place of one of the article's subjects asks about that country.
        ("trade between Thailand and Russia in 2024?", None),
        ("did Thailand sign a nuclear deal?", None),
        # A question word asks for what the article may not give.
        ("which Thai port will the cargo use?", None),
    ],
)
def test_a_statement_naming_another_country_is_a_claim(
        engine: Engine, question: str, expected: str | None) -> None:
    """A statement asking no question word, naming a country no fact has where a fact names
    another ("via Mongolia"), is checked against that fact."""
    decision = engine.decide(question)
    assert decision.fact_id == expected


@pytest.mark.parametrize(
    ("question", "language", "expected"),
    [
        ("so trade fell and they signed a defence deal, correct?", "en", "correct?"),
        ("so trade went up 80%, right??", "en", "right?"),
        ("торговля упала и подписали военный пакт, верно?", "ru", "верно?"),
        # A phrase checking a claim that does not close the message is no closing tag.
        ("is it true that trade fell?", "en", None),
        ("how much did trade grow?", "en", None),
    ],
)
def test_closing_claim(engine: Engine, question: str, language: str,
                       expected: str | None) -> None:
    """The phrase checking a claim that closes a message is read, to check each claim the
    message joins."""
    assert closing_claim(engine.index(language), question) == expected
