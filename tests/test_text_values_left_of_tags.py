"""Values left of a plain-text table's first tag: footnote markers and years that end a row's
label, or a column the tag line left out. One synthetic table per rule."""

from __future__ import annotations

from decimal import Decimal

from extractor.model import Document, Table
from extractor.text import read_text_tables


def read(text: str) -> list[Table]:
    return read_text_tables(Document(1, None, None, 1, text=text, text_line=1))


def test_footnote_markers_set_apart_from_the_label_stay_in_the_label() -> None:
    """A holding's footnote marker set two spaces after its name ("Exxon Corp.  (1)") and a
    coupon's year ("Ford Co. 8.00% 2005") lie left of the first tag and do not line up from row
    to row: they end the label, they are no column. They used to count as values left of the
    tags, enough of them to replace the filer's two columns by a dozen inferred ones that split
    the names."""
    text = """<TABLE>
                                                                  Shares or        Market
                                                                  principal        value
                                                                   amount          (000)
<S>                                                          <C>              <C>
OIL & GAS  -  9.73%
Norsk Hydro AS                                                    2,934,600        131,571
Exxon Corp.  (1)                                                  3,500,000        122,290
Unocal Capital Trust 6.25% convertible preferred 2026 (2)  (3)  $22,500,000         23,062
Murphy Oil Corp.                                                  1,789,200         76,667
Berkshire Hathaway Inc., Class A  (1)                                 3,050        221,887
Ford Co. 8.00% 2005                                                  28,600         14,157
Shell Canada Ltd.                                                 3,273,200        102,087
</TABLE>"""
    (table,) = read(text)
    assert len(table.columns) == 2
    labels = [row.label for row in table.rows]
    assert labels == [
        "OIL & GAS - 9.73%",
        "Norsk Hydro AS",
        "Exxon Corp. (1)",
        "Unocal Capital Trust 6.25% convertible preferred 2026 (2) (3)",
        "Murphy Oil Corp.",
        "Berkshire Hathaway Inc., Class A (1)",
        "Ford Co. 8.00% 2005",
        "Shell Canada Ltd.",
    ]
    assert table.rows[2].label_footnotes == ("(1)",)
    assert table.rows[3].label_footnotes == ("(2)", "(3)")
    assert [c.value for c in table.rows[3].cells] == [Decimal("22500000"), Decimal("23062")]
    assert [c.value for c in table.rows[6].cells] == [Decimal("28600"), Decimal("14157")]


def test_values_left_of_the_tags_that_line_up_are_still_a_column() -> None:
    """Values left of the first tag that line up from row to row are a column the tag line left
    out, however the rows fill the tagged columns."""
    text = """<TABLE>
<S>                                       <C>       <C>
Widgets                       1,100     2,200     3,300
Gadgets                         400       500       600
Gizmos                           70        80        90
</TABLE>"""
    (table,) = read(text)
    assert [c.value for c in table.rows[1].cells] == [Decimal("400"), Decimal("500"), Decimal("600")]
    assert [row.label for row in table.rows] == ["Widgets", "Gadgets", "Gizmos"]


def test_flush_left_values_left_of_the_tags_are_still_a_column() -> None:
    """Values set flush left line up on their first character, not on their last digit: left of
    the first tag they are still a column the tag line left out."""
    text = """<TABLE>
                               FIRST QUARTER                 FIRST QUARTER
                                    1994          CHANGE          1993
                                          <C>            <C>
Net sales                      2,469          23.4           2,000
Gross margin                   592            (27.0)         811
Operating expenses             527            (7.5)          570
Earnings per share             0.34           (74.4)         1.33
</TABLE>"""
    (table,) = read(text)
    assert table.columns == ("FIRST QUARTER 1994", "CHANGE", "FIRST QUARTER 1993")
    assert [c.value for c in table.rows[1].cells] == [Decimal("592"), Decimal("-27.0"), Decimal("811")]
