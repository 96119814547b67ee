"""Tests for bot.config: settings from the environment and a .env file."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from bot.config import load_settings

NAMES = ("TELEGRAM_BOT_TOKEN", "TELEGRAM_BASE_URL", "KNOWLEDGE_DIR", "LOG_LEVEL", "WEBHOOK_URL",
         "WEBHOOK_SECRET", "PORT", "BOT_DB", "BOT_DB_RETENTION_DAYS", "FLOOD_BURST",
         "FLOOD_INTERVAL", "MESSAGES_PER_SECOND")


@pytest.fixture
def environ(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A private copy of the environment without the bot's variables; .env files write here."""
    env = {name: value for name, value in os.environ.items() if name not in NAMES}
    monkeypatch.setattr(os, "environ", env)
    return env


def test_defaults(environ: dict[str, str], tmp_path: Path) -> None:
    """With nothing set, the bot runs the console with its default settings, its question log
    in the working directory, named by an absolute path."""
    settings = load_settings(tmp_path / ".env")
    assert settings.token is None and settings.knowledge_dir is None
    assert (settings.log_level, settings.port, settings.db_path) == (
        "INFO", 8443, Path.cwd() / "questions.sqlite3")
    assert (settings.database_url, settings.redis_url) == (None, None)
    assert (settings.retention_days, settings.flood_burst, settings.flood_interval) == (90, 5, 3.0)
    assert settings.messages_per_second == 30.0


def test_environment_values(environ: dict[str, str], tmp_path: Path) -> None:
    """Values are read from the environment, stripped, with the log level upper-cased."""
    environ.update({"TELEGRAM_BOT_TOKEN": " 123:abc ", "KNOWLEDGE_DIR": "/kb", "LOG_LEVEL": "debug",
                    "PORT": "8080", "FLOOD_INTERVAL": "1.5", "WEBHOOK_URL": "  ",
                    "MESSAGES_PER_SECOND": "1000"})
    settings = load_settings(tmp_path / ".env")
    assert (settings.token, settings.knowledge_dir, settings.log_level) == (
        "123:abc", Path("/kb"), "DEBUG")
    assert (settings.port, settings.flood_interval, settings.webhook_url) == (8080, 1.5, None)
    assert settings.messages_per_second == 1000.0


def test_dotenv_fills_what_the_environment_lacks(environ: dict[str, str], tmp_path: Path) -> None:
    """A .env file sets missing variables but never overrides the environment."""
    env_file = tmp_path / ".env"
    env_file.write_text("TELEGRAM_BOT_TOKEN=from-file\nBOT_DB=/data/q.db\n", encoding="utf-8")
    environ["BOT_DB"] = "/env/q.db"
    settings = load_settings(env_file)
    assert (settings.token, settings.db_path) == ("from-file", Path("/env/q.db"))


def test_a_bad_number_falls_back_with_a_warning(
    environ: dict[str, str], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A number that does not parse is logged and replaced by its default."""
    environ["FLOOD_BURST"] = "many"
    with caplog.at_level(logging.WARNING, logger="bot.config"):
        settings = load_settings(tmp_path / ".env")
    assert settings.flood_burst == 5
    assert "FLOOD_BURST='many' is not a number; using 5" in caplog.text
