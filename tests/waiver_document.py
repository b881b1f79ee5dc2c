"""The plain-text prospectus the waiver tests fill in: one class, a 0.25% fee waiver (1.20% gross,
0.95% net) and its 1/3/5/10-year example. ``{note}`` is the waiver's footnote, ``{figures}`` the
example's row (:func:`waiver_document`)."""

from __future__ import annotations

TEMPLATE = """SHAREHOLDER FEES AND ANNUAL FUND OPERATING EXPENSES

<TABLE>
<S>                                                  <C>
Maximum Sales Charge (Load) Imposed on Purchases..    None
Management Fees...................................    0.75%
Distribution (12b-1) Fees.........................    0.25%
Other Expenses....................................    0.20%
Total Annual Fund Operating Expenses..............    1.20%
Fee Waiver(1).....................................   (0.25)%
Net Expenses......................................    0.95%
</TABLE>

{note}

EXAMPLE

This Example assumes that you invest $10,000 in the Fund for the time periods
indicated and then redeem all of your shares at the end of those periods. The
Example also assumes that your investment has a 5% return each year and that
the Fund's operating expenses remain the same.

<TABLE>
<S>                     <C>        <C>        <C>        <C>
                        1 Year     3 Years    5 Years    10 Years
{figures}
</TABLE>
"""
TWO_YEARS = ("$97", "$332", "$613", "$1,415")
"""0.95% in years 1-2, 1.20% after (method S)."""
ONE_YEAR = ("$97", "$358", "$639", "$1,439")
"""0.95% in year 1 only."""
GROSS_EVERY_YEAR = ("$122", "$381", "$660", "$1,455")
"""1.20% in all ten years."""


def waiver_document(note: str, figures: tuple[str, ...]) -> str:
    """The document with the waiver's footnote ``note`` and the example's ``figures`` (1, 3, 5 and
    10 years) set under their year headers."""
    line = " " * 24 + "".join(f"{figure:<11}" for figure in figures).rstrip()
    return TEMPLATE.replace("{note}", note).replace("{figures}", line)
