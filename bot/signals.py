"""Signals from the first moment of `python -m bot`: before the event loop (and its handlers)
exist, SIGHUP and SIGTERM are held here instead of killing the process half-started.

`python -m bot` installs these before importing anything heavy; the running bot takes what
arrived meanwhile (`take_pending_reload`, `take_pending_stop`) once its own handlers are in
place. Standard library only: importing it must cost nothing.
"""

from __future__ import annotations

import signal
from types import FrameType

_pending: set[int] = set()
_installed = False


def _hold(number: int, frame: FrameType | None) -> None:
    _pending.add(number)


def install_early() -> None:
    """Hold SIGHUP (reload) and SIGTERM (stop) until the bot can act on them."""
    global _installed
    _installed = True
    for name in ("SIGHUP", "SIGTERM"):
        number = getattr(signal, name, None)
        if number is not None:
            signal.signal(number, _hold)


def restore_defaults() -> None:
    """For commands that do not run the bot: the usual signal behaviour, and a signal held
    meanwhile delivered now. Nothing when `install_early` was not called."""
    if not _installed:
        return
    for name in ("SIGHUP", "SIGTERM"):
        number = getattr(signal, name, None)
        if number is not None:
            signal.signal(number, signal.SIG_DFL)
            if number in _pending:
                _pending.discard(number)
                signal.raise_signal(number)


def take_pending_reload() -> bool:
    """Whether a SIGHUP arrived during start-up (and forget it)."""
    number: int | None = getattr(signal, "SIGHUP", None)
    if number is None or number not in _pending:
        return False
    _pending.discard(number)
    return True


def take_pending_stop() -> bool:
    """Whether a SIGTERM arrived during start-up (and forget it)."""
    held = signal.SIGTERM in _pending
    _pending.discard(signal.SIGTERM)
    return held
