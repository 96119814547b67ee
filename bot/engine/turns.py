"""One message as a turn of a conversation: small talk, the overview, more of the last
answer, a question leaning on it, or a question standing on its own."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from bot.engine.cue_reading import phrases, unspaced
from bot.engine.cues import (
    after_more,
    asks_again,
    asks_itself,
    asks_more,
    asks_other,
    asks_overview,
    leans_back,
    narrows_back,
    overview_cut,
    refers_back,
    without_article,
    without_others,
    written_after,
)
from bot.engine.decision import (
    Candidate,
    Decision,
    Thresholds,
    answering,
    decide,
    decline,
    gives_number,
    not_said,
)
from bot.engine.exclusion import set_aside
from bot.engine.focus import last_sentence
from bot.engine.followup import Context, neighbourhood, next_facts
from bot.engine.index import Index, without_phrases
from bot.engine.pieces import after_preamble, asks_only_what, unsure_word
from bot.engine.ranker import Ranker
from bot.engine.reading import words
from bot.engine.smalltalk import (
    PARTICLE_LETTERS,
    detect_mixed_smalltalk,
    detect_smalltalk,
    opening_smalltalk,
    strip_greeting,
)
from bot.engine.splitting import asks_alone
from bot.engine.standalone import decide_alone
from bot.engine.topics import named_topic
from bot.engine.typos import gives_numbers, has_unknown, names_known, names_missing
from bot.knowledge import Fact

SHORT = 3  # words: a message this short may be a cue in another language than its own
_MIXED_WORDS = 6  # words: small talk in several languages at once is no longer than this
TOPIC_FACTS = 3  # facts given for "a summary of <topic>": the best, then others of its topic
# A question asking why the last answer is so is short ("why Laos specifically?").
_REASON_WORDS = 5
# A remark after thanks or a goodbye is this short ("thanks a lot, that helped").
_REMARK_WORDS = 4
# How far a faint follow-up's best fact must be ahead of the next (see `_faint`).
_AHEAD = 1.0


def turn(ranker: Ranker, question: str, language: str, reply: str, context: Context) -> Decision:
    """One question in a conversation: small talk, the overview, more of the last answer,
    a question leaning on it, or a question standing on its own."""
    # A cue is read in the message's language; a very short message, whose language is
    # the least certain, also in the others: "more" is also Russian typed in Latin
    # letters ("море", the sea), and "ok thanks nha" is English thanks with a Vietnamese
    # particle.
    every = (language, *(code for code in ranker.knowledge.languages if code != language))
    size = len(question.split())
    spoken = every if size <= SHORT else (language,)
    intent = next((found for code in spoken
                   if (found := detect_smalltalk(question, code) or _closing(question, code))),
                  None)
    if intent is None and len(every) > 1 and size <= _MIXED_WORDS:
        # Greeted in two languages at once ("hi bot, privet", "ok thanks bot nha 🙏"): small
        # talk in each, every word of it small talk in one of them.
        intent = detect_mixed_smalltalk(question, every)
    if intent is not None:
        return Decision(question, "smalltalk", reply, score=100.0, intent=intent)
    overview = Decision(question, "overview", reply, score=100.0)
    index = ranker.index(language)
    # Beside the article's name, a word no fact has as it is spelt is the asker's own
    # ("no time to read it"): "time" only begins "timeline".
    unknown = partial(unsure_word, index)
    # A greeting before the request ("привет, о чём эта новость?") asks nothing of its own.
    greeted = strip_greeting(question)
    if ranker.knowledge.overview and any(
            asks_overview(greeted, code, unknown if code == language else None)
            for code in spoken):
        return overview
    # A preamble naming nothing the article has before the request ("hi, no time to read
    # it, what's this news about?") asks nothing of its own either.
    asked = after_preamble(index, question, language) if ranker.knowledge.overview else None
    if asked is not None and asks_overview(asked, language, unknown):
        return overview
    more = any(asks_more(question, code) for code in spoken)
    if asks_other(question, language):
        if not names_known(index, without_others(question, language)) and not more:
            # "Any others?" after an answer names nothing but other ones: the last answer
            # says all the article has of it (after the crops, the article lists no other
            # crops). With nothing before it, it names nothing: not the fact saying "other".
            if context.given:
                return _again(ranker, question, reply, context)
            return decline(question, reply, ranker.knowledge)
        if context.given and names_known(index, question) \
                and not narrows_back(question, language):
            # Not "only for power plants, or something else too?": that asks whether the
            # last answer is all there is.
            other = _other(ranker, question, language, reply, context)
            if other is not None:
                return other
    if more:
        if context.started:
            return _more(ranker, question, reply, context)
        if ranker.knowledge.overview:
            return overview  # "tell me more" with nothing before: the whole article
    if context.given and any(asks_again(question, code) for code in spoken):
        return _again(ranker, question, reply, context)
    alone = decide_alone(ranker, question, language, reply)
    about = after_more(question, language) if alone.kind != "fact" else None
    if about is not None and names_known(index, about):
        # "Tell me more about the talks": what it names is the question, asked in the
        # conversation ("... about the nuclear one" after the memoranda: of those).
        inner = turn(ranker, about, language, reply, context) \
            if context.given and len(about) < len(question) else None
        if inner is not None and inner.kind == "fact":
            return replace(inner, question=question)
        alone = replace(decide_alone(ranker, about, language, reply), question=question)
    if context.given and narrows_back(question, language):
        # "Only for power plants?" after Laos' interest in nuclear technology "in
        # addition to the energy sector": what the last answer says is the answer.
        return _again(ranker, question, reply, context)
    if context.given and _reason_given(ranker, question, language, context):
        # "Why Laos specifically?" after the hydropower talks, whose answer says why
        # ("taking advantage of its water"): the reason asked for is the one just given.
        return answering(question, reply, ranker.knowledge.by_id[context.given[0]],
                         alone.score, alone.candidates)
    if context.given and leans_back(question, language, ranker.subjects(question, language)):
        return _counted(ranker, question, language, reply,
                        _lean(ranker, question, language, reply, context, alone))
    if context.given and alone.kind == "clarify":
        alone = _counted(ranker, question, language, reply,
                         _settle(ranker, alone, language, reply, context))
    elif context.given and alone.kind == "none" and alone.closest is None:
        alone = _counted(ranker, question, language, reply,
                         _near_enough(ranker, alone, language, reply, context))
    cut = overview_cut(question, language) if ranker.knowledge.overview else None
    if cut is not None:
        return _summary(ranker, question, cut, language, reply, overview, alone)
    if alone.kind == "none" and alone.closest is None and not alone.candidates:
        intent = _talk_only(index, question, language)
        if intent is not None:
            return Decision(question, "smalltalk", reply, score=100.0, intent=intent)
    return alone


def _asked_again(ranker: Ranker, words: str, other: str, language: str, reply: str) -> bool:
    """Whether the words on one side of an overview cue ask for the overview themselves, and
    those on the other side are no question answered by itself."""
    return bool(words) and asks_overview(words, language, None) and not (
        asks_itself(other, language)
        and decide_alone(ranker, other, language, reply).kind == "fact")


def _summary(ranker: Ranker, question: str, cut: tuple[str, str], language: str, reply: str,
             overview: Decision, alone: Decision) -> Decision:
    """A message holding an overview cue among other words: the overview unless those
    words name a fact on their own ("hi, busy day, just give me the gist"); a question
    the whole message answers ("briefly, how much did trade grow?") as asked; else a
    summary of what they name ("summary of the trade figures"): the fact they point
    to, then other facts of its topic."""
    index = ranker.index(language)
    if _asked_again(ranker, cut[0], cut[1], language, reply) or (
            asks_itself(cut[1], language)
            and _asked_again(ranker, cut[1], cut[0], language, reply)):
        # Asked twice ("what is this news about? sum it up please, no time to read"; "не
        # успеваю, можешь в двух словах | рассказать, о чём статья?"): the overview.
        return overview
    rest = " ".join(part for part in cut if part)
    named = names_known(index, without_article(rest, language))
    about = decide_alone(ranker, rest, language, reply) if named else None
    after = cut[1]
    asked: Decision | None = None
    if asks_itself(after, language) and names_known(index, without_article(after, language)):
        # "... we argued all day 😅 in short, what are they mining now?": a cue summing up
        # a ramble, the question after it answered (as written: unmarked Vietnamese
        # reads other words), is that question.
        asked = decide_alone(ranker, written_after(question, language, after), language, reply)
        if asked.kind == "fact":
            return replace(asked, question=question)
    # "... which areas of cooperation did the leaders discuss, in short?": a cue closing a
    # question asks for it briefly; the question is what it asks: its sentence as written,
    # or what comes before the cue as read (where words run together).
    closing = (last_sentence(question), cut[0]) if cut[0] and not after else ()
    for before in closing:
        if asks_itself(before, language) \
                and names_known(index, without_article(before, language)):
            ended = decide_alone(ranker, before, language, reply)
            if ended.kind == "fact":
                return replace(ended, question=question)
    if about is None or about.kind not in ("fact", "clarify"):
        # The words around the cue, naming a fact's words, answer nothing by themselves,
        # but the whole message asks a fact ("..., что там сейчас делают наши компании.
        # Есть ... про добычу ..., какие-нибудь металлы?"): that fact, not the overview.
        asks_fact = alone.kind == "fact" and named
        return alone if asks_fact else overview
    if about.fact is None:
        # Unsure between facts, the words make a summary only of a topic they name ("the
        # gist of the transport plans"); "explain in simple words what happened" names
        # none: the overview.
        topic = named_topic(index, ranker.knowledge, without_article(rest, language))
        if topic is None:
            # Unsure what the question after the cue asks: which fact it means, asked.
            unsure = asked is not None and asked.kind == "clarify"
            return replace(asked, question=question) if asked and unsure else overview
        facts = list(ranker.knowledge.facts_in_topic(topic))[:TOPIC_FACTS]
        return _answering(question, reply, facts, about.score)
    best = about.fact
    if alone.kind == "fact" and alone.fact == best:
        return alone
    facts = [best, *(fact for fact in ranker.knowledge.facts_in_topic(best.topic)
                     if fact.id != best.id)][:TOPIC_FACTS]
    return _answering(question, reply, facts, about.score)


def _more(ranker: Ranker, question: str, reply: str, context: Context) -> Decision:
    """The next related facts after the last answer; none left: say so."""
    by_id = ranker.knowledge.by_id
    facts = [by_id[fact] for fact in next_facts(ranker.knowledge, context)]
    if not facts:
        return Decision(question, "none", reply, reason="exhausted")
    return _answering(question, reply, facts)


def _other(ranker: Ranker, question: str, language: str, reply: str,
           context: Context) -> Decision | None:
    """A question asking for another fact than the last answer ("any other industries?"
    after the farm exports): answered by a fact other than the last ones, when one is
    clear; else None."""
    aside = set_aside(question, language)
    if aside is not None and not names_known(ranker.index(language), aside[0]):
        # "And apart from farming?" after the farm exports: nothing asked but what is
        # not the last answer, which is what comes next.
        return _more(ranker, question, reply, context)
    if decide_alone(ranker, question, language, reply).fact_id in context.given:
        return None  # "other" is the last answer's own word ("other uses than power?")
    rest = without_others(question, language) or question
    alone = replace(decide_alone(ranker, rest, language, reply), question=question)
    if alone.kind == "fact" and alone.fact_id not in context.given:
        return alone  # "apart from farming" set aside
    ranked = [c for c in ranker.rank(rest, language) if c.fact_id not in context.given]
    decision = decide(question, reply, ranked, ranker.knowledge, ranker.thresholds_for(language),
                      ranker.asks(rest, language))
    if decision.kind == "clarify":
        # Several other facts fit ("any other industries?": energy, mining, textiles):
        # the one related to the last answer is the one meant.
        decision = _settle(ranker, decision, language, reply, context)
    return decision if decision.kind == "fact" else None


def _again(ranker: Ranker, question: str, reply: str, context: Context) -> Decision:
    """The last answer again: what the article says of it is what it already said."""
    return _answering(question, reply, [ranker.knowledge.by_id[fact] for fact in context.given])


def _lean(ranker: Ranker, question: str, language: str, reply: str, context: Context,
          alone: Decision) -> Decision:
    """A question leaning on the last answer: the fact near it ("who announced it?"
    after the new routes is who announced them) unless another fact is clearly better."""
    ranked = ranker.rank(question, language)
    nearby = neighbourhood(ranker.knowledge, context.given)
    near = [c for c in ranked if c.fact_id in nearby]
    limits = ranker.thresholds_for(language)
    bare = ranker.subjects(question, language) == 0  # nothing but what it asks
    index = ranker.index(language)
    last = ranker.knowledge.by_id[context.given[0]]
    last_answer = last.answer_in(ranker.knowledge.languages[0])
    given = next((c for c in near if c.fact_id == last.id), None)
    if alone.kind != "fact" and last.id in ranker.unasked(question, language) \
            and refers_back(question, language):
        # "When will it open?" after the routes: asked of the last answer with a question
        # word only what the article does not say of it asks with, and no answer alone
        # ("when did putin say this?" is the announcement): it does not say.
        return not_said(question, reply, last)
    if bare and given is not None and not refers_back(question, language) \
            and _asked_near(ranker, question, language, last.id) == last.id:
        # "Where from?" after the photo: nothing but a question word the last answer's
        # phrasings ask with ("where is the photo from?") asks it of that answer, not of the
        # fact next to it the bare words fit as well (the article's source). A pronoun
        # ("who is he?") points at what the answer names, not at the answer.
        return answering(question, reply, last, given.score, tuple(near[:3]))
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
        if _further(ranker, ranked, nearby, limits):
            # "And why?" after the announcement of the new routes: why the routes, one
            # step further; the best fact overall, when it is that close, is the one.
            return answering(question, reply, ranker.knowledge.by_id[ranked[0].fact_id],
                             ranked[0].score, tuple(ranked[:3]))
        if _faint(ranker, question, language, ranked, nearby):
            # "And one on water too?" after the education memorandum, "and the last one
            # covers which years?": the best fact, faint as it is, is the last answer
            # or next to it, and nothing else is as near: it is the one asked about.
            return answering(question, reply, ranker.knowledge.by_id[ranked[0].fact_id],
                             ranked[0].score, tuple(ranked[:3]))
        names_nothing = alone.fact_id not in nearby and bare
        if names_nothing and asks_only_what(index, question, language):
            # "What is on it?" after the photo: nothing but "what" of the last answer,
            # which is what the article says of it.
            return _again(ranker, question, reply, context)
        if names_nothing or (alone.kind != "fact" and has_unknown(index, question)):
            if gives_numbers(index, question, last_answer) or (
                    ranker.asks_number(question, language)
                    and gives_number(ranker.knowledge, last.id)
                    and not has_unknown(index, without_phrases(
                        index.asks_number, index.analyzer.normal(question)))
                    and not names_missing(index, question)):
                # "What about early 2025?" after the trade figures: a year the last
                # answer gives, asked again in other words, is that answer; as is a
                # date asked of an answer that gives one ("on which date?" after the
                # announcement; "day" of "which day" is how it asks, no word of its own),
                # but not one the article is known not to give ("how much in dollars?").
                return answering(question, reply, last,
                                 ranked[0].score if ranked else 0.0, tuple(ranked[:3]))
            asked = _asked_near(ranker, question, language, last.id) if names_nothing \
                else None
            if asked is not None:
                # "Когда?" after the talks: nothing but a question word, asked of the
                # answer or the one fact next to it whose phrasings ask with it (the
                # announcement made after the talks says when they were).
                return answering(question, reply, ranker.knowledge.by_id[asked],
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
    fact = ranker.knowledge.by_id[best.fact_id]
    if alone.closest is not None and alone.closest.id == fact.id:
        # "... and how many Russians work there?" after the mines: what the article is
        # known not to say of that fact, asked alone, is still not said when leaning on it.
        return alone
    named = ranker.asks_name(question, language)
    if names_missing(index, question) or (
            named is not None and fact.id not in named):
        # "How much is that in dollars?" after the trade figures: a word the knowledge
        # base knows only from what the article does not say asks a detail it does not
        # give ("any names?" after the mines, a name); what it gives is that fact.
        return not_said(question, reply, fact)
    return answering(question, reply, fact, best.score, tuple(near[:3]))


def _asked_near(ranker: Ranker, question: str, language: str, last: str) -> str | None:
    """The fact a bare question word asks of, after the last answer: that answer when its
    phrasings ask with the word ("where?" after the visit), else the one fact related to
    it either way whose phrasings do ("when?" after the talks: the announcement); None for
    "what", which every fact is asked with, for a detail ("how long?"), or when it is not
    one fact."""
    if ranker.asks_detail(question, language):
        return None  # "how long will it be?": a number, which the article may not give
    index = ranker.index(language)
    asked = index.question_words(index.analyzer.tokens(question)) - {index.what_group()}
    if not asked:
        return None
    knowledge = ranker.knowledge

    def asks_with(fact: str) -> bool:
        number = knowledge.facts.index(knowledge.by_id[fact])
        return any(asked <= index.question_words(phrase) for phrase in index.phrase_tokens(number))

    if asks_with(last):
        return last
    near = {*knowledge.by_id[last].related,
            *(fact.id for fact in knowledge.facts if last in fact.related)}
    asking = [fact for fact in sorted(near) if asks_with(fact)]
    return asking[0] if len(asking) == 1 else None


def _faint(ranker: Ranker, question: str, language: str, ranked: list[Candidate],
           nearby: tuple[str, ...]) -> bool:
    """Whether a follow-up's best fact, above the offer score and ahead of the next (or
    level with one far from the last answer: "the nuclear one" after the memoranda is the
    road map they list, not the interest in nuclear technology), is the last answer or next
    to it, and the follow-up asks nothing that fact cannot give (a kind of thing no fact
    mentions, a detail the article does not give, a number)."""
    if not ranked or ranked[0].fact_id not in nearby:
        return False
    best = ranked[0]
    asks = ranker.asks(question, language)
    return (best.score >= ranker.thresholds_for(language).suggest
            and (len(ranked) < 2 or ranked[1].score < best.score - _AHEAD
                 or ranked[1].fact_id not in nearby)
            and not asks.beyond and not names_missing(ranker.index(language), question)
            and not (asks.number and not gives_number(ranker.knowledge, best.fact_id)))


def _further(ranker: Ranker, ranked: list[Candidate], nearby: tuple[str, ...],
             limits: Thresholds) -> bool:
    """Whether the best fact for a question leaning on the last answer is related to a
    fact near that answer (two steps from it), at least worth offering, and ahead of the
    rest."""
    if not ranked or ranked[0].score < limits.clarify:
        return False
    ahead = len(ranked) < 2 or ranked[0].score > ranked[1].score
    return ahead and ranked[0].fact_id in neighbourhood(ranker.knowledge, nearby)


def _settle(ranker: Ranker, unsure: Decision, language: str, reply: str,
            context: Context) -> Decision:
    """A "did you mean" settled by the conversation: of the facts offered, first or not,
    the only one near the last answer is the one meant ("the nuclear one covers which
    years?" after the memoranda, "why laos?" after hydropower)."""
    nearby = neighbourhood(ranker.knowledge, context.given)
    near = [fact for fact in unsure.suggestions if fact in nearby]
    if (len(near) > 1 and context.given[0] == unsure.suggestions[0]
            and not asks_alone(unsure.question, language)):
        # "Only for energy?" after the nuclear interest, offered first: no asking word of
        # its own, it asks the last question again, of the last answer.
        near = [context.given[0]]
    if len(near) != 1:
        return unsure
    return answering(unsure.question, reply, ranker.knowledge.by_id[near[0]], unsure.score,
                     unsure.candidates)


def _near_enough(ranker: Ranker, declined: Decision, language: str, reply: str,
                 context: Context) -> Decision:
    """A question declined alone whose best fact, just short of an offer, is near the
    last answer and clearly ahead of the rest: the conversation says it is the one meant
    ("which country would the railway cross?" after why the routes are opened)."""
    limits = ranker.thresholds_for(language)
    ranked = declined.candidates
    if not ranked or ranked[0].score < limits.clarify - limits.window:
        return declined
    nearby = neighbourhood(ranker.knowledge, context.given)
    if ranked[0].fact_id not in nearby or (
            len(ranked) > 1 and ranked[1].score > ranked[0].score - limits.window):
        return declined
    return answering(declined.question, reply, ranker.knowledge.by_id[ranked[0].fact_id],
                     ranked[0].score, ranked)


def _counted(ranker: Ranker, question: str, language: str, reply: str,
             decision: Decision) -> Decision:
    """A follow-up answered by the conversation, unless it asks a number its fact does not
    give ("how many tons of rice?" after the farm exports): the article does not say, and
    that fact is what it does say."""
    if decision.fact is None or not ranker.asks_number(question, language) \
            or gives_number(ranker.knowledge, decision.fact.id):
        return decision
    return not_said(question, reply, decision.fact, decision.score, decision.candidates)


def _reason_given(ranker: Ranker, question: str, language: str, context: Context) -> bool:
    """Whether a short question asks why and names nothing of its own beside the
    article's subjects, after an answer that gives a reason."""
    index = ranker.index(language)
    if context.given[0] not in ranker.reasons or len(words(question)) > _REASON_WORDS:
        return False
    normal = index.analyzer.normal(question)
    # The words asking why name nothing ("с чего вдруг": "чего" is a word of phrasings).
    return index.asks_for_reason(normal) \
        and not names_known(index, without_phrases(index.asks_reason, normal))


def _answering(question: str, reply: str, facts: list[Fact], score: float = 100.0) -> Decision:
    """The decision answering with these facts: the fact itself for one, else one part each."""
    parts = tuple(answering(question, reply, fact, score) for fact in facts)
    if len(parts) == 1:
        return parts[0]
    return Decision(question, "parts", reply, score=score, parts=parts)


def _talk_only(index: Index, question: str, language: str) -> str | None:
    """Small talk followed by words that ask nothing of the article, none of them a word
    of its own ("hi there, what can you tell me?", "привет! ты тут?"): that small talk."""
    opened = opening_smalltalk(question, language)
    if opened is None or not words(opened[1]):
        return None
    rest = opened[1]
    return None if names_known(index, rest) or has_unknown(index, rest) else opened[0]


def _closing(question: str, language: str) -> str | None:
    """Thanks or a goodbye with a short remark after it that asks nothing ("thanks a lot,
    that helped", "спасибо большое, выручил!"), or small talk with a polite particle after it
    where words run together ("ສະບາຍດີຄັບ"): that small talk. A greeting before words of
    their own opens a question ("hi, trade 2024"), as does a number ("thanks, and 2025") or a
    continuation ("thanks! and bauxite")."""
    if "?" in question:
        return None
    opened = opening_smalltalk(question, language)
    if opened is None:
        return None
    intent, rest = opened
    if asks_itself(rest, language) or any(char.isdigit() for char in rest) or any(
            f"{rest} ".startswith(f"{lead} ") for lead in phrases(language, "leads")):
        return None
    if unspaced(language):
        return intent if len(rest) <= PARTICLE_LETTERS else None
    # A letter alone is what reading cut off a word ("that's"), or "I": no word of a remark.
    remark = [word for word in rest.split() if len(word) > 1]
    return intent if intent in ("thanks", "bye") and len(remark) <= _REMARK_WORDS else None
