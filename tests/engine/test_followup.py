"""Tests for bot.engine.followup: what a conversation was told, and what follows from it."""

from __future__ import annotations

import pytest

from bot.engine import Decision
from bot.engine.followup import Context, neighbourhood, next_facts
from bot.knowledge import Knowledge


def test_context_after_an_answer_remembers_it_and_what_was_seen() -> None:
    """An answer becomes the last given; earlier answers stay seen, each once, oldest first."""
    context = Context().after(("trade_growth",)).after(("new_routes", "trade_growth"))
    assert context.given == ("new_routes", "trade_growth")
    assert context.seen == ("new_routes", "trade_growth")


def test_context_is_unchanged_by_an_answer_without_facts() -> None:
    """A decline or small talk leaves the last answer as it was."""
    context = Context(("putin",), ("putin",))
    assert context.after(()) is context


@pytest.mark.parametrize(
    ("suggestions", "given"),
    [
        (("textile_hydropower",), ("textile_hydropower",)),  # shown with its answer
        (("textile_hydropower", "agri_exports"), ("putin",)),  # buttons only: nothing shown
    ],
)
def test_context_remembers_a_lone_did_you_mean(suggestions: tuple[str, ...],
                                               given: tuple[str, ...]) -> None:
    """A "did you mean" with one fact shows its answer, so a follow-up leans on that fact;
    one with several buttons shows none."""
    offer = Decision("they talked about hydropower?", "clarify", "en", suggestions=suggestions)
    assert Context(("putin",), ("putin",)).told(offer).given == given


def test_context_round_trips_through_json(knowledge: Knowledge) -> None:
    """A context written as JSON reads back the same; unknown ids and junk are dropped."""
    context = Context(("putin",), ("trade_growth", "putin"))
    assert Context.from_json(context.to_json(), knowledge) == context
    assert Context.from_json({"given": ["gone", 3], "seen": "x"}, knowledge) == Context()
    assert Context.from_json(["not", "a", "context"], knowledge) == Context()


def test_neighbourhood_is_the_facts_and_their_related(knowledge: Knowledge) -> None:
    """A leaning question may mean the last facts or any fact related to them."""
    found = neighbourhood(knowledge, ("new_routes",))
    assert found[0] == "new_routes"
    assert set(found) == {"new_routes", *knowledge.by_id["new_routes"].related}


def test_next_facts_are_related_and_unseen(knowledge: Knowledge) -> None:
    """"More" gives related facts first, never one the conversation was already given."""
    related = knowledge.by_id["new_routes"].related
    context = Context(("new_routes",), ("new_routes", related[0]))
    found = next_facts(knowledge, context)
    assert len(found) == 2
    assert related[0] not in found and "new_routes" not in found
    assert found[0] == related[1]


def test_next_facts_run_out_only_when_everything_was_said(knowledge: Knowledge) -> None:
    """Once related facts are used up the rest follow in order; nothing is left at the end."""
    every = tuple(fact.id for fact in knowledge.facts)
    assert next_facts(knowledge, Context(every[-1:], every[1:])) == (every[0],)
    assert next_facts(knowledge, Context(every[-1:], every)) == ()


def test_the_overview_opens_a_conversation(knowledge: Knowledge) -> None:
    """After the overview there is no last fact, but the conversation has started, and it
    round-trips through JSON."""
    context = Context(("putin",), ("putin",)).told(Decision("summary", "overview", "en"))
    assert (context.given, context.seen, context.started) == ((), ("putin",), True)
    assert Context.from_json(context.to_json(), knowledge) == context
    assert not Context().started


def test_next_facts_keep_to_the_topic_first(knowledge: Knowledge) -> None:
    """"More" after a fact gives the rest of its topic before related facts of other
    topics, whatever order the related facts are listed in."""
    found = next_facts(knowledge, Context(("putin",), ("putin",)))
    assert found[0] == "thongloun"
    assert knowledge.by_id[found[0]].topic == knowledge.by_id["putin"].topic
