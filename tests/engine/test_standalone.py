"""Tests for bot.engine.standalone: one question decided on its own."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.standalone import decide_alone, elsewhere


@pytest.mark.parametrize(
    ("question", "kind", "fact"),
    [
        ("how much did trade between laos and russia grow?", "fact", "trade_growth"),
        # A preamble wrapping the question: its question part decides.
        ("hi, I'm writing a report for my class, quick one: why does russia want new routes?",
         "fact", "routes_reason"),
        ("what's the weather in vientiane?", "none", None),
        # Of two alternatives, the one a fact says is so; the other only names Putin.
        ("did the lao leader go to russia or did putin go to laos?", "fact", "official_visit"),
        # "Where", which only questions the article does not answer ask of the mines, in a
        # preamble telling, not asking; a question asking it is one.
        ("Hi, retired geologist here, worked 20 years abroad and I always wondered where the "
         "Russians dig. Anyway, which metals do Russian companies mine in Laos?",
         "fact", "metal_mines"),
        ("Where are the mines? I mean which metals do Russian companies mine in Laos",
         "none", None),
    ],
)
def test_decide_alone_answers_or_declines(engine: Engine, question: str, kind: str,
                                          fact: str | None) -> None:
    """A question standing alone is answered with its fact or declined."""
    decision = decide_alone(engine.ranker, question, "en", "en")
    assert (decision.kind, decision.fact_id) == (kind, fact)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # "ທີ່ຈະ" (that will) is two n-grams the near misses alone have, and one junction.
        ("ທາງລົດໄຟທີ່ຈະເປີດ ແລ່ນຜ່ານປະເທດໃດ", "fact"),
        # Which port exactly: words of the near miss itself.
        ("ທ່າເຮືອໃດແທ້ທີ່ຈະນຳໃຊ້", "none"),
    ],
)
def test_a_near_miss_in_lao_takes_more_than_one_junction_of_letters(
        engine: Engine, question: str, kind: str) -> None:
    """Read as n-grams, a question is a known near miss only by as many n-grams as words."""
    assert decide_alone(engine.ranker, question, "lo", "lo").kind == kind


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        # A preamble about the asker before the word that asks: the question from there.
        ("privet! ya pishu kursovuyu pro Aziyu. mozhete korotko rasskazat kakie napravleniya "
         "sotrudnichestva obsuzhdali na peregovorah?", "talks_topics"),
    ],
)
def test_decide_alone_reads_past_a_preamble_about_the_asker(engine: Engine, question: str,
                                                            fact: str) -> None:
    """Words about the asker before the question ("I'm writing a paper, could you say ...")
    leave the question from its asking word, which confirms what the whole leans to."""
    decision = decide_alone(engine.ranker, question, "ru", "ru")
    assert (decision.kind, decision.fact_id) == ("fact", fact)


def test_decide_alone_says_the_article_does_not_give_a_detail(engine: Engine) -> None:
    """A detail the article does not give of a fact is declined, with that fact to show."""
    decision = decide_alone(engine.ranker, "Which Vietnamese ports will Russia use?", "en", "en")
    assert decision.kind == "none"
    assert decision.closest is not None and decision.closest.id == "new_routes"


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("is the railway going through Thailand?", "new_routes"),
        ("trade in 2023", "trade_growth"),
    ],
)
def test_elsewhere_shows_what_the_article_says_instead(engine: Engine, question: str,
                                                       fact: str) -> None:
    """A country or year no fact has: the article does not say it, and says this instead."""
    decision = elsewhere(engine.ranker, question, "en", "en")
    assert decision is not None and decision.closest is not None
    assert (decision.kind, decision.closest.id) == ("none", fact)


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        # During the visit to Russia | what documents did they sign: the memoranda.
        ("ຕອນທ່ານປະທານໄປຢ້ຽມຢາມຣັດເຊຍ ໄດ້ເຊັນເອກະສານຫຍັງແດ່", "memoranda"),
        # What did Laos and Russia sign: one phrase, decided whole.
        ("ລາວກັບຣັດເຊຍເຊັນເອກະສານຫຍັງແດ່", "memoranda"),
    ],
)
def test_a_lao_phrase_asking_after_one_setting_the_scene_is_the_question(
    engine: Engine, question: str, fact_id: str
) -> None:
    """Where spaces part phrases (Lao), the last phrase asking is what is asked, the
    phrase before it only when."""
    decision = engine.decide(question)
    assert (decision.kind, decision.fact_id) == ("fact", fact_id)


def test_a_number_only_a_preamble_names_holds_no_offer_back(engine: Engine) -> None:
    """A message whose whole no fact fits for a number its preamble names ("35 years") offers
    the close facts of its one question."""
    decision = decide_alone(engine.ranker, "Hi all, I taught chemistry for 35 years. Is "
                            "anything said about the atom stuff and Laos?", "en", "en")
    assert decision.kind == "clarify"
    assert "nuclear_interest" in decision.suggestions


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("my shop's prices are awful lately, i want to know which crops laos could export?",
         "en"),
        # I sell rice, prices are bad | I want to know that | which crops will Laos export.
        ("ຂ້ອຍຂາຍເຂົ້າ ລາຄາບໍ່ດີ ຢາກຮູ້ວ່າ ລາວຈະສົ່ງອອກພືດຫຍັງແດ່", "lo"),
    ],
)
def test_a_preamble_before_an_opening_phrase_asks_for_nothing(engine: Engine, question: str,
                                                              language: str) -> None:
    """What comes before "I want to know" tells: its price asks for no amount of money."""
    decision = decide_alone(engine.ranker, question, language, language)
    assert (decision.kind, decision.fact_id) == ("fact", "agri_exports")


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("which vietnamese ports will they use? haiphong?", "en"),
        # The whole no fact fits: declined all the same, with what the article does say.
        ("which vietnamese port specifically? hai phong?", "en"),
        ("Nga dùng cảng nào của Việt Nam vậy? Hải Phòng à?", "vi"),
    ],
)
def test_a_sentence_asking_a_detail_not_given_answers_no_message(engine: Engine, question: str,
                                                                 language: str) -> None:
    """A sentence read alone that asks what its fact does not say (which port inside the
    country it names) is declined as the whole message is, not answered with that fact."""
    decision = decide_alone(engine.ranker, question, language, language)
    assert decision.kind == "none"
    assert decision.closest is not None and decision.closest.id == "new_routes"


@pytest.mark.parametrize(
    "question",
    [
        "Hàng hóa sẽ đi qua cảng nào của Việt Nam, Vũng Áng hay Hải Phòng?",
        "Nga sẽ đi qua cảng nào của VN vậy, Hải Phòng hay Vũng Áng hay Cửa Lò?",
    ],
)
def test_an_offer_asking_a_detail_not_given_is_declined(engine: Engine, question: str) -> None:
    """A question only close enough to offer its fact, asking what the fact does not say
    (which port, this one or that), is declined with what the article does say, not
    answered by choosing between the alternatives."""
    decision = decide_alone(engine.ranker, question, "vi", "vi")
    assert decision.kind == "none"
    assert decision.closest is not None and decision.closest.id == "new_routes"


def test_the_question_after_an_opening_phrase_is_what_is_asked(engine: Engine) -> None:
    """After "ຢາກຮູ້ວ່າ" (I want to know), the question is answered even where the preamble's
    words (a lecturer preparing a class on Lao-Russian economic ties) lean nowhere."""
    decision = decide_alone(
        engine.ranker, "ສະບາຍດີ ຂ້ອຍເປັນອາຈານສອນເສດຖະສາດຢູ່ມະຫາວິທະຍາໄລແຫ່ງຊາດ "
        "ກຳລັງກຽມບົດສອນເລື່ອງສາຍພົວພັນເສດຖະກິດລາວກັບຣັດເຊຍ ຢາກຮູ້ວ່າໃນຂ່າວນີ້ "
        "ການແລກປ່ຽນສິນຄ້າລະຫວ່າງສອງປະເທດໃນປີກາຍ ຂະຫຍາຍຕົວຫຼາຍປານໃດ? ຂອບໃຈຫຼາຍໆ", "lo", "lo")
    assert (decision.kind, decision.fact_id) == ("fact", "trade_growth")


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        # The sentence after it names a country no fact has; the one asking sets farming
        # aside, read as such.
        ("which industries did they discuss apart from farming? I'm a student from Cambodia, "
         "sorry for my english", "textile_hydropower"),
        ("what did russian firms do with metals in laos? my cousin works in Thailand at a bank "
         "and said something", "metal_mines"),
    ],
)
def test_the_one_sentence_asking_answers_where_the_whole_leans_nowhere(
        engine: Engine, question: str, fact: str) -> None:
    """A message no fact fits even faintly, for a sentence telling after its question, is
    answered by the one sentence that asks."""
    decision = decide_alone(engine.ranker, question, "en", "en")
    assert (decision.kind, decision.fact_id) == ("fact", fact)


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("my dad trades cotton, is cotton mentioned?", "en"),
        ("мой брат торгует рисом в Паксе, рис где-нибудь упоминается?", "ru"),
    ],
)
def test_a_clause_asking_whether_a_thing_is_mentioned_is_the_question(
        engine: Engine, question: str, language: str) -> None:
    """After a preamble telling of the asker's trade, the clause asking whether a thing is
    mentioned is what is asked: not the trade the preamble's words lean to."""
    decision = decide_alone(engine.ranker, question, language, language)
    assert (decision.kind, decision.fact_id) == ("fact", "agri_exports")


def test_a_clause_saying_what_the_answer_is_for_is_no_question(engine: Engine) -> None:
    """A last clause telling what the asker will do with the answer ("..., so I can put them
    in my notes?") is a remark, though the sentence's "?" ends it: the question before it is
    answered."""
    decision = decide_alone(
        engine.ranker, "Teaching a class on trade in grade 9. Can I get the two growth figures "
        "from the piece and the periods they cover, so I can put them in my notes?", "en", "en")
    assert (decision.kind, decision.fact_id) == ("fact", "trade_growth")


def test_the_question_after_an_opening_phrase_is_offered_when_unclear(engine: Engine) -> None:
    """After "could you tell me", a question between close facts is offered with them, however
    far the preamble's words (a school project on foreign relations) lean elsewhere."""
    decision = decide_alone(
        engine.ranker, "I'm doing a project on Asian economies and my teacher sent us this "
        "article but honestly I haven't read it, so could you tell me what kind of transport "
        "links Russia wants to set up with Laos?", "en", "en")
    assert decision.kind == "clarify"
    assert "new_routes" in decision.suggestions


def test_a_kind_no_fact_has_before_its_question_word_is_not_said(engine: Engine) -> None:
    """"Ở tỉnh nào" (in which province), its kind before the question word and named by no
    fact: the article does not say, and what it says of the mines is shown instead."""
    decision = decide_alone(engine.ranker, "mỏ bô-xít của Nga ở tỉnh nào vậy?", "vi", "vi")
    assert decision.kind == "none"
    assert decision.closest is not None and decision.closest.id == "bauxite"
