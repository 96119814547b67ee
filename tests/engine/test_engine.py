"""Tests for bot.engine.engine: the decision the engine makes on real questions."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from bot.engine import MAX_QUESTION_CHARS, Engine
from bot.engine.retrieval import Weights
from bot.knowledge import Knowledge, load_knowledge
from tests.replying import OUT_OF_SCOPE


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("how much did trade grow?", "trade_growth"),
        # "state" (head of state) is no synonym of "announce", nor "busy" of "company".
        ("who announced it?", "announcement"),
        ("By how much did trade between Russia and Laos increase?", "trade_growth"),
        ("trade 2025", "trade_growth"),
        ("bauxite", "bauxite"),
        ("bauxit mines", "bauxite"),
        ("which ports will Russia use?", "new_routes"),
        ("Who is Thongloun Sisoulith?", "thongloun"),
        ("what does laos export", "agri_exports"),
        ("sugarcane", "agri_exports"),
        ("sugar cane", "agri_exports"),
        ("when did putin announce this", "announcement"),
        ("who published the article", "source"),
        ("road map nuclear energy 2025-2026", "nuclear_roadmap"),
        ("hydropower", "textile_hydropower"),
        ("railwya through china", "new_routes"),
        ("why hydropower in laos", "textile_hydropower"),
        ("Насколько вырос товарооборот между Лаосом и Россией?", "trade_growth"),
        # "How come" asks why, as one word.
        ("how come russia wants new routes", "routes_reason"),
        # A small number is a count of the question's own ("months 1 to 5"), not a fact's.
        ("ການຄ້າລາວຣັດເຊຍ 5ເດືອນຕົ້ນປີ2025 ເພີ່ມຂຶ້ນເທົ່າໃດ", "trade_growth"),
        # Function words a maintained list has ("at all") and ordinal endings ("31st").
        ("is nuclear technology mentioned at all?", "nuclear_interest"),
        ("what did putin say on july 31st", "announcement"),
        # "What ... signed?" is not the visit's "where were the memoranda signed?".
        ("What memoranda were signed?", "memoranda"),
        ("Какие меморандумы подписали?", "memoranda"),
        ("Đã ký những biên bản ghi nhớ nào?", "memoranda"),
        # Vietnamese chat spellings ("ko", "dc") and "is it mentioned" ask nothing themselves.
        ("bài có nhắc đến bô xít ko ad", "bauxite"),
        ("thuong mai lao nga tang bao nhieu vay ad, dc ko", "trade_growth"),
        # "dn" (doanh nghiệp, enterprise) as chats shorten it.
        ("dn nga khai thac mo gi o lao", "metal_mines"),
        # Lao chat's laughter typed as fives ("ha ha ha") is no figure the asker gives.
        ("ການຄ້າເພີ່ມຂຶ້ນເທົ່າໃດ 555", "trade_growth"),
        ("ການຄ້າເພີ່ມຂຶ້ນເທົ່າໃດ55555", "trade_growth"),
        # "Вёл" (held) before talks says no more than the talks, as English "hold".
        ("а кто с кем вёл переговоры?", "announcement"),
        # "On the list" asks whether the article names it, in every language as in English.
        ("табак в списке есть?", "agri_exports"),
        ("thuốc lá có trong danh sách không?", "agri_exports"),
        # "In this news" (ໃນຂ່າວນີ້) points at the article, not at its source.
        ("ປະທານປະເທດລາວໃນຂ່າວນີ້ຊື່ຫຍັງ", "thongloun"),
    ],
)
def test_answers_paraphrases_typos_and_keywords(
    engine: Engine, question: str, fact_id: str
) -> None:
    """Paraphrases, typos and keyword questions are answered with the right fact."""
    decision = engine.decide(question)
    assert (decision.kind, decision.fact_id) == ("fact", fact_id), decision.candidates
    assert decision.suggestions == engine.knowledge.by_id[fact_id].related


# Each of these is declined outright ("none"), never offered as a clarification: no fact
# scores high enough to offer (at most "recommend a movie" reaches 55 on a word it shares with
# routes_purpose, below the offer score of 60 and just below the plausible score).
@pytest.mark.parametrize(
    "question",
    OUT_OF_SCOPE,
)
def test_declines_what_the_article_does_not_say(engine: Engine, question: str) -> None:
    """Out-of-scope questions are declined with suggestions, never guessed or offered."""
    decision = engine.decide(question)
    assert (decision.kind, decision.reason) == ("none", "none"), decision.candidates
    assert decision.fact is None and decision.closest is None
    assert decision.suggestions


@pytest.mark.parametrize(
    ("question", "fact_id", "closest"),
    [
        ("what does russia export to laos?", None, "agri_exports"),
        ("What does Laos export to Russia?", "agri_exports", None),
        ("which Russian companies are mining in Laos", None, "metal_mines"),
        ("what mines are russian enterprises exploiting", "metal_mines", None),
        ("что россия экспортирует в лаос", None, "agri_exports"),
        ("что экспортирует лаос в россию", "agri_exports", None),
        ("когда откроют железную дорогу через китай", None, "new_routes"),
        ("сколько металла добывают российские компании в лаосе", None, "metal_mines"),
        ("how many hydropower plants does laos have", None, "textile_hydropower"),
        ("обсуждали ли военное сотрудничество", None, "talks_topics"),
        ("Китай согласился на транзит?", None, "new_routes"),
        # Words known only from the fact's near misses ("which port"), in Lao n-grams.
        ("ທ່າເຮືອຫວຽດນາມທີ່ຈະໃຊ້ ແມ່ນທ່າເຮືອໃດ?", None, "new_routes"),
        ("what areas of cooperation did they discuss", "talks_topics", None),
        ("what did laos export", "agri_exports", None),
        ("сколько российских компаний работает в лаосе", None, "metal_mines"),
        ("какие шахты эксплуатируют русские компании", "metal_mines", None),
        # A name asked for: only a fact whose answer names someone or something gives one.
        ("what are the russian mining companies in laos called?", None, "metal_mines"),
        ("what are the russian companies in laos named?", None, "metal_mines"),
        # "Named" inside a question asks whether a thing is listed, not for its name.
        ("are any cereal crops named among the lao farm exports?", "agri_exports", None),
        ("как называется компания, которая добывает металлы в лаосе", None, "metal_mines"),
        ("doanh nghiệp nào của Nga khai thác mỏ ở Lào?", None, "metal_mines"),
        ("ບໍລິສັດໃດຂຸດຄົ້ນບໍ່ແຮ່ຢູ່ລາວ?", None, "metal_mines"),
        ("what is the name of the lao president?", "thongloun", None),
        ("как зовут президента россии", "putin", None),
    ],
)
def test_near_misses_are_declined_with_the_closest_fact(
    engine: Engine, question: str, fact_id: str | None, closest: str | None
) -> None:
    """A question the article is known not to answer is declined naming the closest fact,
    while the answerable question next to it still gets the fact."""
    decision = engine.decide(question)
    assert decision.fact_id == fact_id, decision.candidates
    assert (decision.closest.id if decision.closest else None) == closest
    assert decision.kind == ("fact" if fact_id else "none")


def test_tiny_knowledge_near_miss(tiny_dir: Path) -> None:
    """`not_in_article` phrasings in any knowledge base decline the questions they describe."""
    path = tiny_dir / "facts.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "related: [routes]",
            'related: [routes]\n    not_in_article: {en: ["How much did trade grow in dollars?"]}',
        ),
        encoding="utf-8",
    )
    engine = Engine(load_knowledge(tiny_dir))
    missed = engine.decide("how much did trade grow in dollars")
    assert (missed.kind, missed.closest and missed.closest.id) == ("none", "growth")
    assert engine.decide("how much did trade grow").fact_id == "growth"


@pytest.mark.parametrize(
    ("question", "intent", "language"),
    [
        ("hi", "greeting", "en"),
        ("Thanks!", "thanks", "en"),
        ("what can you do?", "help", "en"),
        ("bye", "bye", "en"),
        ("привет", "greeting", "ru"),
        ("спасибо", "thanks", "ru"),
        ("ты кто?", "help", "ru"),
        ("кто ты такой?", "help", "ru"),
        ("@laos_russia_bot hello", "greeting", "en"),
        # A group greeted, and the bot asked after by its name rather than "you".
        ("hi everyone", "greeting", "en"),
        ("привет всем", "greeting", "ru"),
        ("здарова всем, бот живой?", "help", "ru"),
        ("bot alive?", "help", "en"),
        ("xin chào mọi người", "greeting", "vi"),
        # Who made the bot, and whether it is a person: what it does is the answer, not a
        # fact whose words match "who", "made" or "ai" (Vietnamese "who").
        ("who built this bot?", "help", "en"),
        ("кто тебя создал?", "help", "ru"),
        ("ai tạo ra bot này vậy", "help", "vi"),
        ("ໃຜສ້າງບອດນີ້", "help", "lo"),
        # Two pieces of small talk, one asked after the other.
        ("are you a person or a bot? who built you?", "help", "en"),
    ],
)
def test_smalltalk(engine: Engine, question: str, intent: str, language: str) -> None:
    """Greetings, thanks, help and goodbyes are small talk in the question's language."""
    decision = engine.decide(question)
    assert (decision.kind, decision.intent, decision.language) == ("smalltalk", intent, language)


@pytest.mark.parametrize(
    "question",
    [
        "hi, how much did trade grow?",
        "@SomeBot how much did trade grow?",
        "hi, I'm writing a report for school about the region, quick one: how much did trade grow?",
    ],
)
def test_the_question_is_found_inside_the_message(engine: Engine, question: str) -> None:
    """A greeting, a bot mention or a preamble around a question does not hide the question."""
    decision = engine.decide(question)
    assert (decision.kind, decision.fact_id) == ("fact", "trade_growth")
    assert decision.question == question


@pytest.mark.parametrize(
    ("question", "fact_id", "language"),
    [
        ("/ask how much did trade grow?", "trade_growth", "en"),
        ("/ask@SomeBot how much did trade grow?", "trade_growth", "en"),
        # The command's Latin letters are no Russian typed in Latin ("аск").
        ("/ask атом лаос", "nuclear_interest", "ru"),
    ],
)
def test_a_command_opening_the_message_is_no_word_of_it(engine: Engine, question: str,
                                                        fact_id: str, language: str) -> None:
    """A bot command the chat handed over with the message ("/ask ...") is not read as a
    word of the question, nor as a sign of its language."""
    decision = engine.decide(question)
    assert (decision.kind, decision.fact_id, decision.language) == ("fact", fact_id, language)
    assert decision.question == question


def test_the_parts_after_a_command_read_as_typed(engine: Engine) -> None:
    """A summary of a topic after "/ask" shows the question as typed, with nothing left of the
    command."""
    decision = engine.decide("/ask key takeaways of the putin thongloun meeting")
    assert decision.parts
    assert {part.question for part in decision.parts} == {
        "key takeaways of the putin thongloun meeting"}


def test_a_command_alone_asks_nothing(engine: Engine) -> None:
    """"/ask" with nothing after it is an empty question: the bot asks for one."""
    assert engine.decide("/ask").reason == "empty"


@pytest.mark.parametrize(
    ("question", "kind", "fact_id"),
    [
        ("I mostly trade with Thailand and Cambodia, so this is new to me. Anyway, how much "
         "did trade between Laos and Russia grow?", "fact", "trade_growth"),
        # Countries a fact does have, named only before the question, hold it to none.
        ("We used to ship via China and looked at Vietnam too. Does Laos sell tobacco abroad?",
         "fact", "agri_exports"),
        # Named in the question's own sentence, the country is what it asks about.
        ("trade rose 66% in 2024, what about 2023, how much did it grow then?", "none", None),
    ],
)
def test_a_country_named_only_in_the_preamble_rules_out_no_fact(
    engine: Engine, question: str, kind: str, fact_id: str | None
) -> None:
    """Countries and numbers named in sentences before the question part leave that part to
    be answered; in the question's own sentence they rule facts out."""
    decision = engine.decide(question)
    assert (decision.kind, decision.fact_id) == (kind, fact_id)


@pytest.mark.parametrize(
    "question",
    ["Which Vietnamese port will Russian ships use?", "через какие китайские города пойдёт поезд?",
     "Nga sẽ dùng cảng nào của Việt Nam?", "ເຮືອຈະເຂົ້າທ່າເຮືອໃດຂອງຫວຽດນາມ"],
)
def test_a_kind_inside_a_named_country_is_not_said(engine: Engine, question: str) -> None:
    """Asked which port of Vietnam, the bot says the article does not say which and gives
    what it says of the routes."""
    decision = engine.decide(question)
    assert decision.kind == "none"
    assert decision.closest is not None and decision.closest.id == "new_routes"


def test_clarify_offers_close_candidates(engine: Engine) -> None:
    """A question that fits two facts about equally asks which one was meant, best first."""
    decision = engine.decide("water resources")
    assert decision.kind == "clarify", decision.candidates
    assert decision.suggestions == ("memoranda", "textile_hydropower")


def test_one_word_nuclear_asks_which(engine: Engine) -> None:
    """"nuclear" fits the interest in nuclear energy and the road map about equally (within
    the margin), so the engine asks which one was meant."""
    decision = engine.decide("nuclear")
    assert decision.kind == "clarify", decision.candidates
    assert set(decision.suggestions) >= {"nuclear_interest", "nuclear_roadmap"}
    margin = decision.candidates[0].score - decision.candidates[1].score
    assert margin < engine.thresholds.margin


@pytest.mark.parametrize(
    ("question", "reason"),
    [("", "empty"), ("  🙂 ", "empty"), ("x" * (MAX_QUESTION_CHARS + 1), "too_long")],
)
def test_empty_and_huge_questions(engine: Engine, question: str, reason: str) -> None:
    """Empty and overlong questions are declined with their reason instead of a match."""
    decision = engine.decide(question)
    assert (decision.kind, decision.reason, decision.candidates) == ("none", reason, ())


def test_reply_language_overrides_detection(engine: Engine) -> None:
    """A chat's chosen reply language wins over the language of the question."""
    decision = engine.decide("how much did trade grow?", chosen="ru")
    assert (decision.language, decision.fact_id) == ("ru", "trade_growth")


def test_language_hint_decides_a_bare_number(engine: Engine) -> None:
    """A question with no letters is read in the user's Telegram language."""
    assert engine.decide("2025", language_hint="ru").language == "ru"
    assert engine.decide("2025").language == "en"


def test_engine_on_tiny_knowledge(tiny_engine: Engine) -> None:
    """The engine works on any valid knowledge base, not just the shipped one."""
    assert tiny_engine.decide("how much did trade grow").fact_id == "growth"
    assert tiny_engine.decide("какие новые маршруты").fact_id == "routes"


def test_rank_orders_candidates_best_first(engine: Engine) -> None:
    """rank() scores the facts sharing words with the question, best first, within 0-100."""
    ranked = engine.rank("how much did trade grow", "en")
    assert ranked[0].fact_id == "trade_growth"
    scores = [candidate.score for candidate in ranked]
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= score <= 100 for score in scores)
    assert engine.rank("", "en") == []


@pytest.mark.parametrize(
    ("question", "kind", "fact_id", "closest"),
    [
        ("how many new routes?", "none", None, "routes"),
        ("сколько новых маршрутов?", "none", None, "routes"),
        ("how long are the new routes?", "none", None, "routes"),
        ("how much did trade grow?", "fact", "growth", None),
        ("насколько вырос товарооборот?", "fact", "growth", None),
        ("which new routes?", "fact", "routes", None),
    ],
)
def test_a_question_asking_for_a_number_needs_a_fact_with_one(
    tiny_engine: Engine, question: str, kind: str, fact_id: str | None, closest: str | None
) -> None:
    """"How many" or "when" of a fact whose answer has no number is declined with that fact
    as what the article does say; a fact with a number still answers."""
    decision = tiny_engine.decide(question)
    assert (decision.kind, decision.fact_id) == (kind, fact_id)
    assert (decision.closest.id if decision.closest else None) == closest


@pytest.mark.parametrize(
    ("question", "kind", "fact_id", "closest"),
    [
        ("how long is the railway through china", "none", None, "new_routes"),
        ("сколько стоит железная дорога через китай", "none", None, "new_routes"),
        ("when was this announced?", "fact", "announcement", None),
        # Lao "how many days" asks for a number, as English "how long" does.
        ("ການຢ້ຽມຢາມຣັດເຊຍຂອງທ່ານທອງລຸນໃຊ້ເວລາຈັກມື້", "none", None, "official_visit"),
    ],
)
def test_number_questions_on_the_real_knowledge(
    engine: Engine, question: str, kind: str, fact_id: str | None, closest: str | None
) -> None:
    """The railway's length is not in the article (its route is), nor the visit's; the date
    of the announcement is."""
    decision = engine.decide(question)
    assert (decision.kind, decision.fact_id) == (kind, fact_id)
    assert (decision.closest.id if decision.closest else None) == closest


@pytest.mark.parametrize(
    ("question", "kind", "closest"),
    [
        ("what is the trade between the two countries worth in US dollars?", "none",
         "trade_growth"),
        ("товарооборот за прошлый год в рублях какой?", "none", "trade_growth"),
        ("thuong mai hai nuoc nam ngoai dat bao nhieu trieu do?", "none", "trade_growth"),
        ("ການຄ້າສອງປະເທດມີມູນຄ່າເທົ່າໃດໂດລາ?", "none", "trade_growth"),
        # A price is an amount of money, not a number any fact gives ("how much will it
        # cost", "сколько будет стоить").
        ("how much will the railway through china cost?", "none", "new_routes"),
        ("сколько будет стоить аэс в лаосе?", "none", "nuclear_roadmap"),
        # A currency sign asks for an amount as a currency's name does.
        ("whats the total trade in $?", "none", "trade_growth"),
        ("товарооборот в ₽ какой?", "none", "trade_growth"),
        # A crop grown to sell is no amount of money; a rise in percent is the fact's.
        ("are cash crops like tobacco on the list?", "fact", None),
        ("how much did trade grow?", "fact", None),
    ],
)
def test_an_amount_of_money_needs_a_fact_that_gives_one(
    engine: Engine, question: str, kind: str, closest: str | None
) -> None:
    """Asked in dollars, roubles or đô, or a price, a fact giving only percentages is what the
    article says instead, not the answer."""
    decision = engine.decide(question)
    assert decision.kind == kind
    assert (decision.closest.id if decision.closest else None) == closest


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("which documents did they sign on the trip?", "memoranda"),
        ("what kind of minerals do Russian companies dig in Laos?", "metal_mines"),
    ],
)
def test_the_kind_of_thing_asked_for_settles_close_facts(
    engine: Engine, question: str, fact: str
) -> None:
    """The knowledge base weighs the kind a question asks for ("which documents") as its
    calibration says: the fact whose questions ask for it is the answer, over one sharing
    the rest of the words (the visit during which they were signed)."""
    assert engine.ranker.weights.kind_bonus > Weights().kind_bonus
    decision = engine.decide(question)
    assert (decision.kind, decision.fact_id) == ("fact", fact)


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("what did they sign", "memoranda"),
        ("whose seaports will the russians be going through to reach laos", "new_routes"),
    ],
)
def test_a_phrasing_asking_for_a_kind_the_question_never_names_asks_something_else(
    engine: Engine, question: str, fact: str
) -> None:
    """"During which visit were the documents signed?" asks which visit: a question asking
    for no kind of thing and naming no visit ("what did they sign") is not matched on it,
    so the visit no longer ties with the memoranda."""
    decision = engine.decide(question)
    assert (decision.kind, decision.fact_id) == ("fact", fact)


def test_a_small_number_of_the_question_does_not_rule_facts_out(engine: Engine) -> None:
    """"From month 1 to 5/2025": 1 and 5 order the question's own months, so the trade
    fact (which has 2025 but no 1) is still the first candidate; a year must be in it."""
    question = "thuong mai lao nga tu thang 1 den thang 5/2025 tang bao nhieu"
    assert engine.rank(question, "vi")[0].fact_id == "trade_growth"
    assert engine.decide("thuong mai lao nga nam 2023 tang bao nhieu").kind == "none"


def test_a_restored_engine_unpickles_a_language_when_a_question_needs_it(
        engine: Engine) -> None:
    """Pickled (as the engine cache does), each language's index waits as bytes until a
    question needs it; the restored engine decides as the original does."""
    restored: Engine = pickle.loads(pickle.dumps(engine))  # noqa: S301 - bytes just written
    assert restored.ranker._indexes.loaded() == frozenset()
    question = "ປະທານປະເທດລາວແມ່ນໃຜ?"  # Lao script: no other language is read to tell
    assert restored.decide(question) == engine.decide(question)
    assert restored.ranker._indexes.loaded() == {"lo"}
    assert restored.decide("how much did trade grow?") == engine.decide("how much did trade grow?")
    # English and the languages it is told from by their words (Vietnamese, Russian typed in
    # Latin letters) were read from their lexicons alone: only English's index is unpickled.
    assert restored.ranker._indexes.loaded() == {"lo", "en"}


@pytest.mark.parametrize(
    ("question", "wrong", "right"),
    [
        ("Кто президент Лаоса?", "putin", "thongloun"),
        ("президент лаоса", "putin", "thongloun"),
        ("who is the president of russia", "thongloun", "putin"),
    ],
)
def test_one_of_the_two_countries_tells_the_presidents_apart(
    engine: Engine, question: str, wrong: str, right: str
) -> None:
    """Naming Laos or Russia alone ranks the president of that country above the other one."""
    scores = {c.fact_id: c.score for c in engine.rank(question, engine.language_of(question))}
    assert scores[right] > scores[wrong]
    assert engine.decide(question).fact_id != wrong


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("ແຮ່ bauxite ມີແຜນແນວໃດ", "bauxite"),
        ("ໃນການຢ້ຽມຢາມລັດເຊຍ ເຊັນ MOU ກ່ຽວກັບຫຍັງແດ່ ?", "memoranda"),
    ],
)
def test_english_words_in_a_lao_question_are_read_as_english(
    engine: Engine, question: str, fact_id: str
) -> None:
    """"bauxite" or "MOU" typed in Latin letters in a Lao question point to their fact, as
    they would in English."""
    assert engine.rank(question, "lo")[0].fact_id == fact_id



def test_a_currency_code_asks_an_amount_the_article_does_not_give(engine: Engine) -> None:
    """"In USD" is "in dollars": the growth figures are no answer to it."""
    assert engine.decide("what was laos russia trade in usd in 2024").kind != "fact"
    decision = engine.decide("Kim ngạch thương mại Lào Nga năm 2024 đạt bao nhiêu USD?")
    assert decision.kind == "none" and decision.closest is not None


@pytest.mark.parametrize("question", ["đường sắt thì đi qua đâu", "duong sat di qua dau"])
def test_where_is_not_the_why_of_do_dau(engine: Engine, question: str) -> None:
    """Vietnamese "do đâu" (from what cause) asks why; "đi qua đâu" asks where: a phrasing
    asking why the railway is opened does not answer where it runs."""
    assert engine.decide(question).fact_id == "new_routes"


def test_asking_to_name_things_asks_for_a_list_not_a_name(engine: Engine) -> None:
    """Vietnamese "kể tên" (name them) asks for the crops, not for a name."""
    question = "Lào có tiềm năng xuất khẩu nông sản gì, kể tên giúp mình với"
    assert engine.decide(question).fact_id == "agri_exports"


@pytest.mark.parametrize(
    "question",
    ["how much did trade grow?", "and by land?", "tóm tắt bài này", "ນິວເຄລຍ", "кто объявил?"],
)
def test_a_rehearsed_engine_decides_as_a_fresh_one(knowledge: Knowledge, question: str) -> None:
    """Rehearsing (each fact's first question in each language, as a serving bot does before
    its first user) changes no decision."""
    fresh, rehearsed = Engine(knowledge), Engine(knowledge)
    rehearsed.rehearse()
    assert rehearsed.decide(question) == fresh.decide(question)


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        # Each language's everyday word for percent is the "%" of the fact's answer.
        ("by how many percent did trade grow?", "trade_growth"),
        ("на сколько процентов вырос товарооборот?", "trade_growth"),
        ("ການຄ້າເພີ່ມຂຶ້ນຈັກເປີເຊັນ?", "trade_growth"),
        ("thương mại tăng bao nhiêu phần trăm?", "trade_growth"),
        # Lao "ລົມກັບ" (talk with) asks what "ເຈລະຈາກັບ" (hold talks with) asks.
        ("ປູຕິນລົມກັບໃຜ", "announcement"),
        ("ປູຕິນເຈລະຈາກັບໃຜ", "announcement"),
        # Lao "ແຮ່" (ore) and "ແຮ່ທາດ" (mineral) ask of the mines ("ບໍ່ແຮ່"), as English
        # "ore" and "mineral" do.
        ("ວິສາຫະກິດຣັດເຊຍຂຸດແຮ່ຫຍັງຢູ່ລາວ", "metal_mines"),
        ("ຣັດເຊຍຂຸດແຮ່ທາດຫຍັງຢູ່ລາວ", "metal_mines"),
        # The road map as the English word spelt in Lao, universities as education.
        ("ໂລດແມັບນິວເຄຼຍ ໄລຍະໃດ", "nuclear_roadmap"),
        ("ມີການຮ່ວມມືດ້ານມະຫາວິທະຍາໄລບໍ", "memoranda"),
        # Vietnamese "chở" (carry), as everyday speech says "vận chuyển" (transport).
        ("Nga chở hàng sang Lào bằng đường nào?", "new_routes"),
    ],
)
def test_an_everyday_word_asks_what_the_knowledge_base_word_asks(
        engine: Engine, question: str, fact_id: str) -> None:
    """A word as people say it is read as the word the facts are written with."""
    decision = engine.decide(question)
    assert (decision.kind, decision.fact_id) == ("fact", fact_id)


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("ສະບາຍດີ ຂ້ອຍເປັນນັກສຶກສາ ກຳລັງເຮັດບົດລາຍງານກ່ຽວກັບ ລາວ-ລັດເຊຍ "
         "ຢາກຖາມວ່າປີ 2024 ການຄ້າສອງປະເທດເພີ່ມຂຶ້ນຈັກເປີເຊັນແດ່", "trade_growth"),
    ],
)
def test_a_question_after_a_preamble_is_answered(engine: Engine, question: str,
                                                 fact_id: str) -> None:
    """A persona and a preamble before a phrase opening the question do not sink it."""
    decision = engine.decide(question)
    assert (decision.kind, decision.fact_id) == ("fact", fact_id)


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("Is cotton mentioned anywhere? I need it for my report on textiles", "agri_exports"),
        ("Anything about schools? My daughter wants to study abroad, just curious", "memoranda"),
    ],
)
def test_a_question_sentence_before_a_remark_settles_a_close_call(
        engine: Engine, question: str, fact_id: str) -> None:
    """A remark after the question ("I need it for my report on textiles") leaves the whole
    message close between facts; the question sentence alone, answered by one of them, is
    the answer."""
    decision = engine.decide(question)
    assert (decision.kind, decision.fact_id) == ("fact", fact_id)


def test_a_clause_read_alone_needs_a_message_that_names_something(engine: Engine) -> None:
    """The last clause of a message naming nothing as spelt ("сильно льёт?", pouring, read as
    "лет", years) does not answer it with the fact that typo happens to fit."""
    assert engine.decide("какая погода во вьентьяне в августе, сильно льёт?").kind == "none"


@pytest.mark.parametrize(
    ("question", "closest"),
    [
        ("ການຄ້າປີ 15550 ເພີ່ມຂຶ້ນເທົ່າໃດ", "trade_growth"),  # fives inside a number count
        # (A statement naming another country where the routes name one is a claim checked:
        # "the railway goes through Thailand?" is answered with the routes.)
        ("which railway goes through Thailand?", "new_routes"),
        ("how much did trade grow in 2023?", "trade_growth"),
        ("did trade grow by 50 percent", "trade_growth"),
        ("how much did trade between laos and thailand grow", "trade_growth"),
        ("did they discuss ukraine", "talks_topics"),
        ("what is the weather in Thailand", None),  # the rest asks nothing the article says
        # A preamble before the question naming it.
        ("we're looking at shipping options for our clients. Is the sea route going through "
         "Thailand?", "new_routes"),
    ],
)
def test_a_country_or_year_no_fact_has_is_declined_with_what_the_article_says(
        engine: Engine, question: str, closest: str | None) -> None:
    """A question ruled out only by a country or a number no fact has is told the article
    does not say that, and what the rest of it asks is what the article does say."""
    decision = engine.decide(question)
    assert decision.kind == "none"
    assert (decision.closest.id if decision.closest else None) == closest


@pytest.mark.parametrize(
    "question",
    ["is nuclear mentioned?", "упоминается ли атом?", "bài có nhắc đến hạt nhân không?",
     "anything about nuclear stuff in there?", "bài có nói gì về hạt nhân không?"],
)
def test_asking_whether_something_is_mentioned_gets_a_fact_that_says_it(
        engine: Engine, question: str) -> None:
    """Both nuclear facts mention it: asked only whether it is mentioned, the bot answers
    with the best of them instead of asking which one was meant."""
    decision = engine.decide(question)
    assert decision.kind == "fact"
    assert decision.fact_id in {"nuclear_interest", "nuclear_roadmap"}


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("образование там как-то фигурирует?", "memoranda"),  # figures in it
        ("ມີຊາກັບຢາສູບຢູ່ໃນລາຍການບໍ", "agri_exports"),  # tea and tobacco in the list?
    ],
)
def test_other_words_of_mentioning_ask_whether_a_thing_is_mentioned(
        engine: Engine, question: str, fact_id: str) -> None:
    """"Фигурирует", "ຢູ່ໃນລາຍການ" ask whether a thing is mentioned as "упоминается" and
    "ເວົ້າເຖິງ" do: the fact saying it answers, not a "did you mean"."""
    decision = engine.decide(question)
    assert (decision.kind, decision.fact_id) == ("fact", fact_id)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # One alternative is the visit the article reports; the other names nothing it has.
        ("официальный визит это был или частная поездка?", "official_visit"),
        # A choice between things no fact names is no choice the article makes.
        ("which ports, Haiphong or Danang?", None),
    ],
)
def test_a_question_between_alternatives(engine: Engine, question: str,
                                         expected: str | None) -> None:
    """A question between alternatives is answered by the one fact its alternatives point
    to, read each on its own, unless an alternative names nothing the knowledge base has."""
    decision = engine.decide(question)
    assert (decision.fact_id if decision.kind == "fact" else None) == expected



@pytest.mark.parametrize(
    "question", ["jan to may 2025 growth", "laos russia growth january-may 2025"])
def test_a_month_no_fact_names_dates_the_question(engine: Engine, question: str) -> None:
    """Months no fact names ("jan-may" of "the first five months") are no words the answer
    must have: the year and the rest of the question find the trade figures."""
    assert engine.decide(question).fact_id == "trade_growth"


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [("vietnam ports laos russia 2025", "new_routes"), ("bauxite laos 2025", "bauxite"),
     ("rail link china laos 2025", "new_routes")],
)
def test_keywords_with_the_source_year_need_no_fact_saying_it(
    engine: Engine, question: str, fact_id: str
) -> None:
    """The article's own year in a keyword query dates the search: a fact that does not
    state the year still answers it."""
    assert engine.decide(question).fact_id == fact_id


def test_a_question_asking_for_the_source_year_still_needs_it(engine: Engine) -> None:
    """Asked with a question word, the year is what is asked: a fact must have it."""
    assert engine.decide("how much did trade grow in 2025?").fact_id == "trade_growth"


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("what about making clothes and fabric - did that come up?", "textile_hydropower"),
        ("Хлопок и арахис - это из какой части статьи?", "agri_exports"),
        ("trade went up 66% in 2024, but how much is that in US dollars?", None),
        # "This piece" is the article: no frame, and the persona before it is not the question.
        ("im a journalism student, for citation purposes what outlet is this piece credited to",
         None),
    ],
)
def test_a_last_clause_pointing_back_frames_the_question(engine: Engine, question: str,
                                                         fact_id: str | None) -> None:
    """A last clause that only points back at the one before ("did that come up?") frames
    it: what comes before is the question; one asking a detail of it is its own."""
    assert engine.decide(question).fact_id == fact_id


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("what's the lao president's name, i keep forgetting", "thongloun"),
        ("как зовут президента лаоса, никак не запомню", "thongloun"),
        # Alternatives after it are what it asks about: a detail the article does not give.
        ("cảng nào của VN vậy, Hải Phòng hay Vũng Áng", None),
    ],
)
def test_a_last_clause_only_remarking_leaves_the_question_before_it(
        engine: Engine, question: str, fact_id: str | None) -> None:
    """A last clause that asks and names nothing ("i keep forgetting") is a remark: the
    question before it is answered as if asked alone."""
    assert engine.decide(question).fact_id == fact_id


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        # A choice between alternatives, read as it is in Cyrillic ("или").
        ("vizit byl oficialnyj ili net", "official_visit"),
        # A year relative to the article's, read as "в прошлом году".
        ("torgovlya v proshlom godu upala, pravilno ponimayu?", "trade_growth"),
    ],
)
def test_russian_in_latin_letters_is_decided_as_its_cyrillic(engine: Engine, question: str,
                                                            fact_id: str) -> None:
    """A message typed in Latin letters is decided as the same message in Cyrillic: its
    cues read it too, and the reply is in Russian."""
    decision = engine.decide(question)
    assert (decision.kind, decision.fact_id, decision.language) == ("fact", fact_id, "ru")
    assert decision.question == question


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("статья от какого числа", "source"),
        ("bai nay cua bao nao dang ngay may", "source"),
        # Naming the article, asking no date nor who put it out: what it says of trade.
        ("what does the article say about trade?", "trade_growth"),
    ],
)
def test_the_article_s_own_date_or_publisher_is_its_source(engine: Engine, question: str,
                                                          fact_id: str) -> None:
    """A question naming the article and asking when or by whom it was put out is
    answered by the fact giving its source, not by another dated fact."""
    decision = engine.decide(question)
    assert (decision.kind, decision.fact_id) == ("fact", fact_id)


def test_a_noun_standing_for_what_is_named_asks_nothing_itself(engine: Engine) -> None:
    """"Ядерные дела" (nuclear stuff) asks about what "nuclear" names, as English "stuff"
    does: both nuclear facts are offered, not declined for the word "дела"."""
    decision = engine.decide("а про ядерные дела там что-то пишут?")
    assert decision.kind == "clarify"
    assert set(decision.suggestions[:2]) == {"nuclear_interest", "nuclear_roadmap"}
