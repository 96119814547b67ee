"""A claim checked ("so the railway goes via Thailand, right?"): answered by the fact the
rest of it points to, which says what the article does say."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.engine.cue_reading import unspaced
from bot.engine.decision import Decision, answering, decide
from bot.engine.index import Index
from bot.engine.ranker import Ranker
from bot.engine.scoring import rank, without_missing
from bot.engine.smalltalk import strip_greeting
from bot.engine.typos import token_matches

# A claim checked is answered only when this many of its words point to the fact: one word
# ("Putin flew to Vientiane, right?") is in too many facts to say which one corrects it.
_CLAIM_WORDS = 2
# Where words run together their n-grams are counted as words by the n-grams a word of the
# first language is cut into on average: a long word ("ທາງລົດໄຟ", railway) is more than one,
# a short one ("ຜ່ານ", through) less, so two words may count as fewer.
_CLAIM_WORDS_GRAMS = 1.5
_NUMBERS = re.compile(r"\d+(?:[.,:/–-]\d+)*")


def checks_claim(index: Index, question: str) -> bool:
    """Whether the question checks a claim (the language's `checks_claim`: "right?")."""
    return index.checks_a_claim(index.analyzer.normal(question))


def closing_claim(index: Index, text: str) -> str | None:
    """The phrase checking a claim that closes the text ("..., correct?"), as read; None
    when none does: a tag closing a message checks every claim joined in it ("so trade
    fell and they signed a defence deal, correct?")."""
    if index.checks_claim is None:
        return None
    normal = index.analyzer.normal(text)
    last = next(reversed(list(index.checks_claim.finditer(normal))), None)
    if last is None or normal[last.end():].strip(" .!?"):
        return None
    return last.group()


def checked(ranker: Ranker, question: str, language: str, reply: str) -> Decision | None:
    """The fact the rest of a claim checked points to, ahead of the others by the margin a
    question needs and having two of its words: it confirms or corrects the claim ("the rail
    link runs through Thailand, right?": the routes, not the reason for them). None when
    the rest points nowhere clear. Not held to what the whole question leans to: the
    claim's own numbers and names ("on 2024-2025, right?") pull the whole elsewhere."""
    index = ranker.index(language)
    # The countries and numbers no fact has ("Thailand") are the claim's too, and what
    # marks it as a claim ("right?", "правильно понял") points to no fact.
    greeted = strip_greeting(question)
    rest = without_missing(index, greeted) or greeted
    if index.checks_claim is not None:
        rest = index.checks_claim.sub(" ", index.analyzer.normal(rest))
    limits = ranker.thresholds_for(language)
    knowledge = ranker.knowledge
    # A claim names its subject in its own words and its mistake in others: the fact the
    # subject points to leads by less than a question's would, and corrects it all the same.
    sure = replace(limits, fact=limits.clarify)
    asks = replace(ranker.asks(question, language), beyond=False)
    decision = decide(question, reply, rank(index, rest, knowledge.facts, ranker.weights,
                                            claim=True), knowledge, sure, asks)
    if decision.kind != "fact":
        # Its numbers may be the claim's own mistake ("the road map is for 2024-2025,
        # right?": 2024 is the trade figures' year): what its other words point to.
        numberless = _NUMBERS.sub(" ", rest)
        if numberless != rest:
            decision = decide(question, reply, rank(index, numberless, knowledge.facts,
                                                    ranker.weights, claim=True),
                              knowledge, sure, asks)
    if decision.kind != "fact" or decision.fact is None:
        return None
    has = index.fact_tokens(knowledge.facts.index(decision.fact))
    shared = sum(1 for word, token in index.analyzer.pairs(rest)
                 if token not in index.common
                 and (found := token_matches(index, word, token)) and found[0][0] in has)
    # Counted in words: a language cut into n-grams has several to a word.
    least = _CLAIM_WORDS_GRAMS if unspaced(language) else _CLAIM_WORDS
    return decision if shared / index.borrowed_weight >= least else None


def offered_alone(ranker: Ranker, language: str, reply: str, whole: Decision) -> Decision:
    """A claim checked whose rest points nowhere clear, read whole: the one fact it offers
    alone, when plausible, answers it ("so they signed a military pact, right?": the
    memoranda), since a claim is checked against what the article says of its subject;
    the whole decision otherwise."""
    if not whole.offers_one or whole.score < ranker.thresholds_for(language).plausible:
        return whole
    fact = ranker.knowledge.by_id[whole.suggestions[0]]
    return answering(whole.question, reply, fact, whole.score, whole.candidates)
