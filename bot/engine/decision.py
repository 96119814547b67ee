"""The decision: answer a fact, ask which one was meant, small talk, or decline."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any, Literal, TypeVar

from bot.knowledge import Fact, Knowledge

# "parts": several questions in one message, each decided (`parts`); "overview": what the
# article is about, as the knowledge base words it.
Kind = Literal["fact", "clarify", "smalltalk", "none", "parts", "overview"]
Reason = Literal["", "none", "empty", "too_long", "exhausted"]  # exhausted: no more to tell

# A frozen dataclass of tunable numbers: Thresholds or the ranking's Weights.
Settings = TypeVar("Settings", bound=Any)


@dataclass(frozen=True)
class Candidate:
    """A fact the engine considered, with its score (0-100)."""

    fact_id: str
    score: float
    coverage: float = 1.0
    not_in_article: bool = False  # closer to a question the article does not answer
    explained: float = 0.0  # share of the question's known, specific words the fact has


@dataclass(frozen=True)
class Decision:
    """What to reply to one question, before any wording: the kind, the facts involved and
    the reply language."""

    question: str
    kind: Kind
    language: str
    fact: Fact | None = None
    score: float = 0.0
    suggestions: tuple[str, ...] = ()  # fact ids to offer: related facts, candidates, hints
    candidates: tuple[Candidate, ...] = ()
    intent: str | None = None  # small talk: greeting, thanks, bye, help
    reason: Reason = ""  # a decline: nothing plausible, an empty or a too long message
    closest: Fact | None = None  # a declined near miss: the fact that says what is known
    parts: tuple[Decision, ...] = ()  # several questions: each one's decision, in order

    @property
    def fact_id(self) -> str | None:
        """The id of the answered fact, if any."""
        return self.fact.id if self.fact else None

    @property
    def given(self) -> tuple[str, ...]:
        """The facts this decision answers with, in order (several for several questions)."""
        if self.parts:
            return tuple(dict.fromkeys(fact for part in self.parts for fact in part.given))
        return (self.fact.id,) if self.fact is not None and self.kind == "fact" else ()

    @property
    def shown(self) -> tuple[str, ...]:
        """The facts whose answers the reply shows, in order: those it answers with and the
        one a lone "did you mean" shows with its answer."""
        if self.parts:
            return tuple(dict.fromkeys(fact for part in self.parts for fact in part.shown))
        return self.suggestions[:1] if self.offers_one else self.given

    @property
    def offers_one(self) -> bool:
        """Whether it is a "did you mean" with one fact, shown with that fact's answer."""
        return self.kind == "clarify" and len(self.suggestions) == 1

    @property
    def confident(self) -> bool:
        """Whether it answers: a fact, several answered questions, or the overview."""
        return self.kind in ("fact", "overview") or (
            self.kind == "parts" and all(part.confident for part in self.parts))


@dataclass(frozen=True)
class Asks:
    """What a question asks for beside its words: a number or a date, a name (the facts whose
    answers give one), or something beyond any fact ("in which city", "the next summit")."""

    number: bool = False
    named: frozenset[str] | None = None
    beyond: bool = False
    person: frozenset[str] | None = None  # asks "who": the facts whose answers give a name
    mention: bool = False  # asks whether something is mentioned at all
    reason: frozenset[str] | None = None  # asks "why": the facts whose answers give a reason
    country: frozenset[str] | None = None  # asks "which country": the facts naming one
    money: frozenset[str] | None = None  # asks "in dollars": the facts giving an amount
    article: frozenset[str] | None = None  # names the article: the facts giving its source
    # Asks with a question word only near misses of these facts ask with ("when", of the
    # routes): they do not say.
    unasked: frozenset[str] = frozenset()
    # Asks no "why": the facts nearly only asked why are not what it asks.
    unasked_why: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Thresholds:
    """When a match is good enough to answer, close enough to offer, or too close to call."""

    fact: float = 70.0
    clarify: float = 60.0
    margin: float = 2.0
    suggest: float = 35.0
    min_coverage: float = 0.7
    lone_coverage: float = 0.8
    lone_margin: float = 15.0
    window: float = 8.0
    # Below an answer, one fact is still worth offering ("Did you mean ...?") when it scores
    # this much and has this share of the question's known words: saying "the article does
    # not say" would be false far more often than the offer is unwanted.
    plausible: float = 55.0
    plausible_explained: float = 0.5
    # One fact far ahead of the rest that has nearly all of the question's known words is
    # the answer, whatever share of the question's words are unknown: people wrap questions
    # in words no fact has ("exactly", "suddenly", "for my report"). Not when an unknown
    # word is what is asked for ("in which city", "the next summit").
    alone_explained: float = 0.9
    # Further ahead still, it need have fewer of them: the words it lacks point nowhere else.
    far_margin: float = 30.0
    far_explained: float = 0.65
    # "Is X mentioned?" of close facts that all may say X: the best, when it has this share
    # of the question's known words, says it, and that is the answer.
    mention_explained: float = 0.9


def overriding(defaults: Settings, values: Mapping[str, float]) -> Settings:
    """The defaults with the values named after their fields (each of the field's type);
    other names are ignored, so that a calibration file holding thresholds and weights, or
    an older one, never stops the bot."""
    chosen: dict[str, Any] = {item.name: type(getattr(defaults, item.name))(values[item.name])
                              for item in fields(defaults) if item.name in values}
    return replace(defaults, **chosen)


def calibrated(values: Mapping[str, float]) -> Thresholds:
    """The default thresholds with a knowledge base's calibrated values."""
    return overriding(Thresholds(), values)


def chosen_fact(fact: Fact) -> Decision:
    """The decision for a fact picked by button rather than by question."""
    return answering("", "", fact, 100.0)


def answering(question: str, language: str, fact: Fact, score: float,
              candidates: tuple[Candidate, ...] = ()) -> Decision:
    """The decision answering a question with one fact, its related facts as buttons."""
    return Decision(question, "fact", language, fact=fact, score=score,
                    suggestions=fact.related, candidates=candidates)


def not_said(question: str, language: str, closest: Fact, score: float = 0.0,
             candidates: tuple[Candidate, ...] = ()) -> Decision:
    """The decision saying the article does not answer the question, and what `closest`
    says instead (a near miss)."""
    return Decision(question, "none", language, score=score, suggestions=closest.related,
                    candidates=candidates, reason="none", closest=closest)


def decline(
    question: str,
    language: str,
    knowledge: Knowledge,
    reason: Reason = "none",
    top: tuple[Candidate, ...] = (),
    score: float = 0.0,
    suggest: float = Thresholds.suggest,
) -> Decision:
    """Decline, with the closest (or else the first) facts as suggestions."""
    hints = [c.fact_id for c in top if c.score >= suggest]
    if not hints:
        hints = [fact.id for fact in knowledge.facts[:3]]
    return Decision(question, "none", language, score=score, suggestions=tuple(hints),
                    candidates=top, reason=reason)


def gives_number(knowledge: Knowledge, fact_id: str) -> bool:
    """Whether the fact's answer has a number or a date (read in the first language)."""
    return any(char.isdigit() for char in knowledge.by_id[fact_id].answer_in(
        knowledge.languages[0]))


def _single(candidates: list[Candidate], facts: frozenset[str] | None) -> Candidate | None:
    """The one candidate of these facts (those giving the kind of answer asked for), when
    exactly one is; None when the question asks for no such kind."""
    fitting = [c for c in candidates if facts is not None and c.fact_id in facts]
    return fitting[0] if len(fitting) == 1 else None


def _explains(best: Candidate, runner_up: float, limits: Thresholds) -> bool:
    """Whether the best candidate has enough of the question's known words for how far it
    is ahead: nearly all at the lone margin, two thirds at the far one."""
    return _alone_ahead(best, runner_up, limits) or (
        best.score - runner_up >= limits.far_margin and best.explained >= limits.far_explained)


def _alone_ahead(best: Candidate, runner_up: float, limits: Thresholds) -> bool:
    """Whether the best candidate is the lone margin ahead with nearly all of the question's
    known words."""
    return (best.score - runner_up >= limits.lone_margin
            and best.explained >= limits.alone_explained)


def decide(
    question: str,
    language: str,
    ranked: list[Candidate],
    knowledge: Knowledge,
    limits: Thresholds,
    asks: Asks = Asks(),
) -> Decision:
    """Turn ranked candidates into a decision. A question asking for a number or a date is
    answered only by a fact whose answer has one, one asking for a name only by a fact that
    gives one, and one asking beyond any fact never on the rest of its words alone."""
    top = tuple(ranked[:3])
    if not ranked:
        return decline(question, language, knowledge, suggest=limits.suggest)
    best = ranked[0]
    runner_up = ranked[1].score if len(ranked) > 1 else 0.0
    clear = best.score - runner_up >= limits.margin and best.coverage >= limits.min_coverage
    lone = (
        best.coverage >= limits.lone_coverage
        and best.score >= limits.clarify
        and best.score - runner_up >= limits.lone_margin
    ) or (not asks.beyond and best.score >= limits.fact and _explains(best, runner_up, limits)
          ) or (asks.mention and not asks.beyond and best.score >= limits.plausible
                and _alone_ahead(best, runner_up, limits))
    missed = next(
        (
            c
            for c in top
            if c.not_in_article
            and c.score >= limits.suggest
            and best.score - c.score <= limits.window
        ),
        None,
    )
    if missed is None and asks.number and best.score >= limits.plausible \
            and not gives_number(knowledge, best.fact_id):
        # "How long is the railway?" of a fact that says only where it runs: the article
        # does not say; what it does say is still worth showing.
        missed = best
    if missed is None and asks.named is not None and best.score >= limits.plausible \
            and best.fact_id not in asks.named:
        # "What are the companies called?" of a fact that says only that Russian companies
        # mine there: the article does not say; what it does say is still worth showing.
        missed = best
    if missed is None and asks.money is not None and best.score >= limits.plausible \
            and best.fact_id not in asks.money:
        # "How much is trade worth in dollars?" of a fact that gives only percentages: the
        # article does not say; what it does say is still worth showing.
        missed = best
    if missed is None and best.fact_id in asks.unasked and best.score >= limits.plausible:
        # "When will the railway open?" of the routes, which the knowledge base knows are
        # asked "when" only in questions the article does not answer: it does not say.
        missed = best
    if missed is not None:
        # A close candidate is nearer to a question the article is known not to answer
        # than to any question it does answer.
        return not_said(question, language, knowledge.by_id[missed.fact_id], best.score, top)
    if (clear and best.score >= limits.fact) or lone:
        return answering(question, language, knowledge.by_id[best.fact_id], best.score, top)
    close = [c for c in top if c.score >= limits.clarify and best.score - c.score <= limits.window]
    if len(close) < 2 and not best.not_in_article and (
        best.score >= limits.plausible and best.explained >= limits.plausible_explained
    ):
        close = [best]
    near = [c for c in top if best.score - c.score <= limits.window]
    # "Why is Russia adding new routes?", "through which country will the railway run?": of
    # the facts it may mean, the one giving a reason, or naming a country, is the one asked
    # about; the details the article does not give are asked with "which port" and "how
    # much", not "why" or "which country". Not when two facts near it give one. So is the
    # one giving the article's source of a question asking the article's date or publisher
    # ("статья от какого числа": the source, not the announcement's July 31).
    for giving in (asks.reason, asks.country, asks.article):
        fitting = _single(near, giving)
        if fitting is not None and (fitting in close or fitting.score >= limits.plausible):
            return answering(question, language, knowledge.by_id[fitting.fact_id],
                             fitting.score, top)
    unreasoned = [c for c in close if c.fact_id not in asks.unasked_why]
    if len(close) > 1 and unreasoned == [best] and best.score >= limits.fact \
            and best.coverage >= limits.min_coverage:
        # "Any train stuff? Rail link?" between the routes and the reason for them: a fact
        # nearly only asked "why" is not what a question asking no reason asks about.
        return answering(question, language, knowledge.by_id[unreasoned[0].fact_id],
                         unreasoned[0].score, top)
    counted = _single(near, frozenset(c.fact_id for c in near if gives_number(
        knowledge, c.fact_id)) if asks.number else None)
    if len(close) > 1 and counted is not None and counted in close:
        # "The source and date of the article?" between the agency and the photo's credit:
        # the one giving a number is the one asked about. Not of one fact alone: a number
        # the article does not give is asked just so ("how much in dollars").
        return answering(question, language, knowledge.by_id[counted.fact_id], counted.score,
                         top)
    naming = _single(close, asks.person)
    if len(close) > 1 and naming is not None \
            and naming.explained >= limits.plausible_explained:
        # "Who announced the expansion of sea transport?" between the announcement and the
        # reason for the expansion: the one giving a name is the one asked about.
        return answering(question, language, knowledge.by_id[naming.fact_id], naming.score,
                         top)
    if asks.mention and len(close) > 1 and best.explained >= limits.mention_explained:
        # "Is nuclear mentioned?" between the interest in nuclear technology and the nuclear
        # road map: both mention it, so the best one answers.
        return answering(question, language, knowledge.by_id[best.fact_id], best.score, top)
    if close:  # best first: a lone fact is offered alone
        return Decision(question, "clarify", language, score=best.score,
                        suggestions=tuple(c.fact_id for c in close), candidates=top)
    return decline(question, language, knowledge, top=top, score=best.score,
                   suggest=limits.suggest)
