"""Graceful shutdown of the real process: a signal lets the answer in flight finish first."""

from __future__ import annotations

import signal
import sqlite3
from pathlib import Path

import pytest
from botapi import FakeBotApi
from harness import TRADE_EN, start_process, wait_until

SENDING = "Calling Bot API endpoint `sendMessage`"
SENT = "Call to Bot API endpoint `sendMessage` finished"


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_stop_signal_finishes_the_answer_in_flight(
    server: FakeBotApi, tmp_path: Path, stop: signal.Signals
) -> None:
    """Stopped while Telegram takes a second to accept an answer, `python -m bot` still
    delivers it, records the question, and exits 0."""
    log_path = tmp_path / "bot.log"
    with log_path.open("w") as log:
        server.delay("sendMessage", 1.0)
        process = start_process(server, tmp_path, log, LOG_LEVEL="DEBUG")
        try:
            server.private_text(TRADE_EN)
            wait_until(lambda: SENDING in log_path.read_text(), timeout=20)
            process.send_signal(stop)
            returncode = process.wait(timeout=15)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
        delivered = server.calls_to("sendMessage")
    output = log_path.read_text()
    assert returncode == 0, output[-2000:]
    assert len(delivered) == 1 and "66 percent" in delivered[0]["text"]
    assert output.index(SENDING) < output.index(SENT) < output.rindex("stopped")
    assert "question answered" in output and "Traceback" not in output
    with sqlite3.connect(tmp_path / "questions.sqlite3") as connection:
        stored = connection.execute("SELECT question, kind FROM questions").fetchall()
    assert stored == [(TRADE_EN, "fact")]
