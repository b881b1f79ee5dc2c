"""Row labels of HTML tables wrapped in capitals over two ``<tr>``: one synthetic table per rule."""

from __future__ import annotations

from decimal import Decimal

from extractor.html import read_html_tables
from extractor.html.labels import continues
from extractor.model import Document, Table
from extractor.wrapping import caps_link


def read(text: str) -> list[Table]:
    doc = Document(sequence=1, type=None, filename=None, line=1, text=text, text_line=1, is_html=True)
    return read_html_tables(doc)


def table_html(rows: list[tuple[str, str, str]]) -> str:
    cells = "".join(f"<tr><td>{label}</td><td>{a}</td><td>{b}</td></tr>" for label, a, b in rows)
    return (
        "<html><body><table>"
        "<tr><td></td><td>FIXED GROUP</td><td>ADJ GROUP</td></tr>"
        f"{cells}</table></body></html>"
    )


def test_upper_case_row_opening_with_a_connecting_word_ends_the_label_above() -> None:
    """Values on the last row: "FOR CERTIFICATE ACCOUNT" under "CAPITALIZED INTEREST DEPOSIT"
    opens with a connecting word, which in capitals says it runs on from the row above."""
    (table,) = read(table_html([
        ("TOTAL SOURCES", "5,642.48", "4,193.60"),
        ("CAPITALIZED INTEREST DEPOSIT", "", ""),
        ("FOR CERTIFICATE ACCOUNT", "12.00", "0.00"),
        ("TOTAL REMITTANCE DUE", "9,835.08", "7,100.00"),
    ]))
    assert [row.label for row in table.rows] == [
        "TOTAL SOURCES",
        "CAPITALIZED INTEREST DEPOSIT FOR CERTIFICATE ACCOUNT",
        "TOTAL REMITTANCE DUE",
    ]
    assert [c.value for c in table.rows[1].cells] == [Decimal("12.00"), Decimal("0.00")]


def test_upper_case_row_opening_with_a_participle_and_preposition_finishes_the_label_above() -> None:
    """Values on the first row: "PURCHASED FROM MORTGAGE REPLACEMENT" finishes "NUMBER OF LOANS"."""
    (table,) = read(table_html([
        ("CURRENT NUMBER OF LOANS", "5,796", "2,549"),
        ("NUMBER OF LOANS", "0", "0"),
        ("PURCHASED FROM MORTGAGE REPLACEMENT", "", ""),
        ("NUMBER OF LOANS PAID IN FULL", "35", "21"),
    ]))
    assert [row.label for row in table.rows] == [
        "CURRENT NUMBER OF LOANS",
        "NUMBER OF LOANS PURCHASED FROM MORTGAGE REPLACEMENT",
        "NUMBER OF LOANS PAID IN FULL",
    ]


def test_upper_case_rows_all_opening_with_a_connecting_word_are_a_list() -> None:
    """Rows that each open with the same kind of connecting word are items under the row above,
    not the rest of its label."""
    assert continues("SALES CHARGE", "FOR PURCHASES UNDER $50,000")
    assert not continues("SALES CHARGE", "FOR PURCHASES UNDER $50,000", "FOR PURCHASES OVER $50,000")
    assert not continues("Sales charge", "FOR PURCHASES UNDER $50,000")


def test_html_and_text_share_the_connecting_words() -> None:
    """A row ending in "before", "after" or "other" runs on in HTML as in plain text (one list of
    connecting words in :mod:`extractor.wrapping`); a list item's marker still opens a row."""
    assert continues("Income (loss) before", "Extraordinary Items")
    assert continues("Fees paid after", "Redemption")
    assert not continues("Other", "Fees")
    assert not continues("Sales charges", "(a) Class A")


def test_capitals_link_words_and_participles() -> None:
    """The shared capitals rule: a connecting word ("FOR", "ON") or a participle and its
    preposition ("PURCHASED FROM") opening an upper-case line under an upper-case line."""
    assert caps_link("UNPAID INSURED AMOUNTS AND INTEREST", "ON THE AMOUNTS:")
    assert caps_link("CAPITALIZED INTEREST DEPOSIT", "FOR CERTIFICATE ACCOUNT")
    assert caps_link("NUMBER OF LOANS", "PURCHASED FROM MORTGAGE REPLACEMENT")
    assert not caps_link("NUMBER OF LOANS", "PAID IN FULL")
    assert not caps_link("Number of loans", "FOR SALE")
