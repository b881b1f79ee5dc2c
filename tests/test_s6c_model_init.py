"""The model classes write out their ``__init__`` (so that the compiled build compiles it; see
``extractor/model.py``). Each must take every field, by position in field order and by keyword,
with the field's default: a field added to a class but not to its ``__init__`` fails here."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from extractor import model

WRITTEN_OUT = [model.XbrlFact, model.Cell, model.Row, model.Footnote, model.Table, model.Finding]


def _sample_values(cls: type[Any]) -> dict[str, object]:
    """A distinct value for every field (the classes do not check types)."""
    return {f.name: f"{cls.__name__}.{f.name}" for f in dataclasses.fields(cls)}


@pytest.mark.parametrize("cls", WRITTEN_OUT, ids=lambda c: c.__name__)
def test_written_out_init_takes_every_field_in_order(cls: type[Any]) -> None:
    values = _sample_values(cls)
    by_keyword = cls(**values)
    by_position = cls(*values.values())
    for name, value in values.items():
        assert getattr(by_keyword, name) == value
        assert getattr(by_position, name) == value
    assert by_keyword == by_position


@pytest.mark.parametrize("cls", WRITTEN_OUT, ids=lambda c: c.__name__)
def test_written_out_init_gives_the_fields_defaults(cls: type[Any]) -> None:
    fields = dataclasses.fields(cls)
    required = {f.name: f"{cls.__name__}.{f.name}" for f in fields
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING}
    built = cls(**required)
    for f in fields:
        if f.name not in required:
            expected = f.default if f.default is not dataclasses.MISSING else f.default_factory()  # type: ignore[misc]
            assert getattr(built, f.name) == expected, f.name


def test_written_out_classes_stay_frozen() -> None:
    cell = model.Cell("1.00")
    with pytest.raises(dataclasses.FrozenInstanceError):
        cell.text = "2.00"  # type: ignore[misc]
