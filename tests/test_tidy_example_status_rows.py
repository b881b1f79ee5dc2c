"""In the tidy form, an example row under a "Share Status" column says whose figures it holds
and whether they assume the shares are sold.

"Class C | Sold | $278 ..." then " | Held | $178 ...": the class cell is printed once. The JSON
keeps the rows as printed (an empty label, the table's column concepts); the tidy form, read a
row at a time, gives the second row its class and the no-redemption concepts.
"""

from __future__ import annotations

from extractor import extract_bytes
from extractor.batch.formats import csv_body
from extractor.writers import tidy_csv, tidy_records, tidy_rows

EXAMPLE = """<html><body>
<p>Example. The example assumes that you invest $10,000 in the fund for the time periods indicated
and then redeem all of your shares at the end of those periods or continue to hold them.</p>
<table>
<tr><td>Class</td><td>Share Status</td><td>1 Year</td><td>3 Years</td><td>5 Years</td><td>10 Years</td></tr>
<tr><td>Class A</td><td>Sold or Held</td><td>$102</td><td>$318</td><td>$552</td><td>$1,225</td></tr>
<tr><td>Class C</td><td>Sold</td><td>$278</td><td>$551</td><td>$949</td><td>$2,062</td></tr>
<tr><td></td><td>Held</td><td>$178</td><td>$551</td><td>$949</td><td>$2,062</td></tr>
</table>
</body></html>
"""


def first_year() -> list[tuple[str, str, float]]:
    filing = extract_bytes(EXAMPLE.encode(), "status-rows.html")
    return [(r["label"], r["concept"], r["value"]) for r in tidy_records(filing) if r["column"] == "1 Year"]


def test_the_held_row_is_its_class_without_redemption() -> None:
    assert first_year() == [
        ("Class A", "ExpenseExampleYear01", 102.0),
        ("Class C", "ExpenseExampleYear01", 278.0),
        ("Class C", "ExpenseExampleNoRedemptionYear01", 178.0),
    ]


def test_the_json_rows_stay_as_printed() -> None:
    table = extract_bytes(EXAMPLE.encode(), "status-rows.html").tables[0]
    assert [row.label for row in table.rows] == ["Class A", "Class C", ""]
    assert table.column_concepts is not None and table.column_concepts[1] == "ExpenseExampleYear01"


def test_the_batch_csv_says_the_same() -> None:
    filing = extract_bytes(EXAMPLE.encode(), "status-rows.html")
    assert tidy_csv(filing).encode() == csv_body(tidy_rows(filing))
    assert ",Class C,ExpenseExampleNoRedemptionYear01,1 Year," in tidy_csv(filing)
