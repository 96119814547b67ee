"""Tests for bot.ops.evaluation: labelled question sets and scoring the engine on them."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import Decision, Engine, Kind
from bot.ops.evaluation import LabelledQuestion, describe, evaluate, is_correct, load_questions

# Offers the memoranda (on managing water), then the hydropower using it.
SIGNED = "water resources"

# (question, expected): one of each outcome the evaluation counts.
LABELLED = [
    ("how much did trade grow?", ("trade_growth",)),  # in scope, right
    ("how much did trade grow?", ("bauxite",)),  # in scope, answered wrong
    (SIGNED, ("memoranda",)),  # in scope, clarified with the right fact first
    (SIGNED, ("textile_hydropower",)),  # in scope, clarified with the right fact second
    ("which years for the nuclear part", ("nuclear_roadmap",)),  # in scope, offered alone
    ("asdfghjkl", ("bauxite",)),  # in scope, declined
    # In scope, declined with what the right fact says: a country no fact has.
    ("which railway goes through Thailand?", ("new_routes",)),
    ("what is the capital of laos?", ("none",)),  # out of scope, declined
    ("what does russia export to laos?", ("near_miss",)),  # near miss, declined
    ("how much did trade grow?", ("none",)),  # out of scope, answered
    ("hello", ("smalltalk",)),  # small talk, recognised
    ("which ports will Russia use?", ("trade_growth", "new_routes")),  # either fact is right
]


@pytest.fixture(scope="module")
def labelled() -> list[LabelledQuestion]:
    """One labelled question of each outcome."""
    return [LabelledQuestion(question, expected) for question, expected in LABELLED]


def test_load_questions(tmp_path: Path) -> None:
    """A set is a YAML list of {q, expect}; expect is one label or a list of them."""
    path = tmp_path / "set.yaml"
    path.write_text('- {q: "trade?", expect: trade_growth}\n'
                    "- {q: 2025, expect: [trade_growth, nuclear_roadmap]}\n"
                    "- {q: hi, expect: smalltalk}\n", encoding="utf-8")
    assert load_questions(path) == [
        LabelledQuestion("trade?", ("trade_growth",)),
        LabelledQuestion("2025", ("trade_growth", "nuclear_roadmap")),
        LabelledQuestion("hi", ("smalltalk",)),
    ]


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("- {q: hi}\n", "item 1: expected {q: ..., expect: ...}"),
        ("- {q: hi, expect: a, parts: [a, b]}\n", "item 1: expected {q: ..., expect: ...}"),
        ("- {q: hi, expect: a, after: 3}\n", "item 1: 'after' is a question"),
        ("- {q: a, expect: b}\n- just text\n", "item 2: expected {q: ..., expect: ...}"),
        (": [\n", "YAML syntax error at line 1"),
        ("just text\n", "expected a list of {q, expect} items"),
    ],
)
def test_load_questions_rejects_a_broken_set(tmp_path: Path, text: str, error: str) -> None:
    """A broken set raises ValueError with one line saying what is wrong."""
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="^" + error.replace("{", r"\{").replace("[", r"\[")):
        load_questions(path)


@pytest.mark.parametrize(
    ("expected", "kind", "fact_id", "correct"),
    [
        (("trade_growth",), "fact", "trade_growth", True),
        (("trade_growth",), "fact", "bauxite", False),
        (("trade_growth", "bauxite"), "fact", "bauxite", True),
        (("trade_growth",), "clarify", None, False),
        (("none",), "none", None, True),
        (("none",), "clarify", None, True),
        (("none",), "fact", "trade_growth", False),
        (("near_miss",), "none", None, True),
        (("near_miss",), "fact", "agri_exports", False),
        (("smalltalk",), "smalltalk", None, True),
        (("smalltalk",), "none", None, False),
    ],
)
def test_is_correct(
    engine: Engine, expected: tuple[str, ...], kind: Kind, fact_id: str | None, correct: bool
) -> None:
    """In scope needs an expected fact; out of scope and near misses anything but an answer;
    small talk needs small talk."""
    fact = engine.knowledge.by_id[fact_id] if fact_id else None
    decision = Decision("q", kind, "en", fact=fact)
    assert is_correct(LabelledQuestion("q", expected), decision) is correct


@pytest.mark.parametrize(
    ("parts", "kind", "fact_id", "correct"),
    [
        (("smalltalk", "agri_exports"), "fact", "agri_exports", True),
        (("smalltalk", "agri_exports"), "fact", "bauxite", False),
        (("agri_exports", "smalltalk"), "smalltalk", None, False),
        (("smalltalk", "none"), "none", None, True),
        (("smalltalk", "none"), "fact", "bauxite", False),
    ],
)
def test_a_greeting_part_asks_for_no_fact(
    engine: Engine, parts: tuple[str, ...], kind: Kind, fact_id: str | None, correct: bool
) -> None:
    """A greeting labelled as a part of a message is judged by the message's other parts."""
    fact = engine.knowledge.by_id[fact_id] if fact_id else None
    decision = Decision("q", kind, "en", fact=fact)
    assert is_correct(LabelledQuestion("q", parts, parts=True), decision) is correct


@pytest.mark.parametrize(
    ("question", "correct"),
    [
        ("what is this article about? and how much did trade grow?", True),
        ("how much did trade grow?", False),  # no overview among the parts
    ],
)
def test_an_overview_part_wants_the_overview_beside_the_other_answers(
    engine: Engine, question: str, correct: bool
) -> None:
    """A part labelled as the overview is right when the overview is among the parts, the
    others judged as they would be alone."""
    item = LabelledQuestion(question, ("overview", "trade_growth"), parts=True)
    assert is_correct(item, engine.decide(question)) is correct


def test_evaluate_counts_every_outcome(engine: Engine, labelled: list[LabelledQuestion]) -> None:
    """Right, wrong, clarified (first or not, alone or not), declined (with the right fact's
    answer or not), declines, near misses and small talk are each counted."""
    result = evaluate(engine, labelled)
    assert (result.in_scope, result.in_scope_correct, result.wrong) == (8, 2, 1)
    assert (result.clarified, result.offered_first, result.declined) == (3, 2, 2)
    assert (result.shown, result.said_instead) == (1, 1)
    assert (result.declines, result.declines_correct) == (3, 2)
    assert (result.near_misses, result.near_misses_declined) == (1, 1)
    assert (result.smalltalk, result.smalltalk_correct) == (1, 1)
    assert result.accuracy == pytest.approx(2 / 8)
    assert result.decline_rate == pytest.approx(2 / 3)
    assert [miss.question.expected for miss in result.misses] == [
        ("bauxite",), ("memoranda",), ("textile_hydropower",), ("nuclear_roadmap",), ("bauxite",),
        ("new_routes",), ("none",)]


def test_an_empty_set_scores_full_marks(engine: Engine) -> None:
    """With no questions of a kind, its rate is 1, not a division by zero."""
    result = evaluate(engine, [])
    assert (result.accuracy, result.decline_rate, result.misses) == (1.0, 1.0, ())


def test_describe(engine: Engine, labelled: list[LabelledQuestion]) -> None:
    """The report gives the headline rates, the in-scope breakdown and, when asked, the misses."""
    result = evaluate(engine, labelled)
    lines = describe(result).splitlines()
    assert lines[0] == ("in-scope accuracy 2/8 (25.0%); correct declines 2/3 (66.7%); "
                        "small talk 1/1")
    assert lines[1] == (
        "  in scope: right 2/8 (25.0%), wrong 1/8 (12.5%), clarified with the right fact "
        "3/8 (37.5%) (first button 2, shown alone with its answer 1), declined 2/8 (25.0%) "
        "(showing the right fact's answer 1); answered or offered first 4/8 (50.0%); "
        "near misses declined 1/1 (100.0%)"
    )
    assert lines[2].startswith("  MISS 'how much did trade grow?': expected bauxite, got fact "
                               "trade_growth (")
    assert len(lines) == 2 + len(result.misses)
    assert describe(result, misses=()).splitlines() == lines[:2]


def test_load_conversation_items(tmp_path: Path) -> None:
    """A set may hold several questions in one message (parts) and follow-ups (after)."""
    path = tmp_path / "set.yaml"
    path.write_text('- {q: "a and b", parts: [trade_growth, announcement]}\n'
                    '- {after: "routes?", q: "when?", expect: announcement}\n'
                    '- {q: "summary", expect: overview}\n', encoding="utf-8")
    assert load_questions(path) == [
        LabelledQuestion("a and b", ("trade_growth", "announcement"), parts=True),
        LabelledQuestion("when?", ("announcement",), after=("routes?",)),
        LabelledQuestion("summary", ("overview",)),
    ]


def test_conversation_items_are_scored_as_a_user_sees_them(engine: Engine) -> None:
    """Both parts must be answered; a follow-up is asked after its earlier questions; an
    overview request wants the overview."""
    items = [
        LabelledQuestion("How much did trade grow and who announced the new routes?",
                         ("announcement", "trade_growth"), parts=True),
        LabelledQuestion("How much did trade grow and who announced the new routes?",
                         ("trade_growth", "bauxite"), parts=True),
        LabelledQuestion("when?", ("announcement",),
                         after=("What new transport routes are planned?",)),
        LabelledQuestion("summary", ("overview",)),
        LabelledQuestion("how much did trade grow", ("overview",)),
    ]
    result = evaluate(engine, items)
    assert (result.in_scope, result.in_scope_correct) == (5, 3)
    assert [miss.question for miss in result.misses] == [items[1], items[4]]


def test_a_none_part_wants_that_part_left_unanswered(engine: Engine) -> None:
    """`none` among the parts: the other parts answered and one part left unanswered; a
    reply answering only the answerable part as a whole message is a miss."""
    items = [
        LabelledQuestion("How much did trade grow and how long is the new railway?",
                         ("trade_growth", "none"), parts=True),
        LabelledQuestion("How much did trade grow?", ("trade_growth", "none"), parts=True),
    ]
    result = evaluate(engine, items)
    assert [miss.question for miss in result.misses] == [items[1]]


@pytest.mark.parametrize(
    ("question", "parts", "right"),
    [
        ("How much did trade grow, and is any reactor named?", ("trade_growth", "near_miss"),
         True),
        ("How is the football going and what is the weather in Paris?", ("none", "none"), True),
        ("What is the exact trade value, and is any reactor named?",
         ("near_miss", "near_miss"), True),
        ("How much did trade grow?", ("none", "none"), False),
    ],
)
def test_parts_the_article_does_not_answer(
    engine: Engine, question: str, parts: tuple[str, ...], right: bool
) -> None:
    """A near-miss part is left unanswered as a `none` part is, and a message none of whose
    parts the article answers is right when no part is answered with a fact."""
    item = LabelledQuestion(question, parts, parts=True)
    assert item.in_scope is any(part not in {"none", "near_miss"} for part in parts)
    assert is_correct(item, engine.decide(question)) is right


def test_two_parts_one_fact_answers_want_it_once(engine: Engine) -> None:
    """Two questions the same fact answers are right when that fact is given once."""
    items = [
        LabelledQuestion("How much did trade grow in 2024, and in 2025?",
                         ("trade_growth", "trade_growth"), parts=True),
        LabelledQuestion("How much did trade grow in 2024, and who announced the routes?",
                         ("trade_growth", "trade_growth"), parts=True),
    ]
    result = evaluate(engine, items)
    assert [miss.question for miss in result.misses] == [items[1]]


def test_conversation_items_are_counted_by_kind(engine: Engine) -> None:
    """Two questions in one message, follow-ups and overview requests are each reported
    apart, with how many were right; single questions are not."""
    items = [
        LabelledQuestion("How much did trade grow and who announced the new routes?",
                         ("announcement", "trade_growth"), parts=True),
        LabelledQuestion("when?", ("announcement",),
                         after=("What new transport routes are planned?",)),
        LabelledQuestion("summary", ("overview",)),
        LabelledQuestion("how much did trade grow", ("overview",)),
        LabelledQuestion("how much did trade grow", ("trade_growth",)),
    ]
    result = evaluate(engine, items)
    assert result.kinds == (("two questions in one", 1, 1), ("follow-ups", 1, 1),
                            ("overview requests", 1, 2))
    assert "overview requests 1/2 (50.0%)" in describe(result)


@pytest.mark.parametrize(
    ("after", "given", "correct"),
    [
        (("what is laos interested in besides energy?",), ("nuclear_roadmap", "talks_topics"),
         True),
        (("what is laos interested in besides energy?",), ("talks_topics", "nuclear_roadmap"),
         False),
        ((), ("nuclear_roadmap", "talks_topics"), False),
    ],
)
def test_a_follow_up_answered_with_the_next_facts(
    engine: Engine, after: tuple[str, ...], given: tuple[str, ...], correct: bool
) -> None:
    """A follow-up answered with several facts ("tell me more") is right when the first is the
    expected one; a single question answered with several is not."""
    parts = tuple(Decision("q", "fact", "en", fact=engine.knowledge.by_id[fact]) for fact in given)
    decision = Decision("tell me more", "parts", "en", parts=parts)
    item = LabelledQuestion("tell me more", ("nuclear_roadmap",), after=after)
    assert is_correct(item, decision) is correct


@pytest.mark.parametrize(
    ("answered", "correct"),
    [
        (("photo", "source"), True),  # both facts the label takes: the user has the answer
        (("photo", "bauxite"), False),  # a part answered with a fact the label does not take
        (("photo", None), False),  # a part left unanswered
    ],
)
def test_a_question_read_as_several_parts(
    engine: Engine, answered: tuple[str | None, ...], correct: bool
) -> None:
    """A single question read as several is right when every part is answered by a fact
    the label takes."""
    parts = tuple(
        Decision("q", "fact", "en", fact=engine.knowledge.by_id[fact]) if fact
        else Decision("q", "clarify", "en", suggestions=("trade_growth",))
        for fact in answered)
    decision = Decision("q", "parts", "en", parts=parts)
    assert is_correct(LabelledQuestion("q", ("photo", "source")), decision) is correct


def test_an_out_of_scope_question_answered_in_parts_is_answered(engine: Engine) -> None:
    """Every part answered with a fact is an answer, not a decline; a part left unanswered
    among them still counts as declining the question."""
    fact = Decision("q", "fact", "en", fact=engine.knowledge.by_id["trade_growth"])
    unsure = Decision("q", "clarify", "en", suggestions=("bauxite",))
    item = LabelledQuestion("q", ("none",))
    assert not is_correct(item, Decision("q", "parts", "en", parts=(fact, fact)))
    assert is_correct(item, Decision("q", "parts", "en", parts=(fact, unsure)))
