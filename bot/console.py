"""The console chat: the same engine as the bot, on a terminal or piped stdin."""

from __future__ import annotations

from typing import TextIO

from bot.engine import Context, Engine
from bot.replies import Composer, plain_text


def run_console(engine: Engine, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    """Answer questions from stdin until it ends; prompt only when stdin is a terminal. The
    chat is one conversation: a follow-up ("when?", "tell me more") continues the last answer."""
    interactive = stdin.isatty()
    composer = Composer(engine.knowledge)
    intro = composer.wording.say(composer.wording.default, "console_intro")
    context = Context()
    print(intro, file=stdout if interactive else stderr)
    while True:
        if interactive:
            stdout.write("> ")
            stdout.flush()
        line = stdin.readline()
        if not line:
            break
        if not interactive and not line.strip():
            continue
        decision = engine.decide(line.strip(), context=context)
        context = context.told(decision)
        print(plain_text(composer.compose(decision)), file=stdout)
        if interactive:
            print(file=stdout)
        stdout.flush()
    return 0
