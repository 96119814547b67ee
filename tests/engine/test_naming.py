"""Tests for bot.engine.naming: which facts' answers give a name."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.naming import asks_kind, named_facts, people, placed_facts


def test_facts_naming_someone_or_something_beyond_the_articles_subjects(engine: Engine) -> None:
    """People, other countries and the agency are names; Laos, Russia and words made from
    them ("Russian enterprises") are not."""
    named = named_facts(engine.knowledge, engine.index("en"))
    assert {"putin", "thongloun", "new_routes", "source", "photo"} <= named
    assert named.isdisjoint({"metal_mines", "trade_growth", "agri_exports", "bauxite"})


def test_people_are_named_by_facts_naming_more_than_countries(engine: Engine) -> None:
    """"Who" asks for someone: the routes name Vietnam and China, no one."""
    people = named_facts(engine.knowledge, engine.index("en"), people=True)
    assert {"putin", "thongloun", "announcement", "source", "photo"} <= people
    assert "new_routes" not in people


def test_who_announced_is_the_fact_naming_someone(engine: Engine) -> None:
    """Between the announcement and the routes it announced, "who" is the announcement."""
    decision = engine.decide("who announced the plan to expand sea transport and open the "
                             "railway?")
    assert (decision.kind, decision.fact_id) == ("fact", "announcement")


@pytest.mark.parametrize(
    ("question", "language", "asks"),
    [
        ("Which Russian companies are mining metals in Laos?", "en", True),
        ("what companies work there", "en", True),
        ("what are Russian companies doing in Laos?", "en", False),
        ("which russian mining companies operate in laos?", "en", True),  # one word before
        ("which metals are Russian firms digging up?", "en", False),
        ("which metals Russian firms dig up", "en", False),  # not next to the kind
        ("are russian companies mining metals", "en", False),
        ("какие российские компании работают в лаосе", "ru", True),
        ("назовите российские компании, которые работают в лаосе", "ru", True),  # imperative
        ("Что российские компании делают в Лаосе?", "ru", False),
        ("which metals do the companies mine", "en", False),
    ],
)
def test_asks_kind(engine: Engine, question: str, language: str, asks: bool) -> None:
    """"Which companies" (or "name the companies") asks for names, the country's adjective
    between allowed; "what are companies doing" and "which metals" do not."""
    assert asks_kind(engine.index(language), question, language) is asks


def test_which_companies_is_not_said(engine: Engine) -> None:
    """The article names no company: which ones mine there is not said, with what it does
    say shown."""
    decision = engine.decide("Which Russian companies are mining metals in Laos?")
    assert decision.kind == "none"
    assert decision.closest is not None and decision.closest.id == "metal_mines"


def test_people_are_the_names_each_answer_gives(engine: Engine) -> None:
    """Names are runs of capitalised words inside a sentence, without titles ("President"
    stands beside both leaders' names) or the article's subjects ("Russian")."""
    names = people(engine.knowledge, engine.index("en"))
    assert names["putin"] == (frozenset({"putin"}),)
    assert set(names["photo"]) == {frozenset({"putin"}), frozenset({"thongloun"})}
    assert names["trade_growth"] == ()


def test_facts_naming_a_country_beyond_the_articles_subjects(engine: Engine) -> None:
    """Only the routes name countries other than Laos and Russia (Vietnam, China)."""
    assert placed_facts(engine.knowledge, engine.index("en")) == {"new_routes"}


@pytest.mark.parametrize(
    ("question", "kind", "fact_id"),
    [
        ("which neighbour will the cargo ships go through to reach laos", "fact", "new_routes"),
        # A kind of place no fact names is still beyond the article: declined, with what
        # the article does say of the railway.
        ("through which chinese city or border crossing will the railway run", "none", None),
    ],
)
def test_which_country_is_the_fact_naming_one(
    engine: Engine, question: str, kind: str, fact_id: str | None
) -> None:
    """"Which neighbour" asks for a country: the routes, which name them, answer it."""
    decision = engine.decide(question)
    assert (decision.kind, decision.fact_id) == (kind, fact_id)

