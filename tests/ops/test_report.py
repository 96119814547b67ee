"""Tests for `python -m bot report` on a prepared log of a few hundred questions."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from servers import fresh_database

from bot.engine import Engine
from bot.ops.question_log import QuestionLog
from bot.ops.question_records import QuestionRecord
from bot.ops.report import build_report, read_questions, render_text, run_report

ROOT = Path(__file__).resolve().parents[2]
DAY_A, DAY_B, DAY_C = "2025-08-10", "2025-08-11", "2025-08-12"
WEATHER = ["what is the weather in vientiane"] * 8 + ["weather in vientiane today"] * 5 \
    + ["vientiane weather?"] * 4
FOOTBALL = ["football results"] * 5 + ["latest football results"] * 2 \
    + ["football results today"] * 2
TOURISTS = ["how many tourists visited laos"] * 7 + ["how many tourists visit laos each year"] * 5
WEATHER_RU = ["какая погода во вьентьяне"] * 5 + ["погода во вьентьяне сегодня"] * 3
ONE_OFFS = ["who will win the election", "best restaurants in moscow", "price of rice in thailand",
            "bitcoin price", "tell me a joke", "capital of france", "recipe for pho",
            "how old is the king", "train tickets to hanoi", "stock market news"]
OLD_TRADE = ["how much did laos russia trade grow last year"] * 3  # declined by an older base
NUCLEAR = ["nuclear"] * 6 + ["nuclear energy"] * 4

# (day, question, language, kind, fact) blocks: day A declines 20 of 140, day B 21 of 101,
# day C 18 of 51 (plus 13 clarify questions).
PLAN: list[tuple[str, list[str], str, str, str | None]] = [
    (DAY_A, [TRADE := "How much did trade between Laos and Russia grow?"] * 120, "en", "fact",
     "trade_growth"),
    (DAY_A, WEATHER, "en", "none", None),
    (DAY_A, OLD_TRADE, "en", "none", None),
    (DAY_B, ["Which new routes?"] * 50, "en", "fact", "new_routes"),
    (DAY_B, ["What does Laos export to Russia?"] * 30, "en", "fact", "agri_exports"),
    (DAY_B, FOOTBALL, "en", "none", None),
    (DAY_B, TOURISTS, "en", "none", None),
    (DAY_C, ["hello"] * 20, "en", "smalltalk", None),
    (DAY_C, WEATHER_RU, "ru", "none", None),
    (DAY_C, ONE_OFFS, "en", "none", None),
    (DAY_C, NUCLEAR, "en", "clarify", None),
    (DAY_C, ["russia laos"] * 3, "en", "clarify", None),
]
EXPECTED_DAYS = [(DAY_A, 140, 20, 0), (DAY_B, 101, 21, 0), (DAY_C, 51, 18, 13)]


def prepare(path: Path | str) -> Path | str:
    """Write the plan's 292 questions over three days with the real QuestionLog."""
    question_log = QuestionLog(path, retention_days=0)
    for day, questions, language, kind, fact in PLAN:
        for number, question in enumerate(questions):
            asked = f"{day}T{8 + number % 12:02d}:{number % 60:02d}:00+00:00"
            score = 90.0 if fact else 40.0
            question_log.record(QuestionRecord(asked, "private", language, question, kind, fact,
                                               score, fact, score if fact else None))
    question_log.close()
    return path


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def prepared_log(request: pytest.FixtureRequest,
                 tmp_path_factory: pytest.TempPathFactory) -> Path | str:
    """The prepared question log in an SQLite file, then in a PostgreSQL database."""
    if request.param == "sqlite":
        return prepare(tmp_path_factory.mktemp("report") / "questions.sqlite3")
    return prepare(fresh_database(request.getfixturevalue("postgres_url"), "report"))


def test_both_backends_give_the_same_report(
    tmp_path: Path, postgres_url: str, engine: Engine
) -> None:
    """The same questions logged to SQLite and to PostgreSQL give the same report, line for
    line but the database's name."""
    now = datetime(2025, 8, 13, tzinfo=UTC)
    reports = []
    for target in (tmp_path / "q.sqlite3", fresh_database(postgres_url, "same_report")):
        report = build_report(read_questions(prepare(target)), engine, now=now)
        reports.append(render_text(report))
    assert reports[0] == reports[1]
    assert "292 questions" in reports[0]


def test_report_counts_facts_and_declines_per_day(prepared_log: Path | str, engine: Engine) -> None:
    """The report reads every row, ranks the most asked facts with their display question and
    gives the decline rate of each UTC day."""
    report = build_report(read_questions(prepared_log), engine)
    assert report.rows == 292
    assert report.kinds == {"clarify": 13, "fact": 200, "none": 59, "smalltalk": 20}
    assert [(item.fact_id, item.count) for item in report.top_facts] == [
        ("trade_growth", 120), ("new_routes", 50), ("agri_exports", 30)]
    assert report.top_facts[0].question == TRADE
    assert [(d.day, d.questions, d.declined, d.clarified) for d in report.days] == EXPECTED_DAYS
    assert [round(d.decline_rate, 3) for d in report.days] == [0.143, 0.208, 0.353]


def test_report_groups_unanswered_questions(prepared_log: Path | str, engine: Engine) -> None:
    """Unanswered questions are grouped by similarity, per language, largest group first; one-off
    questions stay alone; each group names the closest fact by the current knowledge."""
    report = build_report(read_questions(prepared_log), engine, groups=100)
    groups = {group.representative: group for group in report.unanswered}
    assert [(g.representative, g.count) for g in report.unanswered[:4]] == [
        ("what is the weather in vientiane", 17), ("how many tourists visited laos", 12),
        ("football results", 9), ("какая погода во вьентьяне", 8)]
    assert set(groups["what is the weather in vientiane"].examples) == set(WEATHER)
    assert groups["какая погода во вьентьяне"].language == "ru"
    assert sum(group.count for group in report.unanswered) == 59
    assert {question for question in ONE_OFFS if question in groups} == set(ONE_OFFS)
    trade = groups[OLD_TRADE[0]]
    assert trade.closest_fact == "trade_growth" and trade.closest_question == TRADE
    for group in report.unanswered:
        assert group.closest_fact is None or group.closest_fact in engine.knowledge.by_id


def test_report_groups_clarify_questions(prepared_log: Path | str, engine: Engine) -> None:
    """Questions that needed a clarification are grouped the same way, with the closest fact."""
    report = build_report(read_questions(prepared_log), engine)
    assert [(g.representative, g.count) for g in report.clarify] == [
        ("nuclear", 10), ("russia laos", 3)]
    # The closest fact is the current engine's best candidate for "nuclear": the interest in
    # nuclear technology, a little ahead of the road map, so the group names it and only it.
    assert report.clarify[0].closest_fact == "nuclear_interest"


def test_days_limit_the_rows(prepared_log: Path | str) -> None:
    """Only questions asked since the given moment are read."""
    rows = read_questions(prepared_log, since=datetime(2025, 8, 11, tzinfo=UTC))
    assert len(rows) == 101 + 51
    assert min(row.asked_at for row in rows).startswith(DAY_B)


def test_text_report_and_summary_line(prepared_log: Path | str, engine: Engine) -> None:
    """The text report has every section; the summary line (rows, time) goes to stderr."""
    out, err = io.StringIO(), io.StringIO()
    assert run_report(engine, prepared_log, days=0, stdout=out, stderr=err) == 0
    text = out.getvalue()
    for heading in ("Most asked facts:", "Unanswered questions, grouped", "closest fact:",
                    "needed a clarification", "Decline rate per day (UTC):"):
        assert heading in text
    assert f"  {DAY_B}    101 questions     21 declined   20.8%" in text
    assert err.getvalue().startswith("report: 292 rows processed in ")
    render = render_text(build_report([], engine))
    assert "0 questions" in render and "(none)" in render


def test_missing_log_is_one_clear_line(tmp_path: Path, engine: Engine) -> None:
    """A missing question log exits 1 with one line naming the path."""
    out, err = io.StringIO(), io.StringIO()
    assert run_report(engine, tmp_path / "none.sqlite3", stdout=out, stderr=err) == 1
    assert err.getvalue().count("\n") == 1 and "none.sqlite3" in err.getvalue()


def test_python_m_bot_report_json(prepared_log: Path | str) -> None:
    """`python -m bot report --json --db PATH --days 0` prints one JSON object for tools."""
    environment = {k: v for k, v in os.environ.items() if k not in {"KNOWLEDGE_DIR", "BOT_DB"}}
    environment["PYTHONPATH"] = str(ROOT)
    result = subprocess.run(
        [sys.executable, "-m", "bot", "report", "--json", "--db", str(prepared_log), "--days",
         "0"], capture_output=True, text=True, env=environment, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["rows"] == 292
    assert report["top_facts"][0] == {"fact_id": "trade_growth", "count": 120, "question": TRADE}
    assert report["unanswered"][0]["representative"] == "what is the weather in vientiane"
    assert [day["decline_rate"] for day in report["days"]] == [0.1429, 0.2079, 0.3529]
    assert "report: 292 rows processed" in result.stderr


def test_python_m_bot_report_reads_database_url(prepared_log: Path | str) -> None:
    """Without --db, `report` reads DATABASE_URL when it is set (else BOT_DB)."""
    environment = {k: v for k, v in os.environ.items()
                   if k not in {"KNOWLEDGE_DIR", "BOT_DB", "DATABASE_URL"}}
    environment["PYTHONPATH"] = str(ROOT)
    if isinstance(prepared_log, str):
        environment["DATABASE_URL"] = prepared_log
    else:
        environment["BOT_DB"] = str(prepared_log)
    result = subprocess.run(
        [sys.executable, "-m", "bot", "report", "--json", "--days", "0"],
        capture_output=True, text=True, env=environment, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["rows"] == 292 and report["database"] == str(prepared_log)
