"""The shortlist: the facts sharing the most question weight, found through the postings."""

from __future__ import annotations

import heapq
import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass

from bot.engine.decision import overriding
from bot.engine.index import Index

_SCAN_POSTINGS = 2_000  # up to this many postings, score fact by fact
_MAX_COMBINATIONS = 4_096  # beyond this many combinations of terms, score fact by fact


@dataclass(frozen=True)
class Weights:
    """How a fact's score is made: the parts of coverage and phrasing, penalties and bonuses,
    and how many facts are scored in full."""

    min_evidence: float = 1.1
    query_weight: float = 0.4
    phrase_weight: float = 0.3
    conflict: float = 0.5
    unknown_factor: float = 1.5
    intent_bonus: float = 5.0
    kind_bonus: float = 3.0  # a fact whose phrasings ask for the kind the question asks for
    other_subject: float = 0.7  # a fact naming only the article subject the question does not
    unsaid: float = 0.7  # asked whether a thing is mentioned, a fact whose answer does not say it
    bm25_weight: float = 0.3  # share of the score given to BM25, relative to the best fact
    shortlist: int = 12
    # Share of the score given to meaning similarity (the `semantic` extra, in the languages
    # its model reads); 0 leaves it out. A knowledge base with few phrasings per fact gains
    # from it; thresholds must be fitted with it.
    semantic_weight: float = 0.0
    # Similarity from which a fact sharing no word with the question is ranked by meaning.
    semantic_floor: float = 0.5


def weighted(values: Mapping[str, float]) -> Weights:
    """The default weights with those a knowledge base's calibration file sets
    (`semantic_weight: 0.5` turns the meaning signal on); other names are not weights."""
    return overriding(Weights(), values)


@dataclass(frozen=True)
class Query:
    """A question's terms and weights, as the shortlist scores facts against them."""

    terms: list[tuple[float, list[tuple[str, float]]]]  # (weight, matches), in order
    required: frozenset[str]  # numbers and countries a fact must have
    shared: float  # weight of the article's main subjects, which fit every fact
    total_weight: float  # every term, unknown words included
    known_weight: float  # the terms that some fact has (`shared` excluded)

    def share(self, evidence: float, known: float, conflict: float) -> float:
        """A fact's coverage: the evidence it has over the question's weight, less a penalty
        for the known terms it lacks."""
        missing_known = self.known_weight - known
        return (evidence + self.shared) / (self.total_weight + conflict * missing_known)


def shortlist(index: Index, query: Query, weights: Weights) -> list[tuple[float, int]]:
    """The `shortlist` best (coverage share, fact) pairs, best first.

    A fact's share is the weight of the question's terms it has (times their similarity)
    over the question's weight, less a penalty for the known terms it lacks. Few postings:
    score each fact. Many: a fact's share depends only on which terms it has (and how
    closely), so score each such combination once and take its facts with set operations,
    best combination first, until the shortlist is full. Both give the same result.
    """
    limits = weights
    terms = query.terms
    walked = sum(len(index.postings[choice]) for _, matches in terms for choice, _ in matches)
    combinations = math.prod(1 + len({s for _, s in matches}) for _, matches in terms)
    if walked <= _SCAN_POSTINGS or combinations > _MAX_COMBINATIONS:
        coverage = scan(index, query, weights)
    else:
        coverage = combine(index, query, weights)
    return heapq.nlargest(limits.shortlist, coverage)

def scan(index: Index, query: Query, weights: Weights) -> list[tuple[float, int]]:
    """(share, fact) of every eligible fact, walking the terms' postings."""
    matched: dict[int, float] = {}
    known_in_fact: dict[int, float] = {}
    for weight, matches in query.terms:
        best: dict[int, float] = {}
        for choice, similarity in matches:
            for fact in index.postings[choice]:
                if similarity > best.get(fact, 0.0):
                    best[fact] = similarity
        for fact, similarity in best.items():
            matched[fact] = matched.get(fact, 0.0) + weight * similarity / 100.0
            known_in_fact[fact] = known_in_fact.get(fact, 0.0) + weight
    coverage: list[tuple[float, int]] = []
    for fact, evidence in matched.items():
        if evidence < weights.min_evidence:
            continue
        if query.required and not query.required <= index.fact_tokens(fact):
            continue
        share = query.share(evidence, known_in_fact[fact], weights.conflict)
        coverage.append((share, fact))
    return coverage

def combine(index: Index, query: Query, weights: Weights) -> list[tuple[float, int]]:
    """(share, fact) of at least the `shortlist` best eligible facts (all facts that tie
    with the last of them included), grouping the facts by the terms they have."""
    limits = weights
    postings = index.postings
    eligible: set[int] | None = None
    terms = query.terms
    for token in query.required:
        having = set(postings.get(token, ()))
        eligible = having if eligible is None else eligible & having
    # For each term: its levels (similarity, facts whose closest match it is), best first,
    # and every fact that has the term at all.
    levels: list[list[tuple[float, set[int]]]] = []
    having_term: list[set[int]] = []
    for _, matches in terms:
        found: set[int] = set()
        term_levels: list[tuple[float, set[int]]] = []
        for level in sorted({similarity for _, similarity in matches}, reverse=True):
            facts: set[int] = set()
            for choice, similarity in matches:
                if similarity == level:
                    facts.update(postings[choice])
            term_levels.append((level, facts - found))
            found |= facts
        levels.append(term_levels)
        having_term.append(found)
    scored: list[tuple[float, tuple[int, ...]]] = []  # level chosen per term, -1: absent
    for combination in itertools.product(*(range(-1, len(lv)) for lv in levels)):
        evidence = 0.0
        known = 0.0
        for (weight, _), term_levels, chosen in zip(terms, levels, combination, strict=True):
            if chosen >= 0:
                evidence += weight * term_levels[chosen][0] / 100.0
                known += weight
        if all(chosen < 0 for chosen in combination) or evidence < limits.min_evidence:
            continue
        share = query.share(evidence, known, limits.conflict)
        scored.append((share, combination))
    scored.sort(key=lambda item: item[0], reverse=True)
    coverage: list[tuple[float, int]] = []
    for number, (share, combination) in enumerate(scored):
        if len(coverage) >= limits.shortlist and share != scored[number - 1][0]:
            break  # full, and no tie with the combination before
        present = [levels[term][chosen][1] for term, chosen in enumerate(combination)
                   if chosen >= 0]
        present.sort(key=len)
        facts = present[0].intersection(*present[1:])
        if eligible is not None:
            facts &= eligible
        for term, chosen in enumerate(combination):
            if chosen < 0 and facts:
                facts -= having_term[term]
        if len(facts) > limits.shortlist:  # equal shares: the highest fact numbers first
            coverage.extend((share, fact) for fact in sorted(facts)[-limits.shortlist :])
        else:
            coverage.extend((share, fact) for fact in facts)
    return coverage
