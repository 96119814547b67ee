"""How often a recurring failure is logged: the first time, then at most once per period."""

from __future__ import annotations

import time
from collections.abc import Callable

ERROR_LOG_EVERY = 600.0  # seconds: one line per failing store, server or file, not one per call


class Throttle:
    """Says whether a recurring message may be logged now; `due` records that it was."""

    def __init__(self, period: float = ERROR_LOG_EVERY,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.period, self.clock = period, clock
        self._last = float("-inf")

    def due(self) -> bool:
        """True the first time and once `period` seconds have passed since the last True."""
        now = self.clock()
        if now - self._last < self.period:
            return False
        self._last = now
        return True
