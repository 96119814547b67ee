"""Tests for bot.ops.weighting: the ranking's weights fitted on labelled questions."""

from __future__ import annotations

import pytest

from bot.engine import Engine, Weights
from bot.knowledge import Knowledge
from bot.ops.evaluation import LabelledQuestion
from bot.ops.weighting import WEIGHT_GRID, first_right, fit_weights, weight_grid

TRADE = LabelledQuestion("how much did trade grow?", ("trade_growth",))
ROUTES = LabelledQuestion("which ports will russia use for cargo?", ("new_routes",))


def test_the_grid_starts_with_the_starting_weights_and_holds_every_combination() -> None:
    """The starting weights are tried first (they win a tie), then each combination once."""
    start = Weights()
    grid = weight_grid(start)
    combinations = 1
    for values in WEIGHT_GRID.values():
        combinations *= len(values)
    assert grid[0] == start
    assert len(set(grid)) == len(grid)
    in_grid = all(getattr(start, name) in values for name, values in WEIGHT_GRID.items())
    assert len(grid) == combinations + (not in_grid)


@pytest.mark.parametrize(
    ("questions", "count"),
    [
        ([TRADE, ROUTES], 2),
        # Expected elsewhere: not ranked first.
        ([LabelledQuestion("how much did trade grow?", ("source",))], 0),
        # Out of scope, several questions at once, a follow-up: not counted.
        ([LabelledQuestion("what's the weather in vientiane?", ("none",)),
          LabelledQuestion("how much did trade grow and who announced the routes?",
                           ("trade_growth", "announcement"), parts=True),
          LabelledQuestion("and in 2025?", ("trade_growth",), after=("how much did trade "
                                                                     "grow?",))], 0),
    ],
)
def test_first_right_counts_questions_whose_expected_fact_is_ranked_first(
    engine: Engine, questions: list[LabelledQuestion], count: int
) -> None:
    """Each question the article answers, standing alone, counts when its expected fact is
    the first candidate."""
    assert first_right(engine, questions) == count


def test_a_tie_keeps_the_starting_weights(engine: Engine) -> None:
    """When every weighting ranks as many questions right, the starting weights stay."""
    start = engine.ranker.weights
    chosen, fitted, now = fit_weights(lambda weights: engine, [TRADE, ROUTES], start)
    assert chosen == start
    assert fitted == now == 2


def test_the_weights_ranking_more_questions_first_are_chosen(knowledge: Knowledge,
                                                             engine: Engine) -> None:
    """A weighting that ranks more expected facts first than the start is the one fitted."""
    start = Weights(shortlist=0)  # scores no fact: nothing is ranked
    better = weight_grid(start)[5]
    blind = Engine(knowledge, weights=start)
    chosen, fitted, now = fit_weights(lambda weights: engine if weights == better else blind,
                                      [TRADE, ROUTES], start)
    assert (chosen, fitted, now) == (better, 2, 0)
