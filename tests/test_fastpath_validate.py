"""The validator's fast paths agree with the plain computations they stand for."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
from conftest import FIXTURES, fixture_example_series, fixture_examples

from extractor.checks.caps import expense_cap
from extractor.checks.costs import cumulative_costs, dollars, path_costs
from extractor.checks.example import (
    Explanation,
    Facts,
    _bounded,
    _fit,
    _half_unit,
    _Judge,
    _nearest,
    example_bases,
    example_checks,
    example_order,
    expense_example,
    readings,
)
from extractor.checks.fees import component_sum, net_total
from extractor.checks.grid import fee_classes
from extractor.checks.policy import DOLLAR
from extractor.checks.schedules import cdsc_schedules
from extractor.checks.totals import _hits
from extractor.pipeline import extract

RATIOS = [Decimal("0.98"), Decimal("1.0"), Decimal("1.00"), Decimal("1.745"), Decimal("0.475")]


@pytest.mark.parametrize("method", ["S", "D"])
@pytest.mark.parametrize("load", [Decimal(0), Decimal("5.75")])
def test_remembered_costs_equal_computed_ones(method: str, load: Decimal) -> None:
    for ratio in RATIOS:
        path = [ratio] * 3 + [Decimal("1.25")] * 7
        computed = path_costs.__wrapped__(tuple(path), method, load, Decimal(10000))
        assert cumulative_costs(path, method, load) == list(computed)
        assert cumulative_costs(path, method, load) == cumulative_costs(path, method, load)


def test_costs_of_equal_ratios_written_differently_are_equal_numbers() -> None:
    """Equal Decimals share a cache entry; their costs are the same numbers to the dollar."""
    one = path_costs.__wrapped__((Decimal("1.0"),) * 10, "D", Decimal(0), Decimal(10000))
    other = path_costs.__wrapped__((Decimal("1.00"),) * 10, "D", Decimal(0), Decimal(10000))
    assert one == other
    assert [dollars(c) for c in one] == [dollars(c) for c in other]


def _explain_every_charge(value: Decimal, base: Decimal, low: Decimal, high: Decimal,
                          charges: list[tuple[Decimal, bool]], sure: bool, fitted_load: bool,
                          fit_cdsc: bool) -> Explanation:
    """The straightforward loop: round every charge's figure, keep the best fit or the nearest."""
    best = Explanation(0, dollars(base), Decimal(0))
    nearest: Explanation | None = None
    for charge, certain in charges:
        expected = dollars(base + charge)
        if low + charge - DOLLAR <= value <= high + charge + DOLLAR:
            level = 2 if certain and sure else 1
            fitted = fitted_load or (fit_cdsc and charge > 0)
            if level > best.level or (level == best.level and best.fitted and not fitted):
                best = Explanation(level, expected, charge, fitted)
        elif nearest is None or abs(expected - value) < abs(nearest.expected - value):
            nearest = Explanation(0, expected, charge)
    if best.level == 0 and nearest is not None:
        return nearest
    return best


@pytest.mark.parametrize("sure", [True, False])
@pytest.mark.parametrize("fitted_load", [True, False])
@pytest.mark.parametrize("fit_cdsc", [True, False])
def test_fit_or_nearest_agrees_with_the_plain_loop(sure: bool, fitted_load: bool, fit_cdsc: bool) -> None:
    costs = cumulative_costs([Decimal("1.69")] * 10, "D")
    low = cumulative_costs([Decimal("1.685")] * 10, "D")
    high = cumulative_costs([Decimal("1.695")] * 10, "D")
    charge_lists = [
        [(Decimal(0), True)],
        [(Decimal(0), True), *((Decimal(k) * 100, k % 2 == 0) for k in range(1, 6)), (Decimal(50), False)],
        [(Decimal(400), True), (Decimal(0), True), (Decimal(400), False)],
    ]
    for n in (0, 2, 4, 9):
        for charges in charge_lists:
            for offset in range(-520, 521, 7):
                value = dollars(costs[n]) + offset
                args = (value, costs[n], low[n], high[n], charges, sure, fitted_load, fit_cdsc)
                found = _fit(*args) or _nearest(value, costs[n], charges)
                assert found == _explain_every_charge(*args)


def test_rising_search_finds_what_the_full_search_finds() -> None:
    """Without negative amounts the running sum never falls, so stopping past the target loses nothing."""
    rng = random.Random(5)
    for _ in range(300):
        rows = [tuple(rng.choice([None, Decimal(0), Decimal(rng.randint(0, 40)) / 4]) for _ in range(3))
                for _ in range(rng.randint(1, 30))]
        for j in range(3):
            for target in {Decimal(rng.randint(1, 60)) / 4, *(v for r in rows if (v := r[j]))}:
                fast = _hits(iter(rows), j, target, rising=True)
                assert fast == _hits(iter(rows), j, target, rising=False)


def test_example_checks_equal_the_two_checks_run_apart() -> None:
    """The series and fee-table inputs read once for both checks give the findings of each."""
    examples = 0
    for table, related in fixture_examples():
        examples += 1
        together = example_checks(table, related)
        assert together == expense_example(table, related) + example_order(table, related)
    assert examples >= 5


def test_fee_checks_with_shared_classes_equal_their_own_reading() -> None:
    """The three fee-table checks given one reading of the classes find what each finds alone."""
    fee_tables = [t for path in sorted(FIXTURES.iterdir()) for t in extract(path).tables if t.kind == "fees"]
    assert len(fee_tables) >= 10
    for table in fee_tables:
        classes = fee_classes(table)
        assert component_sum(table, classes) == component_sum(table)
        assert net_total(table, classes) == net_total(table)
        assert expense_cap(table, classes) == expense_cap(table)


def test_best_reading_equals_the_highest_full_score() -> None:
    """Looking for readings that explain everything first picks the reading the full score picks."""
    judged = 0
    for table, related, inputs, context, series, known in fixture_example_series():
        facts = Facts(context, tuple(cdsc_schedules([table, *related])), example_bases(table))
        figures = [series.figures[y] for y in sorted(series.figures)]
        judge = _Judge(series, known, facts, figures)
        options = readings(known, series.key, inputs, context, facts.bases)
        scores = [(*judge.counts(r), judge.closeness(r)) for r in options]
        full = options[scores.index(max(scores))]
        assert judge.best(options) is full
        judged += 1
    assert judged >= 10


def test_bounds_worked_out_once_per_ratio_equal_those_of_every_year() -> None:
    """A ratio's interval from its first occurrence gives the numbers each year's own would."""
    net, gross, other = Decimal("0.75"), Decimal("1.1"), Decimal("1.10")
    for path in ([net] * 10, [net] * 2 + [gross] * 8, [net] * 3 + [gross] * 5 + [other] * 2,
                 [Decimal("0.004")] * 4 + [Decimal("1.745")] * 6):
        half = {r: _half_unit(r) for r in set(path)}
        assert _bounded(path) == (tuple(path), tuple(max(Decimal(0), r - half[r]) for r in path),
                                  tuple(r + half[r] for r in path))
