"""A rule line escaped as EDGAR escapes a line that opens with a dash ("- -------") is a rule:
its lone dash is no caption or header text."""

from __future__ import annotations

from extractor.model import Document, Table
from extractor.text import read_text_tables


def read(text: str) -> list[Table]:
    return read_text_tables(Document(1, None, None, 1, text=text, text_line=1))


def test_escaped_rule_leaves_no_dash_in_the_caption() -> None:
    text = """<TABLE>
<CAPTION>
SHAREHOLDER FEES
(fees paid directly from your investment)          CLASS A     CLASS B
- -----------------------------------------          -------     -------
<S>                                                <C>         <C>
Redemption Fee                                      None        None
</TABLE>"""
    (table,) = read(text)
    assert table.caption == "SHAREHOLDER FEES (fees paid directly from your investment)"
    assert table.columns == ("CLASS A", "CLASS B")
