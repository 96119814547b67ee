"""Settings from the environment (and a `.env` file in the working directory)."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

TOKEN_VARIABLE = "TELEGRAM_BOT_TOKEN"  # noqa: S105 - the variable name, not a secret
REPORT_DAYS = 30  # what `report` covers unless told otherwise


@dataclass(frozen=True)
class Settings:
    """Everything the bot reads from its environment."""

    token: str | None
    base_url: str | None
    knowledge_dir: Path | None
    log_level: str
    webhook_url: str | None
    webhook_secret: str | None
    port: int
    db_path: Path
    retention_days: int
    flood_burst: int
    flood_interval: float
    messages_per_second: float = 30.0  # Telegram's overall cap on messages; <= 0 lifts it
    database_url: str | None = None  # postgresql://…: the question log in PostgreSQL
    redis_url: str | None = None  # redis://…: state shared by several workers


def _number(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    try:
        return float(raw) if raw else default
    except ValueError:
        logging.getLogger(__name__).warning("%s=%r is not a number; using %s", name, raw, default)
        return default


def load_settings(env_file: Path | None = None) -> Settings:
    """Read settings; a `.env` in the working directory fills what the environment lacks."""
    path = env_file or Path.cwd() / ".env"
    if path.is_file():
        from dotenv import load_dotenv  # imported only when there is a file: starts are timed

        load_dotenv(path, override=False)
    env = os.environ

    def text(name: str) -> str | None:
        value = env.get(name, "").strip()
        return value or None

    knowledge = text("KNOWLEDGE_DIR")
    return Settings(
        token=text(TOKEN_VARIABLE),
        base_url=text("TELEGRAM_BASE_URL"),
        knowledge_dir=Path(knowledge) if knowledge else None,
        log_level=(text("LOG_LEVEL") or "INFO").upper(),
        webhook_url=text("WEBHOOK_URL"),
        webhook_secret=text("WEBHOOK_SECRET"),
        port=int(_number("PORT", 8443)),
        # Absolute, so workers started in different directories never split the log.
        db_path=Path(text("BOT_DB") or "questions.sqlite3").expanduser().resolve(),
        retention_days=int(_number("BOT_DB_RETENTION_DAYS", 90)),
        flood_burst=int(_number("FLOOD_BURST", 5)),
        flood_interval=_number("FLOOD_INTERVAL", 3.0),
        messages_per_second=_number("MESSAGES_PER_SECOND", 30.0),
        database_url=text("DATABASE_URL"),
        redis_url=text("REDIS_URL"),
    )
