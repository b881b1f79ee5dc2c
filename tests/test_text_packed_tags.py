"""Column tags packed with no room between them (``<C><C><C>``) start one column, not a row of
columns three characters wide; tags after such a run may have been pushed right by it."""

from __future__ import annotations

from extractor.model import Document, Table
from extractor.text import read_text_tables


def read(text: str) -> list[Table]:
    return read_text_tables(Document(1, None, None, 1, text=text, text_line=1))


def test_packed_tags_at_the_end_of_the_tag_line_start_one_column() -> None:
    text = """<TABLE>
<CAPTION>
                                  Class A          Class B          Class E
<S>                               <C>              <C>              <C><C><C><C><C><C>
Management Fee                    0.88%            0.88%            0.88%
12b-1 Fees                        None             0.25%            0.15%
Other Expenses                    0.06%            0.07%            0.07%
</TABLE>"""
    (table,) = read(text)
    assert table.columns == ("Class A", "Class B", "Class E")
    assert [c.text for c in table.rows[1].cells] == ["None", "0.25%", "0.15%"]


def test_tags_after_a_packed_run_pushed_right_by_it_are_moved_back() -> None:
    text = """<TABLE>
<CAPTION>
                              ASSUMING REDEMPTION          ASSUMING NO REDEMPTION
                          CLASS A  CLASS B  CLASS C         CLASS B  CLASS C
<S>                       <C>      <C>      <C>             <C><C><C><C><C><C><C>      <C>
1 Year..................   $ 110    $ 120    $ 130             $ 100    $ 105
3 Years.................     340      350      360               310      320
</TABLE>"""
    (table,) = read(text)
    assert table.columns == (
        "ASSUMING REDEMPTION CLASS A",
        "ASSUMING REDEMPTION CLASS B",
        "ASSUMING REDEMPTION CLASS C",
        "ASSUMING NO REDEMPTION CLASS B",
        "ASSUMING NO REDEMPTION CLASS C",
    )
    assert [c.value for c in table.rows[1].cells] == [340, 350, 360, 310, 320]
