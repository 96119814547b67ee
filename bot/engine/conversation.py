"""A message as a conversation turn: cut into its questions, each decided in the context of
what came before it, and put together as one decision."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from itertools import pairwise

from bot.engine.cue_reading import plain_words, stopwords
from bot.engine.cues import (
    asks_itself,
    asks_only,
    asks_overview,
    asks_with_word,
    refers_to_thing,
)
from bot.engine.decision import Decision, Thresholds, answering
from bot.engine.exclusion import set_aside
from bot.engine.focus import last_sentence
from bot.engine.followup import Context
from bot.engine.splitting import groupings, joined_sentences, listed
from bot.knowledge import Fact, language_resources

_TAG_WORDS = 2  # a piece this short that asks nothing adds to the question before it
_CLAIM_WORDS = 3  # a claim joined to another has this many words at least ("trade fell")
_LIST = re.compile(r"\s*[,;/]\s+|\s+/\s*")  # between the items of a list of questions

# Decides one question in a context.
One = Callable[[str, Context], Decision]
# Whether a piece of a message names something of its own (`pieces.names_own`), or, as
# `details`, whether it asks for a detail a fact may not give (`Ranker.asks_detail`: a number
# or a date, an amount of money, a thing a listed category does not name).
Names = Callable[[str], bool]
# The phrase checking a claim that closes a text ("..., correct?"; `claims.closing_claim`).
Tag = Callable[[str], str | None]


def combine(question: str, language: str, decided: list[Decision]) -> Decision:
    """One decision for several questions: each part once (a fact an earlier part already
    answered is not repeated, nor offered again), greetings and thanks around questions left
    out; a single remaining part is the decision itself. A "did you mean" before the part
    answering its fact stays: it may be a detail the article does not give ("how much in
    dollars is trade worth, and by what percent did it grow?")."""
    parts: list[Decision] = []
    given: set[str] = set()
    asked = [part for part in decided if part.kind != "smalltalk"] or decided[:1]
    for part in asked:
        if part.given and set(part.given) <= given:
            continue
        if part.kind == "clarify" and set(part.suggestions) <= given:
            continue  # it could only mean what an earlier part answered
        given.update(part.given)
        parts.append(part)
    if len(parts) == 1:
        return parts[0]
    suggestions = tuple(dict.fromkeys(
        fact for part in parts if not part.confident for fact in part.suggestions))
    return Decision(question, "parts", language, score=min(part.score for part in parts),
                    suggestions=suggestions, parts=tuple(parts))


def _answers_one_part(whole: Decision, decided: list[Decision], offers: list[Decision]) -> bool:
    """Whether a message read whole answers only one of its parts: the fact it answers is
    one part's answer, and each part left unanswered is clearly unclear between facts
    other than that one: a question of its own ("what did they sign and what period does
    the nuclear plan cover": the road map answers the second part; the first is between the
    memoranda and the visit). A faint guess at a part is no question of its own."""
    answered = [part.fact_id for part in decided if part.kind == "fact"]
    return whole.kind == "fact" and whole.fact_id in answered and all(
        part.kind == "clarify" and part.score >= Thresholds.clarify
        and whole.fact_id not in part.suggestions for part in offers)


def _joined(sentence: str, language: str, context: Context, one: One,
            whole: Decision, details: Names, names: Names,
            subject: Names = lambda word: False,
            facts: Mapping[str, Fact] | None = None, tag: Tag = lambda text: None) -> Decision:
    """One sentence, read as several questions joined by "and" when every part after the
    first is a question of its own ("who ...", "how ...") or a claim the sentence's closing
    tag checks ("trade fell and they signed a defence deal, correct?"), every part is
    answered (each in the context of the parts before it) and they answer different facts;
    otherwise as the one question it is."""
    closing = tag(sentence)
    for grouping in groupings(sentence, language):
        # The parts that carry the closing tag themselves (the last, as a rule).
        tagged = [closing is not None and tag(part) is not None for part in grouping]
        if closing is not None:
            if not all(len(part.split()) - (len(closing.split()) if has else 0) >= _CLAIM_WORDS
                       for part, has in zip(grouping, tagged, strict=True)):
                continue  # "they signed a pact also, right?": one claim, its tag cut off
        elif not all(asks_itself(part, language) and not asks_only(part, language)
                     for part in grouping[1:]):
            continue
        if set(plain_words(grouping[0], language)) <= stopwords(language):
            # "vậy | còn đường sắt ...?" (so | and the railway ...?): a particle before a
            # join opens the one question, no question of its own.
            continue
        if any(before.split() and after.split() and subject(before.split()[-1])
               and subject(after.split()[0]) and not asks_itself(before, language)
               for before, after in pairwise(grouping)):
            # "hàng hóa giữa Nga và Lào ... qua nước nào?" (goods between Russia and Laos):
            # the two sides, one thing, unless what comes before asks by itself.
            continue
        # Each claim is checked by the tag closing them all.
        asked = [part if closing is None or has else f"{part.rstrip(' ,')}, {closing}"
                 for part, has in zip(grouping, tagged, strict=True)]
        # A clean cut (every part asks by itself) may leave a part unanswered when the
        # whole is no answer either: the answered parts, and an offer for the others.
        # What introduces the questions ("hi! two things: what ...") asks nothing itself.
        opening = asked[0].rsplit(": ", 1)[-1]
        first = grouping[0].rsplit(": ", 1)[-1]  # as typed: without a closing tag added
        # Announced questions ("two things: ...") are several whatever the whole reads as.
        announced = opening != asked[0]
        # A preamble of sentences before the question ("hi, I export maize. Is corn on the
        # list, and ...") asks nothing either: the opening asks when its last sentence does,
        # with a word that asks wherever it stands ("через порты какой страны ...").
        last = last_sentence(first)
        asks_own = asks_itself(last, language) or asks_with_word(last, language)
        asking = closing is not None or asks_own
        if not asks_own and set_aside(opening, language) is not None:
            # An opening that only sets something aside asks nothing, however well its words
            # match a fact ("Ngoài nông nghiệp, bài | còn nói ... nào nữa?", besides farming,
            # the article also says which industries: one question, cut at an adverb), nor
            # is it a claim the closing tag checks ("ngoài nông nghiệp ra thì | còn ...
            # dệt may hay thủy điện gì đó đúng ko?").
            continue
        clean = (whole.kind != "fact" or announced) and asking
        decided: list[Decision] = []
        open_parts: list[Decision] = []  # neither answered nor said not to be: offers
        turn = context
        shown = (first, *grouping[1:])  # each part as typed
        for part, typed in zip((opening, *asked[1:]), shown, strict=True):
            decision = one(part, turn)
            if typed != part:
                decision = replace(decision, question=typed)
            # A part the article is known not to answer ("... and how much is that in
            # dollars?") is answered too: by saying so.
            missed = decision.closest is not None
            # A lone "did you mean" shows its answer: as good as one for the part it is, when
            # it is as sure as a "did you mean" with buttons.
            lone = decision.offers_one and decision.score >= Thresholds.clarify
            # The overview asked for ("summarize it for me, and ...") is an answer too, when
            # the part asks for it by itself: a ramble or a question read as the overview
            # around a cue ("... tóm lại là nước nào": in short, which country) is none.
            overview = decision.kind == "overview" and asks_overview(part, language)
            if decision.kind != "fact" and not overview and not missed and not lone:
                if not (asking and decision.suggestions):
                    break
                open_parts.append(decision)
            decided.append(decision)
            turn = turn.told(decision)
        else:
            decided = _told_apart(decided, facts or {}, language)
            open_parts = [part for part in open_parts if part in decided]
            answered = {fact for part in decided if part.kind == "fact" for fact in part.given}
            # Each answer counts: the facts and the overview.
            answers = len(answered) + any(part.kind == "overview" for part in decided)
            unanswered = any(not part.confident for part in decided)
            # A part declined that names a thing of its own and leans to none of the facts
            # answered, none of them too close to call from its best ("... and is oil
            # mentioned anywhere", "... and who is Russia's prime minister"): a question
            # the article does not answer, not a faint guess ("... and what about the start
            # of 2025?").
            declined = bool(open_parts) and all(
                part.kind == "none" and names(part.question)
                and not _leans_to_any(part, answered) for part in open_parts)
            if answers > 1 or (answers and unanswered and (
                    clean or not open_parts or declined
                    or _answers_one_part(whole, decided, open_parts))):
                alike = _one_fact(decided)
                if alike is not None and not any(
                        part.kind != "fact" and details(part.question) for part in decided):
                    # "which agency ran this and on what date?": each part answers, or offers
                    # alone, the same fact: one question in two, answered once. Not when a
                    # part only offered asks for a number ("how much in dollars is trade
                    # worth, and by what percent did it grow?"): a detail it may not give.
                    return replace(alike, question=sentence)
                return combine(sentence, whole.language, decided)
    return _listed(sentence, language, context, one, whole) or whole


def _listed(sentence: str, language: str, context: Context, one: One,
            whole: Decision) -> Decision | None:
    """A sentence not answered whole that lists its questions between commas ("lao
    president name, date of the talks"): each item answered by a fact, once however many
    items it answers ("schools, universities, training - anything agreed on that?" is the
    memoranda). None otherwise: a greeting or a preamble before a comma is no item answered
    ("hi, ..."), nor is what is set aside ("besides agriculture, ...")."""
    if whole.confident or whole.closest is not None:
        return None  # answered whole, or a detail the article is known not to give
    items = [item for item in _LIST.split(sentence) if item.strip(" ?!.")]
    if len(items) < 2 or any(set_aside(item, language) is not None
                             or refers_to_thing(item, language) for item in items):
        # "besides agriculture, which industries?", "finding a time for a meeting, is there
        # an app for this?": one question.
        return None
    decided: list[Decision] = []
    turn = context
    for item in items:
        decision = one(item, turn)
        if decision.kind != "fact":
            return None
        decided.append(decision)
        turn = turn.told(decision)
    return combine(sentence, whole.language, decided)


def _tagged(pieces: list[tuple[str, bool]], language: str, answers: Callable[[str], bool],
            names: Names, in_list: bool = False) -> list[str]:
    """The pieces with a short one that asks nothing by itself read with the one before it:
    "really?", "в августе?" after a question add to it, they are no question of their own;
    one answered by itself ("bauxite mentioned?") is, as is one opening as a continuation
    that names something of its own ("is tea on the list? and coffee?"): the question asked
    again of it."""
    if language_resources(language).segment is not None or in_list:
        # No spaces to count words by (Lao); an item of a list ("1) ... 2) any gold?") is a
        # question of its own however short.
        return [piece for piece, _ in pieces]
    kept: list[str] = []
    for piece, joined in pieces:
        if kept and len(piece.split()) <= _TAG_WORDS and not asks_itself(piece, language) \
                and not answers(piece) and not (joined and names(piece)):
            kept[-1] = f"{kept[-1]} {piece}"
        else:
            kept.append(piece)
    return kept


def _leans_to_any(part: Decision, facts: set[str]) -> bool:
    """Whether a part's best candidate is one of the facts, or too close to call from one."""
    if not part.candidates:
        return False
    best = part.candidates[0].score
    return any(candidate.fact_id in facts and candidate.score >= best - Thresholds.margin
               for candidate in part.candidates)


def _told_apart(decided: list[Decision], facts: Mapping[str, Fact],
                language: str) -> list[Decision]:
    """The parts, each unsure between facts one of which another part answers ("what are
    the Russians mining there, and what about bauxite?"), answered with the one it offered
    first when that is the only one left: the other part tells them apart. Offering the
    answered one first, it may ask that again ("is there a rail link planned, and through
    which country?"); a part that asks nothing by itself ("I heard of new routes"), or
    is a faint guess, says what the other asks of."""
    answered = {fact for part in decided if part.kind == "fact" for fact in part.given}
    told: list[Decision] = []
    for part in decided:
        left = [fact for fact in part.suggestions if fact not in answered]
        if part.kind == "clarify" and len(left) == 1 and left[0] in facts \
                and len(left) < len(part.suggestions) and left[0] == part.suggestions[0] \
                and part.score >= Thresholds.plausible and asks_itself(part.question, language):
            part = answering(part.question, part.language, facts[left[0]], part.score,
                             part.candidates)
        told.append(part)
    return told


def _one_fact(decided: list[Decision]) -> Decision | None:
    """The answer of the pieces when each answers or offers alone one and the same fact."""
    pointed: set[str] = set()
    for decision in decided:
        if decision.kind == "fact":
            pointed.update(decision.given)
        elif decision.offers_one:
            pointed.add(decision.suggestions[0])
        else:
            return None
    if len(pointed) != 1:
        return None
    return next(decision for decision in decided if decision.kind == "fact")


def _leans_to(decision: Decision, fact: str | None, language: str) -> bool:
    """Whether an answered piece is that fact, or has it as close to the top as a "did you
    mean" would offer it, asking no question word of its own ("are water resources
    mentioned?" is the memoranda about them as much as the hydropower that uses them)."""
    if decision.fact_id == fact:
        return True
    if decision.kind != "fact" or asks_itself(decision.question, language):
        return False
    close = decision.score - Thresholds.window
    return any(c.fact_id == fact and c.score >= close for c in decision.candidates)


def converse(question: str, language: str, context: Context, one: One,
             names: Names = lambda text: True, details: Names = lambda text: False,
             subject: Names = lambda word: False,
             facts: Mapping[str, Fact] | None = None, tag: Tag = lambda text: None,
             unknown: Names = lambda text: False) -> Decision:
    """The decision for a message: its questions (cut at line breaks, question marks, "and"
    and the like, in the message's language), each decided after the ones before it;
    `subject`: whether a word names one of the article's subjects (never cut between two);
    `unknown`: whether a text has a word no fact has."""
    whole = one(question, context)
    sentences = joined_sentences(question, language)
    in_list = listed(question)
    pieces = _tagged(sentences, language,
                     lambda piece: one(piece, context).kind == "fact", names, in_list)
    continued = {piece for piece, joined in sentences if joined}  # "... and coffee?"
    if len(pieces) < 2:
        return _joined(question, language, context, one, whole, details, names, subject,
                       facts, tag)
    decided: list[Decision] = []
    turn = before = context
    asked = ""
    for piece in pieces:
        decision = _joined(piece, language, turn, one, one(piece, turn), details, names,
                           subject, facts, tag)
        guess = len(piece.split()) <= _TAG_WORDS and not asks_itself(piece, language) \
            and piece not in continued
        if decision.confident and decided and decided[-1].confident and not in_list \
                and (guess or not names(piece)) and not unknown(piece) and not details(piece):
            # "откуда фотка? чья?": a piece naming nothing of its own after an answered one,
            # read with it, asks that question again: answered by itself ("whose" as the
            # article's), it is no other question. Nor is a word or two guessing its answer
            # ("who announced it and when? putin?"), the answer saying whether it is so.
            together = one(f"{asked} {piece}", before)
            if together.kind == "fact" and together.fact_id in decided[-1].given:
                continue
        if not decision.confident and not in_list and (decided or context.started) \
                and not details(piece):
            # Not answered, not a question of a list (on lines of their own, numbered), and
            # asking for no number or price the article may not give ("how many tonnes do they
            # ship?"), a piece may only say more of the question before it, or of the answer.
            # After an answer, a piece pointing back at it with a word no fact has, and no
            # fact fitting it even faintly ("... and does Russia actually buy any of them?"),
            # asks something new of it: a question the article does not answer, neither the
            # question before asked again nor more of it.
            asks_new = bool(decided) and decided[-1].confident and decision.kind == "none" \
                and decision.closest is None and decision.score < Thresholds.suggest \
                and unknown(piece)
            if decided and refers_to_thing(piece, language, existing=True) and not asks_new:
                # "iron ore? are russians digging for it in laos", "why hydro? what does laos
                # have going for it": a piece pointing back that is no answer by itself says
                # more of the question before it; read together, they may be one answered
                # question.
                together = one(f"{asked} {piece}", before)
                if together.kind == "fact":
                    decided[-1] = together
                    asked = f"{asked} {piece}"
                    turn = before.told(together)
                    continue
            if decided and decision.kind == "none" and decision.closest is None \
                    and decision.score >= Thresholds.suggest \
                    and _leans_to_any(decision, set(decided[-1].given)):
                # "Почему именно ГЭС? С чего вдруг?": declined alone, the one just answered as
                # near its best as any fact (or it), it asks the question before it again in
                # other words ("... Путин в Лаос или наоборот?" after the visit). A piece no
                # fact fits even faintly ("... also any mention of direct flights?") leans to
                # none.
                continue
            if decided and not names(piece) and not asks_new \
                    and (decision.closest is None or not asks_with_word(piece, language)):
                # "is that real?", "where to?" after a question: naming nothing of its own and
                # not answered, it only asks the question before it again. "What's the
                # population?" names a word of its own and stays a question the article does
                # not answer, as does one the article is known not to answer of the fact
                # before it ("... through china?? and when will it be finished?", "when did
                # they meet + where?"), asking with a word that asks; "does it say?", "is
                # there any way to tell?" only ask it again.
                continue
            if not decided and not asks_with_word(piece, language) and not names(piece):
                # "really? even on schools?" after an answer: a reaction to it, naming
                # nothing, before the question the message asks.
                continue
        decided.append(decision)
        before, asked = turn, piece
        turn = turn.told(decision)
    talk = [decision for decision in decided if decision.kind == "smalltalk"]
    if len(decided) > 1 and talk and all(
            decision.kind == "smalltalk" or (decision.kind == "none" and decision.closest is None)
            for decision in decided):
        # "are you chatgpt? who made you", "are you a real person? who made you?": small
        # talk and what the article does not answer, piece by piece, whatever facts the
        # whole message's words happen to match: answered as its last small talk.
        return replace(talk[-1], question=question)
    if not any(decision.confident for decision in decided):
        return whole
    # A piece declined before the one answered, that one as near its best as any fact, and
    # asking no detail a fact may not give ("how is Russia going to ship to Laos with no
    # coast? Through whose harbours?"): the question after it is the same one asked again.
    decided = [decision for decision, after in zip(decided, [*decided[1:], None], strict=True)
               if not (after is not None and after.confident and decision.kind == "none"
                       and decision.closest is None and decision.score >= Thresholds.suggest
                       and not details(decision.question)
                       and _leans_to_any(decision, set(after.given)))]
    alike = _one_fact(decided)
    if alike is not None:
        # "Why the new routes? what's the reason": every piece answers, or offers alone, the
        # same fact: one question asked twice, answered once.
        return replace(alike, question=question)
    if whole.kind == "fact" and all(
            _leans_to(decision, whole.fact_id, language) if decision.confident
            else decision.kind == "clarify" and whole.fact_id in decision.suggestions
            for decision in decided):
        # The pieces answer nothing the whole does not, and the rest of them only leans to what
        # the whole answers: one question, asked in pieces. A piece the article does not
        # answer ("... and what's the population?"), or one unclear between other facts, is
        # still a question of its own.
        return whole
    if whole.kind == "overview" and not any(
            decision.confident for decision in decided if decision.kind != "overview"):
        # Nothing but the overview asked for, among sentences that ask nothing answerable
        # ("summary? no time to read it"): the overview, once.
        return whole
    return combine(question, whole.language, decided)
