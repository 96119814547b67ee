"""Tests for the command line, run as a real subprocess like a user would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main

ROOT = Path(__file__).resolve().parent.parent


def run_bot(
    *args: str, stdin: str | None = None, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `python -m bot ARGS` without a token and return what it printed."""
    environment = {
        k: v for k, v in os.environ.items() if k not in {"TELEGRAM_BOT_TOKEN", "KNOWLEDGE_DIR"}
    }
    environment["PYTHONPATH"] = str(ROOT)
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin if stdin is not None else "",
        capture_output=True,
        text=True,
        env=environment,
        cwd=cwd or ROOT,
        timeout=60,
        check=False,
    )


def test_ask_prints_the_answer() -> None:
    """`ask` prints the fact's answer with both trade figures."""
    result = run_bot("ask", "how much did trade grow?")
    assert result.returncode == 0, result.stderr
    assert "66 percent" in result.stdout
    assert "20 percent" in result.stdout


def test_ask_json_follows_the_contract() -> None:
    """`ask --json` prints one JSON object with every field of the contract."""
    result = run_bot("ask", "--json", "how much did trade grow?")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert set(answer) == {
        "question",
        "kind",
        "answer",
        "fact_id",
        "closest_fact_id",
        "score",
        "language",
        "suggestions",
        "parts",
    }
    assert answer["kind"] == "fact"
    assert answer["fact_id"] == "trade_growth"
    assert answer["language"] == "en"
    assert 0 <= answer["score"] <= 100
    assert all(set(item) == {"fact_id", "question"} for item in answer["suggestions"])


def test_ask_batch_reads_stdin_in_order() -> None:
    """`ask --json` with no question answers each stdin line with one JSON line, in order."""
    questions = ["bauxite", "what is the capital of laos?", "hello", "", "how big is russia"]
    result = run_bot("ask", "--json", stdin="\n".join(questions) + "\n")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["question"] for line in lines] == questions
    assert [line["kind"] for line in lines] == ["fact", "none", "smalltalk", "none", "none"]
    assert lines[0]["fact_id"] == "bauxite"
    assert [line["closest_fact_id"] for line in lines] == [None] * 4 + ["trade_growth"]


def test_ask_dash_reads_stdin() -> None:
    """`ask -` reads questions from stdin and prints plain answers."""
    result = run_bot("ask", "-", stdin="bauxite\n")
    assert result.returncode == 0, result.stderr
    assert "bauxite" in result.stdout.lower()


@pytest.mark.parametrize("question", ["", "   ", "\t"])
def test_empty_question_gets_a_clear_message(question: str) -> None:
    """An empty or whitespace-only question gets a request to type a question, not an error."""
    result = run_bot("ask", "--json", question)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["kind"] == "none"
    assert answer["answer"].startswith("Please type a question")


def test_check_passes_on_the_shipped_knowledge() -> None:
    """`check` validates the shipped knowledge base and exits 0 with a summary."""
    result = run_bot("check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: ")


def test_check_reports_a_broken_copy(real_copy: Path) -> None:
    """`check` on a broken knowledge copy prints one line per problem, no traceback, exit 1."""
    facts = real_copy / "facts.yaml"
    text = facts.read_text(encoding="utf-8")
    facts.write_text(text.replace("related: [", "related: [no_such_fact, ", 1), encoding="utf-8")
    result = run_bot("check", env={"KNOWLEDGE_DIR": str(real_copy)})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "facts.yaml" in lines[0] and "related" in lines[0] and "no_such_fact" in lines[0]


def test_syntax_error_is_one_line(real_copy: Path) -> None:
    """A YAML syntax error names the file and line in one line, with no traceback."""
    (real_copy / "facts.yaml").write_text("facts:\n  - id: [broken\n", encoding="utf-8")
    result = run_bot("ask", "trade", env={"KNOWLEDGE_DIR": str(real_copy)})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "facts.yaml" in result.stderr and "YAML syntax error" in result.stderr


def test_console_chat_answers_piped_stdin(tmp_path: Path) -> None:
    """With no token and piped stdin, `python -m bot` answers each line and exits at its end."""
    result = run_bot(stdin="how much did trade grow?\nbauxite\n", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "66 percent" in result.stdout
    assert "bauxite" in result.stdout.lower()
    assert "TELEGRAM_BOT_TOKEN" in result.stderr


def test_console_chat_reads_no_env_token_from_elsewhere(tmp_path: Path) -> None:
    """A .env in the working directory without a token still starts the console chat."""
    (tmp_path / ".env").write_text("LOG_LEVEL=WARNING\n", encoding="utf-8")
    result = run_bot(stdin="hello\n", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Hello!" in result.stdout


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("<b>how much did trade grow?</b> & <script>x</script>", "66 percent"),
        ("🙂🙂🙂", "Please type a question"),
        ("x" * 4096, "too long"),
    ],
)
def test_hostile_input_gets_a_clear_answer(question: str, expected: str) -> None:
    """Markup, emoji and a 4096-character question get a clear answer, never a crash."""
    result = run_bot("ask", question)
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout


def test_russian_question_answered_in_russian() -> None:
    """A Russian question gets a Russian answer with both figures and language ru."""
    result = run_bot("ask", "--json", "Насколько вырос товарооборот между Лаосом и Россией?")
    answer = json.loads(result.stdout)
    assert (answer["kind"], answer["language"], answer["fact_id"]) == ("fact", "ru", "trade_growth")
    assert "66" in answer["answer"] and "20" in answer["answer"]
    assert "процент" in answer["answer"]


def test_evaluate_prints_scores_without_the_questions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`evaluate` prints each set's scores and, unless asked, none of its questions."""
    path = tmp_path / "set.yaml"
    path.write_text(
        '- {q: "how much did trade grow?", expect: trade_growth}\n'
        '- {q: "how much did trade grow?", expect: bauxite}\n'
        '- {q: "what is the capital of laos?", expect: none}\n'
        '- {q: "hello", expect: smalltalk}\n',
        encoding="utf-8",
    )
    assert main(["evaluate", str(path)]) == 0
    out = capsys.readouterr().out
    assert "in-scope accuracy 1/2 (50.0%); correct declines 1/1 (100.0%); small talk 1/1" in out
    assert "trade grow" not in out
    assert main(["evaluate", "--misses", str(path)]) == 0
    assert "MISS 'how much did trade grow?': expected bauxite" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- {q: hi}\n", "item 1: expected {q: ..., expect: ...}"),
        (": [\n", "YAML syntax error at line 1"),
        ("- {q: hi, expect: nowhere}\n", "unknown fact ids: nowhere"),
        ("just text\n", "expected a list"),
    ],
)
def test_evaluate_rejects_a_broken_set_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, expected: str
) -> None:
    """A broken question set gets one line naming the file and the problem, and exit 1."""
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["evaluate", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(str(path)) and expected in err
    assert len(err.strip().splitlines()) == 1


def test_check_lists_its_rules(capsys: pytest.CaptureFixture[str]) -> None:
    """`check --rules` explains what it enforces, after the summary."""
    assert main(["check", "--rules"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OK: ") and "\nrules:\n- " in out
    assert "quotes its text verbatim" in out


def test_calibrate_one_language_writes_its_own_section(
    real_copy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`calibrate --language ru --write` keeps the other languages' thresholds in the file."""
    monkeypatch.setenv("KNOWLEDGE_DIR", str(real_copy))
    labelled = ROOT / "tests" / "data" / "questions_ru.yaml"
    assert main(["calibrate", "--language", "ru", "--write", str(labelled)]) == 0
    out = capsys.readouterr().out
    assert "written:" in out and "whole engine: right " in out
    text = (real_copy / "calibration.yaml").read_text(encoding="utf-8")
    assert "languages:" in text and "lo:" in text


def test_calibrate_does_not_write_what_the_whole_engine_decides_worse(
    real_copy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the whole engine (follow-ups, claims and all) decides fewer questions right with
    the thresholds the search found, they are reported and not written. The whole engine's
    counts are set here: no small set makes the search and the whole engine disagree."""
    import bot.ops.calibration as calibration

    monkeypatch.setenv("KNOWLEDGE_DIR", str(real_copy))
    before = (real_copy / "calibration.yaml").read_text(encoding="utf-8")
    counts = iter([(5, 6), (4, 6)])  # now, then with the calibrated thresholds
    monkeypatch.setattr(calibration, "decided_right", lambda *args: next(counts))
    labelled = ROOT / "tests" / "data" / "questions_ru.yaml"
    assert main(["calibrate", "--language", "ru", "--write", str(labelled)]) == 0
    out = capsys.readouterr().out
    assert "changes: fact=" in out and "fewer questions right with them: not written" in out
    assert (real_copy / "calibration.yaml").read_text(encoding="utf-8") == before


def test_calibrate_an_unknown_language_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    """A language the knowledge base lacks gets one clear line and exit status 1."""
    labelled = ROOT / "tests" / "data" / "questions_ru.yaml"
    assert main(["calibrate", "--language", "xx", str(labelled)]) == 1
    assert "unknown language 'xx'" in capsys.readouterr().err


def test_calibrate_weights_fits_and_writes_the_ranking_weights(
    tiny_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch
) -> None:
    """`calibrate --weights --write` reports how many expected facts the fitted weights rank
    first and saves them beside the thresholds."""
    monkeypatch.setenv("KNOWLEDGE_DIR", str(tiny_dir))
    labelled = tmp_path / "set.yaml"
    labelled.write_text('- {q: "how much did trade grow?", expect: growth}\n', encoding="utf-8")
    assert main(["calibrate", "--weights", "--write", str(labelled)]) == 0
    out = capsys.readouterr().out
    assert "expected fact ranked first: now 1, fitted 1" in out
    text = (tiny_dir / "calibration.yaml").read_text(encoding="utf-8")
    assert "phrase_weight:" in text and "bm25_weight:" in text and "query_weight:" in text


def test_calibrate_weights_with_a_language_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    """The weights are the whole knowledge base's: asked with one language, one clear line."""
    labelled = ROOT / "tests" / "data" / "questions_ru.yaml"
    assert main(["calibrate", "--weights", "--language", "ru", str(labelled)]) == 1
    assert "leave out --language" in capsys.readouterr().err


def test_ask_is_stateless_without_a_session(capsys: pytest.CaptureFixture[str]) -> None:
    """Two `ask` calls without --session do not continue each other."""
    assert main(["ask", "What new transport routes are planned?"]) == 0
    capsys.readouterr()
    assert main(["ask", "when was that?"]) == 0
    assert "July 31" not in capsys.readouterr().out


def test_ask_with_a_session_follows_up(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    """With --session FILE, a later call continues the answer of an earlier one; the file
    holds fact ids, not the questions."""
    session = tmp_path / "session.json"
    assert main(["ask", "--session", str(session), "What new transport routes are planned?"]) == 0
    capsys.readouterr()
    assert main(["ask", "--session", str(session), "when was that?"]) == 0
    assert "Putin announced" in capsys.readouterr().out
    kept = session.read_text(encoding="utf-8")
    assert json.loads(kept)["given"] == ["announcement"]
    assert "when" not in kept


def test_ask_with_a_broken_session_still_answers(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """A session file that is not a session is a fresh conversation, and is rewritten."""
    session = tmp_path / "session.json"
    session.write_text("{not json", encoding="utf-8")
    assert main(["ask", "--session", str(session), "How much did trade grow?"]) == 0
    assert "66 percent" in capsys.readouterr().out
    assert json.loads(session.read_text(encoding="utf-8"))["given"] == ["trade_growth"]


def test_ask_help_says_how_to_follow_up(capsys: pytest.CaptureFixture[str]) -> None:
    """`ask --help` says that it is stateless unless given a session file."""
    with pytest.raises(SystemExit):
        main(["ask", "--help"])
    assert "--session FILE" in " ".join(capsys.readouterr().out.split())
