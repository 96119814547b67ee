"""A Telegram bot answering questions about one VNA article on Laos–Russia trade and cooperation."""

from __future__ import annotations

__version__ = "0.1.0"
