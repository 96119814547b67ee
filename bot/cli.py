"""The command line: run the bot, ask questions, check the knowledge base."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from bot import signals
from bot.config import REPORT_DAYS, Settings, load_settings
from bot.console import run_console
from bot.engine import Context, Engine, Weights
from bot.knowledge import KnowledgeError
from bot.ops.engine_cache import load_engine
from bot.replies import Composer, json_object, plain_text

log = logging.getLogger(__name__)


def configure_logging(level: str) -> None:
    """Configure logging once for the process; keep the token-bearing httpx URLs out."""
    logging.basicConfig(
        level=getattr(logging, level, logging.INFO),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for `python -m bot`."""
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="Answers questions about one VNA article on Laos–Russia trade and cooperation.",
    )
    parser.add_argument(
        "--webhook",
        action="store_true",
        help="run behind a webhook (WEBHOOK_URL, PORT) instead of polling",
    )
    commands = parser.add_subparsers(dest="command")
    ask = commands.add_parser(
        "ask", help="print the answer to a question",
        description="Print the answer to a question. Each call stands alone, and so does each "
                    "line of stdin, unless --session FILE is given: then a follow-up (\"when?\", "
                    "\"who announced it?\", \"tell me more\") continues the answers before it, "
                    "across lines and calls. The file keeps fact ids only, never the questions.",
    )
    ask.add_argument(
        "question", nargs="*", help="the question; none or '-' reads one per line from stdin"
    )
    ask.add_argument("--json", action="store_true", help="print one JSON object per question")
    ask.add_argument("--language", help="reply in this language (en, ru) whatever the question's")
    ask.add_argument("--session", type=Path, metavar="FILE",
                     help="keep the conversation in FILE (created if missing), so follow-ups "
                          "continue earlier answers; without it every question stands alone")
    check = commands.add_parser("check", help="validate the knowledge base")
    check.add_argument("--rules", action="store_true", help="also list every rule it enforces")
    commands.add_parser("chat", help="console chat on the engine, without Telegram")
    commands.add_parser("set-webhook", help="register WEBHOOK_URL with WEBHOOK_SECRET and the "
                        "command menus once, for workers started after it")
    report = commands.add_parser(
        "report", help="what people asked the bot: top facts, unanswered questions, declines"
    )
    report.add_argument("--json", action="store_true", help="print one JSON object")
    report.add_argument("--db", help="the question log: an SQLite file or a postgresql:// URL "
                        "(default: DATABASE_URL, else BOT_DB)")
    report.add_argument("--days", type=int, default=REPORT_DAYS,
                        help=f"only the last N days; 0 for all (default {REPORT_DAYS})")
    fit = commands.add_parser(
        "calibrate", help="fit the decision thresholds on labelled question sets"
    )
    fit.add_argument("files", nargs="+", type=Path, help="the question sets")
    fit.add_argument("--max-wrong", type=float, default=0.02,
                     help="largest share of wrong answers allowed (default 0.02)")
    fit.add_argument("--max-answered-out", type=float, default=0.02,
                     help="largest share of out-of-scope questions answered (default 0.02)")
    fit.add_argument("--language", help="fit one language's own thresholds, on its questions")
    fit.add_argument("--weights", action="store_true",
                     help="first fit the ranking's weights (the shares of phrasing, BM25 and "
                          "question coverage in a fact's score) on the sets, for the whole "
                          "knowledge base, then the thresholds with them; kept only when they "
                          "answer more questions right")
    fit.add_argument("--write", action="store_true",
                     help="save them as calibration.yaml in the knowledge directory")
    scores = commands.add_parser(
        "evaluate", help="score the bot on labelled question sets (YAML lists of {q, expect}, "
                         "{q, parts: [...]} for several questions in one message, and 'after' "
                         "for the questions asked before a follow-up)"
    )
    scores.add_argument("files", nargs="+", type=Path, help="the question sets")
    scores.add_argument(
        "--misses", action="store_true",
        help="also list the questions it got wrong (leave off to keep a blind set unseen)",
    )
    return parser


def _print_answer(engine: Engine, question: str, as_json: bool, language: str | None,
                  context: Context) -> Context:
    """Print the answer to one question; return the conversation's context after it."""
    decision = engine.decide(question, chosen=language, context=context)
    reply = Composer(engine.knowledge).compose(decision)
    if as_json:
        print(json.dumps(json_object(decision, reply), ensure_ascii=False), flush=True)
    else:
        print(plain_text(reply), flush=True)
    return context.told(decision)


def read_session(path: Path | None, engine: Engine) -> Context:
    """The conversation kept in a session file; a fresh one when there is no file, or it
    cannot be read (a broken session file costs the follow-up, never the answer)."""
    if path is None:
        return Context()
    try:
        return Context.from_json(json.loads(path.read_text(encoding="utf-8")), engine.knowledge)
    except (OSError, ValueError):
        return Context()


def write_session(path: Path | None, context: Context) -> None:
    """Keep the conversation in the session file (atomically); a failure is one line on
    stderr, never a lost answer."""
    if path is None:
        return
    try:
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_text(json.dumps(context.to_json()), encoding="utf-8")
        temporary.replace(path)
    except OSError as error:
        print(f"cannot write the session file {path}: {error}", file=sys.stderr)


def ask_command(engine: Engine, args: argparse.Namespace) -> int:
    """Answer the question on the command line, or each line of stdin; with a session file,
    in the conversation it keeps."""
    question = " ".join(args.question)
    context = read_session(args.session, engine)
    if args.question and question != "-":
        context = _print_answer(engine, question, args.json, args.language, context)
    else:
        for line in sys.stdin:
            line = line.rstrip("\n")
            if args.json or line.strip():
                context = _print_answer(engine, line, args.json, args.language, context)
    write_session(args.session, context)
    return 0


def check_command(engine: Engine, rules: bool = False) -> int:
    """Print a summary of the (already validated) knowledge base."""
    knowledge = engine.knowledge
    topics = Counter(fact.topic for fact in knowledge.facts)
    phrasings = {
        language: sum(len(fact.questions.get(language, ())) for fact in knowledge.facts)
        for language in knowledge.languages
    }
    print(f"OK: {len(knowledge.facts)} facts in {len(topics)} topics from {knowledge.directory}")
    misses = {
        language: sum(len(fact.not_in_article.get(language, ())) for fact in knowledge.facts)
        for language in knowledge.languages
    }
    print("phrasings: " + ", ".join(f"{lang} {count}" for lang, count in phrasings.items()))
    print("not in article: " + ", ".join(f"{lang} {count}" for lang, count in misses.items()))
    if rules:
        print("rules:")
        from bot.knowledge.loading import RULES  # validation is imported only to check

        for rule in RULES:
            print(f"- {rule}")
    return 0


def evaluate_command(engine: Engine, files: Sequence[Path], misses: bool) -> int:
    """Print in-scope accuracy, correct declines and small talk for each question set."""
    # Imported here, as in calibrate_command: other starts need none of it.
    from bot.ops.evaluation import LABELS, describe, evaluate, load_questions

    known = {*engine.knowledge.by_id, *LABELS}
    for path in files:
        try:
            questions = load_questions(path)
        except (OSError, ValueError) as error:
            print(f"{path}: cannot read the question set ({error})", file=sys.stderr)
            return 1
        unknown = sorted({label for item in questions for label in item.expected} - known)
        if unknown:
            print(f"{path}: unknown fact ids: {', '.join(unknown)}", file=sys.stderr)
            return 1
        result = evaluate(engine, questions)
        report = describe(result) if misses else describe(result, misses=())
        print(f"{path}: {report}", flush=True)
    return 0


def calibrate_command(engine: Engine, args: argparse.Namespace) -> int:
    """Fit the thresholds on labelled sets; print before and after; save them if asked."""
    # Imported by the commands that use them: every other start would pay for them.
    from bot.ops.calibration import (
        decided_right,
        outcome,
        ranked_questions,
        search,
        with_thresholds,
        write_calibration,
    )
    from bot.ops.evaluation import load_questions

    try:
        questions = [item for path in args.files for item in load_questions(path)]
    except (OSError, ValueError) as error:
        print(f"cannot read the question sets ({error})", file=sys.stderr)
        return 1
    language = args.language
    if language is not None and language not in engine.knowledge.languages:
        print(f"unknown language {language!r} (the knowledge base has "
              f"{', '.join(engine.knowledge.languages)})", file=sys.stderr)
        return 1
    if args.weights and language is not None:
        print("--weights fits the whole knowledge base: leave out --language", file=sys.stderr)
        return 1
    start = engine.thresholds_for(language) if language else engine.thresholds
    # Each engine ranks the questions once; the thresholds are searched over its ranking.
    ranked = ranked_questions(engine, questions, language)
    before = outcome(engine, ranked, start)
    after = None
    weights = None
    if args.weights:
        from bot.ops.weighting import fit_weights

        current = engine.ranker.weights

        def build(chosen: Weights) -> Engine:
            return engine if chosen == current else Engine(engine.knowledge, weights=chosen)

        weights, fitted, now = fit_weights(build, questions, current)
        print(f"expected fact ranked first: now {now}, fitted {fitted} (phrase_weight="
              f"{weights.phrase_weight:g}, bm25_weight={weights.bm25_weight:g}, "
              f"query_weight={weights.query_weight:g})")
        weighted = build(weights)
        after = search(weighted, ranked_questions(weighted, questions, language), start,
                       args.max_wrong, args.max_answered_out)
        if after.right < before.right:
            # Ranked first more often is not answered more often: the decision's thresholds
            # were fitted with the current weights' scores. Kept as they are.
            print("the fitted weights answer fewer questions right: the current ones are kept")
            weights, after = None, None
    if after is None:
        after = search(engine, ranked, start, args.max_wrong, args.max_answered_out)
    for label, result in (("now", before), ("calibrated", after)):
        print(f"{label}: right {result.right}/{result.in_scope}, wrong {result.wrong}, "
              f"out of scope answered {result.answered_out}/{result.out_of_scope}")
    changed = {name: value for name, value in asdict(after.thresholds).items()
               if value != getattr(before.thresholds, name)}
    print("changes: " + (", ".join(f"{k}={v:g}" for k, v in changed.items()) or "none"))
    if changed or weights is not None:
        # The search decides each question on its ranking alone; the whole engine also
        # reads follow-ups, several questions in one and claims, which the new thresholds
        # may decide differently.
        now, total = decided_right(engine, questions, language)
        fitted, _ = decided_right(with_thresholds(engine, after.thresholds, language, weights),
                                  questions, language)
        print(f"whole engine: right {now}/{total} now, {fitted}/{total} calibrated")
        if fitted < now:
            print("the whole engine decides fewer questions right with them: not written"
                  if args.write else "the whole engine decides fewer questions right with them")
            return 0
    if args.write:
        path = write_calibration(engine.knowledge.directory, after.thresholds, language,
                                 engine.thresholds, weights)
        print(f"written: {path}")
    return 0


def run_command(engine: Engine, settings: Settings, webhook: bool) -> int:
    """Start the Telegram bot when there is a token, else the console chat."""
    if settings.token:
        from bot.telegram.running import run_bot  # imported here: the console needs no Telegram

        return run_bot(engine, settings, webhook=webhook)
    signals.restore_defaults()
    return run_console(engine, sys.stdin, sys.stdout, sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line and run it; knowledge errors print one line each, no traceback."""
    args = build_parser().parse_args(argv)
    if args.command is not None:
        signals.restore_defaults()  # only the running bot holds signals during start-up
    settings = load_settings()
    configure_logging(settings.log_level)
    try:
        # `check` and `calibrate` read the files themselves; the rest may start from the cache.
        if args.command in {"check", "calibrate"}:
            from bot.knowledge import load_knowledge

            engine = Engine(load_knowledge(settings.knowledge_dir))
        else:
            engine = load_engine(settings.knowledge_dir)
    except KnowledgeError as error:
        for problem in error.problems:
            print(f"knowledge error: {problem}", file=sys.stderr)
        return 1
    try:
        if args.command == "ask":
            return ask_command(engine, args)
        if args.command == "check":
            return check_command(engine, args.rules)
        if args.command == "chat":
            return run_console(engine, sys.stdin, sys.stdout, sys.stderr)
        if args.command == "calibrate":
            return calibrate_command(engine, args)
        if args.command == "evaluate":
            return evaluate_command(engine, args.files, args.misses)
        if args.command == "report":
            from bot.ops.postgres import is_postgres
            from bot.ops.report import run_report  # SQLite and the log's schema: only here

            database = args.db or settings.database_url or settings.db_path
            return run_report(engine, database if is_postgres(database) else Path(database),
                              args.days, args.json)
        if args.command == "set-webhook":
            from bot.telegram.running import set_webhook_command  # Telegram only here

            return set_webhook_command(engine, settings)
        return run_command(engine, settings, args.webhook)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
