"""Notes set under a fee table as tables of their own, one per note, numbered "1." in a narrow cell
with the note's sentence beside it (ArcPro-style generators). One synthetic case per rule."""

from __future__ import annotations

from extractor.html.reader import read_html_tables
from extractor.model import Document, Table


def read_html(text: str) -> list[Table]:
    return read_html_tables(Document(sequence=1, type=None, filename=None, line=1, text=text, is_html=True))


def _note(number: str, text: str) -> str:
    return (f'<table border="0" width="100%"><tr><td style="width:2%" valign="top"><font>{number}</font></td>'
            f"<td><font>{text}</font></td></tr></table>")


_FEE_TABLE = """<html><body><div>
<table width="100%">
<tr><td colspan="3"><b>Annual Fund Operating Expenses</b><sup>TITLE</sup></td></tr>
<tr><td></td><td>A</td><td>C</td></tr>
<tr><td>Management Fees<sup>2</sup></td><td>0.45%</td><td>0.45%</td></tr>
<tr><td>Other Expenses<sup>3</sup></td><td>0.30%</td><td>0.30%</td></tr>
<tr><td>Total Annual Fund Operating Expenses</td><td>0.75%</td><td>0.75%</td></tr>
</table>
NOTES
<p>Example of Expenses</p>
</div></body></html>"""
_NOTES = [
    _note("1.", "Expenses have been adjusted to reflect current fees and expenses."),
    _note("2.", "Reflects the fees charged for advisory services to the master portfolio."),
    _note("3.", "Includes other expenses allocated from the master portfolio in which the Fund invests."),
]


def test_numbered_note_tables_are_the_tables_footnotes() -> None:
    """"2." | sentence was no marker: each note table was a one-row table of its own and the fee
    table had no footnotes."""
    (table,) = read_html(_FEE_TABLE.replace("TITLE", "").replace("NOTES", "".join(_NOTES[1:])))
    assert [(n.marker, n.text[:21]) for n in table.footnotes] == [
        ("2", "Reflects the fees cha"), ("3", "Includes other expens"),
    ]


def test_a_note_table_no_row_cites_does_not_end_the_notes() -> None:
    """Note 1 is cited by the title over the table, which no row carries: the walk through the
    notes under the table stopped there and notes 2 and 3 were lost."""
    (table,) = read_html(_FEE_TABLE.replace("TITLE", "1").replace("NOTES", "".join(_NOTES)))
    assert [n.marker for n in table.footnotes] == ["2", "3"]


_NOTES_OVER_A_PAGE_BREAK = """<html><body>
<div>FEE_TABLE NOTE_2</div>
<div style="margin-top:14pt">1</div>
<div style="page-break-before: always"></div>
<div>NOTE_3<p>Example of Expenses</p><p>This Example is intended to help you compare the cost of investing.</p></div>
</body></html>"""


def test_note_tables_go_on_after_a_page_break() -> None:
    """The notes of a table at a page's foot ran on after the page number and the break, in the
    next page's block: the walk through the notes stopped at the end of the first page's block."""
    fee = _FEE_TABLE.split("<div>", 1)[1].split("NOTES", 1)[0].replace("TITLE", "")
    text = (_NOTES_OVER_A_PAGE_BREAK.replace("FEE_TABLE", fee).replace("NOTE_2", _NOTES[1])
            .replace("NOTE_3", _NOTES[2]))
    (table,) = read_html(text)
    assert [n.marker for n in table.footnotes] == ["2", "3"]
