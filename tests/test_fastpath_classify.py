"""The classifier's fast paths agree with the plain computations they stand for."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from conftest import FIXTURES

from extractor.classify import _as_kind, _is_nil, _small_numbers, _with_concept, period_years, redemption_mode
from extractor.container import decode_bytes, parse_container
from extractor.model import Table
from extractor.pipeline import read_tables


@pytest.fixture(scope="module")
def tables() -> list[Table]:
    """The tables of every fixture as read, before classifying."""
    found: list[Table] = []
    for path in sorted(FIXTURES.iterdir()):
        _, documents = parse_container(decode_bytes(path.read_bytes(), str(path)), str(path))
        found.extend(read_tables(documents))
    return found


def _small_numbers_reading_everything(table: Table) -> bool:
    """The fee-table number test with the prose of the cells read first, as it was written."""
    limit = Decimal(25)
    cells = [c for r in table.rows for c in r.cells if c.value is not None]
    small = [c for c in cells if c.unit == "percent" or (c.value is not None and abs(c.value) <= limit)]
    rates = [c for c in cells if c.unit == "percent" or "." in c.text]
    written = [c for r in table.rows for c in r.cells if c.text]
    prose = [c for c in written if c.value is None and not _is_nil(c.text) and len(c.text.split()) > 3]
    if len(prose) > 0.2 * len(written):
        return False
    return not cells or (len(small) >= 0.7 * len(cells) and (len(rates) >= 0.5 * len(cells) or len(cells) <= 2))


def test_small_numbers_judged_first_agree(tables: list[Table]) -> None:
    assert len(tables) > 30
    for table in tables:
        assert _small_numbers(table) == _small_numbers_reading_everything(table)


def test_cached_label_readings_agree(tables: list[Table]) -> None:
    texts = {r.label for t in tables for r in t.rows} | {c for t in tables for c in t.columns}
    for text in texts:
        assert period_years(text) == period_years.__wrapped__(text)
        assert redemption_mode(text) == redemption_mode.__wrapped__(text)


def test_kept_rows_and_tables_equal_replaced_ones(tables: list[Table]) -> None:
    """A row or table kept as it is equals the one a replace would build."""
    for table in tables:
        for concept in (None, "ManagementFeesOverAssets"):
            rows = tuple(_with_concept(r, concept) for r in table.rows)
            assert rows == tuple(dataclasses.replace(r, concept=concept) for r in table.rows)
            for kind in ("other", "fees"):
                kept = _as_kind(table, kind, rows, None)
                assert kept == dataclasses.replace(table, kind=kind, rows=rows, column_concepts=None)
