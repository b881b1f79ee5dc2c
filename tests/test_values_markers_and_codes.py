"""Cell texts that read like numbers but state none, and markers that are not markers: stacked
note citations, ages after names, and columns of zero-padded codes."""

from __future__ import annotations

from decimal import Decimal

from extractor.model import Document, Table
from extractor.text import read_text_tables
from extractor.values import parse_cell, split_markers


def read(text: str) -> list[Table]:
    return read_text_tables(Document(1, None, None, 1, text=text, text_line=1))


def test_stacked_note_citations_are_markers_not_a_negative_number() -> None:
    """"(2)(3)" in a column without values cites notes 2 and 3; it used to read as the number -2
    with note (3). In a column of values "(1)(2)" stays the number -1 and its note 2."""
    text = """<TABLE>
<S>                            <C>              <C>
Michael Bozic                  Trustee          $ 668
Edwin J. Garn                  (2)(3)             (1)(2)
Wayne E. Hedien                Trustee            862
</TABLE>"""
    (table,) = read(text)
    cell = table.rows[1].cells[0]
    assert (cell.value, cell.footnotes) == (None, ("(2)", "(3)"))
    value = table.rows[1].cells[1]
    assert (value.value, value.footnotes) == (Decimal("-1"), ("(2)",))


def test_age_after_a_name_is_no_footnote_marker() -> None:
    """"John Smith (61)": a person's age, not note 61; a note cited after a label stays one."""
    assert split_markers("John Smith (61)") == ("John Smith (61)", ())
    assert split_markers("Other Expenses (2)") == ("Other Expenses", ("(2)",))


def test_a_column_of_padded_codes_states_no_values() -> None:
    """Fund numbers "002", "202", "302": the padded one states no value (an identifier), so the
    codes of the same width beside it state none either; a table of quantities keeps its values."""
    text = """<TABLE>
<CAPTION>
FUND                       CLASS A   CLASS B   CLASS C
<S>                        <C>       <C>       <C>
Growth Fund                  002       202       N/A
Income Fund                  011       211       311
</TABLE>"""
    (table,) = read(text)
    assert [[c.value for c in row.cells] for row in table.rows] == [[None, None, None], [None, None, None]]
    assert [c.text for c in table.rows[0].cells] == ["002", "202", "N/A"]
    quantities = text.replace("002", "102").replace("011", "111")
    (table,) = read(quantities)
    assert [c.value for c in table.rows[0].cells] == [Decimal("102"), Decimal("202"), None]


def test_percent_spelled_out_is_a_percentage() -> None:
    """"0.25 percent" states 0.25 percent, as "0.25%" does; it stated nothing. Text that is no
    number before the word ("Up to 1.00 percent") still states none."""
    cell = parse_cell("0.25 percent")
    assert (cell.value, cell.unit) == (Decimal("0.25"), "percent")
    assert parse_cell("Up to 1.00 percent").value is None
