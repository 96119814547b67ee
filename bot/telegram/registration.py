"""Registering the webhook and the command menus: by one worker for all, or by hand."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from telegram import Bot

from bot.engine import Engine
from bot.ops.shared import SharedMode
from bot.telegram.commands import PRIVATE_COMMANDS, command_menu, set_commands
from bot.telegram.webhook import SafeUpdater


async def register_webhook(bot: Bot, engine: Engine, url: str, secret: str,
                           allowed_updates: Sequence[str]) -> None:
    """Point Telegram at the webhook (with its secret) and register the command menus."""
    await bot.set_webhook(url, secret_token=secret, allowed_updates=allowed_updates)
    await set_commands(bot, engine)


async def register_for_all(application: Any, engine: Engine, shared: SharedMode, url: str,
                           secret: str, allowed_updates: Sequence[str]) -> None:
    """Register the webhook and commands unless another worker did for the same URL, secret
    and menus; this worker's own server then skips python-telegram-bot's setWebhook."""
    menus = [[command.to_dict() for command in command_menu(engine, language, PRIVATE_COMMANDS)]
             for language in engine.knowledge.languages]
    what = json.dumps([url, secret, menus], ensure_ascii=False, sort_keys=True)
    await shared.register_once(what, lambda: register_webhook(
        application.bot, engine, url, secret, allowed_updates))
    if isinstance(application.updater, SafeUpdater):
        application.updater.bootstrap = False
