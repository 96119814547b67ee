"""Tests for bot.engine.naming: which facts' answers give a name."""

from __future__ import annotations

from bot.engine import Engine
from bot.engine.naming import named_facts


def test_facts_naming_someone_or_something_beyond_the_articles_subjects(engine: Engine) -> None:
    """People, other countries and the agency are names; Laos, Russia and words made from
    them ("Russian enterprises") are not."""
    named = named_facts(engine.knowledge, engine.index("en"))
    assert {"putin", "thongloun", "new_routes", "source", "photo"} <= named
    assert named.isdisjoint({"metal_mines", "trade_growth", "agri_exports", "bauxite"})
