"""Tests for bot.engine.conversation and the engine's conversation turns: several questions in
one message, the overview, "more" and follow-ups."""

from __future__ import annotations

import pytest

from bot.engine import Context, Decision, Engine


def _facts(decision: Decision) -> list[str | None]:
    return [part.fact_id for part in decision.parts] if decision.parts else [decision.fact_id]


@pytest.mark.parametrize(
    ("question", "facts"),
    [
        ("How much did trade grow and who announced the new routes?",
         ["trade_growth", "announcement"]),
        ("How much did trade grow? Who announced the routes?", ["trade_growth", "announcement"]),
        ("what minerals are mined and what crops does laos export?",
         ["metal_mines", "agri_exports"]),
        # "&" between two things inside the first question, "and" before the second.
        ("why does Russia want to expand shipping & rail, and what are the new routes "
         "supposed to achieve?", ["routes_reason", "routes_purpose"]),
        ("Насколько вырос товарооборот и кто объявил о новых маршрутах?",
         ["trade_growth", "announcement"]),
        ("Какие маршруты планирует Россия? А когда это объявили?", ["new_routes", "announcement"]),
        # "Што" is "что" as said, and as "chto" is often typed in Latin letters: "shto".
        ("kogda byli peregovory i shto podpisali?", ["announcement", "memoranda"]),
        ("Thương mại tăng bao nhiêu và ai đã công bố các tuyến vận tải mới?",
         ["trade_growth", "announcement"]),
        # Vietnamese asks in place: "gì" (what) inside the second question, not at its end.
        ("Nga khai thác mỏ gì ở Lào, và Lào quan tâm gì tới hạt nhân?",
         ["metal_mines", "nuclear_interest"]),
        ("ການຄ້າເພີ່ມຂຶ້ນເທົ່າໃດ ແລະ ໃຜເປັນຜູ້ປະກາດເສັ້ນທາງຂົນສົ່ງໃໝ່?",
         ["trade_growth", "announcement"]),
        # The first part alone is unsure between the interest and the road map; the second
        # asks the road map: the first is the interest.
        ("чем лаос интересуется в атомной сфере и на какой период дорожная карта?",
         ["nuclear_interest", "nuclear_roadmap"]),
        # Lao rice for Russia is as plausible the farm list as the memoranda, which the
        # second part (education) answers: the farm list.
        ("ເຂົ້າລາວຈະໄດ້ສົ່ງໄປຣັດເຊຍບໍ ແລະ ດ້ານການສຶກສາຕົກລົງຫຍັງ", ["agri_exports", "memoranda"]),
    ],
)
def test_two_questions_get_two_answers_in_order(engine: Engine, question: str,
                                                facts: list[str]) -> None:
    """A message asking two things is decided as two questions, in the order asked."""
    decision = engine.decide(question)
    assert decision.kind == "parts"
    assert _facts(decision) == facts


def test_one_question_asked_twice_is_answered_once(engine: Engine) -> None:
    """Two pieces pointing at the same fact (one answering it, one offering it alone) are one
    question in other words: one answer, not two parts."""
    decision = engine.decide("why do they even need new transport routes? whats the reason")
    assert (decision.kind, decision.fact_id) == ("fact", "routes_reason")


@pytest.mark.parametrize("question", [
    "Ngoài nông nghiệp, bài còn nói hai nước hợp tác ngành nào nữa?",
    # Nor is it a claim checked by a closing "right?".
    "ngoài nông nghiệp thì còn bàn ngành nào nữa, dệt may gì đó đúng ko?",
    "ngoài nông nghiệp ra thì còn bàn hợp tác ngành nào, dệt may phải không?",
])
def test_an_opening_that_only_sets_something_aside_is_no_question(engine: Engine,
                                                                   question: str) -> None:
    """"Besides farming, the article also says which industries?" is cut at "còn" (also)
    only by its words: its opening sets farming aside and asks nothing, so it is one question
    (answered, or offered first where the other areas of cooperation come close)."""
    decision = engine.decide(question)
    assert decision.kind in ("fact", "clarify")
    assert (decision.fact_id or decision.suggestions[0]) == "textile_hydropower"


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("trade between Laos and Russia", "trade_growth"),
        ("what documents did laos and russia sign", "memoranda"),
        ("who announced the new routes and when?", "announcement"),
        # Lao "ແລ້ວ" is "and then" and "already": "... ແລ້ວບໍ" asks "... yet?".
        ("ລັດເຊຍເລີ່ມຂຸດບົກໄຊແລ້ວບໍ", "bauxite"),
        ("ລາວກັບລັດເຊຍເຊັນ MOU ແລ້ວບໍ", "memoranda"),
        # Unsure alone, the first part offers first what the second asks: asked twice.
        ("is there a rail link planned, and through which country?", "new_routes"),
    ],
)
def test_one_question_with_and_stays_one(engine: Engine, question: str, fact: str) -> None:
    """"And" inside one question (or a part leaning on the one before) is no second question."""
    decision = engine.decide(question)
    assert (decision.kind, decision.fact_id) == ("fact", fact)


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("was anything on schools signed? my daughter wants to study in Russia", "memoranda"),
        ("Через какие страны Россия собирается возить грузы в Лаос? Заранее спасибо",
         "new_routes"),
    ],
)
def test_a_remark_after_a_question_is_no_question(engine: Engine, question: str,
                                                   fact: str) -> None:
    """A sentence after a question mark that asks nothing is answered as part of that question."""
    decision = engine.decide(question)
    assert (decision.kind, decision.fact_id) == ("fact", fact)


@pytest.mark.parametrize(
    "question",
    ["who announced the new routes and when? putin?", "кто объявил о новых маршрутах? путин?"],
)
def test_a_guess_at_the_answer_is_no_question_of_its_own(engine: Engine, question: str) -> None:
    """A name or two after a question, guessing its answer ("... and when? putin?"), is
    answered by that question's answer, which says whether it is so."""
    decision = engine.decide(question)
    assert (decision.kind, decision.fact_id) == ("fact", "announcement")


def test_a_question_asked_again_in_other_words_is_answered_once(engine: Engine) -> None:
    """A question declined alone whose best fact is the one just answered ("was the trip
    official?? which country hosted it") asks that question again: one answer."""
    decision = engine.decide("was the trip official?? which country hosted it")
    assert (decision.kind, decision.fact_id) == ("fact", "official_visit")


def test_a_short_question_answered_by_itself_is_a_part(engine: Engine) -> None:
    """Two words after a question that are answered on their own are a question of their own."""
    decision = engine.decide("Что российские компании добывают в Лаосе? Бокситы упоминаются?")
    assert decision.kind == "parts"
    assert _facts(decision) == ["metal_mines", "bauxite"]


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("how much did trade grow in 2024? and what is the total value of that trade in rubles?",
         "trade_growth"),
        ("Какие товары Лаос может продавать за границу? и есть ли там что-нибудь про кофе?",
         "agri_exports"),
    ],
)
def test_a_detail_after_a_question_on_the_same_fact_is_a_part_of_its_own(
        engine: Engine, question: str, fact: str) -> None:
    """A second question asking of the first's fact an amount of money or a thing its list
    does not name is no repeat of the first: it is answered as not said."""
    decision = engine.decide(question)
    assert decision.kind == "parts"
    assert [(part.kind, part.fact_id) for part in decision.parts] == [("fact", fact),
                                                                      ("none", None)]


def test_a_part_it_cannot_answer_is_kept_with_its_suggestions(engine: Engine) -> None:
    """Of two questions on two lines, the unclear one is kept with the facts it may mean."""
    decision = engine.decide("how much did trade grow\nwhat about water resources?")
    assert decision.kind == "parts"
    assert [part.kind for part in decision.parts] == ["fact", "clarify"]
    assert "memoranda" in decision.suggestions
    assert not decision.confident


@pytest.mark.parametrize("message", ["hi\nhow much did trade grow?",
                                     "how much did trade grow?\nthanks"])
def test_greetings_around_a_question_are_no_question(engine: Engine, message: str) -> None:
    """A greeting or thanks on its own line beside a question leaves just the question."""
    decision = engine.decide(message)
    assert (decision.kind, decision.fact_id) == ("fact", "trade_growth")


def test_the_same_fact_twice_is_answered_once(engine: Engine) -> None:
    """Two questions with one answer get that answer once."""
    decision = engine.decide("How much did trade grow? By how much in 2024?")
    assert (decision.kind, decision.fact_id) == ("fact", "trade_growth")


@pytest.mark.parametrize("question", ["What is this article about?", "summary", "tl;dr",
                                      "main points", "О чём статья?", "краткое содержание",
                                      # a request verb names nothing of a topic
                                      "сделай краткое содержание новости",
                                      "bài báo nói về gì?", "ສະຫຼຸບ",
                                      # Lao: words around a cue, "talks about" as filler
                                      "ຂໍໃຈຄວາມສຳຄັນຂອງບົດຄວາມນີ້ແດ່", "ບົດຄວາມນີ້ເວົ້າເລື່ອງຫຍັງ",
                                      "ເລົ່າສັ້ນໆໃຫ້ຟັງແດ່ວ່າບົດຄວາມນີ້ແມ່ນຫຍັງ",
                                      "cho mình bản tóm tắt bài viết này nhé",
                                      # a greeting before the request
                                      "привет, о чём эта новость?", "chào bạn, tóm tắt",
                                      # "this news says what", without marks, a particle
                                      "tin nay noi gi the",
                                      # "please" as Russian chats spell it, typed in Latin
                                      "kratko pereskazhi statyu pls",
                                      # a word saying nothing inside the cue phrase
                                      "what's it basically about?",
                                      "so what is this story actually about",
                                      # the article pointed at with "your", not "the"
                                      "what does your article say?",
                                      # a word of a request ("main points") before the
                                      # article's name
                                      "what's the main story here?", "главная новость?",
                                      # a preamble naming nothing of the article before it
                                      "hey, busy day at work and no time to read the whole "
                                      "thing, what is this story about?"])
def test_overview_requests(engine: Engine, question: str) -> None:
    """Asking what the article is about gets the overview."""
    assert engine.decide(question).kind == "overview"


@pytest.mark.parametrize(
    ("first", "follow_up", "fact"),
    [
        ("What new transport routes are planned?", "who announced it?", "announcement"),
        ("What new transport routes are planned?", "when?", "announcement"),
        ("What new transport routes are planned?", "why?", "routes_reason"),
        ("How much did trade grow in 2024?", "and in 2025?", "trade_growth"),
        ("Какие маршруты планирует Россия?", "а кто это объявил?", "announcement"),
        ("Какие маршруты планирует Россия?", "когда?", "announcement"),
        ("Nga có kế hoạch mở những tuyến vận tải mới nào?", "khi nào?", "announcement"),
        # Only what it asks, which the last answer also answers: that answer's fact.
        ("When was the article published?", "by whom?", "source"),
        ("Is Thongloun Sisoulith mentioned?", "кто он?", "thongloun"),
        # Nothing but "what" of the last answer: that answer, which says what there is.
        ("Where is the photo from?", "what is on it?", "photo"),
        # A pronoun after a preposition ("на нём", on it) names nothing of its own.
        ("Откуда фото в статье?", "а кто на нём?", "photo"),
        # Nothing but words asking for a date: the last answer's date, not the article's.
        ("Who announced the new transport routes?", "on what date?", "announcement"),
        ("Who announced the new transport routes?", "what day was that?", "announcement"),
        ("Who announced the new transport routes?", "which day?", "announcement"),
        # Why what was announced: the reason for the routes, a step beyond the announcement.
        ("what did putin announce after the talks?", "and why?", "routes_reason"),
        ("что путин заявил после переговоров?", "а почему?", "routes_reason"),
        # A word pointing back names the last answer, which says it, over a fact the words
        # fit better alone (the article's source).
        ("what does the photo show?", "where is it from?", "photo"),
        # Nothing but a question word the last answer is asked with: that answer.
        ("what does the photo show?", "from where?", "photo"),
        ("что на фото?", "а откуда оно?", "photo"),
        # Pointing back at the last answer, which says why, rather than at the reason for
        # the routes, which the words alone fit as well.
        ("Обсуждали ли гидроэнергетику?", "а почему именно её?", "textile_hydropower"),
        # "one" stands for a thing of the last answer ("the second one"): it points back.
        ("which industries besides farming were discussed?", "why the latter one?",
         "textile_hydropower"),
        # Level with a fact far from the last answer, the one next to it: the road map the
        # memoranda list, not the interest in nuclear technology.
        ("which agreements were signed?", "say more about the nuclear one", "nuclear_roadmap"),
        # A bare question word: the last answer when its phrasings ask with it, else the one
        # fact related to it either way that does (the announcement after the talks).
        ("Was the Lao leader's trip an official visit?", "where to?", "official_visit"),
        ("что обсуждали стороны?", "когда?", "announcement"),
        # A reaction naming nothing ("really?") before the question asks nothing itself.
        ("What did the two sides sign?", "is that so? anything about schools?", "memoranda"),
        ("Which crops does Laos export?", "really? what about cotton?", "agri_exports"),
        ("what mines are there?", "да ну? а бокситы?", "bauxite"),
        # A year the last answer gives, asked again: that answer (Lao: "and the year 2025?").
        ("ການຄ້າລາວລັດເຊຍປີ 2024 ເພີ່ມຂຶ້ນຫຼາຍປານໃດ", "ແລ້ວປີ 2025 ລະ", "trade_growth"),
    ],
)
def test_follow_up_is_resolved_against_the_last_answer(
    engine: Engine, first: str, follow_up: str, fact: str
) -> None:
    """A short question leaning on the last answer gets the fact next to it."""
    context = Context().after(engine.decide(first).given)
    assert engine.decide(follow_up, context=context).fact_id == fact


@pytest.mark.parametrize(
    ("first", "follow_up", "fact"),
    [
        ("какие металлы добывают российские компании в лаосе?", "а сколько русских там работает?",
         "metal_mines"),
        ("what metals do Russian companies mine in Laos?", "how many Russians work there?",
         "metal_mines"),
        # A number of a fact that gives none.
        ("which crops can laos sell abroad?", "how many tons of rice tho", "agri_exports"),
        ("какую сельхозпродукцию может экспортировать лаос?", "сколько тонн риса?",
         "agri_exports"),
    ],
)
def test_a_detail_the_article_does_not_give_stays_unsaid_when_leaning_back(
    engine: Engine, first: str, follow_up: str, fact: str
) -> None:
    """A follow-up asking of the last answer's fact what the article is known not to say, or
    a number that fact does not give, is not answered by leaning on it: what that fact does
    say is shown instead."""
    context = Context().after(engine.decide(first).given)
    decision = engine.decide(follow_up, context=context)
    assert decision.kind == "none"
    assert decision.closest is not None and decision.closest.id == fact


@pytest.mark.parametrize(
    ("first", "follow_up"),
    [
        ("Ai công bố mở rộng vận tải biển?", "vậy còn đường sắt thì đi qua nước nào?"),
        ("who announced the new sea routes?", "so and the railway goes through which country?"),
    ],
)
def test_a_particle_before_a_join_is_no_question_of_its_own(
    engine: Engine, first: str, follow_up: str
) -> None:
    """"Vậy | còn ..." (so | and ...): the particle opens the one question after it."""
    context = Context().told(engine.decide(first))
    decision = engine.decide(follow_up, context=context)
    assert (decision.kind, decision.fact_id) == ("fact", "new_routes")


def test_what_for_is_not_the_last_answer_again(engine: Engine) -> None:
    """"What are they for?" asks what for, not what they are: the routes are not given again."""
    context = Context().after(("new_routes",))
    assert engine.decide("what are they for?", context=context).fact_id != "new_routes"


def test_a_question_standing_on_its_own_ignores_the_context(engine: Engine) -> None:
    """After the routes, a question naming its own subject is matched as always."""
    context = Context().after(("new_routes",))
    assert engine.decide("what about bauxite?", context=context).fact_id == "bauxite"
    assert (engine.decide("How much did trade grow?", context=context).fact_id
            == "trade_growth")


def test_without_context_a_follow_up_is_matched_alone(engine: Engine) -> None:
    """With nothing said before, "when?" is matched as a question of its own."""
    assert engine.decide("when?").fact_id == engine.decide("when?", context=Context()).fact_id


def test_more_gives_the_next_related_facts(engine: Engine) -> None:
    """"Tell me more" gives the next related facts, and "what else" the ones after them."""
    context = Context().after(("new_routes",))
    more = engine.decide("tell me more", context=context)
    assert more.kind == "parts"
    assert list(more.given) == list(engine.knowledge.by_id["new_routes"].related[:2])
    after = engine.decide("what else?", context=context.after(more.given))
    assert not set(after.given) & {"new_routes", *more.given}


def test_more_in_russian_typed_in_latin_is_still_more(engine: Engine) -> None:
    """"more" (also "море" typed in Latin letters) after an answer asks for more."""
    context = Context().after(("new_routes",))
    assert engine.decide("more", context=context).kind == "parts"


def test_more_with_nothing_before_is_the_overview(engine: Engine) -> None:
    """"Tell me more" opening a conversation gets the overview."""
    assert engine.decide("tell me more").kind == "overview"


def test_more_when_everything_was_said(engine: Engine) -> None:
    """Once every fact was given, "more" says there is no more."""
    every = tuple(fact.id for fact in engine.knowledge.facts)
    decision = engine.decide("tell me more", context=Context(every[-1:], every))
    assert (decision.kind, decision.reason) == ("none", "exhausted")


def test_more_after_the_overview_goes_on_to_the_facts(engine: Engine) -> None:
    """"Tell me more" after the overview gives the first facts of the first topics."""
    context = Context().told(engine.decide("what is this article about?"))
    assert context.opened and context.started
    more = engine.decide("tell me more", context=context)
    firsts = [engine.knowledge.facts_in_topic(topic)[0].id for topic in engine.knowledge.topics]
    assert list(more.given) == firsts[:2]


@pytest.mark.parametrize(
    "question",
    [
        "hi! no time to read it all, summary please",
        "tl;dr for my channel",
        "summary? I have no time to read the article",
        "привет, нет времени читать, кратко для моего канала",
        "tóm tắt giúp mình với",
        # Laos and Russia are what the whole article is about: they name no fact.
        "brief recap of the laos russia piece please",
        # Words naming no fact surely and no topic ("what happened", "for business").
        "объясни простыми словами что там произошло",
        "kể ngắn gọn tin này đi bạn",
    ],
)
def test_an_overview_cue_among_words_that_name_nothing_is_the_overview(
        engine: Engine, question: str) -> None:
    """An overview cue wrapped in greetings, excuses, an audience or the article's own
    subjects gets the overview, once."""
    assert engine.decide(question).kind == "overview"


@pytest.mark.parametrize(
    "question",
    [
        "ຂ່າວນີ້ເວົ້າເລື່ອງຫຍັງ ສະຫຼຸບສັ້ນໆໃຫ້ແດ່ ບໍ່ມີເວລາອ່ານ",
        "bài này nói về cái j vậy, tóm tắt giúp e vs, e lười đọc quá",
        # A summary asked for, then what the article is about.
        "не успеваю, можешь в двух словах рассказать, о чём эта статья?",
        "ne uspevayu, mozhesh v dvuh slovah rasskazat o chem statya?",
    ],
)
def test_the_overview_asked_twice_is_the_overview(engine: Engine, question: str) -> None:
    """What the article is about asked and a summary asked for, in either order, gets the
    overview whatever the excuse names by chance ("ເວລາ", time; "lười", lazy, read unmarked
    as "lưới")."""
    assert engine.decide(question).kind == "overview"


def test_a_question_after_the_overview_asked_twice_is_answered(engine: Engine) -> None:
    """A question of its own after the second cue is answered beside the overview."""
    decision = engine.decide("what is this article about? in short, how much did trade grow?")
    assert decision.kind == "parts"
    assert [part.kind for part in decision.parts] == ["overview", "fact"]
    assert decision.parts[1].fact_id == "trade_growth"


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("summarize the article for me, and where will the railway go?", "new_routes"),
        ("Tóm tắt bài báo này giúp mình với, và thương mại tăng bao nhiêu?", "trade_growth"),
        ("ສະຫຼຸບຂ່າວນີ້ໃຫ້ແດ່ ແລ້ວການຄ້າເພີ່ມຂຶ້ນຈັກເປີເຊັນ?", "trade_growth"),
    ],
)
def test_the_overview_and_a_question_joined_in_one_sentence_are_both_answered(
        engine: Engine, question: str, fact: str) -> None:
    """A request for the overview joined to a question by "and" gets the overview and the
    answer."""
    decision = engine.decide(question)
    assert [(part.kind, part.fact_id) for part in decision.parts] == [("overview", None),
                                                                      ("fact", fact)]


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("Give me a summary. How much did trade grow?", "trade_growth"),
        ("Кратко перескажи статью. Какие меморандумы подписали?", "memoranda"),
        ("Tóm tắt bài báo giúp mình. Nga mở tuyến đường sắt qua đâu?", "new_routes"),
    ],
)
def test_the_overview_requested_in_a_sentence_before_a_question_is_given_with_its_answer(
        engine: Engine, question: str, fact: str) -> None:
    """A sentence requesting the overview, with no question mark, before a question is a
    request of its own: the overview and the answer, not the answer alone."""
    decision = engine.decide(question)
    assert [(part.kind, part.fact_id) for part in decision.parts] == [("overview", None),
                                                                      ("fact", fact)]


@pytest.mark.parametrize(
    ("question", "facts"),
    [
        ("summary of the trade figures", ["trade_growth"]),
        ("gist of the agriculture part", ["agri_exports"]),
        ("кратко про ядерное сотрудничество", ["nuclear_roadmap"]),
        # Unsure between facts, but naming a topic: that topic's facts.
        ("the gist of the transport plans", ["new_routes", "routes_reason", "routes_purpose"]),
    ],
)
def test_an_overview_cue_with_a_topic_answers_the_topic(engine: Engine, question: str,
                                                        facts: list[str]) -> None:
    """"Summary of <topic>" gets the fact it names first, then other facts of its topic,
    not the overview and not "did you mean"."""
    decision = engine.decide(question)
    assert decision.confident and _facts(decision)[:len(facts)] == facts


@pytest.mark.parametrize(
    ("question", "answered", "offered"),
    [
        ("How much did trade grow and how long is the new railway?", "trade_growth",
         "new_routes"),
        ("who announced the routes and what does the deal mean for farmers?", "announcement",
         "memoranda"),
    ],
)
def test_a_clean_two_part_question_with_an_unclear_part(engine: Engine, question: str,
                                                        answered: str, offered: str) -> None:
    """Two parts joined by "and", each a question by itself, one answered and one not: the
    answered part, and the other's closest fact offered."""
    decision = engine.decide(question)
    assert decision.kind == "parts" and not decision.confident
    assert [part.fact_id for part in decision.parts if part.confident] == [answered]
    unclear = next(part for part in decision.parts if not part.confident)
    assert (unclear.closest.id if unclear.closest else unclear.suggestions[0]) == offered


def test_a_numbered_list_after_a_preamble(engine: Engine) -> None:
    """"Two things: 1) ... 2) ..." answers each numbered question, and not the preamble."""
    decision = engine.decide("Two things: 1) what crops does Laos export 2) who is Putin")
    assert _facts(decision) == ["agri_exports", "putin"]


@pytest.mark.parametrize("question", [
    "1) what did the two sides sign 2) are they binding",
    "what did the two sides sign\nare they binding",
])
def test_a_listed_question_naming_nothing_is_still_a_question(engine: Engine,
                                                              question: str) -> None:
    """A numbered or lined-up question the article does not answer ("are they binding") is
    a question of its own, not the one before asked again."""
    decision = engine.decide(question)
    assert [(part.kind, part.fact_id) for part in decision.parts] == [
        ("fact", "memoranda"), ("none", None)]


@pytest.mark.parametrize(
    ("before", "question", "fact"),
    [
        ("How much did trade grow in 2025?", "and the year before?", "trade_growth"),
        ("Does Laos export agricultural products?", "like what?", "agri_exports"),
        ("Were any memoranda signed during the visit?", "such as?", "memoranda"),
        ("Экспортирует ли Лаос сельхозпродукцию?", "например?", "agri_exports"),
        ("Насколько вырос товарооборот в 2025 году?", "а годом раньше?", "trade_growth"),
    ],
)
def test_asking_the_last_answer_again(engine: Engine, before: str, question: str,
                                      fact: str) -> None:
    """"Like what?" or "and the year before?" after an answer gets that answer again: what
    the article says of it."""
    context = Context().told(engine.decide(before))
    assert context.given == (fact,)
    assert engine.decide(question, context=context).fact_id == fact


def test_asking_again_with_nothing_before_is_not_an_answer(engine: Engine) -> None:
    """"Like what?" opening a conversation answers nothing."""
    assert engine.decide("like what?").kind != "fact"


def test_a_follow_up_naming_nothing_near_the_last_answer_is_declined(engine: Engine) -> None:
    """"Where was that?" after the announcement: nothing near it says where, so the article
    does not say, and the announcement is what it does say (not an unrelated fact)."""
    context = Context().told(engine.decide("Who announced the new routes?"))
    decision = engine.decide("where was that?", context=context)
    assert decision.kind == "none" and decision.closest is not None
    assert decision.closest.id == "announcement"


@pytest.mark.parametrize(
    ("first", "follow_up"),
    [
        ("How much did trade grow?", "how much is that in dollars?"),
        ("На сколько вырос товарооборот?", "а сколько это в долларах?"),
        ("На сколько вырос товарооборот?", "а сколько это в рублях?"),
    ],
)
def test_a_follow_up_asking_a_detail_no_fact_has_is_a_near_miss(
        engine: Engine, first: str, follow_up: str) -> None:
    """A follow-up naming what the knowledge base knows only from what the article does not
    say ("dollars"), or, when no fact near the last answer fits, a word no fact has
    ("рублях"), asks a detail the article does not give: it says so and shows the fact."""
    context = Context().told(engine.decide(first))
    decision = engine.decide(follow_up, context=context)
    assert decision.kind == "none" and decision.closest is not None
    assert decision.closest.id == "trade_growth"


def test_a_part_the_article_does_not_answer_is_said_so(engine: Engine) -> None:
    """A second question asking a detail the article does not give is answered as such,
    beside the first question's answer."""
    decision = engine.decide("How much did trade grow in 2024, and how much is that in dollars?")
    assert decision.kind == "parts"
    assert [part.kind for part in decision.parts] == ["fact", "none"]
    assert decision.parts[1].closest is not None


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("which countries will the cargo pass through? also is there any mention of direct "
         "flights to moscow?", "new_routes"),
        ("what metals do russian companies dig in laos? and is there anything about diamonds?",
         "metal_mines"),
    ],
)
def test_a_question_whether_something_exists_is_one_of_its_own(engine: Engine, question: str,
                                                              fact: str) -> None:
    """"Is there any mention of ..." after a question asks of its own: "there" points at
    nothing said before, and a piece no fact fits even faintly leans to no answer."""
    decision = engine.decide(question)
    assert decision.kind == "parts"
    assert [(part.kind, part.fact_id) for part in decision.parts] == [("fact", fact),
                                                                       ("none", None)]


def test_a_preamble_sentence_before_two_questions_keeps_the_second(
        engine: Engine) -> None:
    """A sentence of preamble before "is corn on the list, and is Russia expanding sea
    freight?" asks nothing: the second question stays one, answered beside the first."""
    decision = engine.decide("Good morning, I sell dried cassava and maize. Is corn on the "
                             "export list, and is Russia expanding sea freight?")
    assert decision.kind == "parts"
    first, second = decision.parts
    assert (first.kind, first.fact_id) == ("fact", "agri_exports")
    assert (second.kind, second.fact_id) == ("fact", "new_routes")


def test_an_introduction_before_two_questions_in_one_sentence_is_left_out(
        engine: Engine) -> None:
    """"Quick one for my notes: <question>, and <question>" is cut into its two questions
    (what introduces them asks nothing itself), even when one of them is no answer."""
    decision = engine.decide(
        "quick one for my notes: how much did trade grow, and how long is the railway?")
    assert decision.kind == "parts"
    assert (decision.parts[0].kind, decision.parts[0].fact_id) == ("fact", "trade_growth")
    assert not decision.parts[1].confident



def test_announced_questions_stay_several_when_the_first_is_unclear(engine: Engine) -> None:
    """"Two things: <unclear>, and <clear>": the clear one is answered and the unclear one
    offered, though the whole message reads as the clear one."""
    decision = engine.decide(
        "two things: what do the russians mine there, and what crops does laos have to export")
    assert [part.kind for part in decision.parts] == ["clarify", "fact"]
    assert decision.parts[0].suggestions[0] in {"metal_mines", "bauxite"}
    assert decision.parts[1].fact_id == "agri_exports"


@pytest.mark.parametrize(
    "question", ["tell me more about bauxite", "расскажи подробнее про бокситы"])
def test_a_request_for_more_about_something_asks_about_it(engine: Engine,
                                                          question: str) -> None:
    """"Tell me more about X" opening a conversation is a question about X."""
    assert engine.decide(question).fact_id == "bauxite"


def test_the_last_answer_settles_a_did_you_mean(engine: Engine) -> None:
    """A question offered as "did you mean" alone is answered when the one fact offered is
    related to the last answer: the conversation says which was meant."""
    question = "which years for the nuclear part"
    assert engine.decide(question).kind == "clarify"
    context = Context().told(engine.decide("What memoranda were signed?"))
    assert engine.decide(question, context=context).fact_id == "nuclear_roadmap"


def test_the_last_answer_settles_a_did_you_mean_of_several(engine: Engine) -> None:
    """Of several facts offered, the only one related to the last answer is the one meant,
    whether or not it was offered first ("why laos?" after the hydropower answer)."""
    question = "why laos?"
    alone = engine.decide(question)
    assert alone.kind == "clarify" and alone.suggestions[0] != "textile_hydropower"
    context = Context().told(engine.decide("they discussed hydropower cooperation"))
    assert engine.decide(question, context=context).fact_id == "textile_hydropower"


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("Who is Thongloun Sisoulith? really?", "thongloun"),
        ("Лаос интересуется ядерными технологиями? правда?", "nuclear_interest"),
    ],
)
def test_a_short_tag_after_a_question_is_part_of_it(engine: Engine, question: str,
                                                    fact_id: str) -> None:
    """"really?" after a question asks nothing of its own: one answer, not two parts."""
    decision = engine.decide(question)
    assert (decision.kind, decision.fact_id) == ("fact", fact_id)


def test_a_follow_up_with_a_word_of_its_own_still_follows(engine: Engine) -> None:
    """A word no fact has is not by itself a detail the article lacks: "are they eyeing
    bauxite" after the mines is the bauxite fact."""
    context = Context().told(engine.decide("what metals are russian firms mining in laos?"))
    assert engine.decide("are they eyeing bauxite", context=context).fact_id == "bauxite"


def test_a_question_word_alone_on_its_line_is_a_question_of_its_own(engine: Engine) -> None:
    """"which routes are planned" then "and why" on the next line asks both: the routes,
    then the reason for them."""
    decision = engine.decide("какие маршруты планируют\nи почему")
    assert decision.given == ("new_routes", "routes_reason")


@pytest.mark.parametrize(
    "question", ["MOUs?? which fields", "водные ресурсы упоминаются? управление и охрана вод"])
def test_one_question_asked_in_pieces_is_one_answer(engine: Engine, question: str) -> None:
    """Pieces that only lean to what the whole message answers are one question: the
    memoranda, once, not an answer and an unclear part."""
    decision = engine.decide(question)
    assert (decision.kind, decision.fact_id) == ("fact", "memoranda")


def test_what_they_said_about_something_asks_about_it(engine: Engine) -> None:
    """"What did they say about rice" asks about rice, as "what does the article say about
    rice" does; "what did they say" alone asks what the article says."""
    assert engine.decide("yo what did they say about rice").fact_id == "agri_exports"
    assert engine.decide("what did they say").kind == "overview"


def test_a_weak_guess_at_a_second_part_does_not_split_one_question(engine: Engine) -> None:
    """"How much did trade grow in 2024 and how are things this year?" is the trade figures:
    a faint guess at "how are things this year" is no second question."""
    decision = engine.decide("на сколько выросла торговля в 2024 и как дела в этом году?")
    assert (decision.kind, decision.fact_id) == ("fact", "trade_growth")


TRADE = "how much did trade grow in 2024"


@pytest.mark.parametrize(
    ("first", "question", "fact_id"),
    [
        # A year the last answer gives is that answer again (2025 is in the trade figures);
        # a word no fact has names nothing it gives: the article does not say.
        (TRADE, "what about early 2025?", "trade_growth"),
        (TRADE, "and in rubles?", None),
        # A date asked of an answer giving one (the announcement, on July 31); not a number
        # the article is known not to give, or asked of an answer giving none.
        ("who made the announcement?", "and on which date?", "announcement"),
        ("who made the announcement?", "also, which date was that?", "announcement"),
        (TRADE, "how much is that in dollars?", None),
        ("what can laos export?", "how many tons?", None),
        # A faint best fact that is the last answer or next to it, unless the follow-up asks
        # for something it cannot give.
        ("Was there an education memorandum?", "and one on water too?", "memoranda"),
        ("what period does the nuclear road map cover?", "and when will the reactor be ready?",
         None),
        ("which routes will russia open?", "do they name the exact ports?", None),
        # Narrowing the last answer ("in addition to the energy sector") is that answer.
        ("what was Laos interested in during the talks?", "only for power plants?",
         "nuclear_interest"),
        # Why, asked of an answer that says why (hydropower "taking advantage of" the water).
        ("did they talk about hydropower?", "why laos specifically?", "textile_hydropower"),
        ("обсуждали ли гидроэнергетику?", "почему именно лаос?", "textile_hydropower"),
        # Asked why in words a phrasing has ("чего" of "с чего вдруг"): still only why.
        ("почему именно гэс?", "с чего вдруг", "textile_hydropower"),
        ("почему именно гидроэнергетика?", "с чем это связано?", "textile_hydropower"),
        # Asking only for other ones: the last answer holds all the article has of it.
        ("what farm products can laos export?", "any others?", "agri_exports"),
        ("was there an agreement on education?", "any others?", "memoranda"),
        ("какие меморандумы подписали?", "а другие?", "memoranda"),
        # Asking whether the last answer is all there is: it is what the article says.
        ("what agreements did they sign during the visit?", "is that all?", "memoranda"),
        ("what crops can laos export?", "is that it?", "agri_exports"),
        ("какие документы подписали?", "это всё?", "memoranda"),
        ("hai bên ký những văn kiện gì?", "vậy thôi à?", "memoranda"),
    ],
)
def test_a_follow_up_is_what_the_last_answer_gives(
        engine: Engine, first: str, question: str, fact_id: str | None) -> None:
    """A follow-up asking what the last answer, or a fact next to it, gives is answered with
    that fact; one asking what no fact gives is said not to be in the article."""
    context = Context().told(engine.decide(first))
    decision = engine.decide(question, context=context)
    assert decision.fact_id == fact_id
    assert decision.kind == ("fact" if fact_id else "none")


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("what's this story about, in a couple of sentences", "overview"),
        ("what is the article saying in general", "overview"),
        ("explain this news to me like I'm 12", "overview"),  # a number: how short
        ("where is this story from", "fact"),  # "where" asks for its source
        ("what does the story say about hydropower", "fact"),
    ],
)
def test_a_message_naming_only_the_article_is_the_overview(
        engine: Engine, question: str, kind: str) -> None:
    """A message naming the article and no word any fact has, asking only "what", gets the
    overview; another question word or a fact's word makes it a question about a fact."""
    assert engine.decide(question).kind == kind


@pytest.mark.parametrize(
    ("message", "fact"),
    [
        ("rail link to laos via china?? is that real", "new_routes"),
        ("was the lao president on an official trip? where to?", "official_visit"),
        ("did trade drop in 2024? a colleague of mine told me so", "trade_growth"),
        ("торговля в 2024 выросла? где-то читал, что упала", "trade_growth"),
    ],
)
def test_a_piece_naming_nothing_only_asks_the_question_before_it(
        engine: Engine, message: str, fact: str) -> None:
    """A piece after a question that names nothing of its own, or asks nothing (a remark),
    and is not answered adds nothing: the message is answered as the question before it."""
    decision = engine.decide(message)
    assert (decision.kind, decision.fact_id) == ("fact", fact)


def test_a_piece_naming_a_word_of_its_own_stays_a_question(engine: Engine) -> None:
    """A piece naming a word no fact has is a question the article does not answer."""
    decision = engine.decide("what does Laos export? and what's the population of Laos?")
    assert decision.kind == "parts"
    assert [part.confident for part in decision.parts] == [True, False]


@pytest.mark.parametrize(
    ("first", "then", "fact"),
    [
        ("какие сельхозтовары лаос может экспортировать",
         "а кроме сельского хозяйства какие отрасли?", "textile_hydropower"),
        ("what farm products can laos export?", "which other industries did they discuss?",
         "textile_hydropower"),
        ("what crops does laos export?", "any other industries?", "textile_hydropower"),
        ("is laos interested in nuclear power?", "only for power or other stuff too?",
         "nuclear_interest"),
    ],
)
def test_a_follow_up_asking_for_another_fact_sets_the_last_answer_aside(
        engine: Engine, first: str, then: str, fact: str) -> None:
    """"Which other industries?" after the farm exports is answered by a fact other than
    the last answer, the one related to it when several fit, unless "other" is the last
    answer's own word ("other uses than power" of the nuclear interest)."""
    context = Context().told(engine.decide(first))
    decision = engine.decide(then, context=context)
    assert (decision.kind, decision.fact_id) == ("fact", fact)


def test_a_whole_answering_one_part_leaves_the_other_asked(engine: Engine) -> None:
    """"What about water resources, and for which years is the nuclear road map?" read whole
    is the road map, which answers only its second part: the first part is still asked, as
    a "did you mean" between the memoranda and the hydropower using the water."""
    decision = engine.decide(
        "что по водным ресурсам и на какой период дорожная карта по атому")
    assert decision.kind == "parts"
    first, second = decision.parts
    assert first.kind == "clarify" and "memoranda" in first.suggestions
    assert second.fact_id == "nuclear_roadmap"


@pytest.mark.parametrize(
    ("first", "then", "fact"),
    [
        ("how will goods go by sea?", "and by rail?", "new_routes"),
        ("is laos interested in nuclear technology?", "only for energy?", "nuclear_interest"),
        ("Did the Lao leader visit Russia officially?", "and what was signed there?",
         "memoranda"),
    ],
)
def test_a_follow_up_without_an_asking_word_asks_the_last_question_again(
        engine: Engine, first: str, then: str, fact: str) -> None:
    """"And by land?" after the sea routes asks the last question of something else: the
    last answer, when it answers that too; "and what was signed there?" asks its own."""
    context = Context().told(engine.decide(first))
    assert engine.decide(then, context=context).fact_id == fact


def test_questions_ending_in_a_full_stop_are_several(engine: Engine) -> None:
    """Two sentences that each ask, the first ending in a full stop, are two questions."""
    decision = engine.decide(
        "Why are new transport routes needed. What industries did the two sides discuss?")
    assert decision.given == ("routes_reason", "textile_hydropower")


def test_setting_the_last_answer_aside_asks_for_what_comes_next(engine: Engine) -> None:
    """"And apart from agriculture?" after the farm exports names nothing but what it sets
    aside: the next facts, not the farm exports again."""
    context = Context().told(engine.decide("что лаос может экспортировать из сельхоза?"))
    decision = engine.decide("а кроме сельского хозяйства?", context=context)
    assert decision.given and "agri_exports" not in decision.given
    assert decision.given[0] == "textile_hydropower"


@pytest.mark.parametrize(
    ("message", "fact"),
    [
        # A question with "it" that is no answer by itself says more of the one before it.
        ("hydropower? why does laos have an edge in it", "textile_hydropower"),
        ("the photo? who is in it", "photo"),
        # Two parts of a sentence each answered, or offered alone, by the same fact.
        ("which outlet ran this and on what date?", "source"),
        ("which agency wrote this piece and on what date?", "source"),
        # Items between commas, each answered by the same fact.
        ("школы, вузы, обучение — по этой теме договорились о чем-нибудь?", "memoranda"),
        ("istochnik novosti i data pls, ja stazher v redakcii", "source"),
        # A piece declined whose candidates hold the one answered as near as any: the
        # question before, asked again.
        ("Визит был официальный? И кто к кому ездил - Путин в Лаос или наоборот?",
         "official_visit"),
    ],
)
def test_one_question_in_two_pieces_gets_one_fact(
        engine: Engine, message: str, fact: str) -> None:
    """Two pieces of a message that ask one thing get the one fact that answers it."""
    decision = engine.decide(message)
    assert (decision.kind, decision.fact_id) == ("fact", fact)


@pytest.mark.parametrize(
    ("message", "first", "second"),
    [
        # "they" is as often the two countries: a question of its own.
        ("How much did trade grow? What did they sign?", "trade_growth", "memoranda"),
        # A number asked of "it" is a detail of its own, which the article does not give.
        ("what crops can Laos export? how many tonnes of it go to russia?", "agri_exports",
         None),
    ],
)
def test_a_question_of_its_own_after_another_stays_a_part(
        engine: Engine, message: str, first: str, second: str | None) -> None:
    """A question pointing at people, or asking for a number, stays a part of its own,
    answered by itself or not at all."""
    decision = engine.decide(message)
    assert decision.kind == "parts"
    assert decision.parts[0].fact_id == first
    assert decision.parts[1].fact_id == second


def test_a_part_naming_what_no_fact_has_is_said_not_to_be_answered(engine: Engine) -> None:
    """"... and is gold mentioned anywhere?" after an answered part is a question the article
    does not answer, said so, not dropped; "and what about the start of 2025?" leans to the
    answered fact and stays one question with it."""
    decision = engine.decide("what crops can laos export and is gold mentioned anywhere?")
    assert [(part.kind, part.fact_id) for part in decision.parts] == [
        ("fact", "agri_exports"), ("none", None)]
    decision = engine.decide("how much did trade grow in 2024 and what about the start of 2025?")
    assert (decision.kind, decision.fact_id) == ("fact", "trade_growth")


@pytest.mark.parametrize(
    "question",
    ["is tea on the export list? and coffee?", "is tea on the export list? also coffee?"],
)
def test_a_short_piece_joined_on_naming_its_own_thing_is_a_question(engine: Engine,
                                                                    question: str) -> None:
    """"and coffee?" after a question asks it again of something else: a part of its own,
    here one the article does not answer, beside the first part's answer."""
    decision = engine.decide(question)
    assert decision.kind == "parts"
    assert [(part.kind, part.fact_id) for part in decision.parts] == [
        ("fact", "agri_exports"), ("none", None)]


@pytest.mark.parametrize(
    ("first", "question", "fact_id"),
    [
        ("Why is Russia adding transport routes?", "which country would the railway cross?",
         "new_routes"),
        ("Why is Russia adding transport routes?", "what's the weather in Vientiane?", None),
    ],
)
def test_a_question_just_short_of_an_offer_is_settled_by_the_last_answer(
        engine: Engine, first: str, question: str, fact_id: str | None) -> None:
    """A question declined alone whose best fact is next to the last answer and clearly
    ahead is that fact; one whose best fact is nothing near stays declined."""
    context = Context().told(engine.decide(first))
    assert engine.decide(question, context=context).fact_id == fact_id


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        ("lao president name, date of the talks", ["thongloun", "announcement"]),
        ("rice, corn, tea: are they on the export list?", None),
        ("hi, what does laos export?", None),
        # An item pointing back at the one before asks more of it: one question.
        ("lao president name, who announced this?", None),
    ],
)
def test_questions_listed_between_commas(engine: Engine, question: str,
                                         parts: list[str] | None) -> None:
    """Items between commas each answered by a fact of their own are several questions; the
    things of one list, a greeting before a question, or an item pointing back at the one
    before are not."""
    decision = engine.decide(question)
    if parts is None:
        assert decision.kind != "parts"
    else:
        assert [part.fact_id for part in decision.parts] == parts


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("hàng hóa qua lại giữa Nga và Lào sẽ được chở bằng tàu biển qua nước nào?",
         "new_routes"),
        ("Trong chuyến thăm, Lào và Nga ký những biên bản ghi nhớ về lĩnh vực gì?",
         "memoranda"),
    ],
)
def test_the_two_sides_joined_are_one_thing(engine: Engine, question: str,
                                            fact_id: str) -> None:
    """"Nga và Lào" (Russia and Laos) is no cut between two questions, even where the
    question word comes at the end of the second."""
    decision = engine.decide(question)
    assert (decision.kind, decision.fact_id) == ("fact", fact_id)


@pytest.mark.parametrize("message", ["the railway through china + how long will it be?",
                                     "railway via china? how long is it"])
def test_a_number_the_article_does_not_give_is_a_part_of_its_own(engine: Engine,
                                                                   message: str) -> None:
    """A piece asking a number of the last answer that the article does not give is not
    folded into the question before it: that part is answered, this one left unanswered."""
    decision = engine.decide(message)
    assert decision.kind == "parts"
    assert decision.given == ("new_routes",)
    assert len(decision.parts) == 2 and not decision.parts[1].confident


@pytest.mark.parametrize(("message", "fact_id"), [
    ("which country will the railway go through?? and when will it be finished?", "new_routes"),
    ("when did putin and thongloun meet + where?", "announcement"),
])
def test_a_detail_the_article_does_not_give_is_a_part_of_its_own(
        engine: Engine, message: str, fact_id: str) -> None:
    """A piece asking of the last answer what the article is known not to give ("when will
    it be finished?") is not folded into the question before it: left unanswered."""
    decision = engine.decide(message)
    assert decision.kind == "parts"
    assert decision.given == (fact_id,)
    assert len(decision.parts) == 2 and not decision.parts[1].confident


def test_asking_whether_it_is_said_is_the_question_before(engine: Engine) -> None:
    """"does it say" after a question only asks whether its answer is said: one answer."""
    decision = engine.decide("why hydro specifically? does it say")
    assert (decision.kind, decision.fact_id) == ("fact", "textile_hydropower")


def test_a_price_pointing_back_is_a_part_of_its_own(engine: Engine) -> None:
    """"... ? also what was the oil price that day" points back at the date just asked, but
    asks a figure of its own the article does not give: that part is left unanswered."""
    decision = engine.decide("when did putin announce the routes? also what was the oil "
                             "price that day")
    assert decision.kind == "parts"
    assert decision.given == ("announcement",)
    assert len(decision.parts) == 2 and not decision.parts[1].confident


@pytest.mark.parametrize(
    ("message", "given"),
    [
        ("so trade fell in 2025 and they signed a defence deal, correct?",
         ("trade_growth", "memoranda")),
        ("так торговля в 2025 упала и они подписали военный пакт, верно?",
         ("trade_growth", "memoranda")),
    ],
)
def test_a_closing_tag_checks_each_claim_joined(engine: Engine, message: str,
                                                given: tuple[str, ...]) -> None:
    """Two claims joined by "and" under one "correct?" are each checked: each gets the
    fact that says what is so, and the parts are shown as typed."""
    decision = engine.decide(message)
    assert decision.kind == "parts"
    assert decision.given == given
    assert not any(part.question.endswith("?") for part in decision.parts[:-1])


def test_one_claim_with_also_before_its_tag_stays_one(engine: Engine) -> None:
    """"They signed a defence pact also, right?" is one claim: "also" cuts off only its tag."""
    decision = engine.decide("they signed a defence pact also, right?")
    assert (decision.kind, decision.fact_id) == ("fact", "memoranda")


@pytest.mark.parametrize("question", ["any others?", "а другие?", "còn cái khác không?"])
def test_other_ones_asked_of_nothing_are_declined(engine: Engine, question: str) -> None:
    """Asked with nothing before it, "any others?" names nothing: declined, not answered with
    the fact that says "other"."""
    decision = engine.decide(question)
    assert decision.kind == "none"


def test_a_question_word_inside_the_first_part_still_asks(engine: Engine) -> None:
    """"через порты какой страны ..." asks with a word after a phrase, not at its start: the
    second question is still one of its own, not dropped."""
    decision = engine.decide("привет) через порты какой страны россия хочет возить грузы, "
                             "и что подписали во время визита?")
    assert decision.kind == "parts"
    assert decision.parts[0].fact_id == "new_routes"
    second = decision.parts[1]
    assert {"memoranda", "official_visit"} & {*second.given, *second.suggestions}


@pytest.mark.parametrize(
    ("message", "fact"),
    [
        ("which crops does laos sell abroad?? and does russia actually purchase any of them??",
         "agri_exports"),
        ("what metals do russian firms mine in laos? do they hire local people for it?",
         "metal_mines"),
    ],
)
def test_a_piece_asking_something_new_of_the_answer_is_a_part_of_its_own(
        engine: Engine, message: str, fact: str) -> None:
    """After an answer, a piece pointing back at it with a word no fact has, no fact fitting
    it even faintly, is a question the article does not answer: not the one before again."""
    decision = engine.decide(message)
    assert decision.kind == "parts"
    assert [part.fact_id for part in decision.parts] == [fact, None]
    assert decision.parts[1].kind == "none"


@pytest.mark.parametrize(("question", "parts"), [
    ("1) how much did trade grow 2) any oil?", [("fact", "trade_growth"), ("none", None)]),
    ("1) how much did trade grow 2) bauxite?", [("fact", "trade_growth"), ("fact", "bauxite")]),
])
def test_a_short_item_of_a_numbered_list_is_a_question_of_its_own(
        engine: Engine, question: str, parts: list[tuple[str, str | None]]) -> None:
    """A numbered item of two words is asked by itself, not read as more of the item before."""
    decision = engine.decide(question)
    assert [(part.kind, part.fact_id) for part in decision.parts] == parts


def test_a_question_declined_before_the_same_one_answered_is_asked_again(
        engine: Engine) -> None:
    """A piece declined alone that leans to the fact the piece after it answers, asking no
    detail of its own, is that question put twice: one answer."""
    decision = engine.decide("Как Россия собирается возить грузы в Лаос, если у Лаоса нет "
                             "своего побережья? Через чьи гавани?")
    assert (decision.kind, decision.fact_id) == ("fact", "new_routes")


@pytest.mark.parametrize(("question", "fact"), [
    ("лаос хочет аэс или что? что там про ядерку", "nuclear_interest"),
    ("ya fermer, interesno kakuyu selhozprodukciyu laos mozhet vyvozit? 4to tam rastit",
     "agri_exports"),
])
def test_a_piece_naming_nothing_after_an_answer_asks_it_again(
        engine: Engine, question: str, fact: str) -> None:
    """A piece naming nothing of its own ("что там про ...", "что там растят"), answered alone
    with another fact but read with the question before it that question, asks it again."""
    decision = engine.decide(question)
    assert (decision.kind, decision.fact_id) == ("fact", fact)


@pytest.mark.parametrize(("question", "fact"), [
    ("откуда фотка? чья?", "photo"),
    ("кто к кому ездил, путин в лаос или наоборот", "official_visit"),
])
def test_russian_who_in_its_cases_asks_and_names_nothing(
        engine: Engine, question: str, fact: str) -> None:
    """"Чья?" (whose), "к кому" (to whom) are question words, as English "whose" and "whom":
    one question, not a second one about the article's source or a thing named."""
    decision = engine.decide(question)
    assert (decision.kind, decision.fact_id) == ("fact", fact)


def test_lao_from_where_after_the_photo_asks_where_the_photo_is_from(engine: Engine) -> None:
    """"What is the photo, and where is it taken from?" in Lao is one question about the photo,
    its credit included: "ຈາກໃສ" (from where) is a question word naming nothing."""
    decision = engine.decide("ຮູບໃນຂ່າວແມ່ນຮູບຫຍັງ ແລະ ເອົາມາຈາກໃສ")
    assert (decision.kind, decision.fact_id) == ("fact", "photo")
