"""A fee table that goes on into its expense example in the same table (small funds, 1990s text
and early HTML): classified as a fee table whose last rows carry example concepts, and checked
as the two tables it holds."""

from __future__ import annotations

from extractor.model import Filing
from extractor.pipeline import extract_bytes

ONE_TABLE_TEXT = """\
                              FUND EXPENSES

<TABLE>
<S>                                                               <C>
SHAREHOLDER TRANSACTION EXPENSES
   Maximum Sales Load Imposed on Purchases......................   None
   Redemption Fees..............................................   None

ANNUAL FUND OPERATING EXPENSES
(as a percentage of average net assets)
   Management Fees (after fee waivers)*.........................    .60%
   12b-1 Fees...................................................   None
   Other Expenses...............................................    .35%
   Total Fund Operating Expenses (after fee waivers)*...........    .95%

EXAMPLE
   You would pay the following expenses on a $1,000 investment,
   assuming (1) 5% annual return and (2) redemption at the end
   of each time period:
      1 Year....................................................    $10
      3 Years...................................................     30
      5 Years...................................................     53
     10 Years...................................................    117
</TABLE>
"""

ONE_TABLE_HTML = """<html><body><p>FEES AND EXPENSES OF THE FUND</p><table>
<tr><td colspan="2">ANNUAL FUND OPERATING EXPENSES (expenses that are deducted from Fund assets)</td></tr>
<tr><td>Management Fees</td><td>0.60%</td></tr>
<tr><td>Distribution (12b-1) Fees</td><td>None</td></tr>
<tr><td>Other Expenses</td><td>0.35%</td></tr>
<tr><td>Total Annual Fund Operating Expenses</td><td>0.95%</td></tr>
<tr><td colspan="2">EXAMPLE</td></tr>
<tr><td colspan="2">This Example assumes that you invest $10,000 in the Fund for the time periods indicated and then
redeem all of your shares at the end of those periods.</td></tr>
<tr><td>1 Year</td><td>$97</td></tr>
<tr><td>3 Years</td><td>$303</td></tr>
<tr><td>5 Years</td><td>$525</td></tr>
<tr><td>10 Years</td><td>$1,166</td></tr>
</table></body></html>
"""


def run(text: str, name: str) -> Filing:
    return extract_bytes(text.encode(), name)


def test_text_fee_table_with_its_example_is_a_fee_table_with_example_rows() -> None:
    filing = run(ONE_TABLE_TEXT, "one.txt")
    [table] = filing.tables
    assert table.kind == "fees"
    concepts = {row.label: row.concept for row in table.rows}
    assert concepts["Management Fees (after fee waivers)*"] == "ManagementFeesOverAssets"
    assert concepts["Total Fund Operating Expenses (after fee waivers)*"] == "NetExpensesOverAssets"
    assert [concepts[f"{n} Year" + ("s" if n > 1 else "")] for n in (1, 3, 5, 10)] == [
        "ExpenseExampleYear01", "ExpenseExampleYear03", "ExpenseExampleYear05", "ExpenseExampleYear10"]
    assert [f for f in filing.findings if f.severity != "info"] == []


def test_example_part_is_recomputed_from_the_fee_part() -> None:
    filing = run(ONE_TABLE_TEXT.replace("     30\n", "     35\n"), "one.txt")
    assert [(f.check, f.severity, f.row, f.expected, f.found) for f in filing.findings] == [
        ("expense_example", "error", "3 Years", "30", "35")]


def test_fee_part_is_added_up() -> None:
    filing = run(ONE_TABLE_TEXT.replace(".35%", ".40%"), "one.txt")
    assert [(f.check, f.severity, f.expected, f.found) for f in filing.findings
            if f.check == "component_sum"] == [("component_sum", "error", "1.00", "0.95")]


def test_html_fee_table_with_its_example() -> None:
    filing = run(ONE_TABLE_HTML, "one.html")
    [table] = filing.tables
    assert table.kind == "fees"
    assert [row.concept for row in table.rows if row.has_values][-4:] == [
        "ExpenseExampleYear01", "ExpenseExampleYear03", "ExpenseExampleYear05", "ExpenseExampleYear10"]
    assert filing.findings == ()
    changed = run(ONE_TABLE_HTML.replace("$525", "$535"), "one.html")
    assert [(f.check, f.severity, f.expected, f.found) for f in changed.findings] == [
        ("expense_example", "error", "525", "535")]
