"""Reports on the question log: most asked facts, unanswered questions grouped, decline rates."""

from __future__ import annotations

import json
import sqlite3
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TextIO

from bot.config import REPORT_DAYS
from bot.engine import Engine
from bot.ops.postgres import PostgresConnection, PostgresError, is_postgres, redact
from bot.ops.question_groups import GROUP_CUTOFF, Normaliser, group_questions
from bot.ops.question_records import COLUMNS, QuestionRecord, iso, utc_now
from bot.replies.wording import Wording

DEFAULT_DAYS = REPORT_DAYS
EXAMPLES_PER_GROUP = 5
TOP_FACTS = 10
TOP_GROUPS = 20


class ReportError(Exception):
    """The question log cannot be read."""


@dataclass(frozen=True)
class FactCount:
    """How often a fact was the answer."""

    fact_id: str
    count: int
    question: str


@dataclass(frozen=True)
class QuestionGroup:
    """Similar questions the bot could not answer (or had to clarify), with the closest fact."""

    representative: str
    count: int
    language: str
    examples: tuple[str, ...]
    closest_fact: str | None = None
    closest_question: str | None = None
    closest_score: float | None = None


@dataclass(frozen=True)
class DayRate:
    """One UTC day: how many questions, how many declined (kind none) or clarified."""

    day: str
    questions: int
    declined: int
    clarified: int

    @property
    def decline_rate(self) -> float:
        """Declined questions as a share of the day's questions."""
        return self.declined / self.questions if self.questions else 0.0


@dataclass(frozen=True)
class Report:
    """Everything `python -m bot report` shows."""

    database: str
    since: str | None
    until: str
    rows: int
    kinds: dict[str, int]
    top_facts: tuple[FactCount, ...]
    unanswered: tuple[QuestionGroup, ...]
    clarify: tuple[QuestionGroup, ...]
    days: tuple[DayRate, ...]
    seconds: float = field(default=0.0, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The report as one JSON-ready object."""
        return {
            "database": self.database,
            "since": self.since,
            "until": self.until,
            "rows": self.rows,
            "kinds": self.kinds,
            "top_facts": [asdict(item) for item in self.top_facts],
            "unanswered": [_group_dict(group) for group in self.unanswered],
            "clarify": [_group_dict(group) for group in self.clarify],
            "days": [{**asdict(day), "decline_rate": round(day.decline_rate, 4)}
                     for day in self.days],
            "seconds": round(self.seconds, 3),
        }


def _group_dict(group: QuestionGroup) -> dict[str, Any]:
    item = asdict(group)
    item["examples"] = list(group.examples)
    return item


# --------------------------------------------------------------------------- reading
def read_questions(path: Path | str, since: datetime | None = None) -> list[QuestionRecord]:
    """The logged questions asked at or after `since` (all of them without), oldest first,
    from the SQLite file at `path` or the PostgreSQL database it names."""
    query = f"SELECT {', '.join(COLUMNS)} FROM questions"  # noqa: S608 - fixed column names
    parameters: tuple[str, ...] = ()
    if since is not None:
        query += " WHERE asked_at >= ?"
        parameters = (iso(since),)
    query += " ORDER BY asked_at, id"
    if is_postgres(path):
        try:
            connection = PostgresConnection(path, read_only=True)
            try:
                rows = connection.execute(query, parameters).fetchall()
            finally:
                connection.close()
        except PostgresError as error:
            raise ReportError(f"cannot read the question log: {error}") from error
        return [QuestionRecord(*row) for row in rows]
    path = Path(path)
    if not path.is_file():
        raise ReportError(f"no question log at {path} (set BOT_DB or pass --db)")
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        connection_ = sqlite3.connect(uri, uri=True, timeout=5.0)
        try:
            rows = connection_.execute(query, parameters).fetchall()
        finally:
            connection_.close()
    except sqlite3.Error as error:
        raise ReportError(f"cannot read the question log {path}: {error}") from error
    return [QuestionRecord(*row) for row in rows]


# --------------------------------------------------------------------------- grouping
def _count_of(rows: Sequence[QuestionRecord]) -> Counter[str]:
    return Counter(" ".join(row.question.split()) for row in rows)


def describe_groups(
    rows: Sequence[QuestionRecord], engine: Engine, limit: int = TOP_GROUPS,
    cutoff: float = GROUP_CUTOFF,
) -> tuple[QuestionGroup, ...]:
    """Group the rows' questions and find the closest fact to each group's representative (by
    the current engine; none when even the best candidate is below the suggestion threshold)."""
    normalise = Normaliser(engine)
    counts = _count_of(rows)
    grouped = group_questions(((row.question, row.language) for row in rows), normalise, cutoff)
    described: list[QuestionGroup] = []
    for representative, language, members in grouped[:limit]:
        answer = engine.decide(representative, language_hint=language)
        best = answer.candidates[0] if answer.candidates else None
        if best is not None and best.score < engine.thresholds.suggest:
            best = None  # too far to be worth an editor's look
        fact = engine.knowledge.by_id.get(best.fact_id) if best else None
        described.append(QuestionGroup(
            representative=representative,
            count=sum(counts[member] for member in members),
            language=language,
            examples=tuple(members[:EXAMPLES_PER_GROUP]),
            closest_fact=fact.id if fact else None,
            closest_question=Wording(engine.knowledge).question(fact, language) if fact else None,
            closest_score=round(best.score, 1) if best and fact else None,
        ))
    return tuple(described)


# --------------------------------------------------------------------------- the report
def build_report(
    rows: Sequence[QuestionRecord], engine: Engine, *, database: str = "",
    since: datetime | None = None, now: datetime | None = None, top: int = TOP_FACTS,
    groups: int = TOP_GROUPS, cutoff: float = GROUP_CUTOFF,
) -> Report:
    """Summarise logged questions: top facts, grouped unanswered and clarify questions, and
    the decline rate per UTC day."""
    started = time.perf_counter()
    kinds = Counter(row.kind for row in rows)
    facts = Counter(row.fact_id for row in rows if row.kind == "fact" and row.fact_id)
    by_id = engine.knowledge.by_id
    language = "en" if "en" in engine.knowledge.languages else engine.knowledge.languages[0]
    top_facts = tuple(
        FactCount(fact_id, count,
                  Wording(engine.knowledge).question(by_id[fact_id], language) if fact_id in by_id
                  else "(no longer in the knowledge base)")
        for fact_id, count in facts.most_common(top)
    )
    per_day: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        per_day[row.asked_at[:10]][row.kind] += 1
    days = tuple(
        DayRate(day, sum(counter.values()), counter["none"], counter["clarify"])
        for day, counter in sorted(per_day.items())
    )
    unanswered = describe_groups([row for row in rows if row.kind == "none"], engine, groups,
                                 cutoff)
    clarify = describe_groups([row for row in rows if row.kind == "clarify"], engine, groups,
                              cutoff)
    return Report(
        database=database,
        since=iso(since) if since else None,
        until=iso(now or utc_now()),
        rows=len(rows),
        kinds=dict(sorted(kinds.items())),
        top_facts=top_facts,
        unanswered=unanswered,
        clarify=clarify,
        days=days,
        seconds=time.perf_counter() - started,
    )


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def _render_groups(title: str, groups: Sequence[QuestionGroup]) -> list[str]:
    lines = [title]
    if not groups:
        return [*lines, "  (none)", ""]
    for group in groups:
        lines.append(f"  {group.count:5d}  \"{group.representative}\"  [{group.language}]")
        others = [example for example in group.examples if example != group.representative]
        if others:
            lines.append("         also: " + "; ".join(f'"{example}"' for example in others))
        if group.closest_fact:
            lines.append(f"         closest fact: {group.closest_fact} "
                         f"\"{group.closest_question}\" (score {group.closest_score:.0f})")
        else:
            lines.append("         closest fact: none")
    return [*lines, ""]


def render_text(report: Report) -> str:
    """The report as plain text for an editor."""
    period = f"since {report.since}" if report.since else "all time"
    total = report.rows
    kinds = report.kinds
    lines = [
        f"Question log {report.database}: {total} questions, {period} (until {report.until})",
        "  " + ", ".join(f"{kind} {count} ({_percent(count, total)})"
                         for kind, count in kinds.items()) if kinds else "  no questions",
        "",
        "Most asked facts:",
    ]
    if report.top_facts:
        width = max(len(item.fact_id) for item in report.top_facts)
        lines += [f"  {item.count:5d}  {item.fact_id:<{width}}  {item.question}"
                  for item in report.top_facts]
    else:
        lines.append("  (none)")
    lines.append("")
    lines += _render_groups("Unanswered questions, grouped (add good ones as phrasings of the "
                            "closest fact, or as new facts):", report.unanswered)
    lines += _render_groups("Questions that needed a clarification, grouped:", report.clarify)
    lines.append("Decline rate per day (UTC):")
    if report.days:
        lines += [f"  {day.day}  {day.questions:5d} questions  {day.declined:5d} declined  "
                  f"{100 * day.decline_rate:5.1f}%  ({day.clarified} clarified)"
                  for day in report.days]
    else:
        lines.append("  (none)")
    return "\n".join(lines)


def run_report(
    engine: Engine, database: Path | str, days: int = DEFAULT_DAYS, as_json: bool = False,
    stdout: TextIO = sys.stdout, stderr: TextIO = sys.stderr,
) -> int:
    """`python -m bot report`: print the report; a summary line (rows, time) goes to stderr."""
    started = time.perf_counter()
    now = utc_now()
    since = now - timedelta(days=days) if days > 0 else None
    try:
        rows = read_questions(database, since)
    except ReportError as error:
        print(f"error: {error}", file=stderr)
        return 1
    name = redact(database) if is_postgres(database) else str(database)
    report = build_report(rows, engine, database=name, since=since, now=now)
    if as_json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2), file=stdout)
    else:
        print(render_text(report), file=stdout)
    print(f"report: {report.rows} rows processed in {time.perf_counter() - started:.2f} s",
          file=stderr)
    return 0
