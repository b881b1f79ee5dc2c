"""The remembered readings of an example series are those worked out afresh, written as given."""

from __future__ import annotations

from decimal import Decimal

from conftest import FIXTURES, fixture_example_series

from extractor.checks.example import _readings_of, example_bases, readings
from extractor.checks.series import Inputs
from extractor.classify import _dollar_figures
from extractor.pipeline import extract


def test_decimal_text_gives_back_the_same_decimal() -> None:
    """The cache key writes numbers out; reading them back must keep their trailing zeros."""
    for value in (Decimal("1.10"), Decimal("0.00"), Decimal(10000) / 10, Decimal("5.750"), Decimal("-0")):
        again = Decimal(str(value))
        assert again == value and again.as_tuple() == value.as_tuple()


def test_remembered_readings_equal_fresh_ones() -> None:
    """Every series of the fixtures: readings from a warm cache are those of a cold one, exactly."""
    seen = 0
    for table, _, inputs, context, series, known in fixture_example_series():
        if known.gross is None and known.net is None:
            continue
        warm = readings(known, series.key, inputs, context, example_bases(table))
        _readings_of.cache_clear()
        cold = readings(known, series.key, inputs, context, example_bases(table))
        assert repr(warm) == repr(cold)
        seen += 1
    assert seen >= 10


def test_readings_keep_the_numbers_as_written() -> None:
    """Equal ratios and loads written with other trailing zeros keep their own text (a load is
    printed in messages), and each call returns a list of its own."""
    short = Inputs(Decimal("1.1"), Decimal("1.1"), Decimal("5.5"))
    long = Inputs(Decimal("1.10"), Decimal("1.10"), Decimal("5.50"))
    first = readings(short, "a", {"a": short}, "")
    second = readings(long, "a", {"a": long}, "")
    assert [str(r.load) for r in first] == ["5.5"] * len(first)
    assert [str(r.load) for r in second] == ["5.50"] * len(second)
    assert [r.costs for r in first] == [r.costs for r in second]
    first.clear()
    assert readings(short, "a", {"a": short}, "") == second


def test_whole_dollar_count_stopped_early_agrees_with_the_full_count() -> None:
    """The classifier's whole-dollar test gives up early only where counting all figures fails."""
    tables = [t for path in sorted(FIXTURES.iterdir()) for t in extract(path).tables]
    decided = set()
    for table in tables:
        cells = [c for r in table.rows for c in r.cells if c.value is not None]
        whole = [c for c in cells if c.unit != "percent" and c.value is not None and c.value >= 1
                 and c.value == c.value.to_integral_value()]
        full = bool(cells) and len(whole) >= 0.8 * len(cells)
        assert _dollar_figures(table) is full
        decided.add(full)
    assert decided == {True, False}
