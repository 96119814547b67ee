"""Tests for the meaning signal (the `semantic` extra: WordLlama's embeddings)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.engine import Engine, semantic
from bot.engine.decision import Candidate
from bot.engine.retrieval import Weights
from bot.engine.scoring import with_meaning
from bot.knowledge import Knowledge

needs_model = pytest.mark.skipif(not semantic.installed(),
                                 reason="the semantic extra is not installed")


@needs_model
def test_the_model_loads_from_its_package_without_a_download(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The weights and tokenizer inside the wheel are enough: no network is touched."""
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the model tried to reach the network")

    monkeypatch.setattr(socket, "create_connection", refuse)
    semantic.model.cache_clear()
    embedder = semantic.model()
    assert embedder is not None
    assert embedder.embed(["how much did trade grow?"]).shape == (1, 256)


@needs_model
@pytest.mark.parametrize(("question", "facts"), [
    ("who snapped the picture", {"photo"}),
    ("by what percentage did commerce rise", {"trade_growth"}),
    ("is there anything about atomic energy", {"nuclear_interest", "nuclear_roadmap"}),
])
def test_the_closest_meaning_is_the_facts_own(knowledge: Knowledge, question: str,
                                             facts: set[str]) -> None:
    """A paraphrase is closest in meaning to one of its fact's phrasings."""
    embedder = semantic.model()
    assert embedder is not None
    meanings = semantic.Meanings.of(knowledge, "en", embedder)
    assert meanings is not None
    similarity = meanings.similarity(question, embedder)
    best = max(range(len(similarity)), key=similarity.__getitem__)
    assert knowledge.facts[best].id in facts


def test_meaning_is_blended_into_scores_and_adds_facts_above_the_floor(
        knowledge: Knowledge) -> None:
    """Half the score from meaning: a ranked fact keeps its place by its blend, and a fact
    sharing no word but meaning nearly the same joins the ranking on its similarity alone."""
    facts = knowledge.facts
    similarity = [0.0] * len(facts)
    similarity[0], similarity[1], similarity[2] = 0.8, 0.6, 0.4
    ranked = [Candidate(facts[0].id, 90.0)]
    weights = Weights(semantic_weight=0.5, semantic_floor=0.5)
    blended = with_meaning(ranked, similarity, facts, weights)
    assert [(c.fact_id, round(c.score, 6), c.coverage) for c in blended] == [
        (facts[0].id, 85.0, 1.0), (facts[1].id, 30.0, 0.0)]


def test_without_a_semantic_weight_the_engine_embeds_nothing(knowledge: Knowledge) -> None:
    """The default ranking is the lexical one: no meanings are built and the model is not
    loaded (nor its 76 MB), whatever is installed."""
    semantic.model.cache_clear()
    engine = Engine(knowledge)
    engine.decide("how much did trade grow?")
    assert engine.ranker.meanings == {}
    assert semantic.model.cache_info().currsize == 0


@needs_model
def test_a_semantic_engine_reads_meaning_in_english_only(knowledge: Knowledge) -> None:
    """The model reads English: other languages are ranked by their words alone."""
    lexical = Engine(knowledge)
    engine = Engine(knowledge, weights=replace(lexical.ranker.weights, semantic_weight=0.5))
    assert set(engine.ranker.meanings) == {"en"}
    question = "насколько вырос товарооборот?"
    assert engine.rank(question, "ru") == lexical.rank(question, "ru")
    assert engine.rank("who snapped the picture", "en")[0].fact_id == "photo"
