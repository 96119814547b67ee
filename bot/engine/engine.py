"""The engine's façade: build the indexes once, then turn each question into a decision."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import partial

from bot.engine import semantic
from bot.engine.beyond import asks_beyond
from bot.engine.claims import checked, checks_claim, offered_alone
from bot.engine.conversation import converse
from bot.engine.cue_reading import phrases, plain_words, unspaced
from bot.engine.cues import (
    after_more,
    after_opening,
    around_overview,
    asking_words,
    asks_again,
    asks_itself,
    asks_more,
    asks_other,
    asks_overview,
    leans_back,
    narrows_back,
    refers_back,
    refers_to_thing,
    without_article,
    without_others,
)
from bot.engine.dating import dated, source_year
from bot.engine.decision import (
    Asks,
    Candidate,
    Decision,
    Thresholds,
    answering,
    calibrated,
    decide,
    decline,
    gives_number,
    not_said,
)
from bot.engine.exclusion import besides, set_aside
from bot.engine.focus import (
    alternatives,
    before_frame,
    focus,
    in_preamble,
    relative_clause,
    sentences_of,
)
from bot.engine.followup import Context, neighbourhood, next_facts
from bot.engine.index import Index, Indexes, build_index
from bot.engine.kinds import asks_kind_before, asks_within
from bot.engine.language import question_language, reply_language
from bot.engine.members import kin_fact
from bot.engine.naming import asks_kind, named_facts, placed_facts
from bot.engine.persons import counterpart, described, teller
from bot.engine.pieces import asks_only_what, names_own, remarks, unknown_word
from bot.engine.reading import words
from bot.engine.reasons import reason_facts
from bot.engine.retrieval import Weights, weighted
from bot.engine.scoring import (
    missing_names,
    rank,
    required_names,
    with_meaning,
    without_missing,
)
from bot.engine.smalltalk import detect_smalltalk, strip_greeting
from bot.engine.splitting import asks_alone
from bot.engine.topics import named_topic
from bot.engine.typos import (
    gives_numbers,
    has_unknown,
    knows,
    missing_words,
    names_known,
    names_missing,
)
from bot.engine.warming import rehearse, warm
from bot.knowledge import Fact, Knowledge

MAX_QUESTION_CHARS = 500
# "@SomeBot how much ..." names a bot, not a subject; e-mail addresses keep their "@".
_MENTION = re.compile(r"(?<!\w)@\w+")
_SHORT = 3  # words: a message this short may be a cue in another language than its own
TOPIC_FACTS = 3  # facts given for "a summary of <topic>": the best, then others of its topic
# Rankings remembered: one message is ranked again as it is read different ways (on its own,
# leaning on the last answer, asking for another fact), a few messages back never.
_RANKINGS = 16


class Engine:
    """Decides the reply to questions about one knowledge base; build once, ask many times."""

    def __init__(
        self,
        knowledge: Knowledge,
        thresholds: Thresholds | None = None,
        weights: Weights | None = None,
    ) -> None:
        self.knowledge = knowledge
        self.thresholds = thresholds or calibrated(knowledge.calibration)
        # A language's own calibration, over the knowledge base's (unless thresholds are given).
        self._thresholds = {
            language: calibrated({**knowledge.calibration, **own}) if thresholds is None
            else thresholds
            for language, own in knowledge.language_calibration.items()
        }
        self.weights = weights or weighted(knowledge.calibration)
        self._indexes = Indexes({
            language: build_index(knowledge, language) for language in knowledge.languages
        })
        # Answers are checked for names in the first language, as for numbers: names are
        # written with capitals there.
        self._named = named_facts(knowledge, self.index(knowledge.languages[0]))
        self._people = named_facts(knowledge, self.index(knowledge.languages[0]), people=True)
        self._reasons = reason_facts(knowledge, self.index(knowledge.languages[0]))
        self._placed = placed_facts(knowledge, self.index(knowledge.languages[0]))
        self._ranked: dict[tuple[str, str], tuple[Candidate, ...]] = {}
        self._year = source_year(knowledge)  # "last year" is counted from it
        self._meanings = semantic.meanings_of(knowledge) if self.weights.semantic_weight else {}

    def rehearse(self) -> int:
        """Read each language's cue phrases (see `warm`) and decide each fact's own first
        question in each language, within a time budget (see `rehearse`), as a serving bot
        does before its first user: decisions are the same without it, and a one-question
        command skips it. How many questions it decided."""
        warm(self.knowledge)
        return rehearse(self.knowledge, self.decide)

    def _elsewhere(self, question: str, language: str, reply: str) -> Decision | None:
        """A question declined only because it names a country or a number no fact has ("is
        the railway going through Thailand?", "trade in 2023"): the article does not say
        that, and what the rest of it asks is what the article does say; None otherwise."""
        rest = without_missing(self.index(language), question)
        if not rest:
            return None
        about = decide(question, reply, self.rank(rest, language), self.knowledge,
                       self.thresholds_for(language), replace(self.asks(rest, language),
                                                              beyond=False))
        if about.fact is None:
            return None
        return not_said(question, reply, about.fact, about.score, about.candidates)

    def _kin(self, question: str, language: str, reply: str) -> Decision | None:
        """A question declined that names a thing of a category the article names other
        things of ("is coffee mentioned?"): the article does not say that, and the fact
        naming the category ("rice, ..., tea, tobacco") is what it does say; else None."""
        number = kin_fact(self.index(language), question)
        if number is None:
            return None
        return not_said(question, reply, self.knowledge.facts[number])

    def index(self, language: str) -> Index:
        """The index of one of the knowledge base's languages."""
        return self._indexes[language]

    def decide(
        self, question: str, language_hint: str | None = None, chosen: str | None = None,
        context: Context | None = None,
    ) -> Decision:
        """Decide the reply to a message; `chosen` is a reply language the chat picked and
        `context` what the conversation was last told (none: the message stands alone)."""
        language = self.language_of(question, language_hint)
        reply = reply_language(language, chosen, self.knowledge.languages)
        if not words(question):
            return decline(question, reply, self.knowledge, "empty")
        if len(question) > MAX_QUESTION_CHARS:
            return decline(question, reply, self.knowledge, "too_long")
        asked = _MENTION.sub(" ", question) if "@" in question else question
        asked = dated(asked, language, self._year)
        decision = converse(asked, language, context or Context(),
                            lambda text, turn: self._turn(text, language, reply, turn),
                            lambda text: names_own(self.index(language), text, language),
                            lambda text: self.asks_number(text, language),
                            lambda word: self._names_subject(word, language))
        if decision.kind == "none" and decision.closest is None and decision.reason == "none":
            decision = (self._elsewhere(asked, language, reply)
                        or self._kin(asked, language, reply) or decision)
        # The question as asked (mentions and all) is what the log and the echo show.
        return replace(decision, question=question) if decision.question == asked else decision

    def _turn(self, question: str, language: str, reply: str, context: Context) -> Decision:
        """One question in a conversation: small talk, the overview, more of the last answer,
        a question leaning on it, or a question standing on its own."""
        intent = detect_smalltalk(question, language)
        if intent is not None:
            return Decision(question, "smalltalk", reply, score=100.0, intent=intent)
        overview = Decision(question, "overview", reply, score=100.0)
        # A cue is read in the message's language; a very short message, whose language is
        # the least certain, also in the others: "more" is also Russian typed in Latin
        # letters ("море", the sea).
        spoken: tuple[str, ...] = (language,)
        if len(question.split()) <= _SHORT:
            spoken += tuple(code for code in self.knowledge.languages if code != language)
        index = self.index(language)
        unknown = partial(unknown_word, index)
        # A greeting before the request ("привет, о чём эта новость?") asks nothing of its own.
        greeted = strip_greeting(question)
        if self.knowledge.overview and any(
                asks_overview(greeted, code, unknown if code == language else None)
                for code in spoken):
            return overview
        if context.given and asks_other(question, language) and names_known(index, question):
            other = self._other(question, language, reply, context)
            if other is not None:
                return other
        if any(asks_more(question, code) for code in spoken):
            if context.started:
                return self._more(question, reply, context)
            if self.knowledge.overview:
                return overview  # "tell me more" with nothing before: the whole article
        if context.given and any(asks_again(question, code) for code in spoken):
            return self._again(question, reply, context)
        alone = self._alone(question, language, reply)
        about = after_more(question, language) if alone.kind != "fact" else None
        if about is not None and names_known(self.index(language), about):
            # "Tell me more about the talks": what it names is the question.
            alone = replace(self._alone(about, language, reply), question=question)
        if context.given and narrows_back(question, language):
            # "Only for power plants?" after Laos' interest in nuclear technology "in
            # addition to the energy sector": what the last answer says is the answer.
            return self._again(question, reply, context)
        if context.given and self._reason_given(question, language, context):
            # "Why Laos specifically?" after the hydropower talks, whose answer says why
            # ("taking advantage of its water"): the reason asked for is the one just given.
            return answering(question, reply, self.knowledge.by_id[context.given[0]],
                             alone.score, alone.candidates)
        if context.given and leans_back(question, language, self._subjects(question, language)):
            return self._lean(question, language, reply, context, alone)
        if context.given and alone.kind == "clarify":
            alone = self._settle(alone, language, reply, context)
        elif context.given and alone.kind == "none" and alone.closest is None:
            alone = self._near_enough(alone, language, reply, context)
        rest = around_overview(question, language) if self.knowledge.overview else None
        if rest is not None:
            return self._summary(question, rest, language, reply, overview, alone)
        return alone

    def _summary(self, question: str, rest: str, language: str, reply: str,
                 overview: Decision, alone: Decision) -> Decision:
        """A message holding an overview cue among other words: the overview unless those
        words name a fact on their own ("hi, busy day, just give me the gist"); a question
        the whole message answers ("briefly, how much did trade grow?") as asked; else a
        summary of what they name ("summary of the trade figures"): the fact they point
        to, then other facts of its topic."""
        named = names_known(self.index(language), without_article(rest, language))
        about = self._alone(rest, language, reply) if named else None
        if about is None or about.kind not in ("fact", "clarify"):
            return overview
        if about.fact is None:
            # Unsure between facts, the words make a summary only of a topic they name ("the
            # gist of the transport plans"); "explain in simple words what happened" names
            # none: the overview.
            topic = named_topic(self.index(language), self.knowledge,
                                without_article(rest, language))
            if topic is None:
                return overview
            facts = list(self.knowledge.facts_in_topic(topic))[:TOPIC_FACTS]
            return _answering(question, reply, facts, about.score)
        best = about.fact
        if alone.kind == "fact" and alone.fact == best:
            return alone
        facts = [best, *(fact for fact in self.knowledge.facts_in_topic(best.topic)
                         if fact.id != best.id)][:TOPIC_FACTS]
        return _answering(question, reply, facts, about.score)

    def _more(self, question: str, reply: str, context: Context) -> Decision:
        """The next related facts after the last answer; none left: say so."""
        by_id = self.knowledge.by_id
        facts = [by_id[fact] for fact in next_facts(self.knowledge, context)]
        if not facts:
            return Decision(question, "none", reply, reason="exhausted")
        return _answering(question, reply, facts)

    def _other(self, question: str, language: str, reply: str,
               context: Context) -> Decision | None:
        """A question asking for another fact than the last answer ("any other industries?"
        after the farm exports): answered by a fact other than the last ones, when one is
        clear; else None."""
        aside = set_aside(question, language)
        if aside is not None and not names_known(self.index(language), aside[0]):
            # "And apart from farming?" after the farm exports: nothing asked but what is
            # not the last answer, which is what comes next.
            return self._more(question, reply, context)
        if self._alone(question, language, reply).fact_id in context.given:
            return None  # "other" is the last answer's own word ("other uses than power?")
        rest = without_others(question, language) or question
        alone = replace(self._alone(rest, language, reply), question=question)
        if alone.kind == "fact" and alone.fact_id not in context.given:
            return alone  # "apart from farming" set aside
        ranked = [c for c in self.rank(rest, language) if c.fact_id not in context.given]
        decision = decide(question, reply, ranked, self.knowledge, self.thresholds_for(language),
                          self.asks(rest, language))
        if decision.kind == "clarify":
            # Several other facts fit ("any other industries?": energy, mining, textiles):
            # the one related to the last answer is the one meant.
            decision = self._settle(decision, language, reply, context)
        return decision if decision.kind == "fact" else None

    def _again(self, question: str, reply: str, context: Context) -> Decision:
        """The last answer again: what the article says of it is what it already said."""
        return _answering(question, reply, [self.knowledge.by_id[fact] for fact in context.given])

    def _lean(self, question: str, language: str, reply: str, context: Context,
              alone: Decision) -> Decision:
        """A question leaning on the last answer: the fact near it ("who announced it?"
        after the new routes is who announced them) unless another fact is clearly better."""
        ranked = self.rank(question, language)
        nearby = neighbourhood(self.knowledge, context.given)
        near = [c for c in ranked if c.fact_id in nearby]
        limits = self.thresholds_for(language)
        bare = self._subjects(question, language) == 0  # nothing but what it asks
        index = self.index(language)
        last = self.knowledge.by_id[context.given[0]]
        last_answer = last.answer_in(self.knowledge.languages[0])
        given = next((c for c in near if c.fact_id == last.id), None)
        if given is not None and ranked[0].fact_id not in nearby and (
                # "And 2025?" after the trade figures: a year the last answer gives.
                gives_numbers(index, question, last_answer)
                # "Why her?" after the hydropower talks: pointing back at the last answer,
                # which says why, as closely as any fact unrelated to it fits the words.
                or ((bare or refers_back(question, language))
                    and given.score >= max(limits.suggest, ranked[0].score - limits.window))):
            return answering(question, reply, last, given.score, tuple(near[:3]))
        if (not near or near[0].score < limits.clarify
                or near[0].score < ranked[0].score - limits.window):
            if self._further(ranked, nearby, limits):
                # "And why?" after the announcement of the new routes: why the routes, one
                # step further; the best fact overall, when it is that close, is the one.
                return answering(question, reply, self.knowledge.by_id[ranked[0].fact_id],
                                 ranked[0].score, tuple(ranked[:3]))
            if self._faint(question, language, ranked, nearby):
                # "And one on water too?" after the education memorandum, "and the last one
                # covers which years?": the best fact, faint as it is, is the last answer
                # or next to it, and nothing else is as near: it is the one asked about.
                return answering(question, reply, self.knowledge.by_id[ranked[0].fact_id],
                                 ranked[0].score, tuple(ranked[:3]))
            names_nothing = alone.fact_id not in nearby and bare
            if names_nothing and asks_only_what(index, question, language):
                # "What is on it?" after the photo: nothing but "what" of the last answer,
                # which is what the article says of it.
                return self._again(question, reply, context)
            if names_nothing or (alone.kind != "fact" and has_unknown(index, question)):
                if gives_numbers(index, question, last_answer) or (
                        self.asks_number(question, language)
                        and gives_number(self.knowledge, last.id)
                        and not has_unknown(index, question)
                        and not names_missing(index, question)):
                    # "What about early 2025?" after the trade figures: a year the last
                    # answer gives, asked again in other words, is that answer; as is a
                    # date asked of an answer that gives one ("on which date?" after the
                    # announcement), but not one the article is known not to give ("how
                    # much in dollars?").
                    return answering(question, reply, last,
                                     ranked[0].score if ranked else 0.0, tuple(ranked[:3]))
                # "Where was that?" names nothing but the last answer ("and in rubles?"
                # nothing any fact has), and nothing near it says: the article does not,
                # and the last answer is what it does say.
                return not_said(question, reply, last)
            return alone
        best = near[0]
        if bare or not asks_alone(question, language):
            # Nothing but what it asks ("who is he?"), or no asking word of its own ("and by
            # land?": the last question again, of something else): of the facts near
            # enough, the one just given, when it answers that too, is the one asked about.
            # A word pointing back ("where is it from?" after the photo) names the last
            # answer: it is the one asked about whenever it answers at all; not when it
            # asks who ("who is he?" is the person the answer names, not the answer).
            pointed = refers_back(question, language) and not index.asks_for_person(
                index.analyzer.normal(question))
            least = limits.fact if pointed else max(
                limits.clarify, best.score - limits.window)
            again = [c for c in near if c.fact_id in context.given and c.score >= least]
            best = again[0] if again else best
        fact = self.knowledge.by_id[best.fact_id]
        named = self.asks_name(question, language)
        if names_missing(index, question) or (
                named is not None and fact.id not in named):
            # "How much is that in dollars?" after the trade figures: a word the knowledge
            # base knows only from what the article does not say asks a detail it does not
            # give ("any names?" after the mines, a name); what it gives is that fact.
            return not_said(question, reply, fact)
        return answering(question, reply, fact, best.score, tuple(near[:3]))

    def _faint(self, question: str, language: str, ranked: list[Candidate],
               nearby: tuple[str, ...]) -> bool:
        """Whether a follow-up's best fact, above the offer score and ahead of the next, is
        the last answer or next to it, and the follow-up asks nothing that fact cannot give
        (a kind of thing no fact mentions, a detail the article does not give, a number)."""
        if not ranked or ranked[0].fact_id not in nearby:
            return False
        best = ranked[0]
        asks = self.asks(question, language)
        return (best.score >= self.thresholds_for(language).suggest
                and (len(ranked) < 2 or ranked[1].score < best.score - _AHEAD)
                and not asks.beyond and not names_missing(self.index(language), question)
                and not (asks.number and not gives_number(self.knowledge, best.fact_id)))

    def _further(self, ranked: list[Candidate], nearby: tuple[str, ...],
                 limits: Thresholds) -> bool:
        """Whether the best fact for a question leaning on the last answer is related to a
        fact near that answer (two steps from it), at least worth offering, and ahead of the
        rest."""
        if not ranked or ranked[0].score < limits.clarify:
            return False
        ahead = len(ranked) < 2 or ranked[0].score > ranked[1].score
        return ahead and ranked[0].fact_id in neighbourhood(self.knowledge, nearby)

    def _settle(self, unsure: Decision, language: str, reply: str,
                context: Context) -> Decision:
        """A "did you mean" settled by the conversation: of the facts offered, first or not,
        the only one near the last answer is the one meant ("the nuclear one covers which
        years?" after the memoranda, "why laos?" after hydropower)."""
        nearby = neighbourhood(self.knowledge, context.given)
        near = [fact for fact in unsure.suggestions if fact in nearby]
        if (len(near) > 1 and context.given[0] == unsure.suggestions[0]
                and not asks_alone(unsure.question, language)):
            # "Only for energy?" after the nuclear interest, offered first: no asking word of
            # its own, it asks the last question again, of the last answer.
            near = [context.given[0]]
        if len(near) != 1:
            return unsure
        return answering(unsure.question, reply, self.knowledge.by_id[near[0]], unsure.score,
                         unsure.candidates)

    def _near_enough(self, declined: Decision, language: str, reply: str,
                     context: Context) -> Decision:
        """A question declined alone whose best fact, just short of an offer, is near the
        last answer and clearly ahead of the rest: the conversation says it is the one meant
        ("which country would the railway cross?" after why the routes are opened)."""
        limits = self.thresholds_for(language)
        ranked = declined.candidates
        if not ranked or ranked[0].score < limits.clarify - limits.window:
            return declined
        nearby = neighbourhood(self.knowledge, context.given)
        if ranked[0].fact_id not in nearby or (
                len(ranked) > 1 and ranked[1].score > ranked[0].score - limits.window):
            return declined
        return answering(declined.question, reply, self.knowledge.by_id[ranked[0].fact_id],
                         ranked[0].score, ranked)

    def _reason_given(self, question: str, language: str, context: Context) -> bool:
        """Whether a short question asks why and names nothing of its own beside the
        article's subjects, after an answer that gives a reason."""
        index = self.index(language)
        return (context.given[0] in self._reasons
                and len(words(question)) <= _REASON_WORDS
                and not names_known(index, question)
                and index.asks_for_reason(index.analyzer.normal(question)))

    def _frames(self, clause: str, language: str) -> bool:
        """Whether a last clause only frames the one before, pointing back at it ("what's the
        easiest way to do this?"): not asking a number or a detail the article does not give
        of it ("how much is that in dollars?"), nor pointing at the article itself ("what
        outlet is this piece credited to")."""
        if not refers_to_thing(clause, language) or self.asks_number(clause, language) \
                or names_missing(self.index(language), clause):
            return False
        read = plain_words(clause, language)
        article = set(phrases(language, "article"))
        # "This piece", "bài này": the pointer names the article, not the clause before.
        return any(word in phrases(language, "refers_thing")
                   and article.isdisjoint(read[max(at - 1, 0):at] + read[at + 1:at + 2])
                   for at, word in enumerate(read))

    def _names_subject(self, word: str, language: str) -> bool:
        """Whether a word names one of the article's main subjects ("Lào", "Russia")."""
        index = self.index(language)
        read = index.analyzer.tokens(word)
        return len(read) == 1 and read[0] in index.subjects

    def _subjects(self, question: str, language: str) -> int:
        """How many of the question's words name something rather than ask (who, when)."""
        asking = asking_words(language)
        analyzer = self.index(language).analyzer
        return sum(1 for word, _ in analyzer.pairs(question) if word not in asking)

    def _alone(self, question: str, language: str, reply: str) -> Decision:
        """One question standing on its own, matched against every fact."""
        if (decision := besides(self, question, language, reply)) is not None:
            return decision
        # A name asked for anywhere in the message is asked of its question part too
        # ("which companies mine there? any names?"), as is something beyond any fact.
        asks = self.asks(question, language)
        decision = decide(question, reply, self.rank(strip_greeting(question), language),
                          self.knowledge, self.thresholds_for(language), asks)
        index = self.index(language)
        if decision.fact is not None and (
                self._asks_missing(question, language, decision.fact)
                or (self._names_place(question, language)
                    and (asks_within(index, question, language, index.places)
                         or asks_kind_before(index, question, language)))):
            # "Which Vietnamese port will they use?": a word the article is known not to give
            # of this very fact ("ທ່າເຮືອໃດ", which port) is asked, or a kind of thing inside
            # a country the fact names, not what the fact says.
            decision = not_said(question, reply, decision.fact, decision.score,
                                decision.candidates)
        person = described(self, question, language, reply, asks) or teller(
            self, question, language, reply, asks, decision) or counterpart(
            self, question, language, reply, asks, decision)
        if person is not None:
            return person
        if decision.kind == "fact":
            return decision
        # A long message often wraps its question in a preamble ("hi, I'm writing a report,
        # quick one: how much ..."): the question part alone may be clear where the whole is
        # not. It may only confirm what the whole message leans to, never overturn it.
        # A message naming nothing as it is spelt leans nowhere: its best fact is a typo's
        # guess ("какая погода ..., сильно льёт?" read as "лет").
        limits = self.thresholds_for(language)
        whole = decision.candidates
        named = bool(whole) and names_known(self.index(language), question)
        leaning = {whole[0].fact_id} if named else set()
        opened = after_opening(question, language)
        framed = before_frame(question, lambda clause: self._frames(clause, language))
        # A question with a remark after it, asking nothing ("..., i keep forgetting"); a
        # frame found ends at the same clause, so it is that reading already.
        remarked = None if framed else before_frame(
            question, lambda clause: remarks(index, clause, language))
        if remarked is not None and not asks_itself(remarked, language):
            remarked = None
        required = required_names(index, question)
        for part in [*focus(question), *([opened] if opened else []),
                     *([framed] if framed else []), *([remarked] if remarked else [])]:
            focused = decide(question, reply, self.rank(part, language), self.knowledge,
                             limits, replace(asks, number=self.asks_number(part, language)))
            # A whole sentence asking ("Хлопок упоминается? Мне для отчёта надо") may settle
            # a tie the rest of the message leaves among its close facts; a clause cut from
            # one ("..., medicine, farming?") only confirms the best. Countries and numbers
            # only a preamble names ("tried China, then Vietnam. Is tea mentioned?") hold
            # the question to no fact.
            if focused.kind == "fact" and (
                    focused.fact_id in leaning
                    or (named and part in sentences_of(question)
                        and _near_best(whole, focused.fact_id, limits.window))
                    or in_preamble(self._dropped(required, part, language), question, part)):
                return focused
            offered = focused.kind == "clarify" and decision.kind == "none"
            if offered and focused.suggestions[0] in leaning:
                decision = focused
        if checks_claim(self.index(language), question):
            return checked(self, question, language, reply) or offered_alone(self, language,
                                                                              reply, decision)
        if self._states(question, language):
            claimed = checked(self, question, language, reply)
            if claimed is not None and claimed.fact_id in self._placed:
                return claimed
        if decision.closest is None:
            return self._chosen(question, language, reply, asks, leaning) or decision
        return decision

    def _names_place(self, question: str, language: str) -> bool:
        """Whether the question names a country other than the article's subjects."""
        return any(not name[0].isdigit()
                   for name in required_names(self.index(language), question))

    def _dropped(self, named: list[str], part: str, language: str) -> list[str]:
        """The countries and numbers a question names (`named`) that its part does not."""
        kept = set(required_names(self.index(language), part))
        return [name for name in named if name not in kept]

    def _states(self, question: str, language: str) -> bool:
        """Whether the question states something with a country or number no fact has and
        asks no question word ("the railway goes through Thailand?")."""
        missing = missing_names(self.index(language), question)
        if not missing or all(word[0].isdigit() for word in missing):
            return False
        asking = asking_words(language)
        return not any(word in asking for word in plain_words(question, language))

    def _asks_missing(self, question: str, language: str, fact: Fact) -> bool:
        """Whether the question has `_MISSING_WORDS` or more words the knowledge base knows
        only from this fact's `not_in_article` phrasings."""
        index = self.index(language)
        missing = missing_words(index, question)
        number = self.knowledge.facts.index(fact)
        return len(missing) >= _MISSING_WORDS and all(
            number in index.miss_postings[token] for token in missing)

    def _chosen(self, question: str, language: str, reply: str, asks: Asks,
                leaning: set[str]) -> Decision | None:
        """A question between alternatives ("an official visit or just passing through?")
        answered by the one fact its alternatives point to, read each on its own: one fact
        for each that points to any, the one the whole leans to. None otherwise."""
        parts = alternatives(question, language)
        if not all(names_known(self.index(language), part) for part in parts):
            return None  # "Hải Phòng or Vũng Áng?": a choice between things no fact names
        readings = [decide(question, reply, self.rank(part, language), self.knowledge,
                           self.thresholds_for(language),
                           replace(asks, number=self.asks_number(part, language)))
                    for part in parts]
        answered = {reading.fact_id for reading in readings if reading.kind == "fact"}
        pointed = answered | {fact for reading in readings if reading.kind == "clarify"
                              for fact in reading.suggestions[:1]}
        if len(answered) == 1 and pointed == answered and answered <= leaning:
            return next(reading for reading in readings if reading.kind == "fact")
        return None

    def language_of(self, question: str, language_hint: str | None = None) -> str:
        """The language the question is written in, as the knowledge base reads it."""
        return question_language(question, language_hint, self.knowledge.languages,
                                 lambda code, word: knows(self._indexes.lexicon(code), word))

    def thresholds_for(self, language: str) -> Thresholds:
        """The thresholds questions in this language are decided with."""
        return self._thresholds.get(language, self.thresholds)

    def asks(self, question: str, language: str) -> Asks:
        """What the question asks for beside its words: a number, a name, something beyond
        any fact."""
        index = self.index(language)
        normal = index.analyzer.normal(question)
        person = self._people if self._asks_person(question, language) else None
        reason = self._reasons if index.asks_for_reason(normal) else None
        country = self._placed if index.asks_for_country(normal) else None
        return Asks(self.asks_number(question, language), self.asks_name(question, language),
                    asks_beyond(index, question, language), person,
                    index.asks_for_mention(normal), reason, country)

    def _asks_person(self, question: str, language: str) -> bool:
        """Whether the question asks for a person ("who announced ...?"): not with a word
        that only opens a clause describing someone ("was it Putin who flew to Laos?")."""
        index = self.index(language)
        if not index.asks_for_person(index.analyzer.normal(question)):
            return False
        found = None if unspaced(language) else relative_clause(question, language)
        if found is None:
            return True  # where words run together the question word ends the question
        return any(index.asks_for_person(index.analyzer.normal(text)) for text in found if text)

    def asks_number(self, question: str, language: str) -> bool:
        """Whether the question asks for a number or a date ("how many", "when")."""
        index = self.index(language)
        return index.asks_for_number(index.analyzer.normal(question))

    def asks_name(self, question: str, language: str) -> frozenset[str] | None:
        """When the question asks for a name ("what are they called", "which companies"),
        the facts whose answers give one; else None."""
        index = self.index(language)
        if index.asks_for_name(index.analyzer.normal(question)) or asks_kind(
                index, question, language):
            return self._named
        return None

    def rank(self, question: str, language: str) -> list[Candidate]:
        """Score the facts that share (possibly misspelt) words with the question, best first."""
        # The same text in the same language ranks the same: the built indexes, the facts
        # and the weights do not change.
        remembered = self._ranked
        ranked = remembered.get((question, language))
        if ranked is None:
            found = rank(self.index(language), question, self.knowledge.facts, self.weights)
            meanings = self._meanings.get(language)
            if meanings is not None and (embedder := semantic.model()) is not None:
                found = with_meaning(found, meanings.similarity(question, embedder),
                                     self.knowledge.facts, self.weights)
            ranked = tuple(found)
            if len(remembered) >= _RANKINGS:
                remembered.clear()  # earlier messages: never ranked again
            remembered[question, language] = ranked
        return list(ranked)  # a list of its own: a caller may change it


# A question asking why the last answer is so is short ("why Laos specifically?").
_REASON_WORDS = 5

# How far a faint follow-up's best fact must be ahead of the next (see `_faint`).
_AHEAD = 1.0

# Words known only from a fact's `not_in_article` phrasings that make a question one of them:
# one ("exactly", "premier") is in too many questions the fact answers.
_MISSING_WORDS = 2


def _near_best(candidates: tuple[Candidate, ...], fact_id: str | None, window: float) -> bool:
    """Whether the fact is among the candidates within the window of the best."""
    return any(c.fact_id == fact_id and c.score >= candidates[0].score - window
               for c in candidates)


def _answering(question: str, reply: str, facts: list[Fact], score: float = 100.0) -> Decision:
    """The decision answering with these facts: the fact itself for one, else one part each."""
    parts = tuple(answering(question, reply, fact, score) for fact in facts)
    if len(parts) == 1:
        return parts[0]
    return Decision(question, "parts", reply, score=score, parts=parts)
