"""The real process (`python -m bot`) against the fake Bot API: nothing lost to a crash, a
revoked token ends it loudly, signals during start-up do not kill it, and expected conditions
log one line each."""

from __future__ import annotations

import signal
import subprocess
import time
from collections import Counter
from pathlib import Path

from botapi import FakeBotApi
from harness import TRADE_EN, start_process, wait_until

SENDING = "Calling Bot API endpoint `sendMessage`"
USERS = range(7001, 7021)


def finish(process: subprocess.Popen[str], stop: bool = True) -> int:
    """Stop the process (SIGTERM) if asked and still running; its exit status."""
    if stop and process.poll() is None:
        process.terminate()
    try:
        return process.wait(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_a_crash_loses_no_question(server: FakeBotApi, tmp_path: Path) -> None:
    """Killed (SIGKILL) with twenty questions taken in and none answered, the restarted bot
    answers all twenty; only a question whose answer had reached Telegram may get a second."""
    log_path = tmp_path / "bot.log"
    # Answers hang until the server stops: nothing can be marked handled, and none of the
    # killed bot's answers lands late, after the count of those that reached Telegram.
    server.delay("sendMessage", 600)
    with log_path.open("w") as log:
        process = start_process(server, tmp_path, log, LOG_LEVEL="DEBUG")
        try:
            for user in USERS:
                server.private_text(TRADE_EN, user_id=user)
            # Every update fetched and confirmed to Telegram, the answers on their way.
            wait_until(lambda: not server.pending_updates
                       and log_path.read_text().count(SENDING) >= len(USERS), timeout=30)
        finally:
            process.kill()
            process.wait()
    before = Counter(call["chat_id"] for call in server.calls_to("sendMessage"))
    server.delay("sendMessage", 0)
    with log_path.open("a") as log:
        process = start_process(server, tmp_path, log)
        try:
            wait_until(lambda: {c["chat_id"] for c in server.calls_to("sendMessage")}
                       >= set(USERS), timeout=30)
        finally:
            status = finish(process)
    answers = Counter(call["chat_id"] for call in server.calls_to("sendMessage"))
    assert set(answers) == set(USERS)
    assert all(count == 1 or before[user] for user, count in answers.items())
    assert status == 0
    assert "replaying 20 update(s)" in log_path.read_text()


def test_a_restart_does_not_answer_twice(server: FakeBotApi, tmp_path: Path) -> None:
    """Updates answered before a clean stop are not answered again after a restart, even when
    Telegram sends them again (as it does for updates never confirmed)."""
    with (tmp_path / "bot.log").open("w") as log:
        process = start_process(server, tmp_path, log)
        server.private_text(TRADE_EN, user_id=7001)
        server.wait_for("sendMessage", 1, timeout=30)
        finish(process)
        answered = server.calls_to("sendMessage")
        # Telegram resending the answered update (as if it had never been confirmed).
        server.enqueue({"update_id": 1000, "message": {
            "message_id": 99, "date": 0, "text": TRADE_EN,
            "chat": {"id": 7001, "type": "private", "first_name": "T"},
            "from": {"id": 7001, "is_bot": False, "first_name": "T"}}})
        server.private_text(TRADE_EN, user_id=7002)
        process = start_process(server, tmp_path, log)
        server.wait_for("sendMessage", 2, timeout=30)
        finish(process)
    chats = [call["chat_id"] for call in server.calls_to("sendMessage")]
    assert len(answered) == 1 and chats == [7001, 7002]


def test_a_token_revoked_while_running_ends_the_process(server: FakeBotApi,
                                                        tmp_path: Path) -> None:
    log_path = tmp_path / "bot.log"
    with log_path.open("w") as log:
        process = start_process(server, tmp_path, log)
        try:
            server.private_text(TRADE_EN)
            server.wait_for("sendMessage", 1, timeout=30)
            server.token = "999:REVOKED"  # every call is now 401 Unauthorized
            status = process.wait(timeout=30)
        finally:
            finish(process, stop=False)
    output = log_path.read_text()
    assert status == 1, output[-2000:]
    assert "error: Telegram rejected the bot token (TELEGRAM_BOT_TOKEN)" in output
    assert "Traceback" not in output and "destroyed but it is pending" not in output


def test_a_bad_token_at_start_is_one_line_and_exit_1(server: FakeBotApi,
                                                     tmp_path: Path) -> None:
    server.token = "999:OTHER"
    log_path = tmp_path / "bot.log"
    with log_path.open("w") as log:
        status = finish(start_process(server, tmp_path, log), stop=False)
    output = log_path.read_text()
    assert status == 1
    assert "error: Telegram rejected the bot token (TELEGRAM_BOT_TOKEN)" in output
    assert "Traceback" not in output


def test_sighup_during_start_up_reloads_instead_of_killing(server: FakeBotApi,
                                                           tmp_path: Path) -> None:
    server.delay("getMe", 3)  # start-up is slow: the signal lands in it
    log_path = tmp_path / "bot.log"
    with log_path.open("w") as log:
        process = start_process(server, tmp_path, log)
        try:
            time.sleep(1)  # pacing only: past the interpreter's start, still before getMe
            process.send_signal(signal.SIGHUP)
            server.private_text(TRADE_EN)
            server.wait_for("sendMessage", 1, timeout=30)
            wait_until(lambda: "knowledge reloaded (SIGHUP" in log_path.read_text(), timeout=30)
        finally:
            status = finish(process)
    assert status == 0


def test_expected_polling_conditions_log_one_line(server: FakeBotApi, tmp_path: Path) -> None:
    """Another instance polling (409), a bad gateway (502) and a cut-off getUpdates reply are
    logged without tracebacks, and the bot goes on answering."""
    log_path = tmp_path / "bot.log"
    with log_path.open("w") as log:
        process = start_process(server, tmp_path, log)
        try:
            server.wait_for("getUpdates", 1, timeout=30)
            server.fail_next("getUpdates", 409, description="Conflict: terminated by other "
                             "getUpdates request")
            wait_until(lambda: any(c.status == 409 for c in server.calls), timeout=30)
            server.fail_next("getUpdates", 502, description="Bad Gateway")
            wait_until(lambda: any(c.status == 502 for c in server.calls), timeout=30)
            server.cut_off_next("getUpdates")
            server.private_text(TRADE_EN)
            server.wait_for("sendMessage", 1, timeout=60)
        finally:
            status = finish(process)
    output = log_path.read_text()
    assert status == 0
    assert "Conflict" in output and "Bad Gateway" in output
    assert "Traceback" not in output


def test_a_stop_leaves_a_rate_limited_backlog_for_the_next_start(server: FakeBotApi,
                                                                 tmp_path: Path) -> None:
    """Forty questions in one group are far over Telegram's 20 messages a minute there (one
    every three seconds). Once two are answered, SIGTERM finishes the answer in hand and exits
    instead of waiting minutes for the rest, which stay journalled and are taken up at the next
    start."""
    log_path = tmp_path / "bot.log"
    with log_path.open("w") as log:
        process = start_process(server, tmp_path, log, FLOOD_BURST="0")
        try:
            for number in range(40):
                server.command(f"/ask how much did trade grow? {number}", chat_type="supergroup",
                               user_id=8000 + number)
            server.wait_for("sendMessage", 2, timeout=30)
            process.terminate()
            status = process.wait(timeout=30)
        finally:
            finish(process, stop=False)
        sent = len(server.calls_to("sendMessage"))
        process = start_process(server, tmp_path, log, FLOOD_BURST="0")
        try:
            wait_until(lambda: "replaying" in log_path.read_text(), timeout=30)
        finally:
            finish(process)
    assert status == 0 and sent < 40
    assert f"replaying {40 - sent} update(s)" in log_path.read_text()
