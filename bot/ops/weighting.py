"""Fitting the ranking's weights on labelled questions: the mix of signals that ranks the
expected fact first most often, for a knowledge base's own phrasing density."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from bot.engine import Engine, Weights
from bot.ops.evaluation import LabelledQuestion

# The values searched: the shares of the score given to the question's wording matching a
# phrasing, to BM25 over the fact's phrasings and answer, and to the question's own words a
# fact has. With one phrasing per fact the wording of that one phrasing says less, and the
# words of the answer more, than with a dozen.
WEIGHT_GRID: dict[str, tuple[float, ...]] = {
    "phrase_weight": (0.1, 0.2, 0.3),
    "bm25_weight": (0.3, 0.5),
    "query_weight": (0.2, 0.3, 0.4),
}


def weight_grid(start: Weights) -> list[Weights]:
    """The starting weights, then every combination of the grid's values over them."""
    combined = [replace(start, phrase_weight=phrase, bm25_weight=bm25, query_weight=query)
                for phrase, bm25, query in itertools.product(
                    WEIGHT_GRID["phrase_weight"], WEIGHT_GRID["bm25_weight"],
                    WEIGHT_GRID["query_weight"])]
    return [start, *(weights for weights in combined if weights != start)]


def first_right(engine: Engine, questions: Iterable[LabelledQuestion]) -> int:
    """How many of the questions the article answers, each standing alone and asking one
    thing, have an expected fact ranked first."""
    count = 0
    for item in questions:
        if not item.in_scope or item.parts or item.after:
            continue
        candidates = engine.decide(item.question).candidates
        count += bool(candidates) and candidates[0].fact_id in item.expected
    return count


def fit_weights(build: Callable[[Weights], Engine], questions: Sequence[LabelledQuestion],
                start: Weights) -> tuple[Weights, int, int]:
    """The weights of the grid ranking the most questions' expected fact first, the
    starting ones on a tie; with that count and the starting weights' count."""
    counts = [(weights, first_right(build(weights), questions)) for weights in weight_grid(start)]
    # The grid opens with the starting weights, and `max` keeps the first of equal counts.
    best, best_count = max(counts, key=lambda pair: pair[1])
    return best, best_count, counts[0][1]
