"""Layouts seen in real summary prospectuses that earlier rules read wrongly.

Each document is small and synthetic, written in the layout of a real filing: an annual-expenses
table without class headers under a shareholder-fee table that names the classes; a net total
worded like the gross one; an example of a fund whose expenses are many times its assets; an
exchange fee stated as a percentage of the amount redeemed; Class C converting into another class
than Class A in the example's last years.
"""

from __future__ import annotations

from extractor import Filing, extract_bytes


def _cells(*cells: str) -> str:
    return "".join(f"<td>{c}</td>" for c in cells)


def _rows(*rows: tuple[str, ...]) -> str:
    return "".join(f"<tr>{_cells(*row)}</tr>" for row in rows)


def _read(body: str) -> Filing:
    return extract_bytes(f"<html><body>{body}</body></html>".encode(), "doc.htm")


SHAREHOLDER = ("<p>Shareholder Fees (fees paid directly from your investment)</p><table>"
               + _rows(("", "Institutional Shares", "Investor Shares"),
                       ("Maximum Sales Charge (Load) Imposed on Purchases", "None", "None"),
                       ("Redemption Fee (as a percentage of amount redeemed within 60 days)", "1.00%", "1.00%"))
               + "</table>")
ANNUAL = ("<table>"
          + _rows(("Annual Fund Operating Expenses (expenses that you pay each year)", "&nbsp;", "&nbsp;"),
                  ("Management Fees", "1.25%", "1.25%"),
                  ("Distribution and/or Service (12b-1) Fees", "None", "0.25%"),
                  ("Other Expenses", "0.71%", "0.71%"),
                  ("Total Annual Fund Operating Expenses", "1.96%", "2.21%"))
          + "</table>")
EXAMPLE = ("<p>The Example assumes that you invest $10,000 in the Fund for the time periods indicated and "
           "then redeem all of your shares at the end of those periods, with a 5% return each year:</p><table>"
           + _rows(("", "1 Year", "3 Years", "5 Years", "10 Years"),
                   ("Institutional Shares", "$199", "$615", "$1,057", "$2,285"),
                   ("Investor Shares", "$224", "$691", "$1,185", "$2,544"))
           + "</table>")


def test_an_annual_expenses_table_without_headers_takes_the_classes_of_the_fee_table_above() -> None:
    filing = _read(SHAREHOLDER + ANNUAL + EXAMPLE)
    fees = [t for t in filing.tables if t.kind == "fees"]
    assert [t.columns for t in fees] == [("Institutional Shares", "Investor Shares")] * 2
    assert filing.findings == ()


def test_so_a_wrong_example_figure_under_such_a_table_is_found() -> None:
    filing = _read(SHAREHOLDER + ANNUAL + EXAMPLE.replace("$2,544", "$2,644"))
    assert [(f.severity, f.row, f.column, f.found) for f in filing.findings if f.severity != "info"] == [
        ("error", "Investor Shares", "10 Years", "2644")]


def test_a_table_with_headers_of_its_own_keeps_them() -> None:
    own = ANNUAL.replace("<td>&nbsp;</td><td>&nbsp;</td>", "<td>Inst.</td><td>Inv.</td>", 1)
    fees = [t for t in _read(SHAREHOLDER + own).tables if t.kind == "fees"]
    assert fees[1].columns == ("Inst.", "Inv.")


def test_a_second_total_after_the_waiver_row_is_the_net_total() -> None:
    table = ("<table>" + _rows(
        ("", "Institutional Class"),
        ("Management Fees", "0.20%"),
        ("Other Expenses", "40.43%"),
        ("Total Annual Fund Operating Expenses", "40.63%"),
        ("Fee Waivers and/or Expense Reimbursements", "-40.37%"),
        ("Total Annual Fund Operating Expenses", "0.26%")) + "</table>")
    (fees,) = _read(table).tables
    assert [r.concept for r in fees.rows if r.label] == [
        "ManagementFeesOverAssets", "OtherExpensesOverAssets", "ExpensesOverAssets",
        "FeeWaiverOrReimbursementOverAssets", "NetExpensesOverAssets"]


def test_an_example_of_a_fund_with_expenses_many_times_its_assets_is_an_example() -> None:
    fees = ("<table>" + _rows(
        ("", "Institutional Class"),
        ("Maximum Sales Charge (Load) Imposed on Purchases", "None"),
        ("Maximum Deferred Sales Charge (Load)", "None"),
        ("Management Fees", "0.20%"),
        ("Other Expenses", "40.59%"),
        ("Total Annual Fund Operating Expenses", "40.79%"),
        ("Fee Waivers and/or Expense Reimbursements", "(40.53)%"),
        ("Total Annual Fund Operating Expenses After Fee Waivers", "0.26%")) + "</table>")
    example = ("<p>The Example assumes that you invest $10,000 for the time periods indicated:</p><table>"
               + _rows(("", "1 year", "3 years", "5 years", "10 years"),
                       ("Institutional Class", "$27", "$5,787", "$8,162", "$9,646")) + "</table>")
    filing = _read(fees + example)
    assert [t.kind for t in filing.tables] == ["fees", "expense_example"]
    assert [f for f in filing.findings if f.severity != "info"] == []
    broken = _read(fees + example.replace("$8,162", "$8,262"))
    assert [(f.severity, f.column) for f in broken.findings if f.severity != "info"] == [("error", "5 years")]


def test_a_table_of_what_10000_grows_to_is_still_no_example() -> None:
    growth = ("<p>Value of a $10,000 investment:</p><table>"
              + _rows(("", "1 Year", "3 Years", "5 Years", "10 Years"),
                      ("Class A", "$10,512", "$11,873", "$13,402", "$18,077")) + "</table>")
    assert [t.kind for t in _read(growth).tables] == ["other"]


def test_an_exchange_fee_on_the_amount_redeemed_is_an_exchange_fee() -> None:
    table = ("<table>" + _rows(
        ("", "Investor Shares"),
        ("Maximum Sales Charge (Load) Imposed on Purchases", "None"),
        ("Redemption Fee (as a percentage of amount redeemed within 60 days of purchase)", "1.00%"),
        ("Exchange Fee (as a percentage of amount redeemed, if applicable)", "None")) + "</table>")
    (fees,) = _read(table).tables
    assert [r.concept for r in fees.rows if r.label][1:] == ["RedemptionFeeOverRedemption", "ExchangeFee"]


CONVERTING = ("<table>" + _rows(
    ("", "Class A", "Investor Class", "Class C"),
    ("Management Fees", "0.57%", "0.57%", "0.57%"),
    ("Distribution and/or Service (12b-1) Fees", "0.25%", "0.25%", "1.00%"),
    ("Other Expenses", "0.00%", "0.25%", "0.25%"),
    ("Total Annual Fund Operating Expenses", "0.82%", "1.07%", "1.82%")) + "</table>"
    "<p>The Example reflects Class C shares converting into Investor Class shares in years 9-10. "
    "Your costs would be:</p><table>" + _rows(
    ("", "1 Year", "3 Years", "5 Years", "10 Years"),
    ("Investor Class", "$109", "$340", "$590", "$1,306"),
    ("Class C", "$185", "$573", "$985", "$1,940")) + "</table>")


def test_class_c_converting_into_a_named_class_in_years_9_and_10() -> None:
    assert [f for f in _read(CONVERTING).findings if f.severity != "info"] == []


def test_a_wrong_figure_of_the_converting_class_is_still_an_error() -> None:
    filing = _read(CONVERTING.replace("$1,940", "$1,990"))
    assert [(f.severity, f.row, f.column) for f in filing.findings if f.severity != "info"] == [
        ("error", "Class C", "10 Years")]


def _fees(*rows: tuple[str, ...]) -> str:
    return "<table>" + _rows(*rows) + "</table>"


def test_items_printed_under_their_total_other_expenses_row_are_its_components() -> None:
    table = _fees(
        ("", "Investor Class", "Class C"),
        ("Management Fees", "0.65%", "0.65%"),
        ("Distribution and Service (12b-1) Fees", "0.25%", "1.00%"),
        ("Total Other Expenses", "0.38%", "0.32%"),
        ("Shareholder Services Fees", "0.15%", "0.00%"),
        ("Other Expenses", "0.23%", "0.31%"),
        ("Recoupment of Previously Waived Fees", "0.00%", "0.01%"),
        ("Total Annual Fund Operating Expenses", "1.28%", "1.97%"))
    filing = _read(table)
    assert [r.concept for r in filing.tables[0].rows][3:6] == [
        "Component1OtherExpensesOverAssets", "Component2OtherExpensesOverAssets",
        "Component3OtherExpensesOverAssets"]
    assert filing.findings == ()
    broken = _read(table.replace("1.28%", "1.38%"))
    assert [(f.severity, f.check, f.column) for f in broken.findings] == [
        ("error", "component_sum", "Investor Class")]


def test_items_printed_above_their_total_other_expenses_row_are_its_components() -> None:
    table = _fees(
        ("", "A", "Y"),
        ("Management Fees", "0.46%", "0.46%"),
        ("Distribution and/or Service (12b-1) Fees", "0.25", "None"),
        ("Other Expenses", "0.10", "0.10"),
        ("Interest Expense", "0.16", "0.16"),
        ("Total Other Expenses", "0.26", "0.26"),
        ("Total Annual Fund Operating Expenses", "0.97", "0.72"))
    filing = _read(table)
    assert [r.concept for r in filing.tables[0].rows][2:5] == [
        "Component1OtherExpensesOverAssets", "Component2OtherExpensesOverAssets", "OtherExpensesOverAssets"]
    assert filing.findings == ()
    broken = _read(table.replace("0.72", "0.82"))
    assert [(f.severity, f.check, f.column, f.expected) for f in broken.findings] == [
        ("error", "component_sum", "Y", "0.72")]


def test_lines_that_do_not_add_up_to_the_total_other_expenses_keep_their_concepts() -> None:
    table = _fees(
        ("", "Class A"),
        ("Management Fees", "0.50%"),
        ("Total Other Expenses", "0.30%"),
        ("Shareholder Services Fees", "0.25%"),
        ("Acquired Fund Fees and Expenses", "0.02%"),
        ("Total Annual Fund Operating Expenses", "1.07%"))
    concepts = [r.concept for r in _read(table).tables[0].rows]
    assert concepts[2:4] == ["DistributionOrSimilarNon12b1FeesOverAssets", "AcquiredFundFeesAndExpensesOverAssets"]


def test_an_example_row_named_investor_class_shares_meets_the_investor_class_column() -> None:
    fees = _fees(("", "Investor Class", "Class A"),
                 ("Maximum Sales Charge (Load) Imposed on Purchases", "None", "None"),
                 ("Maximum Deferred Sales Charge (Load)", "None", "None"),
                 ("Management Fees", "0.65%", "0.46%"), ("Other Expenses", "0.63%", "0.51%"),
                 ("Total Annual Fund Operating Expenses", "1.28%", "0.97%"))
    example = ("<p>Your costs would be:</p>" + _fees(("", "1 Year", "3 Years", "5 Years", "10 Years"),
                                                      ("Investor Class Shares", "$130", "$406", "$702", "$1,545"),
                                                      ("Class A Shares", "$99", "$309", "$536", "$1,190")))
    assert _read(fees + example).findings == ()
    broken = _read(fees + example.replace("$406", "$456"))
    assert [(f.severity, f.row, f.column) for f in broken.findings] == [
        ("error", "Investor Class Shares", "3 Years")]


def test_class_c_converting_to_class_a_unsaid_is_a_warning_not_an_error() -> None:
    fees = _fees(("", "Class A", "Class C"),
                 ("Maximum Sales Charge (Load) Imposed on Purchases", "None", "None"),
                 ("Maximum Deferred Sales Charge (Load)", "None", "1.00%"),
                 ("Management Fees", "0.46%", "0.46%"),
                 ("Distribution and/or Service (12b-1) Fees", "0.25%", "1.00%"),
                 ("Other Expenses", "0.26%", "0.26%"),
                 ("Total Annual Fund Operating Expenses", "0.97%", "1.72%"))
    example = ("<p>If you do not redeem your shares, your costs would be:</p>" + _fees(
        ("", "1 Year", "3 Years", "5 Years", "10 Years"),
        ("Class A", "$99", "$309", "$536", "$1,190"),
        ("Class C", "$175", "$542", "$933", "$1,831")))
    assert [(f.severity, f.row, f.column) for f in _read(fees + example).findings] == [
        ("warning", "Class C", "10 Years")]


NEVER_ENDS = (_fees(("", "Institutional Class"),
                    ("Maximum Sales Charge (Load) Imposed on Purchases", "None"),
                    ("Maximum Deferred Sales Charge (Load)", "None"),
                    ("Management Fees", "0.73%"), ("Other Expenses", "0.30%"),
                    ("Total Annual Fund Operating Expenses", "1.03%"),
                    ("Fee Waiver and Expense Reimbursement", "&#8722;0.14%"),
                    ("Total Annual Fund Operating Expenses after Fee Waiver and Expense Reimbursement", "0.89%"))
              + "<p>The example also assumes that your investment has a 5% return each year, that the Fund's "
                "operating expenses remain the same and that the Expense Limitation is never terminated by the "
                "Fund's Board. Based on these assumptions your costs would be:</p>"
              + _fees(("", "1 year", "3 years", "5 years", "10 years"),
                      ("Institutional Class", "$91", "$284", "$493", "$1,096")))


def test_a_waiver_the_example_assumes_never_ends_is_taken_every_year() -> None:
    assert _read(NEVER_ENDS).findings == ()


def test_figures_with_the_waiver_in_the_first_year_only_contradict_it() -> None:
    first_year_only = NEVER_ENDS.replace("$284", "$314").replace("$493", "$555").replace("$1,096", "$1,247")
    assert [(f.severity, f.column) for f in _read(first_year_only).findings] == [
        ("warning", "3 years"), ("warning", "5 years"), ("warning", "10 years")]


LONG_LEAD_IN = (
    "This Example is intended to help you compare the cost of investing in the Fund with the cost of "
    "investing in other mutual funds. The Example assumes that you invest $10,000 in the Fund for the time "
    "periods indicated whether or not you redeem all of your shares at the end of those periods. The "
    "Example reflects Class C shares converting into Investor Class shares in years 9-10; expenses could "
    "be lower if you are eligible to convert to Class A shares instead. The Example also assumes that your "
    "investment has a 5% return each year and that the Fund's operating expenses remain the same. The "
    "Example reflects the contractual fee waiver and/or expense reimbursement arrangement, if applicable, "
    "for the current duration of the arrangement only. Although your actual costs may be higher or lower, "
    "based on these assumptions your costs would be:")


def test_a_conversion_stated_far_up_an_html_example_lead_in_is_read() -> None:
    document = CONVERTING.replace(
        "<p>The Example reflects Class C shares converting into Investor Class shares in years 9-10. "
        "Your costs would be:</p>", f"<p>{LONG_LEAD_IN}</p>")
    filing = _read(document)
    example = filing.tables[-1]
    assert "in years 9-10" not in example.context and "in years 9-10" in example.lead
    assert filing.findings == ()


def test_a_conversion_stated_far_up_a_text_example_lead_in_is_read() -> None:
    lead = "\n".join(LONG_LEAD_IN[i:i + 70] for i in range(0, len(LONG_LEAD_IN), 70))
    text = f"""<TABLE>
<S>                                         <C>        <C>              <C>
                                            Class A    Investor Class   Class C
Management Fees............................   0.57%        0.57%         0.57%
Distribution and/or Service (12b-1) Fees...   0.25%        0.25%         1.00%
Other Expenses.............................   0.00%        0.25%         0.25%
Total Annual Fund Operating Expenses.......   0.82%        1.07%         1.82%
</TABLE>

{lead}

<TABLE>
<S>                        <C>        <C>        <C>        <C>
                           1 Year     3 Years    5 Years    10 Years
Investor Class..........    $109       $340       $590      $1,306
Class C.................    $185       $573       $985      $1,940
</TABLE>
"""
    filing = extract_bytes(text.encode(), "doc.txt")
    assert [t.kind for t in filing.tables] == ["fees", "expense_example"]
    assert "in years 9-10" in filing.tables[1].lead
    assert [f for f in filing.findings if f.severity != "info"] == []


ALL_WAIVED = (_fees(("", "All Shares"),
                    ("Maximum Sales Charge (Load) Imposed on Purchases", "None"),
                    ("Maximum Deferred Sales Charge (Load)", "None"),
                    ("Management Fees", "0.00%"), ("Other Expenses", "2.00%"),
                    ("Total Annual Fund Operating Expenses", "2.00%"),
                    ("Less: Fee Waiver and/or Expense Reimbursement", "(2.00)%"),
                    ("Total Annual Fund Operating Expenses After Fee Waiver", "0.00%"))
              + "<p>The Example assumes that you invest $10,000 in the Fund for the time periods indicated. "
                "Your costs would be:</p>"
              + _fees(("Share Status", "1 Year", "3 Years"), ("Sold or Held", "$0", "$0")))


def test_an_example_of_zero_dollars_where_every_fee_is_waived_is_an_example() -> None:
    filing = _read(ALL_WAIVED)
    assert [t.kind for t in filing.tables] == ["fees", "expense_example"]
    assert filing.findings == ()


def test_a_zero_cost_example_with_a_wrong_figure_is_found() -> None:
    filing = _read(ALL_WAIVED.replace("<td>$0</td></tr></table>", "<td>$50</td></tr></table>"))
    assert [(f.severity, f.column) for f in filing.findings] == [("error", "3 Years")]


STAGGERED = _fees(("", "", ""),
                  ("Management Fees", "", "0.12%"),
                  ("12b-1 Distribution Fee", "", "None"),
                  ("Other Expenses", "", ""),
                  ("Dividend Expenses on Securities Sold Short", "1.20%", ""),
                  ("Borrowing Expenses on Securities Sold Short", "0.00%", ""),
                  ("Other Operating Expenses", "0.02%", ""),
                  ("Total of Other Expenses", "", "1.22%"),
                  ("Total Annual Fund Operating Expenses", "", "1.34%"))


def test_other_expense_items_in_a_column_of_their_own_are_one_column_with_their_total() -> None:
    filing = _read(STAGGERED)
    (fees,) = filing.tables
    assert len(fees.columns) == 1
    assert [c.text for r in fees.rows for c in r.cells] == [
        "0.12%", "None", "", "1.20%", "0.00%", "0.02%", "1.22%", "1.34%"]
    assert filing.findings == ()
    broken = _read(STAGGERED.replace("1.20%", "1.25%"))
    assert [(f.severity, f.check) for f in broken.findings] == [("error", "component_sum")]
