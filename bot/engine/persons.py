"""Questions asking for a person: a name asked of someone a clause describes, and who did
what a fact reports."""

from __future__ import annotations

from collections.abc import KeysView
from collections.abc import Set as AbstractSet
from dataclasses import replace

from rapidfuzz import fuzz

from bot.engine.cue_reading import unspaced
from bot.engine.cues import asks_itself
from bot.engine.decision import Asks, Decision, answering, decide, gives_number
from bot.engine.focus import before_relative
from bot.engine.naming import people
from bot.engine.ranker import Ranker
from bot.engine.typos import token_matches

_SAME_NAME = 80  # rapidfuzz ratio: "тонглун" is "тхонглун", "thonglun" is "thongloun"


def counterpart(ranker: Ranker, question: str, language: str, reply: str, asks: Asks,
                decision: Decision) -> Decision | None:
    """A name or a person asked of someone the question itself names ("Тонглун Сисулит с
    кем переговоры вёл?", "the Lao president who met Putin"): the question does not ask
    for that person. When the fact it points to names nobody else, the best close fact
    naming someone the question does not is the answer. None otherwise."""
    if (asks.person is None and asks.named is None) or not decision.candidates:
        return None
    if decision.kind not in ("fact", "clarify"):
        return None
    index = ranker.index(language)
    names = _people(ranker, language)
    said = {matches[0][0] for word, token in index.analyzer.pairs(question)
            if (matches := token_matches(index, word, token))}

    # The names the question gives, spelt as they may be ("Тонглун").
    given = {name for runs in names.values() for name in runs
             if any(fuzz.ratio(token, word) >= _SAME_NAME for token in name for word in said)}
    if not given:
        return None  # the question names nobody

    def others(fact: str) -> bool:
        """Whether the fact names someone the question does not."""
        return not given.issuperset(names.get(fact, ()))

    best = decision.candidates[0]
    if decision.kind == "fact" and others(best.fact_id):
        return None
    limits = ranker.thresholds_for(language)
    naming = [candidate for candidate in decision.candidates if others(candidate.fact_id)
              and candidate.score >= max(limits.clarify, best.score - limits.window)]
    if not naming:
        return None
    return answering(question, reply, ranker.knowledge.by_id[naming[0].fact_id],
                     naming[0].score, decision.candidates)


def _people(ranker: Ranker, language: str) -> dict[str, tuple[frozenset[str], ...]]:
    """The names each fact's answer gives in the language, read once per index."""
    index = ranker.index(language)
    if index.people is None:
        index.people = people(ranker.knowledge, index)
    return index.people


def described(ranker: Ranker, question: str, language: str, reply: str,
              asks: Asks) -> Decision | None:
    """A name asked of someone a clause describes ("who is the Lao head of state who met
    Putin?"): answered by what comes before the clause, when that asks and is clear; the
    clause only says which one (its words, Putin's, would otherwise pull to the facts about
    him). None otherwise."""
    if asks.person is None and asks.named is None:
        return None
    head = before_relative(question, language)
    if head is None or not asks_itself(head, language):
        return None  # "please tell me | who ...": "who" asks, it describes nothing
    headed = decide(question, reply, ranker.rank(head, language), ranker.knowledge,
                    ranker.thresholds_for(language),
                    replace(asks, number=ranker.asks_number(head, language)))
    return headed if headed.kind == "fact" else None


def teller(ranker: Ranker, question: str, language: str, reply: str, asks: Asks,
           decision: Decision) -> Decision | None:
    """Who did what a fact reports, or when ("who announced the railway through China?",
    "on what date did Putin announce sea transport via Vietnam?"): when the fact the
    question points to (answered, offered first, or said not to give a date) names nobody,
    or gives no number, its one related fact (for who, else one a step further) that does
    and that has a word of the question the first lacks ("announced"; not a question word,
    nor one asking for a number: "what date") is who did it, or when. None otherwise."""
    if not decision.candidates:
        return None
    knowledge = ranker.knowledge
    giving = asks.person
    if giving is None and asks.number and asks.money is None and not unspaced(language):
        # The country the question names ("via Vietnam") is in what was announced, not in
        # the announcement: the fact it points to is the thing done, not when. Not where
        # words run together (Lao): an n-gram shared is no deed named. Not a price ("how
        # much will it cost"): no date gives one.
        giving = frozenset(fact.id for fact in knowledge.facts
                           if gives_number(knowledge, fact.id))
    if giving is None:
        return None
    # "Who announced the new routes, and on what date?" is no question the routes leave
    # unanswered for want of a date: the one who announced them may give it.
    dated = asks.number and decision.closest is not None
    # Unsure between facts naming nobody ("who announced the plan to expand sea transport
    # via Vietnam?": the routes or why they are opened), the best one's teller still is.
    if not (decision.kind in ("fact", "clarify") or dated):
        return None
    best = decision.candidates[0].fact_id
    if best in giving:
        return None
    index = ranker.index(language)

    def tokens(fact: str) -> KeysView[str]:
        """The fact's tokens in the index."""
        return index.fact_tokens(knowledge.facts.index(knowledge.by_id[fact]))

    def deeds(fact: str) -> AbstractSet[str]:
        """The tokens a teller is told by: asked when, the words of its answer, the deed
        it dates ("announced"), not one of the ways its questions ask ("take place")."""
        if asks.person is not None:
            return tokens(fact)
        return {token for _, token in index.analyzer.pairs(
            knowledge.by_id[fact].answer_in(language))}

    own = tokens(best)
    asked = {token for word, token in index.analyzer.pairs(question)
             if token not in index.common and token not in own
             and token not in index.interrogatives and token not in index.number_words
             and token_matches(index, word, token)}
    related = knowledge.by_id[best].related
    tellers = [fact for fact in related if fact in giving and not asked.isdisjoint(deeds(fact))]
    if not tellers and asks.person is not None:
        # "Кто заявил о расширении морских перевозок?" of why the routes are opened: the
        # teller of the routes it is the reason for, one step further.
        further = dict.fromkeys(far for fact in related for far in knowledge.by_id[fact].related
                                if far != best and far not in related)
        tellers = [fact for fact in further if fact in giving
                   and not asked.isdisjoint(deeds(fact))]
    if len(tellers) != 1 or (dated and not gives_number(knowledge, tellers[0])):
        return None
    return answering(question, reply, knowledge.by_id[tellers[0]], decision.score,
                     decision.candidates)
