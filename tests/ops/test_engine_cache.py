"""Tests for bot.ops.engine_cache: a built engine reused only when built from the same files."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.engine.cue_reading import phrases
from bot.knowledge import KnowledgeError
from bot.ops.engine_cache import cache_dir, cache_key, load_engine


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache directory of this test's own."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("BOT_CACHE_DIR", str(folder))
    return folder


def _cached(folder: Path) -> list[Path]:
    return sorted(folder.glob("engine-*.pickle"))


@pytest.mark.parametrize("question", [
    "How much did trade grow?", "Насколько вырос товарооборот?", "what is the capital of laos?",
])
def test_cached_engine_decides_like_a_fresh_one(
    cache: Path, tiny_dir: Path, tiny_engine: Engine, question: str
) -> None:
    """An engine restored from the cache gives the decision a freshly built one gives."""
    load_engine(tiny_dir)
    restored = load_engine(tiny_dir)
    assert len(_cached(cache)) == 1
    assert restored.decide(question) == tiny_engine.decide(question)


def test_an_edited_knowledge_file_is_built_afresh(cache: Path, tiny_dir: Path) -> None:
    """Editing an answer changes the key: the new answer is given and the old file removed."""
    first = load_engine(tiny_dir)
    facts = tiny_dir / "facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace(
        "Trade grew by 66 percent.", "Trade grew by as much as 66 percent."), encoding="utf-8")
    second = load_engine(tiny_dir)
    assert first.knowledge.by_id["growth"].answer["en"] == "Trade grew by 66 percent."
    assert second.knowledge.by_id["growth"].answer["en"] == "Trade grew by as much as 66 percent."
    assert len(_cached(cache)) == 1


@pytest.mark.parametrize("content", [b"", b"not a pickle", b"\x80\x05K\x01."])
def test_a_corrupt_cache_file_is_rebuilt(
    cache: Path, tiny_dir: Path, content: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    """A truncated, foreign or wrong-typed cache file is rebuilt, with a warning."""
    load_engine(tiny_dir)
    [path] = _cached(cache)
    path.write_bytes(content)
    with caplog.at_level(logging.WARNING):
        engine = load_engine(tiny_dir)
    assert engine.decide("How much did trade grow?").fact_id == "growth"
    assert "rebuilding" in caplog.text
    assert path.read_bytes() != content


def test_an_invalid_knowledge_base_is_reported_not_cached(cache: Path, tiny_dir: Path) -> None:
    """A broken knowledge base raises its problems and leaves nothing in the cache."""
    (tiny_dir / "facts.yaml").write_text("facts: [", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="YAML syntax error"):
        load_engine(tiny_dir)
    assert _cached(cache) == []


def test_an_unwritable_cache_directory_only_costs_the_build(
    tmp_path: Path, tiny_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the cache directory cannot be created, the engine is built and works."""
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("BOT_CACHE_DIR", str(blocker / "cache"))
    assert load_engine(tiny_dir).decide("new routes").fact_id == "routes"


def test_the_key_follows_the_content_not_the_time(tiny_dir: Path) -> None:
    """Touching a file keeps the key; changing one byte of it changes the key."""
    before = cache_key(tiny_dir)
    source = tiny_dir / "source.txt"
    source.write_bytes(source.read_bytes())
    assert cache_key(tiny_dir) == before
    source.write_bytes(source.read_bytes() + b" ")
    assert cache_key(tiny_dir) != before


def test_the_cache_directory_defaults_to_the_users_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Without BOT_CACHE_DIR the engine is kept under XDG_CACHE_HOME."""
    monkeypatch.delenv("BOT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "laos-russia-bot"


def test_an_engine_that_cannot_be_pickled_is_still_served(
    cache: Path, tiny_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When pickling fails the engine is built, answers, and nothing half-written is left."""
    def refuse(*args: object, **kwargs: object) -> bytes:
        raise TypeError("cannot pickle")

    monkeypatch.setattr("bot.ops.engine_cache.pickle.dumps", refuse)
    assert load_engine(tiny_dir).decide("How much did trade grow?").fact_id == "growth"
    assert not cache.exists() or list(cache.iterdir()) == []


def test_a_restored_engine_reads_cue_phrases_only_when_rehearsed(cache: Path,
                                                                  tiny_dir: Path) -> None:
    """A restored engine leaves its languages' cue phrases unread (a one-question command
    needs one language's); rehearsing, as a serving bot does, reads them all."""
    load_engine(tiny_dir)  # built and cached
    phrases.cache_clear()
    engine = load_engine(tiny_dir)  # restored
    assert phrases.cache_info().currsize == 0
    engine.rehearse()
    assert phrases.cache_info().currsize > 0
