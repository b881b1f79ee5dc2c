"""The model classes write out their ``__init__`` (so that the compiled build compiles it; see
``extractor/model.py``). Each must take every field, by position in field order and by keyword,
with the field's default: a field added to a class but not to its ``__init__`` fails here.

The instances come from real filings: the compiled build checks each argument's type."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from extractor import extract, extract_bytes, model

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _instances() -> dict[type[Any], Any]:
    ixbrl = extract(FIXTURES / "html-ixbrl-waiver.html")
    table = ixbrl.tables[0]
    row = next(r for r in table.rows if any(c.xbrl for c in r.cells))
    cell = next(c for c in row.cells if c.xbrl)
    seed = (FIXTURES / "met-aim-small-cap-growth-497-2006.txt").read_bytes()
    lines = seed.split(b"\n")
    lines[41] = lines[41].replace(b"1.20%", b"1.90%")  # Class B's total, no longer the sum
    finding = extract_bytes(b"\n".join(lines), "seed").findings[0]
    note = next(n for t in ixbrl.tables for n in t.footnotes)
    return {model.XbrlFact: cell.xbrl, model.Cell: cell, model.Row: row, model.Footnote: note,
            model.Table: table, model.Finding: finding}


INSTANCES = _instances()


@pytest.mark.parametrize("cls", list(INSTANCES), ids=lambda c: c.__name__)
def test_written_out_init_takes_every_field_in_order(cls: type[Any]) -> None:
    real = INSTANCES[cls]
    values = {f.name: getattr(real, f.name) for f in dataclasses.fields(cls)}
    assert cls(**values) == real
    assert cls(*values.values()) == real


@pytest.mark.parametrize("cls", list(INSTANCES), ids=lambda c: c.__name__)
def test_written_out_init_gives_the_fields_defaults(cls: type[Any]) -> None:
    real = INSTANCES[cls]
    fields = dataclasses.fields(cls)
    required = {f.name: getattr(real, f.name) for f in fields if f.default is dataclasses.MISSING}
    built = cls(**required)
    for f in fields:
        if f.name not in required:
            assert getattr(built, f.name) == f.default, f.name


def test_the_instances_are_not_all_defaults() -> None:
    """So that the tests above see values in the optional fields too."""
    table, cell, finding = INSTANCES[model.Table], INSTANCES[model.Cell], INSTANCES[model.Finding]
    assert table.kind == "fees" and table.layout == "html" and table.column_classes
    assert cell.xbrl is not None and cell.unit == "percent"
    assert finding.severity == "error"


def test_written_out_classes_stay_frozen() -> None:
    cell = model.Cell("1.00")
    with pytest.raises(dataclasses.FrozenInstanceError):
        cell.text = "2.00"  # type: ignore[misc]
