"""Entry point for `python -m bot`."""

from __future__ import annotations

import gc

# The modules' objects all live as long as the process: the collector walking them again and
# again while they are imported cost about a twentieth of `ask`'s start, and then every full
# collection of a serving bot would walk them too.
gc.disable()

from bot import signals  # noqa: E402 - after the collector is paused, on purpose

signals.install_early()  # before the slow imports: a signal now must not kill a half-started bot

from bot.cli import main  # noqa: E402 - after the signal handlers, on purpose

gc.freeze()
gc.enable()

raise SystemExit(main())
