"""The fake Telegram Bot API under its old name, for code that loads this file by path (the
benchmark does, without the tests directory on sys.path); tests import `botapi` instead."""

from __future__ import annotations

import sys
from pathlib import Path

_TESTS = str(Path(__file__).resolve().parent)
if _TESTS not in sys.path:  # loaded by path: make the botapi package importable
    sys.path.insert(0, _TESTS)

from botapi import *  # noqa: E402, F403 - this module is only the old name of the package
from botapi import __all__ as __all__  # noqa: E402
from botapi.server import _Handler as _Handler  # noqa: E402 - the benchmark tunes it

