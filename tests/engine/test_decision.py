"""Tests for bot.engine.decision: turning ranked candidates into a decision."""

from __future__ import annotations

import pytest

from bot.engine import Candidate, Decision, Engine, Thresholds
from bot.engine.decision import Asks, Reason, calibrated, chosen_fact, decide, decline
from bot.knowledge import Knowledge

LIMITS = Thresholds()


def _decide(knowledge: Knowledge, *ranked: Candidate) -> Decision:
    """decide() on the tiny knowledge base with the default thresholds."""
    return decide("question", "en", list(ranked), knowledge, LIMITS)


@pytest.mark.parametrize(
    ("ranked", "fact_id"),
    [
        ((Candidate("growth", 80.0), Candidate("routes", 60.0)), "growth"),
        ((Candidate("routes", 70.0), Candidate("growth", 68.0)), "routes"),
        # Below the answer score, a lone well-covered candidate far ahead is still answered.
        ((Candidate("growth", 65.0, coverage=0.9), Candidate("routes", 45.0)), "growth"),
        ((Candidate("growth", 65.0, coverage=0.9),), "growth"),
        # Far ahead with nearly all the known words, however many words no fact has.
        ((Candidate("growth", 75.0, coverage=0.4, explained=0.95), Candidate("routes", 50.0)),
         "growth"),
    ],
)
def test_a_clear_best_candidate_is_answered(
    tiny_knowledge: Knowledge, ranked: tuple[Candidate, ...], fact_id: str
) -> None:
    """A candidate above the answer score and ahead by the margin, or alone far ahead, is the
    answer, with its related facts as suggestions."""
    decision = _decide(tiny_knowledge, *ranked)
    assert (decision.kind, decision.fact_id) == ("fact", fact_id)
    assert decision.suggestions == tiny_knowledge.by_id[fact_id].related
    assert decision.score == ranked[0].score
    assert decision.candidates == ranked[:3]


@pytest.mark.parametrize(
    ("ranked", "offered"),
    [
        # Two facts within the margin of each other: ask which one was meant.
        ((Candidate("growth", 72.0), Candidate("routes", 71.0)), ("growth", "routes")),
        ((Candidate("growth", 66.0), Candidate("routes", 61.0)), ("growth", "routes")),
        # One high score whose fact covers too little of the question: offered, not answered.
        ((Candidate("growth", 90.0, coverage=0.5),), ("growth",)),
        # One plausible fact below the offer score that explains most of the question's words:
        # "did you mean" is offered rather than a false "the article does not say".
        ((Candidate("growth", 58.0, coverage=0.5, explained=0.6),), ("growth",)),
    ],
)
def test_close_or_plausible_candidates_are_offered(
    tiny_knowledge: Knowledge, ranked: tuple[Candidate, ...], offered: tuple[str, ...]
) -> None:
    """Close candidates, or one plausible fact, are offered as a clarification, best first."""
    decision = _decide(tiny_knowledge, *ranked)
    assert decision.kind == "clarify"
    assert decision.fact is None
    assert decision.suggestions == offered


@pytest.mark.parametrize(
    ("asks", "kind"),
    [
        # "Who": the only one whose answer gives a name.
        (Asks(person=None), "clarify"),
        (Asks(person=frozenset({"routes"})), "fact"),
        (Asks(person=frozenset({"growth", "routes"})), "clarify"),
        # "Which country": the only one naming a country.
        (Asks(country=frozenset({"routes"})), "fact"),
        (Asks(country=frozenset({"growth", "routes"})), "clarify"),
        (Asks(country=None), "clarify"),
    ],
)
def test_asking_who_or_which_country_settles_close_facts_by_the_one_giving_it(
    tiny_knowledge: Knowledge, asks: Asks, kind: str
) -> None:
    """Of two close facts, a "who" or "which country" question is answered by the only one
    whose answer gives a name or a country; with no such question, or both giving one, it
    stays a "did you mean"."""
    ranked = [Candidate("growth", 72.0, explained=0.6), Candidate("routes", 71.0, explained=0.6)]
    decision = decide("question", "en", ranked, tiny_knowledge, LIMITS, asks)
    assert decision.kind == kind
    if kind == "fact":
        assert decision.fact_id == "routes"


def test_a_fact_giving_a_name_settles_who_only_when_it_explains_the_question(
    tiny_knowledge: Knowledge
) -> None:
    """A "who" question most of whose words no close fact has ("who does Man U play
    tonight?") is not answered by the one fact giving a name: it stays a "did you mean"."""
    ranked = [Candidate("growth", 72.0, explained=0.4), Candidate("routes", 71.0, explained=0.4)]
    decision = decide("question", "en", ranked, tiny_knowledge, LIMITS,
                      Asks(person=frozenset({"routes"})))
    assert decision.kind == "clarify"


GROWTH, ROUTES = Candidate("growth", 72.0), Candidate("routes", 71.0)


@pytest.mark.parametrize(
    ("ranked", "asks", "kind", "fact"),
    [
        # "Why" is the fact giving a reason: close, or alone and only plausible.
        ((GROWTH, ROUTES), Asks(reason=frozenset({"routes"})), "fact", "routes"),
        ((Candidate("routes", 80.0, coverage=0.5),), Asks(reason=frozenset({"routes"})), "fact",
         "routes"),
        ((Candidate("routes", 80.0, coverage=0.5),), Asks(), "clarify", None),
        # Two near facts giving a reason, or the one giving it too faint to be plausible.
        ((GROWTH, ROUTES), Asks(reason=frozenset({"growth", "routes"})), "clarify", None),
        ((Candidate("growth", 80.0, coverage=0.5), Candidate("routes", 50.0)),
         Asks(reason=frozenset({"routes"})), "clarify", None),
        # A question asking no "why" is not the fact nearly only asked why: the best, the
        # other, answers; not when the fact asked why is the best.
        ((GROWTH, ROUTES), Asks(unasked_why=frozenset({"routes"})), "fact", "growth"),
        ((GROWTH, ROUTES), Asks(unasked_why=frozenset({"growth"})), "clarify", None),
        # "How much" is the close fact giving a number (trade grew by 66 percent).
        ((GROWTH, ROUTES), Asks(number=True), "fact", "growth"),
        ((GROWTH, ROUTES), Asks(number=False), "clarify", None),
        # Alone, a number may be one the article does not give: still offered.
        ((Candidate("growth", 80.0, coverage=0.5),), Asks(number=True), "clarify", None),
    ],
)
def test_the_kind_of_answer_asked_for_settles_on_the_one_fact_giving_it(
    tiny_knowledge: Knowledge, ranked: tuple[Candidate, ...], asks: Asks, kind: str,
    fact: str | None,
) -> None:
    """A "why" question is answered by the only fact near the best whose answer gives a
    reason, when it is plausible; a "how much" question of close facts by the only one whose
    answer has a number; otherwise each stays a "did you mean"."""
    decision = decide("question", "en", list(ranked), tiny_knowledge, LIMITS, asks)
    assert decision.kind == kind
    if kind == "fact":
        assert decision.fact_id == fact


@pytest.mark.parametrize(
    ("money", "kind"),
    [(frozenset(), "none"), (frozenset({"routes"}), "none"), (frozenset({"growth"}), "fact"),
     (None, "fact")],
)
def test_an_amount_of_money_is_answered_only_by_a_fact_giving_one(
    tiny_knowledge: Knowledge, money: frozenset[str] | None, kind: str
) -> None:
    """Asked "in dollars", the best fact answers only when its answer gives an amount of
    money; otherwise the article does not say, and that fact is what it says instead."""
    ranked = [Candidate("growth", 90.0), Candidate("routes", 40.0)]
    decision = decide("question", "en", ranked, tiny_knowledge, LIMITS, Asks(money=money))
    assert decision.kind == kind
    if kind == "none":
        assert decision.closest is not None and decision.closest.id == "growth"


@pytest.mark.parametrize(
    ("mention", "others", "explained", "kind"),
    [(True, False, 1.0, "fact"), (False, False, 1.0, "clarify"), (True, True, 1.0, "clarify"),
     (True, False, 0.8, "clarify")],
)
def test_the_fact_far_ahead_having_a_thing_asked_whether_mentioned_answers(
    tiny_knowledge: Knowledge, mention: bool, others: bool, explained: float, kind: str
) -> None:
    """"Is cotton mentioned? I'm a buyer": a fact far ahead of any other, having all the
    question's words some fact has, answers; with another fact close, or a word it lacks, it
    is offered."""
    ranked = [Candidate("growth", 64.0, coverage=0.4, explained=explained),
              *([Candidate("routes", 55.0)] if others else [])]
    decision = decide("question", "en", ranked, tiny_knowledge, LIMITS, Asks(mention=mention))
    assert decision.kind == kind


@pytest.mark.parametrize(
    ("explained", "beyond", "kind"),
    [(0.95, False, "fact"), (0.95, True, "clarify"), (0.8, False, "clarify")],
)
def test_a_poorly_covered_best_is_answered_only_when_it_explains_what_is_asked(
    tiny_knowledge: Knowledge, explained: float, beyond: bool, kind: str
) -> None:
    """A best candidate covering little of the question is answered when it has nearly all
    of its known words and the question asks for nothing beyond the facts, else offered."""
    ranked = [Candidate("growth", 75.0, coverage=0.4, explained=explained),
              Candidate("routes", 50.0)]
    decision = decide("question", "en", ranked, tiny_knowledge, LIMITS, Asks(beyond=beyond))
    assert decision.kind == kind
    assert (decision.fact_id if kind == "fact" else decision.suggestions[0]) == "growth"


@pytest.mark.parametrize(
    ("ranked", "closest"),
    [
        ((Candidate("growth", 80.0, not_in_article=True),), "growth"),
        # The near miss need not be first: within the window of the best it still declines.
        ((Candidate("routes", 80.0), Candidate("growth", 75.0, not_in_article=True)), "growth"),
    ],
)
def test_a_near_miss_is_declined_with_the_closest_fact(
    tiny_knowledge: Knowledge, ranked: tuple[Candidate, ...], closest: str
) -> None:
    """A candidate closer to a question the article does not answer declines the question and
    names the fact that says what is known."""
    decision = _decide(tiny_knowledge, *ranked)
    assert (decision.kind, decision.reason, decision.fact) == ("none", "none", None)
    assert decision.closest is tiny_knowledge.by_id[closest]
    assert decision.suggestions == tiny_knowledge.by_id[closest].related


def test_a_distant_near_miss_does_not_decline(tiny_knowledge: Knowledge) -> None:
    """A near-miss candidate far below the best one does not stop the best from answering."""
    decision = _decide(
        tiny_knowledge, Candidate("routes", 80.0), Candidate("growth", 60.0, not_in_article=True)
    )
    assert (decision.kind, decision.fact_id, decision.closest) == ("fact", "routes", None)


def test_a_plausible_near_miss_is_not_offered(tiny_knowledge: Knowledge) -> None:
    """A lone plausible candidate that is a near miss is declined with what the article
    says on it, not offered."""
    decision = _decide(
        tiny_knowledge,
        Candidate("growth", 58.0, coverage=0.5, not_in_article=True, explained=0.9),
    )
    assert (decision.kind, decision.closest) == ("none", tiny_knowledge.by_id["growth"])


@pytest.mark.parametrize(
    ("ranked", "suggestions"),
    [
        ((Candidate("growth", 40.0), Candidate("routes", 30.0)), ("growth",)),
        ((Candidate("routes", 50.0), Candidate("growth", 45.0)), ("routes", "growth")),
        # Plausible by score but explaining too little of the question: declined.
        ((Candidate("growth", 58.0, coverage=0.5, explained=0.3),), ("growth",)),
        # Nothing close enough to suggest: the knowledge base's first facts are.
        ((Candidate("routes", 20.0),), ("growth", "routes")),
        ((), ("growth", "routes")),
    ],
)
def test_weak_candidates_are_declined_with_suggestions(
    tiny_knowledge: Knowledge, ranked: tuple[Candidate, ...], suggestions: tuple[str, ...]
) -> None:
    """Without a good or close candidate the question is declined, suggesting the candidates
    above the suggestion score, else the first facts."""
    decision = _decide(tiny_knowledge, *ranked)
    assert (decision.kind, decision.reason, decision.closest) == ("none", "none", None)
    assert decision.suggestions == suggestions


@pytest.mark.parametrize("reason", ["empty", "too_long"])
def test_decline_keeps_its_reason(tiny_knowledge: Knowledge, reason: Reason) -> None:
    """An empty or overlong message is declined with its reason and the first facts."""
    decision = decline("", "ru", tiny_knowledge, reason)
    assert (decision.kind, decision.reason, decision.language) == ("none", reason, "ru")
    assert decision.suggestions == ("growth", "routes")


def test_thresholds_decide_the_kind(tiny_knowledge: Knowledge) -> None:
    """The same candidates are answered under a lower answer score and offered under the
    default one."""
    ranked = [Candidate("growth", 66.0), Candidate("routes", 61.0)]
    lower = Thresholds(fact=60.0)
    assert decide("q", "en", ranked, tiny_knowledge, lower).kind == "fact"
    assert decide("q", "en", ranked, tiny_knowledge, LIMITS).kind == "clarify"


def test_calibrated_values_replace_the_defaults() -> None:
    """Calibrated thresholds replace the defaults by name; unknown names are ignored."""
    thresholds = calibrated({"fact": 62.0, "margin": 5.0, "retired_threshold": 1.0})
    assert (thresholds.fact, thresholds.margin) == (62.0, 5.0)
    assert thresholds.clarify == Thresholds().clarify
    assert calibrated({}) == Thresholds()


def test_chosen_fact_answers_it_with_its_related_facts(tiny_knowledge: Knowledge) -> None:
    """A fact picked by button is answered in full with its related facts."""
    fact = tiny_knowledge.by_id["routes"]
    decision = chosen_fact(fact)
    assert (decision.kind, decision.fact, decision.score) == ("fact", fact, 100.0)
    assert decision.suggestions == ("growth",)


@pytest.mark.parametrize(
    ("question", "closest"),
    [
        ("when will the railway through China open?", "new_routes"),
        ("когда откроют железную дорогу через Китай?", "new_routes"),
        ("who signed the education memorandum on the russian side", "memoranda"),
        ("where in laos are the bauxite deposits they want to develop", "bauxite"),
    ],
)
def test_a_question_word_only_near_misses_ask_with_is_not_said(
        engine: Engine, question: str, closest: str) -> None:
    """Asked with a question word only a fact's near misses ask with (when, of the routes;
    who, of the memoranda), the fact does not say: what it does say is shown."""
    decision = engine.decide(question)
    assert decision.kind == "none"
    assert decision.closest is not None and decision.closest.id == closest


@pytest.mark.parametrize(
    ("question", "fact"),
    [("when did putin announce the new routes?", "announcement"),
     ("who is the russian president?", "putin")],
)
def test_a_question_word_its_own_phrasings_ask_with_is_answered(
        engine: Engine, question: str, fact: str) -> None:
    """A question word the fact's own phrasings ask with is answered by it."""
    decision = engine.decide(question)
    assert (decision.kind, decision.fact_id) == ("fact", fact)
