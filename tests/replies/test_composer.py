"""Tests for bot.replies.composer: what a user reads for each kind of decision."""

from __future__ import annotations

import pytest

from bot.engine import Decision, Engine
from bot.engine.decision import chosen_fact
from bot.knowledge import Knowledge
from bot.replies import Button, Composer, Reply, plain_text
from bot.replies.composer import MAX_ECHO_LENGTH
from tests.replying import OUT_OF_SCOPE, reply_to

TOPICS_EN = (
    "I can answer questions about: Trade, Transport routes, The talks, People, Nuclear and "
    "energy, Mining, Agriculture, Textile and hydropower, Visit and agreements, About the article."
)
SOURCE_EN = "Source: VNA, 2025-08-01"


def rich_text(reply: Reply) -> str:
    """The reply as a rich channel (Telegram) shows it, without styles."""
    return "".join(part.text for part in reply.parts if part.channel != "plain")


def fact_values(reply: Reply) -> list[str]:
    """The fact ids on the reply's buttons, in order."""
    return [row[0].value for row in reply.buttons if row[0].kind == "fact"]


@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_answer_is_the_fact_in_plain_text(
    knowledge: Knowledge, composer: Composer, language: str
) -> None:
    """Plain text of an answer is exactly the fact's answer; rich text adds the source line."""
    for fact in knowledge.facts:
        reply = composer.answer(fact, language)
        assert plain_text(reply) == fact.answer[language]
        assert reply.parts[-1].style == "i"
        assert rich_text(reply) == fact.answer[language] + "\n\n" + reply.parts[-1].text
        assert fact_values(reply) == list(fact.related)


def test_an_answer_decision_is_worded_with_its_related_facts(composer: Composer) -> None:
    """An answer shows the fact, the source in italics on Telegram, and related questions."""
    reply = composer.compose(chosen_fact(composer.knowledge.by_id["trade_growth"]))
    assert rich_text(reply).endswith("\n\n" + SOURCE_EN)
    assert reply.buttons == (
        (Button("What new transport routes does Russia plan for Laos?", "fact", "new_routes"),),
        (Button("Why does Russia want to open new transport routes to Laos?", "fact",
                "routes_reason"),),
    )


def test_trade_answer_has_both_figures(engine: Engine) -> None:
    """The trade answer gives both of the article's figures."""
    text = reply_to(engine, "how much did trade grow?").text
    assert "66 percent" in text and "20 percent" in text


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("how much did trade grow?", "trade_growth"),
        ("By how much did trade between Russia and Laos increase?", "trade_growth"),
        ("trade 2025", "trade_growth"),
        ("bauxite", "bauxite"),
        ("bauxit mines", "bauxite"),
        ("which ports will Russia use?", "new_routes"),
        ("Who is Thongloun Sisoulith?", "thongloun"),
        ("what does laos export", "agri_exports"),
        ("sugarcane", "agri_exports"),
        ("when did putin announce this", "announcement"),
        ("who published the article", "source"),
        ("road map nuclear energy 2025-2026", "nuclear_roadmap"),
        ("hydropower", "textile_hydropower"),
        ("railwya through china", "new_routes"),
        ("why hydropower in laos", "textile_hydropower"),
    ],
)
def test_answered_question_reads_as_the_answer(engine: Engine, question: str, fact_id: str) -> None:
    """Paraphrases, typos and keyword questions read as the right fact's answer, nothing else."""
    answer = reply_to(engine, question)
    assert answer.text == engine.knowledge.by_id[fact_id].answer["en"], answer.candidates


def test_reply_language_overrides_detection(engine: Engine) -> None:
    """A chat's chosen reply language wins over the language of the question."""
    answer = reply_to(engine, "how much did trade grow?", chosen="ru")
    assert answer.language == "ru"
    assert answer.text == engine.knowledge.by_id["trade_growth"].answer["ru"]


def test_clarify_lists_the_offered_questions(engine: Engine, composer: Composer) -> None:
    """A clarification asks which was meant: lines in plain text, buttons on Telegram."""
    decision = engine.decide("water resources")
    reply = composer.compose(decision)
    assert plain_text(reply) == (
        "Did you mean one of these?\n"
        "• What memoranda of understanding were signed?\n"
        "• What industries did the two sides discuss cooperating in?"
    )
    assert rich_text(reply) == "Did you mean one of these?"
    assert fact_values(reply) == ["memoranda", "textile_hydropower"]


def test_one_plausible_fact_is_offered_with_its_answer(
    knowledge: Knowledge, engine: Engine, composer: Composer
) -> None:
    """A single plausible fact is offered with "Did you mean this?", its question and its
    answer at once, and its related facts as buttons."""
    decision = engine.decide("what did they agree about hydropower")
    assert (decision.kind, decision.suggestions) == ("clarify", ("textile_hydropower",))
    fact = knowledge.by_id["textile_hydropower"]
    reply = composer.compose(decision)
    assert plain_text(reply) == (
        f"Did you mean this?\n{fact.questions['en'][0]}\n{fact.answer['en']}"
    )
    assert rich_text(reply).endswith(f"{fact.answer['en']}\n\n{SOURCE_EN}")
    assert fact_values(reply) == list(fact.related)


def test_decline_lists_topics_and_questions(engine: Engine, composer: Composer) -> None:
    """A decline says so, lists the topics and the closest questions; Telegram also echoes the
    question and offers the questions as buttons with a row to browse topics."""
    reply = composer.compose(engine.decide("what is the capital of laos?"))
    assert plain_text(reply) == (
        "Sorry, the article does not say that.\n" + TOPICS_EN + "\nYou could ask:\n"
        "• How much did trade between Laos and Russia grow?\n"
        "• What new transport routes does Russia plan for Laos?\n"
        "• Why does Russia want to open new transport routes to Laos?"
    )
    assert rich_text(reply) == (
        "You asked: what is the capital of laos?\n"
        "Sorry, the article does not say that.\n" + TOPICS_EN + "\nYou could ask:"
    )
    assert [part.style for part in reply.parts[:4]] == ["", "i", "", "b"]
    assert fact_values(reply) == ["trade_growth", "new_routes", "routes_reason"]
    assert reply.buttons[-1] == (Button("📚 Browse topics", "topics"),)


def test_decline_echo_is_clipped_and_spaced(composer: Composer) -> None:
    """The echoed question is one line, cut to a short length with an ellipsis."""
    question = "why\n\n" + "very " * 60 + "long"
    reply = composer.compose(Decision(question, "none", "en", reason="none"))
    echo = reply.parts[1].text
    assert "\n" not in echo and echo.endswith("…") and len(echo) <= MAX_ECHO_LENGTH


def test_decline_without_suggestions_still_offers_to_ask(composer: Composer) -> None:
    """With no questions to suggest, plain text still ends with what to do next."""
    reply = composer.compose(Decision("", "none", "en", reason="none"))
    assert plain_text(reply) == "Sorry, the article does not say that.\n" + TOPICS_EN + (
        "\nYou could ask:"
    )
    assert reply.buttons == ((Button("📚 Browse topics", "topics"),),)


def test_near_miss_shows_what_the_article_does_say(engine: Engine, composer: Composer) -> None:
    """A near miss says the article does not say it and gives the closest fact's answer;
    Telegram adds the source and the related questions as buttons."""
    reply = composer.compose(engine.decide("what does russia export to laos?"))
    answer = engine.knowledge.by_id["agri_exports"].answer["en"]
    assert plain_text(reply) == (
        "Sorry, the article does not say that.\nWhat it does say:\n" + answer
    )
    assert rich_text(reply).endswith(answer + "\n\n" + SOURCE_EN + "\nYou could ask:")
    assert fact_values(reply) == list(engine.knowledge.by_id["agri_exports"].related)


@pytest.mark.parametrize(
    "question",
    OUT_OF_SCOPE,
)
def test_declines_what_the_article_does_not_say(engine: Engine, question: str) -> None:
    """Out-of-scope questions are told the article does not say it, with suggestions."""
    answer = reply_to(engine, question)
    assert answer.text.startswith("Sorry, the article does not say that.")
    assert "\nYou could ask:\n• " in answer.text


@pytest.mark.parametrize(
    ("question", "expected", "lead"),
    [
        ("what does russia export to laos?", None, "Sorry, the article does not say that."),
        ("What does Laos export to Russia?", "agri_exports", "In the agricultural sector"),
        ("which Russian companies are mining in Laos", None, "Sorry, the article does not"),
        ("what mines are russian enterprises exploiting", "metal_mines", "Russian enterprises"),
        ("что россия экспортирует в лаос", None, "К сожалению, в статье об этом не говорится."),
        ("что экспортирует лаос в россию", "agri_exports", "В сельскохозяйственном секторе"),
        ("когда откроют железную дорогу через китай", None, "К сожалению"),
        ("сколько металла добывают российские компании в лаосе", None, "К сожалению"),
        ("how many hydropower plants does laos have", None, "Sorry"),
        ("обсуждали ли военное сотрудничество", None, "К сожалению"),
        ("Китай согласился на транзит?", None, "К сожалению"),
        ("what areas of cooperation did they discuss", "talks_topics", "During the talks"),
        ("what did laos export", "agri_exports", "In the agricultural sector"),
        ("сколько российских компаний работает в лаосе", None, "К сожалению"),
        ("какие шахты эксплуатируют русские компании", "metal_mines", "Российские предприятия"),
    ],
)
def test_near_misses_are_declined_with_what_the_article_says(
    engine: Engine, question: str, expected: str | None, lead: str
) -> None:
    """A question the article is known not to answer is declined with the closest fact's
    answer, while the answerable question next to it still gets the fact."""
    answer = reply_to(engine, question)
    assert answer.fact_id == expected, answer.text
    assert answer.text.startswith(lead)
    if expected is None:
        assert answer.kind == "none"
        closest = "What it does say:" if answer.language == "en" else "Вот что в ней сказано:"
        assert closest in answer.text


@pytest.mark.parametrize(
    ("question", "start"),
    [
        ("hi", "Hello!"),
        ("Thanks!", "You're welcome!"),
        ("what can you do?", "I answer questions"),
        ("bye", "Goodbye!"),
        ("привет", "Здравствуйте!"),
        ("спасибо", "Пожалуйста!"),
        ("ты кто?", "Я отвечаю"),
        ("кто ты такой?", "Я отвечаю"),
    ],
)
def test_smalltalk(engine: Engine, question: str, start: str) -> None:
    """Greetings, thanks, help and goodbyes get a friendly reply in the question's language."""
    answer = reply_to(engine, question)
    assert answer.kind == "smalltalk"
    assert answer.text.startswith(start)


def test_greeting_names_the_article_and_an_example(composer: Composer) -> None:
    """The greeting names the article, its publisher and date, and an example question."""
    reply = composer.compose(Decision("hi", "smalltalk", "en", intent="greeting"))
    assert plain_text(reply) == (
        "Hello! I answer questions about one article: Laos–Russia trade and cooperation "
        "(VNA, 2025-08-01). Ask me, for example: How much did trade between Laos and Russia grow?"
    )
    assert reply.buttons == ()


@pytest.mark.parametrize(
    ("question", "lead"), [("", "Please type a question"), ("x" * 600, "That message is too long")]
)
def test_empty_and_huge_questions(engine: Engine, question: str, lead: str) -> None:
    """Empty and overlong questions get a clear message instead of a match."""
    answer = reply_to(engine, question)
    assert answer.kind == "none"
    assert answer.text.startswith(lead)
    assert "You asked" not in answer.text


def test_inline_entry_sends_the_question_and_answer(composer: Composer) -> None:
    """An inline result is titled with the fact's question and sends it in bold with the answer."""
    fact = composer.knowledge.by_id["bauxite"]
    entry = composer.inline_entry(fact, "ru")
    assert (entry.fact_id, entry.description) == ("bauxite", fact.answer["ru"])
    assert entry.title == fact.questions["ru"][0]
    assert entry.reply.parts[0].text == entry.title and entry.reply.parts[0].style == "b"
    assert plain_text(entry.reply) == f"{entry.title}\n{fact.answer['ru']}"


def test_two_questions_are_answered_in_order_with_their_sources(
    engine: Engine, composer: Composer
) -> None:
    """Two questions in one message get both answers, in order, each with its source."""
    decision = engine.decide("How much did trade grow and who announced the new routes?")
    reply = composer.compose(decision)
    text = rich_text(reply)
    growth = engine.knowledge.by_id["trade_growth"].answer_in("en")
    announcement = engine.knowledge.by_id["announcement"].answer_in("en")
    assert text.index(growth) < text.index(announcement)
    assert text.count(SOURCE_EN) == 2
    assert "trade_growth" not in fact_values(reply)


def test_a_part_it_cannot_answer_gets_a_line_and_buttons(
    engine: Engine, composer: Composer
) -> None:
    """An unclear part is named in the reply and its candidate facts are buttons."""
    reply = composer.compose(engine.decide("how much did trade grow\nwhat about water resources?"))
    assert "“what about water resources?”: did you mean one of the questions below?" \
        in plain_text(reply)
    assert {"textile_hydropower", "memoranda"} <= set(fact_values(reply))


def test_a_part_that_may_mean_one_fact_shows_its_answer(
    engine: Engine, composer: Composer
) -> None:
    """A part the engine can only guess at, with one fact in view, is asked about and
    answered at once, beside the other part's answer."""
    decision = engine.decide(
        "what did they agree about hydropower, also which farm products were listed")
    assert [(part.kind, part.fact_id or part.suggestions[0]) for part in decision.parts] \
        == [("clarify", "textile_hydropower"), ("fact", "agri_exports")]
    text = plain_text(composer.compose(decision))
    assert "“what did they agree about hydropower”: did you mean this?" in text
    for fact in ("textile_hydropower", "agri_exports"):
        assert engine.knowledge.by_id[fact].answer_in("en") in text
    assert "\n•" not in text  # nothing left to choose from


def test_overview_has_its_source_and_topic_buttons(engine: Engine, composer: Composer) -> None:
    """The overview is the knowledge base's text, cited, with a button per topic."""
    reply = composer.compose(engine.decide("what is this article about?"))
    text = rich_text(reply)
    assert text.startswith(engine.knowledge.overview["en"])
    assert SOURCE_EN in text
    topics = [button.value for row in reply.buttons for button in row]
    assert topics == list(engine.knowledge.topics)


def test_overview_in_russian(engine: Engine, composer: Composer) -> None:
    """A Russian overview request gets the Russian overview."""
    reply = composer.compose(engine.decide("О чём эта статья?"))
    assert plain_text(reply) == engine.knowledge.overview["ru"]


@pytest.mark.parametrize(
    ("question", "language", "fact_id"),
    [
        ("what is this article about? in short, how much did trade grow?", "en", "trade_growth"),
        ("О чём статья? И сколько вырос товарооборот?", "ru", "trade_growth"),
    ],
)
def test_an_overview_beside_a_question_is_the_overview_then_the_answer(
    engine: Engine, composer: Composer, question: str, language: str, fact_id: str
) -> None:
    """Asked what the article is about and a question besides, the user reads the overview
    and then the answer, and no line saying the article does not say what it is about."""
    decision = engine.decide(question)
    assert [part.kind for part in decision.parts] == ["overview", "fact"]
    text = plain_text(composer.compose(decision))
    overview = engine.knowledge.overview[language]
    answer = engine.knowledge.by_id[fact_id].answer_in(language)
    assert text.index(overview) < text.index(answer)
    assert question.split("?")[0] not in text


def test_an_overview_beside_a_part_offering_nothing_is_still_worded(
    engine: Engine, composer: Composer
) -> None:
    """The overview beside a part declined with no facts to offer is the overview and a line
    saying the article does not say the rest, and no buttons."""
    decision = Decision("q", "parts", "en", parts=(
        Decision("what is it about?", "overview", "en"), Decision("who won?", "none", "en")))
    reply = composer.compose(decision)
    text = plain_text(reply)
    assert text.startswith(engine.knowledge.overview["en"])
    assert "“who won?”: the article does not say that." in text
    assert reply.buttons == ()


def test_nothing_more_to_tell(composer: Composer) -> None:
    """When every fact was given, "more" says so and offers the topics."""
    reply = composer.compose(Decision("more", "none", "en", reason="exhausted"))
    assert plain_text(reply).startswith("That is all the article says on this.")
    assert reply.buttons[-1][0].kind == "topics"


def test_a_part_the_article_does_not_answer_offers_what_it_says(
    engine: Engine, composer: Composer
) -> None:
    """A part the article does not answer is named as such, its closest fact first on the
    buttons."""
    decision = engine.decide("How much did trade grow? What does Russia export to Laos?")
    reply = composer.compose(decision)
    assert "“What does Russia export to Laos?”: the article does not say that." in (
        plain_text(reply))
    closest = decision.parts[1].closest
    assert closest is not None and fact_values(reply)[0] == closest.id
