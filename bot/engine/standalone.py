"""One question standing on its own: matched against every fact, then read for what it
asks (a detail the article does not give, a person, a claim, a choice between two)."""

from __future__ import annotations

from dataclasses import replace

from bot.engine.claims import checked, checks_claim, offered_alone
from bot.engine.cue_reading import unspaced
from bot.engine.cues import (
    after_opening,
    asks_itself,
    asks_overview,
    asks_with_word,
    refers_back,
    refers_to_thing,
)
from bot.engine.decision import Asks, Candidate, Decision, answering, decide, not_said
from bot.engine.exclusion import besides
from bot.engine.focus import alternatives, before_frame, focus, in_preamble, sentences_of
from bot.engine.kinds import asks_kind_before, asks_within, kinds_before
from bot.engine.members import kin_fact, names_member
from bot.engine.persons import counterpart, described, teller
from bot.engine.pieces import after_preamble, remarks
from bot.engine.ranker import Ranker
from bot.engine.scoring import missing_names, required_names, without_missing
from bot.engine.smalltalk import strip_greeting
from bot.engine.typos import missing_words, names_known, names_missing, token_matches
from bot.knowledge import Fact, language_resources

# Words known only from a fact's `not_in_article` phrasings that make a question one of them:
# one ("exactly", "premier") is in too many questions the fact answers.
_MISSING_WORDS = 2


def decide_alone(ranker: Ranker, question: str, language: str, reply: str) -> Decision:
    """One question standing on its own, matched against every fact."""
    if (decision := besides(ranker, question, language, reply)) is not None:
        return decision
    # A name asked for anywhere in the message is asked of its question part too
    # ("which companies mine there? any names?"), as is something beyond any fact.
    asks = ranker.asks(question, language)
    decision = decide(question, reply, ranker.rank(strip_greeting(question), language),
                      ranker.knowledge, ranker.thresholds_for(language), asks)
    index = ranker.index(language)
    # What a "did you mean" offers first may be the fact asked of, for what it does not say
    # ("cảng nào của Việt Nam, Vũng Áng hay Hải Phòng?": which port, this one or that).
    meant = ranker.knowledge.by_id[decision.suggestions[0]] \
        if decision.kind == "clarify" and decision.suggestions else decision.fact
    if meant is not None and _not_given(ranker, question, language, meant):
        decision = not_said(question, reply, meant, decision.score, decision.candidates)
    person = described(ranker, question, language, reply, asks) or teller(
        ranker, question, language, reply, asks, decision) or counterpart(
        ranker, question, language, reply, asks, decision)
    if person is not None:
        return person
    if decision.kind == "fact":
        return _asking_phrase(ranker, question, language, reply, decision) or decision
    # A long message often wraps its question in a preamble ("hi, I'm writing a report,
    # quick one: how much ..."): the question part alone may be clear where the whole is
    # not (when it answers for the whole: below). A message naming nothing as it is spelt
    # leans nowhere: its best fact is a typo's guess ("какая погода ..., сильно льёт?" read
    # as "лет").
    limits = ranker.thresholds_for(language)
    whole = decision.candidates
    named = bool(whole) and names_known(index, question)
    leaning = {whole[0].fact_id} if named else set()
    announced = after_opening(question, language)
    opened = announced or after_preamble(index, question, language)
    framed = before_frame(question, lambda clause: _frames(ranker, clause, language))
    # A question with a remark after it, asking nothing ("..., i keep forgetting"); a
    # frame found ends at the same clause, so it is that reading already.
    remarked = None if framed else before_frame(
        question, lambda clause: remarks(index, clause, language))
    if remarked is not None and not asks_itself(remarked, language):
        remarked = None
    required = required_names(index, question)
    # What only near misses ask with ("where are the mines?") is asked by a question of the
    # message, not by a preamble telling ("I've always wondered where they dig").
    sentences = sentences_of(question)
    asking = [sentence for sentence in sentences if sentence.endswith("?")]
    unasked = asks.unasked if not asking or asking == sentences \
        else ranker.unasked(" ".join(asking), language)
    for part in [*focus(question), *([opened] if opened else []),
                 *([framed] if framed else []), *([remarked] if remarked else [])]:
        # What comes before a phrase opening the question ("prices are bad, I want to know
        # ...") tells: the question after it asks alone (no amount of money for "prices").
        asked = ranker.asks(part, language) if part == announced else replace(
            asks, number=ranker.asks_number(part, language), unasked=unasked)
        # A sentence setting something aside ("which industries apart from farming?") is
        # read as one, as the whole message would be.
        aside = besides(ranker, part, language, reply)
        focused = replace(aside, question=question) if aside is not None else decide(
            question, reply, ranker.rank(part, language), ranker.knowledge, limits, asked)
        # Opened by a phrase and not pointing back at what comes before it.
        opened_alone = part == announced and not refers_back(part, language)
        # A part answers for the whole message when it confirms what the whole leans to;
        # when a phrase opens it ("..., I want to know ..."), whatever the preamble's words
        # lean to, unless it points back at them ("..., can you tell me some good sites to
        # do this?"); when it is the one sentence asking and no fact fits the whole even
        # faintly ("which metals? my cousin works in Thailand"); when it is a whole
        # sentence asking that settles a tie the rest leaves among close facts ("Хлопок
        # упоминается? Мне для отчёта надо"; a clause cut from one, "..., medicine,
        # farming?", only confirms the best); when it is the clause asking whether a thing
        # is mentioned ("my uncle trades rice, is rice mentioned?") and its fact is one the
        # whole fits at all, whatever the preamble's words lean to; or when countries and
        # numbers only a preamble names ("tried China, then Vietnam. Is tea mentioned?")
        # hold the whole to no fact, nor, where the message asks one question, to no offer
        # of its close facts. Never when it asks what its fact does not say.
        untold = focused.kind == "fact" and _not_given(ranker, part, language, focused.fact)
        if untold and focused.fact is not None and decision.kind in ("none", "clarify") \
                and decision.closest is None:
            # "Which Vietnamese port? Hai Phong?": declined as its sentence asking is, with
            # what the article does say of it, where the whole is no answer.
            decision = not_said(question, reply, focused.fact, decision.score,
                                decision.candidates)
        if focused.kind == "fact" and not untold \
                and (focused.fact_id in leaning or opened_alone
                     or (asking == [part] and (not whole or whole[0].score < limits.suggest)
                         and not asks_overview(part, language))
                     or (named and part in sentences
                         and _near_best(whole, focused.fact_id, limits.window))
                     or (part not in sentences
                         and _mentions_asked(ranker, part, language)
                         and focused.fact_id in {c.fact_id for c in whole})
                     or _preamble_only(ranker, required, question, part, language)):
            return focused
        offered = focused.kind == "clarify" and decision.kind == "none"
        if offered and (focused.suggestions[0] in leaning or opened_alone or (
                len(asking) < 2 and _preamble_only(ranker, required, question, part, language))):
            decision = focused
    if checks_claim(index, question):
        return checked(ranker, question, language, reply) or offered_alone(ranker, language,
                                                                          reply, decision)
    if _states(ranker, question, language):
        claimed = checked(ranker, question, language, reply)
        if claimed is not None and claimed.fact_id in ranker.placed:
            return claimed
    if decision.closest is None:
        return _chosen(ranker, question, language, reply, asks, leaning,
                       {c.fact_id for c in whole}) or decision
    return decision


def elsewhere(ranker: Ranker, question: str, language: str, reply: str) -> Decision | None:
    """A question declined only because it names a country or a number no fact has ("is
    the railway going through Thailand?", "trade in 2023"): the article does not say
    that, and what the rest of it asks is what the article does say; None otherwise."""
    index = ranker.index(language)
    rest = without_missing(index, question)
    if not rest:
        return None
    about = decide(question, reply, ranker.rank(rest, language), ranker.knowledge,
                   ranker.thresholds_for(language), replace(ranker.asks(rest, language),
                                                          beyond=False))
    if about.fact is None:
        # A preamble before the question ("we're looking at routes. Is the sea route going
        # through Thailand?"): the sentence naming what no fact has, read alone.
        named = next((left for sentence in reversed(sentences_of(question)[1:])
                      if (left := without_missing(index, sentence))), None)
        if named:
            about = decide_alone(ranker, named, language, reply)
    if about.fact is None:
        return None
    return not_said(question, reply, about.fact, about.score, about.candidates)


def kin(ranker: Ranker, question: str, language: str, reply: str) -> Decision | None:
    """A question declined that names a thing of a category the article names other
    things of ("is coffee mentioned?"): the article does not say that, and the fact
    naming the category ("rice, ..., tea, tobacco") is what it does say; else None."""
    index = ranker.index(language)
    number = kin_fact(index, question)
    if number is None:
        return None
    fact = ranker.knowledge.facts[number]
    if names_member(index, question, number):
        asks = ranker.asks(question, language)
        if not (asks.number or asks.beyond or asks.money is not None
                or asks.named is not None):
            # "Coffee, or tea at least?": the list names one of them, and that is the
            # answer; not "how much does shipping a container by sea cost?", a detail it
            # does not give.
            return answering(question, reply, fact, 0.0)
    return not_said(question, reply, fact)


def _frames(ranker: Ranker, clause: str, language: str) -> bool:
    """Whether a last clause only frames the one before, pointing back at it ("what's the
    easiest way to do this?"): not asking a number or a detail the article does not give
    of it ("how much is that in dollars?"), nor pointing at the article itself ("what
    outlet is this piece credited to": `refers_to_thing` reads a pointer beside the
    article's name as pointing at the article)."""
    return refers_to_thing(clause, language) and not ranker.asks_number(clause, language) \
        and not names_missing(ranker.index(language), clause)


def _names_place(ranker: Ranker, question: str, language: str) -> bool:
    """Whether the question names a country other than the article's subjects."""
    return any(not name[0].isdigit()
               for name in required_names(ranker.index(language), question))


def _preamble_only(ranker: Ranker, named: list[str], question: str, part: str,
                   language: str) -> bool:
    """Whether the countries and numbers the question names (`named`) that its part does not
    all stand in a sentence before the part: the preamble's, not the question's."""
    kept = set(required_names(ranker.index(language), part))
    return in_preamble([name for name in named if name not in kept], question, part)


def _states(ranker: Ranker, question: str, language: str) -> bool:
    """Whether the question states something with a country or number no fact has and
    asks no question word ("the railway goes through Thailand?")."""
    missing = missing_names(ranker.index(language), question)
    if not missing or all(word[0].isdigit() for word in missing):
        return False
    return not asks_with_word(question, language)


def _not_given(ranker: Ranker, question: str, language: str, fact: Fact | None) -> bool:
    """Whether the question asks of the fact what it does not say ("Which Vietnamese port
    will they use?"): a word the article is known not to give of this very fact ("ທ່າເຮືອໃດ",
    which port), a kind no fact has named before its question word ("ở tỉnh nào", in which
    province), or a kind of thing inside a country the fact names."""
    index = ranker.index(language)
    return fact is not None and (
        _asks_missing(ranker, question, language, fact)
        or any(not token_matches(index, word, token)
               for word, token in kinds_before(index, question, language))
        or (_names_place(ranker, question, language)
            and (asks_within(index, question, language, index.places)
                 or asks_kind_before(index, question, language))))


def _asks_missing(ranker: Ranker, question: str, language: str, fact: Fact) -> bool:
    """Whether the question has `_MISSING_WORDS` or more words the knowledge base knows
    only from this fact's `not_in_article` phrasings (in n-grams, as many more as overlap)."""
    index = ranker.index(language)
    missing = missing_words(index, question)
    number = ranker.knowledge.facts.index(fact)
    # Read as overlapping n-grams (Lao), two letters' junction is already two of them ("ທີ່ຈະ",
    # that will): a word stands for as many n-grams more as one n-gram overlaps the next.
    segment = language_resources(language).segment
    extra = segment.size - 1 if segment is not None and segment.method == "ngrams" else 0
    return len(missing) >= _MISSING_WORDS + extra and all(
        number in index.miss_postings[token] for token in missing)


def _chosen(ranker: Ranker, question: str, language: str, reply: str, asks: Asks,
            leaning: set[str], candidates: set[str]) -> Decision | None:
    """A question between alternatives ("an official visit or just passing through?")
    answered by the one fact its alternatives point to, read each on its own: one fact
    for each that points to any, the one the whole leans to. None otherwise."""
    parts = alternatives(question, language)
    if not all(names_known(ranker.index(language), part) for part in parts):
        return None  # "Hải Phòng or Vũng Áng?": a choice between things no fact names
    readings = [decide(question, reply, ranker.rank(part, language), ranker.knowledge,
                       ranker.thresholds_for(language),
                       replace(asks, number=ranker.asks_number(part, language)))
                for part in parts]
    answered = {reading.fact_id for reading in readings if reading.kind == "fact"}
    pointed = answered | {fact for reading in readings if reading.kind == "clarify"
                          for fact in reading.suggestions[:1]}
    if len(answered) == 1 and pointed == answered and answered <= leaning:
        return next(reading for reading in readings if reading.kind == "fact")
    if len(readings) > 1 and sum(reading.kind == "fact" for reading in readings) == 1 \
            and all(reading.kind in ("fact", "clarify") for reading in readings) \
            and answered <= candidates:
        # "Did the Lao leader go to Russia or did Putin go to Laos?": the one alternative a
        # fact says is so, the others only unsure between facts (naming Putin), is the
        # answer; not one beside alternatives no fact has ("Haiphong or Da Nang?"), nor one
        # asking a detail the fact does not give, read alone ("which port: Haiphong, ...").
        at = next(at for at, reading in enumerate(readings) if reading.kind == "fact")
        alone = decide_alone(ranker, parts[at], language, reply)
        if alone.kind == "fact" and alone.fact_id == readings[at].fact_id:
            return replace(readings[at], question=question)
    return None


def _mentions_asked(ranker: Ranker, clause: str, language: str) -> bool:
    """Whether a clause asks whether something is mentioned ("..., is rice mentioned?")."""
    index = ranker.index(language)
    return index.asks_for_mention(index.analyzer.normal(clause))


def _near_best(candidates: tuple[Candidate, ...], fact_id: str | None, window: float) -> bool:
    """Whether the fact is among the candidates within the window of the best."""
    return any(c.fact_id == fact_id and c.score >= candidates[0].score - window
               for c in candidates)


def _asking_phrase(ranker: Ranker, question: str, language: str, reply: str,
                   whole: Decision) -> Decision | None:
    """Where words run together and spaces part phrases (Lao), the last phrase asking,
    after phrases setting the scene ("ຕອນໄປຢ້ຽມຢາມຣັດເຊຍ | ໄດ້ເຊັນເອກະສານຫຍັງແດ່", during
    the visit | what did they sign): its fact, when it answers by itself and is close to
    the whole's best."""
    if not unspaced(language):
        return None
    chunks = question.split()
    if len(chunks) < 2:
        return None
    last = next((at for at in range(len(chunks) - 1, 0, -1)
                 if asks_itself(chunks[at], language)), None)
    if last is None or asks_itself(" ".join(chunks[:last]), language):
        return None
    part = " ".join(chunks[last:])
    limits = ranker.thresholds_for(language)
    alone = decide(part, reply, ranker.rank(part, language), ranker.knowledge, limits,
                   ranker.asks(part, language))
    if alone.kind != "fact" or alone.fact_id == whole.fact_id or not _near_best(
            whole.candidates, alone.fact_id, limits.window):
        return None
    return replace(alone, question=question)
