"""The tidy writer's series look-up on submissions of thousands of classes.

The look-up by a per-filing index gives what the scan of the header's classes gave. No timing:
``benchmarks/adversarial.py`` measures the growth.
"""

from __future__ import annotations

import random

import pytest

from extractor.model import Header, ShareClass, Table
from extractor.writers import class_key, series_for_column, series_index


def _reference(header: Header, table: Table, index: int) -> tuple[str | None, str | None]:
    """The code before the index: every class of the header searched for every column."""
    if table.column_classes is not None and index < len(table.column_classes) and table.column_classes[index]:
        class_id = table.column_classes[index]
        for share in header.series:
            if share.class_id == class_id:
                return share.series_id, class_id
        return None, class_id
    name = class_key(table.columns[index])
    if not name:
        return None, None
    hits = [s for s in header.series if s.class_name and class_key(s.class_name) == name]
    if len(hits) == 1:
        return hits[0].series_id, hits[0].class_id
    return None, None


@pytest.mark.parametrize("seed", range(40))
def test_series_for_column_as_before(seed: int) -> None:
    rng = random.Random(seed)
    ids = [None, "", "C000000001", "C000000002", "C000000003"]
    names = [None, "", "Class A", "A Shares", "Class B", "Institutional", "class"]
    shares = tuple(ShareClass(rng.choice([None, "S000000001", "S000000002"]), None, rng.choice(ids), rng.choice(names))
                   for _ in range(rng.randint(0, 6)))
    header = Header(series=shares)
    columns = tuple(rng.choice(["Class A", "A", "Class B", "Institutional", "", "Shares", "C"]) for _ in range(4))
    column_classes = rng.choice([None, tuple(rng.choice(ids) or "" for _ in range(rng.randint(0, 4)))])
    table = Table(id="t1", line=1, columns=columns, rows=(), column_classes=column_classes)
    built = series_index(header)
    for i in range(len(columns)):
        assert series_for_column(header, table, i) == _reference(header, table, i)
        assert series_for_column(header, table, i, built) == _reference(header, table, i)
