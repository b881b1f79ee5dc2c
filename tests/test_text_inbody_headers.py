"""In-body headers of plain-text tables that bring new column labels. Synthetic tables."""

from __future__ import annotations

from decimal import Decimal

from extractor.model import Document, Table
from extractor.text import read_text_tables


def read(text: str) -> list[Table]:
    return read_text_tables(Document(1, None, None, 1, text=text, text_line=1))


SHARES = """<TABLE>
<S>                            <C>               <C>               <C>           <C>
Year ended December 31, 2002
Share class                        Sales(1)          Sales(1)        Reinvestments
                                    Amount            Shares      Amount       Shares

Class A                        $ 2,510,082           99,589   $ 325,159       13,445
Class B                            196,132            7,724       7,923          335


Year ended December 31, 2002

Share class                    Repurchases(1)    Repurchases(1)         Net increase
                                      Amount            Shares      Amount       Shares
Class A                         $ (3,217,263)         (133,389)   $ (382,022)    (20,355)
Class B                              (96,136)           (4,053)     107,919        4,006
</TABLE>"""


def test_header_repeating_the_stub_head_with_new_labels_starts_a_section() -> None:
    """A labelled line of text cells whose label repeats the header's stub head ("Share class")
    is a header with new column labels, and the line of known labels under it ("Amount
    Shares") completes it: the rows below get their own columns. It used to be a row of text
    cells under the old columns, its second line dropped as a repeated header."""
    first, second = read(SHARES)
    assert first.columns == ("Sales(1) Amount", "Sales(1) Shares", "Reinvestments Amount", "Reinvestments Shares")
    assert second.columns == (
        "Repurchases(1) Amount",
        "Repurchases(1) Shares",
        "Net increase Amount",
        "Net increase Shares",
    )
    assert [row.label for row in second.rows] == ["Year ended December 31, 2002", "Class A", "Class B"]
    assert [c.value for c in second.rows[1].cells] == [
        Decimal("-3217263"),
        Decimal("-133389"),
        Decimal("-382022"),
        Decimal("-20355"),
    ]


def test_heading_right_above_an_in_body_header_opens_the_new_section() -> None:
    """The heading above the new header ("Year ended December 31, 2002") titles the rows under
    that header; it used to end the section above."""
    first, second = read(SHARES)
    assert [row.label for row in first.rows] == ["Class A", "Class B"]
    assert second.rows[0].label == "Year ended December 31, 2002"


def test_year_line_under_an_in_body_header_completes_it() -> None:
    """A line of years alone under in-body header text ("Year ended / December 31,") is the
    header's last line, not an unlabelled row of values 2002 and 2001."""
    text = """<TABLE>
<S>                                              <C>            <C>
Statement of operations
                                                   Investment
                                                       income      Total
Net investment income                            $ 306,427
Net decrease in net assets                                    $(3,641,806)

Statement of changes in net assets
                                                   Year ended     Year ended
                                                 December 31,   December 31,
                                                       2002           2001
Net investment income                             $306,427       $280,256
Dividends paid                                    (312,115)      (280,870)
</TABLE>"""
    tables = read(text)
    second = tables[-1]
    assert second.columns == ("Year ended December 31, 2002", "Year ended December 31, 2001")
    assert [row.label for row in second.rows] == [
        "Statement of changes in net assets",
        "Net investment income",
        "Dividends paid",
    ]
    assert [c.value for c in second.rows[2].cells] == [Decimal("-312115"), Decimal("-280870")]
