"""Tests for bot.console: the console chat on piped and interactive input."""

from __future__ import annotations

import io

from bot.console import run_console
from bot.engine import Engine


class Terminal(io.StringIO):
    """Standard input that says it is a terminal."""

    def isatty(self) -> bool:
        """Always a terminal."""
        return True


def test_piped_input_gets_one_answer_per_line(engine: Engine) -> None:
    """Piped questions get one plain answer each, blank lines skipped, the intro on stderr."""
    stdout, stderr = io.StringIO(), io.StringIO()
    stdin = io.StringIO("how much did trade grow?\n\nhello\n")
    assert run_console(engine, stdin, stdout, stderr) == 0
    trade = engine.knowledge.by_id["trade_growth"].answer["en"]
    lines = stdout.getvalue().splitlines()
    assert lines[0] == trade and lines[1].startswith("Hello!") and len(lines) == 2
    assert stderr.getvalue().startswith("Console chat (no TELEGRAM_BOT_TOKEN set).")


def test_a_terminal_gets_the_intro_and_prompts(engine: Engine) -> None:
    """On a terminal the intro and a prompt before each question go to stdout."""
    stdout, stderr = io.StringIO(), io.StringIO()
    assert run_console(engine, Terminal("bauxite\n"), stdout, stderr) == 0
    text = stdout.getvalue()
    assert text.startswith("Console chat (no TELEGRAM_BOT_TOKEN set).")
    answer = engine.knowledge.by_id["bauxite"].answer["en"]
    # A prompt before the question, the answer and a blank line, a prompt before the end.
    assert text.endswith(f".\n> {answer}\n\n> ")
    assert stderr.getvalue() == ""


def test_console_follows_up_on_its_last_answer(engine: Engine) -> None:
    """The console chat is one conversation: "when?" continues the answer before it."""
    stdout, stderr = io.StringIO(), io.StringIO()
    stdin = io.StringIO("What new transport routes are planned?\nwhen?\n")
    assert run_console(engine, stdin, stdout, stderr) == 0
    announcement = engine.knowledge.by_id["announcement"].answer["en"]
    assert stdout.getvalue().splitlines()[-1] == announcement
