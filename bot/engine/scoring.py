"""Scoring the shortlisted facts against a question: coverage, phrasing, intent, near misses."""

from __future__ import annotations

import itertools
import math
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process

from bot.engine.contrasts import contrasted
from bot.engine.cue_reading import unspaced
from bot.engine.decision import Candidate
from bot.engine.index import Index, Shape, phrase_postings, subject
from bot.engine.kinds import kind_tokens
from bot.engine.places import single_words
from bot.engine.reading import sorted_words, words
from bot.engine.retrieval import Query, Weights, shortlist
from bot.engine.typos import specific_number, swapped_stopword, token_matches
from bot.knowledge import Fact

_NEAR_MISS_RECALL = 0.8  # share of a `not_in_article` phrasing's words a question must have
# The same over n-grams (Lao): one word said another way breaks the several n-grams of it.
_NEAR_MISS_RECALL_GRAMS = 0.7


def rank(index: Index, question: str, facts: tuple[Fact, ...], weights: Weights,
         claim: bool = False) -> list[Candidate]:
    """Score the facts that share (possibly misspelt) words with the question, best first;
    of a `claim` checked ("so they signed a military pact, right?"), only by the words some
    fact has: the others are what the asker believes, not what they ask about."""
    limits = weights
    pairs = contrasted(index, index.analyzer.pairs(join_compounds(index, question)))
    if claim:
        pairs = tuple(pair for pair in pairs if token_matches(index, *pair))
    if not pairs:
        return []
    # "the first months of '25", "в 25-м году": two digits no fact has, of a year one has.
    pairs = tuple((word, index.years.get(token, token) if token not in index.weights else token)
                  for word, token in pairs)
    # Numbers typed as digits and other countries must be in the fact; a number written as a
    # word ("the two sides") is an ordinary word.
    text = index.analyzer.normal(question)
    # A claim's own numbers and countries ("on 2024-2025, right?") are what it checks, not
    # what a fact must have.
    required = set() if claim else {token for _, tokens in _required(index, text, pairs)
                                    for token in tokens}
    if not any(token in index.interrogatives for _, token in pairs):
        # Keywords with the source's year ("ports Vietnam Laos 2025") date the search: this
        # news, whether or not the fact says the year. A question asking with it ("and how
        # about 2025?") asks for that year.
        required.discard(index.source_year or "")
    similarity_of: dict[str, float] = {}
    terms: list[tuple[float, list[tuple[str, float]]]] = []  # (weight, matches) in order
    total_weight = 0.0
    known_weight = 0.0
    shared = 0.0
    resolved: list[str] = []  # the question's tokens as the knowledge spells them (typos)
    unknown = 0  # words no fact has
    # "Hôm nào" (which day) asks for a date as "when" does, of what the rest names; with
    # nothing else named ("how old is he?") its word is all the question has.
    found = [token_matches(index, word, token) for word, token in pairs]
    if not all(found):
        # "teh": a stopword typed fast says nothing, as the stopword does.
        kept = [(pair, matches) for pair, matches in zip(pairs, found, strict=True)
                if matches or not swapped_stopword(index, pair[0])]
        pairs, found = tuple(pair for pair, _ in kept), [matches for _, matches in kept]
    dating = index.number_words if any(
        matches and token not in index.number_words and token not in index.interrogatives
        and token not in index.common
        for (_, token), matches in zip(pairs, found, strict=True)) else frozenset()
    examples = _examples(index, {token for _, token in pairs})
    # "Early 2025": a part of a year beside a number dates the question as a month does.
    periods = index.periods if any(token[0].isdigit() for _, token in pairs) else frozenset()
    for (_, token), matches in zip(pairs, found, strict=True):
        resolved.append(matches[0][0] if matches else token)
        if not matches:
            if token in index.months or token in dating or token in periods:
                continue  # "jan-may 2025" dates the question; the year is what facts have
            if token in examples:
                continue  # "root crops, like potatoes?": the category is what it asks
            total_weight += index.unknown_weight * limits.unknown_factor
            unknown += 1
            continue
        # A Latin word or a number among n-grams (Lao) weighs a whole word.
        weight = index.token_weight(matches[0][0])
        total_weight += weight
        if token in index.common:
            # The article's main subjects (Laos, Russia) fit every fact, stated or not.
            shared += weight
            continue
        known_weight += weight
        for choice, similarity in matches:
            similarity_of[choice] = max(similarity_of.get(choice, 0.0), similarity / 100.0)
        terms.append((weight, matches))
    named = frozenset(index.subjects.intersection(resolved))
    if len(named) == 1:
        # One of the article's subjects without the other tells facts apart ("the president
        # of Laos", not of Russia): a phrasing naming it is the closer.
        similarity_of.update(dict.fromkeys(named, 1.0))
    else:
        named = frozenset()
    coverage = shortlist(
        index, Query(terms, frozenset(required), shared, total_weight, known_weight), weights
    )
    query = " ".join(resolved)
    # Near misses have words of their own ("transit", "military"): not typos of others.
    as_missed = [
        token if token in index.miss_words else found
        for (_, token), found in zip(pairs, resolved, strict=True)
    ]
    missing = miss_question(index, as_missed)
    ranked: list[Candidate] = []
    intents = index.intents.intersection(resolved)
    # What the question asks with: its question words; none to tell apart when it has
    # none (keywords: "president of russia") or asks for a number or a date ("on what date
    # ..." is "when ...").
    asks = any(token in index.interrogatives for token in resolved)
    asked = intents if asks and not index.asks_for_number(text) else None
    if claim and not asks:
        # A claim asks whether it is so: not why, who or when ("the railway runs via
        # Thailand, right?" is the routes, not the reason for them).
        asked = frozenset()
    # The kinds the question asks for; None where they weigh nothing (not read).
    kinds = kind_tokens(index, question, index.analyzer.language) if limits.kind_bonus \
        else None
    relevance = bm25(index, [fact for _, fact in coverage], terms) if limits.bm25_weight else {}
    # A question naming one of the article's subjects (Laos) asks little of a fact naming
    # only the other. Not where words run together: "ລາວ" (Laos) is also "he".
    other_subject = index.subjects - named \
        if named and not unspaced(index.analyzer.language) else frozenset()
    # Over what a fact having every term once would score: words no fact has count against
    # every fact, as they do in coverage.
    ideal = sum(map(index.idf, (matches[0][0] for _, matches in terms)))
    ideal = ideal + unknown * index.idf("") or 1.0
    for share, fact in coverage:
        score = 100.0 * limits.query_weight * share
        score += phrase_score(index, fact, query, similarity_of, weights, asked, named, kinds)
        if relevance:
            share_of_ideal = min(relevance[fact] / ideal, 1.0)
            score = (1 - limits.bm25_weight) * score + limits.bm25_weight * 100.0 * share_of_ideal
        has = index.fact_tokens(fact)
        if intents and intents <= has:
            score += limits.intent_bonus
        if kinds and not kinds.isdisjoint(index.kinds[fact]):
            score += limits.kind_bonus
        if other_subject and has_only(has, other_subject, named):
            # "Tổng thống Lào" is not Putin, whom the fact calls the president of Russia.
            score *= limits.other_subject
        overlap = near_miss(index, missing, fact) if index.misses[fact] else None
        missed = overlap is not None
        if overlap is not None:
            # Matching a question the knowledge base says this fact does not answer is
            # evidence in itself, however little the question shares with the fact.
            score = max(score, 100.0 * overlap)
        evidence = sum(
            weight * (matches[0][1] if matches[0][0] in has else 0.0) / 100.0
            if len(matches) == 1  # most terms: one word as the knowledge base spells it
            else weight * max((s for choice, s in matches if choice in has), default=0.0) / 100.0
            for weight, matches in terms
        )
        explained = evidence / known_weight if known_weight else 0.0
        ranked.append(Candidate(facts[fact].id, score, share, missed, explained))
    # A question the knowledge base lists as one its fact does not answer is a near miss of
    # that fact even when it shares too little with the fact to be shortlisted.
    shortlisted = {fact for _, fact in coverage}
    for fact in sorted({f for token in as_missed for f in index.miss_postings.get(token, ())}):
        if fact not in shortlisted:
            overlap = near_miss(index, missing, fact)
            if overlap is not None:
                ranked.append(Candidate(facts[fact].id, 100.0 * overlap, 0.0, True))
    if not asks and index.asks_for_mention(text):
        said = {facts[number].id for _, matches in terms
                for number in index.answer_postings.get(matches[0][0], ())}
        ranked = _said_first(ranked, said, limits.unsaid)
    ranked.sort(key=lambda candidate: candidate.score, reverse=True)
    return ranked


def _said_first(ranked: list[Candidate], said: set[str], unsaid: float) -> list[Candidate]:
    """The candidates of a question asking whether something is mentioned ("is Vietnam
    mentioned?"), those not among the facts whose answers say it (`said`) scored `unsaid`
    times lower when one candidate is: the article's words are the evidence, not a phrasing
    asking with them ("Is this from the Vietnam News Agency?")."""
    if said.isdisjoint(candidate.fact_id for candidate in ranked):
        return ranked
    return [candidate if candidate.fact_id in said
            else replace(candidate, score=candidate.score * unsaid) for candidate in ranked]


_K1 = 1.5
_B = 0.75


def bm25(
    index: Index, facts: list[int], terms: list[tuple[float, list[tuple[str, float]]]]
) -> dict[int, float]:
    """Okapi BM25 of each fact for the question's terms (a misspelt term counts at its
    similarity), each fact one document of its phrasings and answer."""
    average = index.average_length
    result: dict[int, float] = {}
    for fact in facts:
        counts, length = index.term_counts[fact], index.lengths[fact]
        norm = _K1 * (1 - _B + _B * length / average)
        value = 0.0
        for _, matches in terms:
            if len(matches) == 1:  # most terms: a word as the knowledge base spells it
                choice, similarity = matches[0]
                if choice not in counts:
                    continue
                count = counts[choice]
            else:
                found = [(counts[choice], similarity) for choice, similarity in matches
                         if choice in counts]
                if not found:
                    continue
                count, similarity = max(found)
                choice = next(c for c, _ in matches if c in counts)
            value += index.idf(choice) * count * (_K1 + 1) / (count + norm) * similarity / 100.0
        result[fact] = value
    return result


def join_compounds(index: Index, question: str) -> str:
    """The question with two words joined where the knowledge base writes them as one
    ("sugar cane" is "sugarcane", "hydro power" is "hydropower")."""
    found = words(question)
    if not any(a + b in index.surface for a, b in itertools.pairwise(found)):
        return question
    merged: list[str] = []
    for word in found:
        if merged and merged[-1] + word in index.surface and len(merged[-1] + word) >= 6:
            merged[-1] += word
        else:
            merged.append(word)
    return " ".join(merged)


def phrase_score(
    index: Index, fact: int, query: str, similarity_of: dict[str, float], weights: Weights,
    asked: frozenset[str] | None = frozenset(), named: frozenset[str] = frozenset(),
    kinds: frozenset[str] | None = None,
) -> float:
    """The phrasing part of a fact's score: weighted recall of its closest phrasing and
    word-order-free similarity to its closest phrasing. A phrasing asking with a question
    word the question lacks ("where were the memoranda signed" for "what memoranda were
    signed", `asked` its question words; None: any) asks something else: it counts only
    when every phrasing of the fact does. So does one asking for a kind of thing the
    question never names, when the question asks for no kind itself (`kinds`, the kinds it
    asks for; None: not read). So does a phrasing naming only the article's other
    subject when the question names one (`named`): "who is the president of Russia" does
    not ask who the president of Laos is."""
    limits = weights
    # Only phrasings that have one of the question's words can recall anything.
    term_weights = index.weights
    built = index.phrase_postings.get(fact)
    if built is None:
        built = phrase_postings(index.phrase_tokens(fact), term_weights, index.intents)
        index.phrase_postings[fact] = built
    having, totals, asking, ordered = built
    other = set() if asked is None else {
        number for number, words in enumerate(asking) if words and words.isdisjoint(asked)}
    if asked is not None and kinds is not None and not kinds and index.phrase_kinds:
        # "During which visit were the documents signed?" asks which visit: not what a
        # question asking for no kind of thing and naming no visit asks ("what did they
        # sign"). One asking for a kind ("what land transport") may name a category of it.
        other |= {number for number, wanted in index.phrase_kinds[fact]
                  if wanted.isdisjoint(similarity_of)}
    if named:
        # The postings say which phrasings name each subject: no phrasing read again.
        naming_other = {number for subject in index.subjects - named
                        for number in having.get(subject, ())}
        other |= naming_other.difference(*(having.get(subject, ()) for subject in named))
    if len(other) == len(asking):
        other = set()
    found: dict[int, float] = {}
    for token, similarity in similarity_of.items():
        phrases = having.get(token)
        if phrases:
            weighted = term_weights[token] * similarity
            for phrase in phrases:
                found[phrase] = found.get(phrase, 0.0) + weighted
    recall = max((value / totals[phrase] for phrase, value in found.items()
                  if phrase not in other), default=0.0)
    # token_sort_ratio is the ratio of the texts with their words sorted: the phrasings are
    # sorted once, when their postings are built, not again for every question.
    phrasings = ordered
    if other:
        phrasings = [phrase for number, phrase in enumerate(phrasings) if number not in other]
    best_phrase = process.extractOne(sorted_words(query), phrasings, scorer=fuzz.ratio)
    similarity = best_phrase[1] if best_phrase else 0.0
    rest = 1.0 - limits.query_weight - limits.phrase_weight
    return 100.0 * limits.phrase_weight * recall + rest * similarity


def _beside(index: Index, tokens: Sequence[str], among: Container[str]
            ) -> tuple[str | None, str | None]:
    """The words of `among` nearest the first question word, before and after it, past
    other question words and the article's subjects; (None, None) without a question word."""
    at = next((at for at, token in enumerate(tokens) if token in index.interrogatives), None)
    if at is None:
        return None, None

    def nearest(side: Iterable[str]) -> str | None:
        return next((token for token in side if token in among
                     and token not in index.interrogatives and token not in index.subjects
                     and token not in index.common), None)

    return nearest(reversed(tokens[:at])), nearest(tokens[at + 1:])


def asks_other(index: Index, question: Sequence[str], phrasing: Sequence[str]) -> bool:
    """Whether the question asks for another thing than the phrasing, both with the same
    words: next to the question word, a word the phrasing has elsewhere ("which metals do
    the companies mine" is not "which companies mine the metals"). Words the phrasing does
    not have are passed over ("when will the new railway open")."""
    asked = _beside(index, question, set(phrasing))
    aimed = _beside(index, phrasing, set(phrasing))
    pairs = [(one, other) for one, other in zip(asked, aimed, strict=True)
             if one is not None and other is not None]
    return bool(pairs) and all(one != other for one, other in pairs)


@dataclass(frozen=True)
class Missed:
    """A question as `near_miss` checks it, read once for every fact: its tokens (as typos
    resolve them, near-miss words kept), their text, each distinct token's weight, the
    groups of its question words and the subject it names first."""

    resolved: list[str]
    tokens: frozenset[str]
    text: str
    weights: tuple[float, ...]
    asking: frozenset[str]
    first: str


def _examples(index: Index, tokens: set[str]) -> frozenset[str]:
    """The things the question names of a category it also names ("root crops, like
    potatoes?"), a name one fact alone has (the one listing such things): examples of what
    it asks about, which no fact need have (see `Index.examples`)."""
    return frozenset(thing for names, things in index.examples if not names.isdisjoint(tokens)
                     for thing in things & tokens)


def miss_question(index: Index, resolved: list[str]) -> Missed:
    """The question's side of `near_miss`."""
    tokens = frozenset(resolved)
    return Missed(
        resolved, tokens, " ".join(resolved),
        tuple(map(index.token_weight, tokens)),
        index.question_words(tokens),
        subject(tuple(resolved), index.subjects),
    )


def _shared(question: Missed, shape: Shape) -> float:
    """The weight of the tokens a question and a phrasing share."""
    return math.fsum(weight for token, weight in shape.weighted if token in question.tokens)


def _closeness(question: Missed, shape: Shape) -> tuple[float, float]:
    """How close a question is to a phrasing: the weight of the tokens they share over the
    weight of all their tokens, then word order. The union's weights are the question's
    and the phrasing's own: fsum gives the same total as over the union itself."""
    own = (weight for token, weight in shape.weighted if token not in question.tokens)
    overlap = _shared(question, shape) / math.fsum(itertools.chain(question.weights, own))
    return overlap, fuzz.ratio(question.text, shape.text)


def near_miss(index: Index, question: Missed, fact: int) -> float | None:
    """Whether the question asks one of the fact's `not_in_article` phrasings: it has
    (nearly) all of that phrasing's words, and it is closer to it than to any answerable
    phrasing, by the weight of the words they share over the weight of all their words,
    then by word order ("what does Russia export to Laos" is not "what does Laos export
    to Russia")."""
    misses, phrasings = index.shapes(fact)
    recall = (_NEAR_MISS_RECALL_GRAMS if unspaced(index.analyzer.language)
              else _NEAR_MISS_RECALL)
    # A near miss is a precise question: "which companies" asks for names, "how much" for
    # an amount; a question without its question words asks something else ("are companies
    # mining", "what are companies doing"). Which of the article's subjects comes first
    # sets the direction: "what does Russia export to Laos" is not "what does Laos export
    # to Russia".
    asked = [
        shape
        for shape in misses
        if _shared(question, shape) >= recall * shape.weight
        and shape.subject in {question.first, ""}
        and shape.asking <= question.asking
        and not asks_other(index, question.resolved, shape.tokens)
    ]
    if not asked:
        return None
    miss = max(_closeness(question, shape) for shape in asked)
    nearest = max((_closeness(question, shape) for shape in phrasings), default=(0.0, 0.0))
    return miss[0] if miss > nearest else None


def missing_names(index: Index, question: str) -> list[str]:
    """The countries and numbers the question names that no fact has ("through Thailand",
    "in 2023"), as read: they rule every fact out."""
    text = index.analyzer.normal(question)
    return [written for written, tokens in _required(index, text, index.analyzer.pairs(text))
            if not tokens <= index.postings.keys()]


def required_names(index: Index, question: str) -> list[str]:
    """The countries and numbers the question names, which a fact must have to answer it,
    as read."""
    text = index.analyzer.normal(question)
    return [written for written, _ in _required(index, text, index.analyzer.pairs(text))]


def without_missing(index: Index, question: str) -> str | None:
    """The question, as read, without the countries and numbers it names that no fact has
    ("through Thailand", "in 2023"), which rule every fact out; None when it names none."""
    text = index.analyzer.normal(question)
    missing = missing_names(index, question)
    if not missing:
        return None
    if not unspaced(index.analyzer.language):
        # Words as read: a name of two words may be read as one ("thái lan": "thailan").
        return " ".join(word for word in words(text) if word not in missing)
    for name in missing:
        text = text.replace(name, " ")
    return " ".join(text.split())


def _required(index: Index, text: str, pairs: Iterable[tuple[str, str]]
              ) -> list[tuple[str, frozenset[str]]]:
    """The countries and numbers a question names, which a fact must have to answer it, each
    as written with the tokens it reads as: the names of a language written without spaces
    found in the text (not among words), then the words (a number written as a word, "the two
    sides", is an ordinary word). A syllable of a word of two the knowledge base has is no
    name of its own: "dục" of "giáo dục" (education), typed without marks, reads as "Đức";
    "qua Trung Quốc" (through China) names China."""
    pairs = tuple(pairs)
    syllables = single_words(index.analyzer.language).intersection(
        part for word, _ in pairs if "_" in word for part in word.split("_"))
    found = [(name, cut) for name, cut in index.place_grams if name in text]
    found += [(word, frozenset((token,))) for word, token in pairs
              if specific_number(token) or (token in index.places and word not in syllables)]
    return found


def with_meaning(ranked: list[Candidate], similarity: Sequence[float], facts: tuple[Fact, ...],
                 weights: Weights) -> list[Candidate]:
    """The ranking with each fact's meaning similarity to the question blended into its score
    (`semantic_weight` of it), and the facts that share no word with the question but mean
    nearly the same (from `semantic_floor`) added on their similarity alone, best first."""
    share = weights.semantic_weight
    number = {fact.id: at for at, fact in enumerate(facts)}
    blended = [replace(candidate, score=(1 - share) * candidate.score
                       + share * 100.0 * max(similarity[number[candidate.fact_id]], 0.0))
               for candidate in ranked]
    present = {candidate.fact_id for candidate in ranked}
    blended += [Candidate(fact.id, share * 100.0 * similarity[at], coverage=0.0)
                for at, fact in enumerate(facts)
                if fact.id not in present and similarity[at] >= weights.semantic_floor]
    blended.sort(key=lambda candidate: candidate.score, reverse=True)
    return blended


def has_only(tokens: Container[str], others: Iterable[str], named: Iterable[str]) -> bool:
    """Whether a fact's tokens have one of the other subjects and none of those named."""
    return any(token in tokens for token in others) \
        and not any(token in tokens for token in named)
