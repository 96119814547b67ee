"""Tests for bot.ops.calibration: fitting the decision thresholds on labelled questions."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pytest

from bot.engine import Candidate, Engine, Thresholds
from bot.engine.decision import Asks, decide
from bot.knowledge import Knowledge, KnowledgeError, load_knowledge
from bot.knowledge.files import CALIBRATION_FILE
from bot.ops.calibration import (
    calibrate,
    decided_right,
    outcome,
    ranked_questions,
    search,
    with_thresholds,
    write_calibration,
)
from bot.ops.evaluation import LabelledQuestion

# Offered (textile_hydropower 63, trade_growth 61, coverage 0.55) under the default thresholds;
# a lower answer score and coverage answer it with textile_hydropower.
WATER = "which fields do the memoranda cover?"  # offered by default: coverage 0.58
TRADE = LabelledQuestion("how much did trade grow?", ("trade_growth",))


def test_ranked_questions_skip_small_talk_and_empty_messages(engine: Engine) -> None:
    """Only questions that reach the ranking are kept, each with its candidates."""
    items = [TRADE, LabelledQuestion("hello", ("smalltalk",)), LabelledQuestion("", ("none",)),
             LabelledQuestion("what is the capital of laos?", ("none",))]
    ranked = ranked_questions(engine, items)
    assert [item for item, _, _ in ranked] == [items[0], items[3]]
    assert ranked[0][1][0].fact_id == "trade_growth"


def test_outcome_counts_right_wrong_and_answered_out(engine: Engine) -> None:
    """An outcome counts right and wrong answers in scope and answered out-of-scope questions."""
    items = [TRADE, LabelledQuestion(TRADE.question, ("bauxite",)),
             LabelledQuestion(TRADE.question, ("none",)),
             LabelledQuestion("what is the capital of laos?", ("none",))]
    result = outcome(engine, ranked_questions(engine, items), engine.thresholds)
    assert (result.right, result.wrong, result.answered_out) == (1, 1, 1)
    assert (result.in_scope, result.out_of_scope) == (2, 2)
    assert result.thresholds == engine.thresholds


def test_calibrate_lowers_a_threshold_to_gain_a_right_answer(engine: Engine) -> None:
    """A question the defaults only offer is answered right under thresholds the search finds."""
    items = [TRADE, LabelledQuestion(WATER, ("memoranda",))]
    before = outcome(engine, ranked_questions(engine, items), engine.thresholds)
    after = calibrate(engine, items)
    assert (before.right, after.right, after.wrong) == (1, 2, 0)
    assert after.thresholds != engine.thresholds
    decision = decide(WATER, "en", engine.rank(WATER, "en"), engine.knowledge, after.thresholds)
    assert (decision.kind, decision.fact_id) == ("fact", "memoranda")


def test_calibrate_keeps_the_thresholds_when_nothing_is_gained(engine: Engine) -> None:
    """When every question is already decided right, the thresholds stay as they are."""
    items = [TRADE, LabelledQuestion("what is the capital of laos?", ("none",))]
    result = calibrate(engine, items)
    assert result.thresholds == engine.thresholds
    assert (result.right, result.wrong, result.answered_out) == (1, 0, 0)


@pytest.mark.parametrize(
    ("other", "max_wrong", "moves"),
    [
        # The same question labelled with another fact: answering it is one right, one wrong.
        (("trade_growth",), 0.0, False),
        (("trade_growth",), 0.5, True),
        # Labelled out of scope: answering it answers an out-of-scope question.
        (("none",), 0.5, False),
    ],
)
def test_calibrate_stays_within_the_allowed_mistakes(
    engine: Engine, other: tuple[str, ...], max_wrong: float, moves: bool
) -> None:
    """A right answer gained at the price of a wrong answer, or an answered out-of-scope
    question, moves the thresholds only when the limits allow that mistake."""
    items = [LabelledQuestion(WATER, ("memoranda",)), LabelledQuestion(WATER, other)]
    result = calibrate(engine, items, max_wrong=max_wrong, max_answered_out=0.0)
    assert (result.thresholds != engine.thresholds) is moves
    assert result.right == (1 if moves else 0)


def test_calibrate_may_gain_without_adding_to_mistakes_already_made(engine: Engine) -> None:
    """Thresholds that already answer more out-of-scope questions than the limit allows
    still move for a right answer that adds no such mistake."""
    answered_out = LabelledQuestion(TRADE.question, ("none",))  # answered by any thresholds
    items = [LabelledQuestion(WATER, ("memoranda",)), TRADE, answered_out]
    before = outcome(engine, ranked_questions(engine, items), engine.thresholds)
    result = calibrate(engine, items, max_answered_out=0.0)
    assert (before.right, before.answered_out) == (1, 1)
    assert (result.right, result.wrong, result.answered_out) == (2, 0, 1)


def test_the_search_moves_the_answer_gate_together(engine: Engine) -> None:
    """A lower coverage answers a right leader only with a higher score alongside (alone it
    also answers a wrong one at 75): the search finds the two together."""
    ranked = [
        (LabelledQuestion("right at 80", ("trade_growth",)),
         [Candidate("trade_growth", 80.0, coverage=0.3)], Asks()),
        (LabelledQuestion("wrong at 75", ("metal_mines",)),
         [Candidate("bauxite", 75.0, coverage=0.3)], Asks()),
    ]
    result = search(engine, ranked, Thresholds(), max_wrong=0.0)
    assert (result.right, result.wrong) == (1, 0)
    assert 75.0 < result.thresholds.fact <= 80.0
    assert result.thresholds.min_coverage <= 0.3


def test_written_calibration_is_read_back_and_used(tiny_dir: Path) -> None:
    """write_calibration saves a file the loader reads back and a new engine decides with."""
    thresholds = Thresholds(fact=62.0, margin=5.0, lone_margin=20.0)
    path = write_calibration(tiny_dir, thresholds)
    assert path == tiny_dir / CALIBRATION_FILE
    assert path.read_text(encoding="utf-8").startswith("# Decision thresholds calibrated")
    knowledge = load_knowledge(tiny_dir)
    assert knowledge.calibration == asdict(thresholds)
    assert Engine(knowledge).thresholds == thresholds
    assert [fact.id for fact in knowledge.facts] == ["growth", "routes"]  # not a fact file


def test_a_calibration_keeps_the_ranking_weights_and_languages_it_did_not_fit(
        tiny_dir: Path) -> None:
    """Writing the overall thresholds keeps what else the file says: a language's own
    thresholds and the ranking's weights, which the engine then ranks with."""
    (tiny_dir / CALIBRATION_FILE).write_text(
        "semantic_weight: 0.5\nlanguages:\n  ru: {fact: 70.0}\n", encoding="utf-8")
    write_calibration(tiny_dir, Thresholds(fact=62.0))
    knowledge = load_knowledge(tiny_dir)
    assert knowledge.calibration["semantic_weight"] == 0.5
    assert knowledge.language_calibration == {"ru": {"fact": 70.0}}
    engine = Engine(knowledge)
    assert (engine.weights.semantic_weight, engine.thresholds.fact) == (0.5, 62.0)


def test_without_a_calibration_the_defaults_apply(tiny_knowledge: Knowledge) -> None:
    """A knowledge base without calibration.yaml decides with the default thresholds."""
    assert tiny_knowledge.calibration == {}
    assert Engine(tiny_knowledge).thresholds == Thresholds()


def test_an_older_calibration_with_unknown_names_still_loads(tiny_dir: Path) -> None:
    """Names the engine no longer knows are ignored, the known ones applied."""
    (tiny_dir / CALIBRATION_FILE).write_text("fact: 64\nretired: 3.5\n", encoding="utf-8")
    engine = Engine(load_knowledge(tiny_dir))
    assert engine.thresholds == Thresholds(fact=64.0)


@pytest.mark.parametrize("text", ["fact: high\n", "- 70\n", "fact: true\n", "fact: [\n"])
def test_a_broken_calibration_is_reported(tiny_dir: Path, text: str) -> None:
    """A calibration file that is not a mapping of names to numbers is a knowledge error."""
    (tiny_dir / CALIBRATION_FILE).write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(tiny_dir)
    assert all(line.startswith(CALIBRATION_FILE) for line in caught.value.problems)


def test_a_language_keeps_its_own_thresholds(tiny_dir: Path) -> None:
    """A language's own calibration applies to its questions only, over the overall one."""
    (tiny_dir / CALIBRATION_FILE).write_text(
        "fact: 64\nlanguages:\n  ru: {margin: 5, min_coverage: 0.6}\n", encoding="utf-8")
    engine = Engine(load_knowledge(tiny_dir))
    assert engine.thresholds_for("en") == Thresholds(fact=64.0)
    assert engine.thresholds_for("ru") == Thresholds(fact=64.0, margin=5.0, min_coverage=0.6)


@pytest.mark.parametrize("text", [
    "languages:\n  xx: {margin: 5}\n", "languages:\n  ru: {margin: wide}\n", "languages: [ru]\n",
])
def test_a_broken_language_calibration_is_reported(tiny_dir: Path, text: str) -> None:
    """An unknown language or thresholds that are not numbers are a knowledge error."""
    (tiny_dir / CALIBRATION_FILE).write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeError, match="field 'languages"):
        load_knowledge(tiny_dir)


def test_writing_a_languages_thresholds_keeps_the_rest(tiny_dir: Path) -> None:
    """A language's thresholds are saved as what differs from the overall ones, beside them."""
    overall = Thresholds(fact=62.0)
    write_calibration(tiny_dir, overall)
    write_calibration(tiny_dir, Thresholds(fact=62.0, margin=5.0), "ru", overall)
    knowledge = load_knowledge(tiny_dir)
    assert knowledge.calibration == asdict(overall)
    assert knowledge.language_calibration == {"ru": {"margin": 5.0}}


def test_calibrating_one_language_uses_only_its_questions(engine: Engine) -> None:
    """Fitting Russian thresholds ignores English questions and starts from Russian's own."""
    items = [TRADE, LabelledQuestion("насколько вырос товарооборот?", ("trade_growth",))]
    assert [item for item, _, _ in ranked_questions(engine, items, "ru")] == [items[1]]
    assert calibrate(engine, items, language="ru").in_scope == 1


def test_decided_right_reads_a_follow_up_after_what_came_before(engine: Engine) -> None:
    """The whole engine decides "and in 2025?" after the trade figures as they: right, which
    the ranking alone cannot (it names no fact)."""
    items = [LabelledQuestion("and in 2025?", ("trade_growth",),
                              after=("how much did trade grow in 2024?",)),
             LabelledQuestion("насколько вырос товарооборот?", ("trade_growth",))]
    assert decided_right(engine, items) == (2, 2)
    assert decided_right(engine, items, "ru") == (1, 1)


def test_with_thresholds_decides_with_them(engine: Engine) -> None:
    """Given one language's thresholds that answer nothing, the engine declines that
    language's questions and answers the others'; given the knowledge base's, they are the
    base every language's own are laid over."""
    never = Thresholds(fact=1000.0, clarify=1000.0, lone_coverage=2.0, plausible=1000.0,
                       far_margin=1000.0, alone_explained=2.0, mention_explained=2.0)
    strict = with_thresholds(engine, never, "ru")
    assert engine.decide("насколько вырос товарооборот?").kind == "fact"
    assert strict.decide("насколько вырос товарооборот?").kind != "fact"
    assert strict.decide("how much did trade grow?").kind == "fact"
    assert with_thresholds(engine, never).thresholds.fact == 1000.0
