"""Tests for the answer engine: what a user would read for each kind of question."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import Engine
from bot.knowledge import load_knowledge
from bot.ops.evaluation import describe, evaluate, load_questions
from tests.replying import reply_to

DATA = Path(__file__).resolve().parent / "data"


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
def test_answers_paraphrases_typos_and_keywords(
    engine: Engine, question: str, fact_id: str
) -> None:
    """Paraphrases, typos and keyword questions are answered with the right fact."""
    answer = reply_to(engine, question)
    assert (answer.kind, answer.fact_id) == ("fact", fact_id), answer.candidates
    assert answer.text == engine.knowledge.by_id[fact_id].answer["en"]


def test_trade_answer_has_both_figures(engine: Engine) -> None:
    """The trade answer gives both of the article's figures."""
    text = reply_to(engine, "how much did trade grow?").text
    assert "66 percent" in text and "20 percent" in text


@pytest.mark.parametrize(
    "question",
    [
        "what is the capital of laos?",
        "how much did trade grow in 2023?",
        "did trade grow by 50 percent",
        "how much did trade between laos and thailand grow",
        "what is the population of russia",
        "recommend a movie",
        "laos",
        "asdfghjkl",
    ],
)
def test_declines_what_the_article_does_not_say(engine: Engine, question: str) -> None:
    """Out-of-scope and near-miss questions are declined with suggestions, never guessed."""
    answer = reply_to(engine, question)
    assert answer.kind in {"none", "clarify"}, (answer.kind, answer.fact_id)
    assert answer.fact is None
    if answer.kind == "none":
        assert answer.text.startswith("Sorry, the article does not say that.")
        assert answer.suggestions


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
    assert reply_to(engine, "how much did trade grow in dollars").kind == "none"
    assert reply_to(engine, "how much did trade grow").fact_id == "growth"


@pytest.mark.parametrize(
    ("question", "intent", "start"),
    [
        ("hi", "greeting", "Hello!"),
        ("Thanks!", "thanks", "You're welcome!"),
        ("what can you do?", "help", "I answer questions"),
        ("bye", "bye", "Goodbye!"),
        ("привет", "greeting", "Здравствуйте!"),
        ("спасибо", "thanks", "Пожалуйста!"),
        ("ты кто?", "help", "Я отвечаю"),
        ("кто ты такой?", "help", "Я отвечаю"),
    ],
)
def test_smalltalk(engine: Engine, question: str, intent: str, start: str) -> None:
    """Greetings, thanks, help and goodbyes get a friendly reply in the question's language."""
    answer = reply_to(engine, question)
    assert (answer.kind, answer.intent) == ("smalltalk", intent)
    assert answer.text.startswith(start)


def test_greeting_before_a_question_is_ignored(engine: Engine) -> None:
    """A greeting in front of a question does not hide the question."""
    answer = reply_to(engine, "hi, how much did trade grow?")
    assert answer.fact_id == "trade_growth"


@pytest.mark.parametrize(
    ("question", "offered"),
    [
        ("nuclear", {"nuclear_interest", "nuclear_roadmap"}),
        # The routes and their reason share almost every word: both are offered.
        ("what's driving the plan for a rail link via China?", {"new_routes", "routes_reason"}),
    ],
)
def test_clarify_offers_close_candidates(engine: Engine, question: str, offered: set[str]) -> None:
    """A question that fits several facts equally asks which one was meant, offering them."""
    answer = reply_to(engine, question)
    assert answer.kind == "clarify"
    assert offered <= set(answer.suggestions) and len(answer.suggestions) <= 3
    assert answer.text.startswith("Did you mean one of these?")


@pytest.mark.parametrize(
    ("question", "lead"), [("", "Please type a question"), ("x" * 600, "That message is too long")]
)
def test_empty_and_huge_questions(engine: Engine, question: str, lead: str) -> None:
    """Empty and overlong questions get a clear message instead of a match."""
    answer = reply_to(engine, question)
    assert answer.kind == "none"
    assert answer.text.startswith(lead)


def test_reply_language_overrides_detection(engine: Engine) -> None:
    """A chat's chosen reply language wins over the language of the question."""
    answer = reply_to(engine, "how much did trade grow?", chosen="ru")
    assert answer.language == "ru"
    assert answer.text == engine.knowledge.by_id["trade_growth"].answer["ru"]


def test_engine_on_tiny_knowledge(tiny_dir: Path) -> None:
    """The engine works on any valid knowledge base, not just the shipped one."""
    engine = Engine(load_knowledge(tiny_dir))
    assert reply_to(engine, "how much did trade grow").fact_id == "growth"
    assert reply_to(engine, "какие новые маршруты").fact_id == "routes"


# Thresholds are over every labelled question of a language, at the level measured once the
# knowledge base was cut to 12 phrasings per fact and language (from 23-60): 91.0% and 89.5%
# in scope for English, 87.2% for Russian; declines at 95% or more everywhere.
@pytest.mark.parametrize(
    ("names", "accuracy", "declines"),
    [
        (("questions.yaml", "holdout.yaml"), 0.90, 0.95),
        (("blind_en.yaml", "blind_en_e.yaml", "blind_en_g.yaml"), 0.88, 0.95),
        (
            (
                "questions_ru.yaml",
                "holdout_ru.yaml",
                "blind_ru_a.yaml",
                "blind_ru_b.yaml",
                "blind_ru_c.yaml",
                "blind_ru_d.yaml",
                "blind_ru_f.yaml",
            ),
            0.87,
            0.95,
        ),
    ],
)
def test_labelled_questions(
    engine: Engine, names: tuple[str, ...], accuracy: float, declines: float
) -> None:
    """The engine answers the labelled questions at the required accuracy and declines."""
    questions = [item for name in names for item in load_questions(DATA / name)]
    result = evaluate(engine, questions)
    report = describe(result)
    assert result.accuracy >= accuracy, report
    assert result.decline_rate >= declines, report
    assert result.smalltalk_correct == result.smalltalk, report
