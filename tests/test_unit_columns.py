"""A column holding only "%" beside the figures is their unit, not a column of the table (the HTML grid
folds it into the figures)."""

from __future__ import annotations

from extractor import extract_bytes


def _table(*rows: tuple[str, ...]) -> str:
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<html><body><table>{body}</table></body></html>"


def test_a_percent_column_left_of_the_figures_becomes_their_unit() -> None:
    html = _table(("Class", "", "ADV", "I"),
                  ("Management Fees", "%", "0.74", "0.74"),
                  ("Distribution and/or Shareholder Services (12b-1) Fees", "%", "0.60", "None"),
                  ("Other Expenses", "%", "0.13", "0.13"),
                  ("Total Annual Portfolio Operating Expenses", "%", "1.47", "0.87"))
    (table,) = extract_bytes(html.encode(), "doc.htm").tables
    assert table.columns == ("ADV", "I")
    assert [(c.text, str(c.value), c.unit) for c in table.rows[1].cells] == [
        ("0.60%", "0.60", "percent"), ("None", "None", None)]
    assert table.kind == "fees"


def test_a_table_of_blanks_to_fill_in_keeps_its_signs() -> None:
    html = _table(("", "", "Underwriting Discount", "Proceeds to Company"),
                  ("Per Note", "", "%", "%"),
                  ("Total", "", "$", "$"))
    (table,) = extract_bytes(html.encode(), "doc.htm").tables
    assert [c.text for c in table.rows[0].cells][-2:] == ["%", "%"]
