"""The plain-text reader on pathological inputs reads what it read before.

Rewritten steps are compared with the code they replaced, kept here as the reference, on small
random inputs; pathological shapes still give the table that is there. No timing:
``benchmarks/adversarial.py`` measures the growth.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from decimal import Decimal

import pytest

from extractor.model import Table
from extractor.pipeline import extract_bytes
from extractor.text.columns import overlap
from extractor.text.headers import Piece, _packed, _unpackable
from extractor.text.tabs import realign_tab_fields

FEES = """<TABLE>
<S>                               <C>           <C>
                                  Class A       Class B
Management Fee                    0.88%         0.88%
Other Expenses                    0.06%         0.07%
Total Annual Operating Expenses   0.94%         0.95%
</TABLE>
"""


def tables(text: str) -> list[Table]:
    return list(extract_bytes(text.encode(), "d.txt").tables)


def _unpackable_reference(piece: Piece, texts: Sequence[Piece], at: int) -> bool:
    """The code before the rewrite (``islice`` stepped through every piece before ``at``)."""
    if not _packed(piece):
        return False
    return not any(t.line > piece.line and overlap(t.start, t.end, piece.start, piece.end) for t in texts[at + 1 :])


@pytest.mark.parametrize("seed", range(30))
def test_unpackable_reads_as_before(seed: int) -> None:
    rng = random.Random(seed)
    texts: list[Piece] = []
    for line in range(rng.randint(1, 6)):
        col = rng.randint(0, 5)
        for _ in range(rng.randint(0, 3)):
            text = rng.choice(["Class A", "A", "(in thousands)", "EARNINGS OTHER", "Total"])
            texts.append(Piece(line, col, col + len(text), text))
            col += len(text) + rng.randint(1, 6)
    for at, piece in enumerate(texts):
        assert _unpackable(piece, texts, at) == _unpackable_reference(piece, texts, at)


def test_header_block_of_thousands_of_lines() -> None:
    header = "                                  Class A       Class B\n" * 3000
    table = FEES.replace("<TABLE>\n", "<TABLE>\n" + header, 1)
    found = tables(table)
    assert len(found) == 1
    assert [r.label for r in found[0].rows] == ["Management Fee", "Other Expenses", "Total Annual Operating Expenses"]
    assert found[0].rows[2].cells[1].value == Decimal("0.95")


def test_tab_fields_re_set_no_wider_than_a_row() -> None:
    columns = 50
    tags = "<S>" + "\t<C>" * columns
    rows = []
    for k in range(columns):
        fields = ["1.00%"] * (columns + 1)
        fields[0] = "Fee"
        fields[k + 1] = "x" * 200
        rows.append("\t".join(fields))
    lines = [tags, *rows]
    assert max(map(len, realign_tab_fields(lines))) > 1024 * 5
    assert max(map(len, realign_tab_fields(lines, 1024))) == 1024
    assert realign_tab_fields(lines, 1024) == [line[:1024] for line in realign_tab_fields(lines)]
    assert tables(FEES.replace("<TABLE>\n", "<TABLE>\n" + "\n".join(lines) + "\n</TABLE>\n<TABLE>\n", 1))


def test_tab_separated_table_reads_as_before() -> None:
    text = ("<TABLE>\n<S>\t<C>\t<C>\n\tClass A\tClass B\nManagement Fee\t0.88%\t0.88%\n"
            "Other Expenses\t0.06%\t0.07%\nTotal\t0.94%\t0.95%\n</TABLE>\n")
    table = tables(text)[0]
    assert table.columns == ("Class A", "Class B")
    assert table.rows[2].cells[1].value == Decimal("0.95")
