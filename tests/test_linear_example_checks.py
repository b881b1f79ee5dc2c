"""The expense example check's rewritten steps give what the plain code gave.

An example reads the prose of every table before it back to its fee table, and a document of
hundreds of examples after one fee table made each example split, join and search the prose of
all the others (quadratic); and the search for the best reading of a series counted every
reading to the end. No timing here: ``benchmarks/adversarial.py`` measures the growth.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path

import pytest

from extractor.checks.example import (
    _FIRST_YEAR_ONLY,
    _VOLUNTARY,
    Counts,
    Facts,
    Reading,
    _about_waiver,
    _first_year_only,
    _Judge,
    _voluntary,
    example_bases,
    readings,
)
from extractor.checks.series import (
    document_index,
    example_series,
    indexed_class_inputs,
    indexed_document_context,
    lookup_series,
)
from extractor.checks.waiver_term import sentence
from extractor.model import Footnote, Table
from extractor.pipeline import extract_bytes

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PHRASES = [
    "The waiver is reflected only in the first year.", "for the one-year period only", "ONE YEAR ONLY",
    "the 1 year period of the example", "only for the first year", "waivers are included only in the firſt",
    "The adviser has voluntarily agreed to waive fees", "waives voluntarily", "VOLUNTARY expense limitation",
    "first year", "only in the", "voluntary", "Year 1 only if", "year  only", "the first-year only",
]


@pytest.mark.parametrize("seed", range(60))
def test_prose_searches_as_before(seed: int) -> None:
    rng = random.Random(seed)
    context = " ".join(rng.choice([*PHRASES, "the fund", "expenses", "10 years", "year", "waiver"])
                       for _ in range(rng.randint(1, 12)))
    assert _first_year_only(context) == any(_about_waiver(sentence(context, m.start(), m.end()))
                                            for m in _FIRST_YEAR_ONLY.finditer(context))
    assert _voluntary(context) == (_VOLUNTARY.search(context) is not None)


def _context_reference(example: Table, fees: Sequence[Table], siblings: Sequence[Table]) -> str:
    texts = [example.context, *(f.text for f in example.footnotes)]
    for table in [*siblings, *fees]:
        texts.append(table.context)
        texts.extend(f.text for f in table.footnotes)
    return " ".join(" ".join(texts).split())


@pytest.mark.parametrize("seed", range(30))
def test_example_context_as_before(seed: int) -> None:
    rng = random.Random(seed)
    words = ["fee", " waiver\n", "", "  ", "Class\tB converts", "after eight years.", "\u00a0"]
    tables = [Table(id=f"t{k}", line=rng.randint(1, 40), columns=("A",), rows=(), section=rng.randint(0, 1),
                    kind=rng.choice(["fees", "expense_example", "other"]),
                    context=" ".join(rng.choice(words) for _ in range(rng.randint(0, 6))),
                    footnotes=tuple(Footnote(str(n), rng.choice(words)) for n in range(rng.randint(0, 2))))
              for k in range(rng.randint(1, 12))]
    index = document_index(tables)
    for example in (t for t in tables if t.kind == "expense_example"):
        fees = index.fee_tables(example)
        expected = _context_reference(example, fees, index.sibling_examples(example, fees))
        assert indexed_document_context(example, index) == expected


def _best_reference(judge: _Judge, options: Sequence[Reading]) -> Reading:
    tied = [o for o in options if judge.perfect(o)]
    if not tied:
        counted: list[tuple[Counts, Reading]] = [(judge.counts(o), o) for o in options]
        top = max(c for c, _ in counted)
        tied = [o for c, o in counted if c == top]
    return tied[0] if len(tied) == 1 else max(tied, key=judge.closeness)


@pytest.mark.parametrize("name", ["html-fee-table-2001.html", "validate-waiver-first-year.txt",
                                  "validate-1990s-thousand.txt", "met-aim-small-cap-growth-497-2006.txt"])
@pytest.mark.parametrize("change", [b"", b"$9"])
def test_best_reading_as_before(name: str, change: bytes) -> None:
    data = (FIXTURES / name).read_bytes()
    if change:
        data = data.replace(b"$1", change, 3)  # figures no reading explains: every reading is counted
    filing = extract_bytes(data, name)
    index = document_index(filing.tables)
    compared = 0
    for example in (t for t in filing.tables if t.kind == "expense_example"):
        inputs, _ = indexed_class_inputs(example, index)
        context = indexed_document_context(example, index)
        for series in example_series(example):
            known = lookup_series(inputs, series)
            if known is None:
                continue
            facts = Facts(context, index.schedules(example), example_bases(example))
            options = readings(known, series.key, inputs, context, facts.bases)
            figures = [series.figures[y] for y in sorted(series.figures)]
            expected = _best_reference(_Judge(series, known, facts, figures), options)
            assert _Judge(series, known, facts, figures).best(options) is expected
            compared += 1
    assert compared
