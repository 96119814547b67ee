"""Entry point for `python -m bot`."""

from __future__ import annotations

from bot import signals

signals.install_early()  # before the slow imports: a signal now must not kill a half-started bot

from bot.cli import main  # noqa: E402 - after the signal handlers, on purpose

raise SystemExit(main())
