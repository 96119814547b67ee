"""Shared fixtures: the real knowledge base and engine, a small knowledge base to break, and the
fake Telegram Bot API server."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from botapi import FakeBotApi
from harness import TOKEN
from servers import NoServerError, postgres_binary, postgres_server, redis_server

from bot.engine import Engine
from bot.knowledge import Knowledge, load_knowledge
from bot.replies import Composer
from bot.telegram import ratelimit

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE_DIR = ROOT / "knowledge"

TINY_ARTICLE = """\
source_file: source.txt
publisher: VNA
date: "2025-08-01"
title: {en: "Tiny", ru: "Крошка"}
photo_credit: example.org
languages: [en, ru]
topics:
  trade: {en: "Trade", ru: "Торговля"}
"""

TINY_FACTS = """\
facts:
  - id: growth
    topic: trade
    questions:
      en: ["How much did trade grow?", "trade growth"]
      ru: ["Насколько вырос товарооборот?", "рост торговли"]
    answer:
      en: "Trade grew by 66 percent."
      ru: "Товарооборот вырос на 66 процентов."
    quote: "trade increased by 66 percent"
    related: [routes]
  - id: routes
    topic: trade
    questions:
      en: ["Which new routes?", "new routes"]
      ru: ["Какие новые маршруты?", "маршруты"]
    answer:
      en: "Sea routes through Vietnam."
      ru: "Морские пути через Вьетнам."
    quote: "through the ports of Vietnam"
    related: [growth]
"""

TINY_SOURCE = (
    "In 2024, trade increased by 66 percent. Shipping goes through the ports of Vietnam.\n"
)


@pytest.fixture(scope="session", autouse=True)
def engine_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Built engines are cached in a directory of the test run, never in the user's home;
    the bots the tests start inherit it."""
    folder = tmp_path_factory.mktemp("engine-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BOT_CACHE_DIR", str(folder))
        yield folder


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    """The real knowledge base shipped with the bot."""
    return load_knowledge(KNOWLEDGE_DIR)


@pytest.fixture(scope="session")
def engine(knowledge: Knowledge) -> Engine:
    """The answer engine over the real knowledge base."""
    return Engine(knowledge)


@pytest.fixture
def server() -> Iterator[FakeBotApi]:
    """A fresh fake Telegram Bot API server for one test, accepting the test token."""
    with FakeBotApi(token=TOKEN) as api:
        yield api


@pytest.fixture
def tiny_dir(tmp_path: Path) -> Path:
    """A small valid knowledge base in a temporary directory, for tests to break."""
    directory = tmp_path / "knowledge"
    directory.mkdir()
    (directory / "article.yaml").write_text(TINY_ARTICLE, encoding="utf-8")
    (directory / "facts.yaml").write_text(TINY_FACTS, encoding="utf-8")
    (directory / "source.txt").write_text(TINY_SOURCE, encoding="utf-8")
    return directory


@pytest.fixture
def real_copy(tmp_path: Path) -> Path:
    """A writable copy of the real knowledge base."""
    target = tmp_path / "real"
    shutil.copytree(KNOWLEDGE_DIR, target)
    return target


# Layout: the tests mirror the package (tests/engine for bot/engine, tests/replies, tests/ops,
# tests/knowledge; bot/cli.py, config.py and console.py at the top). The folders have no
# __init__.py: pytest imports each test module by its file name, so every test_*.py name must
# be unique across the whole tree, and helpers in tests/ (replying.py, harness.py) stay
# importable from every folder.


@pytest.fixture(scope="session")
def composer(knowledge: Knowledge) -> Composer:
    """The composer over the real knowledge base."""
    return Composer(knowledge)


@pytest.fixture
def tiny_knowledge(tiny_dir: Path) -> Knowledge:
    """The small knowledge base, loaded: two related facts, growth and routes."""
    return load_knowledge(tiny_dir)


@pytest.fixture
def tiny_engine(tiny_knowledge: Knowledge) -> Engine:
    """The answer engine over the small knowledge base."""
    return Engine(tiny_knowledge)


@pytest.fixture(autouse=True)
def unpaced_chats(monkeypatch: pytest.MonkeyPatch) -> None:
    """End-to-end tests put many messages into one chat at once; Telegram's per-chat pacing
    (tested with a fake clock in tests/telegram/test_ratelimit.py) would make them wait real
    seconds, so here it is off. The overall cap stays as configured."""
    monkeypatch.setattr(ratelimit, "CHAT_RATE", 0.0)
    monkeypatch.setattr(ratelimit, "GROUP_RATE", 0.0)


# --------------------------------------------------------------------------- real servers
def pytest_report_header(config: pytest.Config) -> str:
    """Say up front whether the shared-mode tests have their servers, so a skip is never a
    surprise at the end of the run."""
    found = {"redis-server": shutil.which("redis-server"), "postgres": postgres_binary("postgres")}
    missing = [name for name, path in found.items() if path is None]
    if not missing:
        return "shared-mode servers: " + ", ".join(str(path) for path in found.values())
    return (f"shared-mode servers: {', '.join(missing)} NOT installed; the tests needing them "
            "will be SKIPPED (tests/servers/install.sh installs them with root and apt-get)")


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A real PostgreSQL server started for this test session; skipped, saying why, when it
    is not installed."""
    try:
        with postgres_server() as url:
            yield url
    except NoServerError as error:
        pytest.skip(f"PostgreSQL unavailable: {error}")


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    """A real Redis server started for this test session; skipped, saying why, when it is
    not installed."""
    try:
        with redis_server() as url:
            yield url
    except NoServerError as error:
        pytest.skip(f"Redis unavailable: {error}")


@pytest.fixture(params=["sqlite", "postgresql"])
def question_db(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """Where the question log goes, once per backend: an SQLite file, then an empty
    PostgreSQL database (the table dropped before each test)."""
    if request.param == "sqlite":
        return tmp_path / "questions.sqlite3"
    url: str = request.getfixturevalue("postgres_url")
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("DROP TABLE IF EXISTS questions")
    return url
