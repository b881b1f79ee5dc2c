"""Score the validator on synthetic prospectuses whose fee tables and examples are consistent.

Each document is a fund's fee table (shareholder fees and annual operating expenses) and its
expense example, drawn by a seeded RNG with many structural traits: one to six share classes,
front-end loads (and Class A's footnoted 1% deferred charge), deferred sales charges with or
without a printed schedule, Class B (and C) converting to A, waivers for one or two years, fund
caps, recoupments, ambiguous "(Waiver)/Recoupment" labels, nets without a waiver row, acquired
fund fees, items of other expenses (under a heading or a valued row), redemption, exchange and
account fees, a planted 0.01 rounding difference, nil cells, footnote markers, new funds with
1- and 3-year figures only, examples with classes as rows or columns, in parts, stacked or under
"if you sell" / "if you do not sell" group headers, two funds in one document; as plain text
(``<TABLE>``/``<S>``/``<C>``) or HTML (Workiva-style split "$" and "%" cells, fee tables with
classes as rows, inline XBRL). The example is computed as filers' software does: the SEC formula
year by year on the true (unrounded) ratios, the net ratio for the waiver's term and the gross
one after, the load taken up front, the deferred charge of the redemption year added, rounded to
whole dollars at the end.

The script runs the pipeline in-process on every document and reports tables classified right
and every error or warning (false findings: the documents are consistent), by check and
severity, with the share that falls on documents whose rows or headers the reader misread (a
reader problem, not the validator's); then it plants single mutations that make a document
really inconsistent (a fee +-0.05 or more, an example figure +-$5 or more, a waiver's sign, the
load dropped from the example) and reports the share flagged as an error, by kind and size.

``--era-traits`` adds layouts and wordings of older prospectuses, drawn from an RNG of their own
so that the documents of a seed without the flag stay the same: the fee table and the example in
one table (an "EXAMPLE" heading row, then the 1/3/5/10-year rows), 1990s total labels ("Total
(after fee waivers)", "Annual Fund Operating Expenses Before Waivers"), notes marked with Roman
numerals, and an expense cap stated "excluding interest, taxes and acquired fund fees" beside an
interest expense line.

    python benchmarks/validate_synth.py [--docs 200] [--seed 7] [--show 3] [--show-missed 0] [--era-traits]
"""

from __future__ import annotations

import argparse
import copy
import html
import random
import re
import sys
import textwrap
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from extractor.model import Filing, Finding
from extractor.pipeline import extract_bytes

D = Decimal
CENT = D("0.01")
YEARS = (1, 3, 5, 10)
B_SCHEDULE = (D(5), D(4), D(3), D(3), D(2), D(1))


@dataclass
class ShareClass:
    """One share class: its charges and printed operating-expense items (percent)."""

    name: str
    load: Decimal | None = None
    cdsc: Decimal | None = None
    schedule: tuple[Decimal, ...] = ()
    dist: Decimal | None = None
    other: Decimal = Decimal(0)
    subs: list[tuple[str, Decimal]] = field(default_factory=list)
    gross: Decimal = Decimal(0)
    waiver: Decimal = Decimal(0)
    """Printed waiver (positive: a reduction; negative: a recoupment that adds)."""
    net: Decimal = Decimal(0)
    true_gross: Decimal = Decimal(0)
    converts: bool = False
    printed_cdsc: Decimal | None = None
    """A deferred charge the fee table prints with a footnote but the example leaves out (Class
    A's 1% on purchases of $1 million or more)."""
    rounded: bool = False
    """The printed total differs by 0.01 from the sum of the printed items (planted rounding)."""

    @property
    def deferred(self) -> bool:
        return bool(self.cdsc)


@dataclass
class Fund:
    """Everything one document states; the example figures follow from the rest."""

    name: str
    classes: list[ShareClass]
    mgmt: Decimal
    afe: Decimal | None
    waiver_years: int
    method: str
    repay: bool
    waiver_row: bool
    extra_fees: bool = False
    """Redemption, exchange and account fee rows, which the example does not use."""
    c_converts: bool = False
    """Class C converts to Class A after eight years (as funds have said since about 2019)."""
    years: tuple[int, ...] = (1, 3, 5, 10)
    """A new fund shows only the 1- and 3-year figures."""
    split_12b1: bool = False
    """The 12b-1 fee on two lines: a distribution fee and a service fee of 0.25."""
    extra_line: Decimal | None = None
    """An expense line no rr element names (interest expense), which adds to the gross total."""
    example: dict[tuple[str, bool], dict[int, Decimal]] = field(default_factory=dict)


@dataclass
class Layout:
    """Presentation traits of one document, drawn once so that a mutated copy looks the same."""

    html: bool
    one_fee_table: bool
    example_layout: str  # "rows": classes as rows; "columns": classes as columns; "split": one table per mode
    mode_headings: bool
    label_width: int
    col_width: int
    upper: bool
    pct_style: str
    neg_style: str
    nil: str
    markers: bool
    schedule_table: bool
    waiver_label: str
    net_label: str
    other_style: str
    split_symbols: bool = False
    """HTML: "$" and "%" in cells of their own, as Workiva and Donnelley print them."""
    both_sections: bool = False
    """Every class (not only those with a deferred charge) under the "if you do not sell" heading."""
    two_funds: bool = False
    dollar_first_row: bool = False
    """Text: "$" only on the first row of figures, as typewritten tables have it."""
    shares_suffix: bool = False
    """The fee table says "Class A Shares" where the example says "Class A"."""
    transposed_fees: bool = False
    """HTML: one fee table with the classes as rows and the fee items as columns."""
    ixbrl: bool = False
    """HTML: the fee tables carry inline XBRL facts, each class its own context."""
    one_table: bool = False
    """The fee table goes on into the example in the same table (years as rows, classes as columns)."""
    era_labels: bool = False
    """1990s labels of the totals: "Total (after fee waivers)", "Annual Fund Operating Expenses Before Waivers"."""
    roman: bool = False
    """Notes marked (i), (ii), (iii) instead of (1), (2), (3)."""
    cap_note: bool = False
    """The waiver note states the cap per class, excluding interest, taxes and acquired fund fees."""

    def traits(self) -> list[str]:
        out = ["html" if self.html else "text", f"example={self.example_layout}"]
        out += ["one-fee-table"] if self.one_fee_table else []
        out += ["mode-headings"] if self.mode_headings else []
        out += ["markers"] if self.markers else []
        out += ["schedule"] if self.schedule_table else []
        out.append(f"other={self.other_style}")
        out += [name for name in ("split_symbols", "both_sections", "two_funds", "dollar_first_row", "shares_suffix",
                                  "transposed_fees", "ixbrl", "one_table", "era_labels", "roman", "cap_note")
                if getattr(self, name)]
        return out


CLASS_MENU: list[dict[str, Any]] = [
    {"name": "Class A", "load": "front", "dist": D("0.25")},
    {"name": "Class B", "cdsc": D(5), "dist": D("1.00"), "converts": True},
    {"name": "Class C", "cdsc": D(1), "dist": D("1.00")},
    {"name": "Class I", "dist": None},
    {"name": "Class R", "dist": D("0.50")},
    {"name": "Class R6", "dist": None},
    {"name": "Investor Class", "dist": D("0.25")},
    {"name": "Class T", "load": D("2.50"), "dist": D("0.25")},
    {"name": "Class Y", "dist": None},
    {"name": "Institutional Shares", "dist": None},
    {"name": "Service Shares", "dist": D("0.25")},
    {"name": "Advisor Class", "dist": None},
]
LOADS = (D("5.75"), D("5.50"), D("5.00"), D("4.75"), D("4.50"), D("4.25"), D("3.75"), D("2.25"))
WAIVER_LABELS = (
    "Fee Waiver and/or Expense Reimbursement", "Less: Fee Waivers and Expense Reimbursements",
    "Fee waiver/expense reimbursement", "Contractual Fee Waiver", "Expense Reimbursement",
    "Expense (Waiver)/Recoupment",
)
REPAY_LABELS = ("Recoupment of Fees Previously Waived", "Expense Recoupment", "Repayment of Prior Waivers",
                "Fee Waiver/(Recoupment)", "Expense (Waiver)/Recoupment")
NET_LABELS = (
    "Total Annual Fund Operating Expenses After Fee Waiver and/or Expense Reimbursement",
    "Net Expenses", "Total annual fund operating expenses after expense reimbursement",
    "Net Annual Fund Operating Expenses",
)
NET_REPAY_LABELS = ("Total Annual Fund Operating Expenses After Recoupment", "Net Expenses")


def money(value: Decimal) -> Decimal:
    return value.quantize(D(1), rounding=ROUND_HALF_UP)


def costs(ratios: list[Decimal], method: str, load: Decimal) -> list[Decimal]:
    """Cumulative costs of $10,000 at 5 % a year, year by year (see the module docstring)."""
    balance = D(10000) * (100 - load) / 100
    total = D(10000) - balance
    out = []
    for percent in ratios:
        e = percent / 100
        if method == "S":
            cost = e * (balance + balance * D("1.05")) / 2
            balance = balance * D("1.05") - cost
        else:
            closing = balance * (D("1.05") - e)
            cost = e * (balance + closing) / 2
            balance = closing
        total += cost
        out.append(total)
    return out


def pick_classes(rng: random.Random) -> list[dict[str, Any]]:
    count = rng.choice([1, 1, 2, 3, 3, 4, 4, 5, 6])
    if count == 1:
        return [rng.choice(CLASS_MENU)]
    order = {c["name"]: k for k, c in enumerate(CLASS_MENU)}
    chosen = rng.sample(CLASS_MENU, count)
    if rng.random() < 0.6 and not any(c["name"] == "Class A" for c in chosen):
        chosen[0] = CLASS_MENU[0]
    if any(c["name"] == "Class B" for c in chosen) and not any(c["name"] == "Class A" for c in chosen):
        others = [c for c in chosen if c["name"] != "Class B"]
        chosen = [*[CLASS_MENU[0], *others][:count], CLASS_MENU[1]]
    unique = {c["name"]: c for c in chosen}
    return sorted(unique.values(), key=lambda c: order[c["name"]])


def make_fund(rng: random.Random, index: int) -> Fund:
    """A consistent fund: printed items, totals, waivers, and the example computed from them."""
    mgmt = D(rng.choice([30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 100])) / 100
    afe = D(rng.randint(1, 15)) / 100 if rng.random() < 0.25 else None
    base_other = D(rng.randint(5, 60)) / 100
    waiver_kind = rng.choice(["none", "none", "waiver", "waiver", "cap", "repay"])
    fund = Fund(f"SYNTHETIC FUND {index}", [], mgmt, afe, rng.choice([1, 1, 1, 2]), rng.choice(["D", "D", "S"]),
                waiver_kind == "repay", rng.random() < 0.9)
    cap_margin = D(rng.randint(5, 30)) / 100
    subs_style = rng.random() < 0.25
    fund.extra_line = D(rng.randint(1, 12)) / 100 if rng.random() < 0.1 else None
    for spec in pick_classes(rng):
        load = rng.choice(LOADS) if spec.get("load") == "front" else spec.get("load")
        cls = ShareClass(spec["name"], load=load, cdsc=spec.get("cdsc"), dist=spec.get("dist"),
                         converts=spec.get("converts", False))
        if cls.cdsc == 5:
            cls.schedule = B_SCHEDULE
        elif cls.cdsc == 1:
            cls.schedule = (D(1),)
        cls.other = base_other + (D(rng.randint(0, 5)) / 100 if rng.random() < 0.3 else D(0))
        if subs_style and cls.other >= D("0.10"):
            servicing = D(rng.choice([5, 10, 15, 25])) / 100
            servicing = min(servicing, cls.other - CENT)
            cls.subs = [("Shareholder Servicing Fees", servicing), ("Other Operating Expenses", cls.other - servicing)]
        items = [mgmt, cls.dist or D(0), cls.other, afe or D(0), fund.extra_line or D(0)]
        cls.gross = sum(items, D(0))
        if rng.random() < 0.08:
            cls.gross += rng.choice([CENT, -CENT])
            cls.rounded = True
        cls.true_gross = cls.gross + D(rng.randint(-45, 45)) / 10000
        if waiver_kind in ("waiver", "cap"):
            amount = D(rng.randint(1, 40)) / 100 if waiver_kind == "waiver" else cls.gross - (
                mgmt + (cls.dist or 0) + cap_margin)
            cls.waiver = max(D(0), min(amount, cls.gross - (cls.dist or 0) - CENT))
        elif waiver_kind == "repay":
            cls.waiver = -D(rng.randint(1, 5)) / 100
        cls.net = cls.gross - cls.waiver
        fund.classes.append(cls)
    fund.extra_fees = rng.random() < 0.25
    fund.years = (1, 3) if rng.random() < 0.08 else YEARS
    for cls in fund.classes:
        if cls.load and rng.random() < 0.3:
            cls.printed_cdsc = D("1.00")
    fund.c_converts = rng.random() < 0.3
    fund.split_12b1 = rng.random() < 0.15 and any(c.dist for c in fund.classes)
    for cls in fund.classes:
        cls.converts = cls.converts or (fund.c_converts and cls.name == "Class C")
    if fund.repay or not any(c.waiver for c in fund.classes):
        fund.waiver_row = True  # a net total above the gross one is always explained by its row
    compute_example(fund)
    return fund


def class_ratios(fund: Fund, cls: ShareClass) -> list[Decimal]:
    """The ten yearly ratios the example uses: net during the waiver's term, gross after."""
    net = cls.net if cls.waiver else cls.true_gross
    years = fund.waiver_years if cls.waiver > 0 else (1 if cls.waiver < 0 else 0)
    return [net] * years + [cls.true_gross] * (10 - years)


def compute_example(fund: Fund, drop_load: bool = False) -> None:
    """The example figures of every class, redeemed and not, from the printed fee table."""
    fund.example = {}
    by_name = {c.name: c for c in fund.classes}
    for cls in fund.classes:
        ratios = class_ratios(fund, cls)
        if cls.converts and "Class A" in by_name:
            ratios = ratios[:8] + class_ratios(fund, by_name["Class A"])[8:]
        load = D(0) if drop_load and cls.load else cls.load or D(0)
        path = costs(ratios, fund.method, load)
        for redeemed in ((True, False) if cls.deferred else (True,)):
            figures = {}
            for year in YEARS:
                charge = D(0)
                if redeemed and cls.schedule and year <= len(cls.schedule):
                    charge = cls.schedule[year - 1] * 100
                figures[year] = money(path[year - 1] + charge)
            fund.example[cls.name, redeemed] = figures


def random_layout(rng: random.Random) -> Layout:
    layout = Layout(
        html=rng.random() < 0.5, one_fee_table=rng.random() < 0.4,
        example_layout=rng.choice(["rows", "rows", "columns", "split", "stacked"]), mode_headings=rng.random() < 0.5,
        label_width=rng.randint(38, 50), col_width=rng.randint(10, 13), upper=rng.random() < 0.3,
        pct_style=rng.choice(["0.75%", "0.75 %", "0.75", ".75%"]),
        neg_style=rng.choice(["(0.10)%", "(0.10%)", "-0.10%"]),
        nil=rng.choice(["None", "None", "N/A", "--", "\u2014"]), markers=rng.random() < 0.4,
        schedule_table=rng.random() < 0.3, waiver_label=rng.choice(WAIVER_LABELS), net_label=rng.choice(NET_LABELS),
        other_style=rng.choice(["heading", "valued"]),
        split_symbols=rng.random() < 0.5, both_sections=rng.random() < 0.3, two_funds=rng.random() < 0.15,
        dollar_first_row=rng.random() < 0.4, shares_suffix=rng.random() < 0.2,
    )
    layout.transposed_fees = layout.html and rng.random() < 0.2
    if rng.random() < 0.2:
        layout.example_layout = "wide"
    layout.ixbrl = layout.html and rng.random() < 0.4
    return layout


def era_traits(layout: Layout, rng: random.Random) -> None:
    """The ``--era-traits`` of a layout, from ``rng`` (not the layout's own: the other traits stay)."""
    layout.one_table = not layout.transposed_fees and rng.random() < 0.3
    if layout.one_table:
        layout.one_fee_table = True
        layout.example_layout = "stacked"
    layout.era_labels = rng.random() < 0.4
    layout.roman = layout.markers and rng.random() < 0.5
    layout.cap_note = rng.random() < 0.5


# --- logical tables ------------------------------------------------------------------------


@dataclass
class LTable:
    """A table before layout: caption, column headers, rows of (label, cell texts); kind expected."""

    kind: str
    columns: list[str]
    rows: list[tuple[str, list[str]]]
    caption: str = ""
    groups: tuple[str, ...] = ()
    transposed: bool = False
    """Classes as rows, items as columns."""
    """Group headers, each over an equal share of the columns (their leading words)."""
    before: list[str] = field(default_factory=list)
    after: list[str] = field(default_factory=list)


def pct(value: Decimal | None, layout: Layout, nil: str | None = None) -> str:
    if value is None or value == 0:
        return nil or layout.nil
    body = f"{abs(value):.2f}"
    if layout.pct_style == ".75%" and abs(value) < 1:
        body = body[1:]
    if value < 0:
        return {"(0.10)%": f"({body})%", "(0.10%)": f"({body}%)", "-0.10%": f"-{body}%"}[layout.neg_style]
    return {"0.75%": f"{body}%", "0.75 %": f"{body} %", "0.75": body, ".75%": f"{body}%"}[layout.pct_style]


def marker(layout: Layout, n: int) -> str:
    if not layout.markers:
        return ""
    return f"({note_mark(layout, n)})" if not layout.html else f"<sup>{note_mark(layout, n)}</sup>"


def note_mark(layout: Layout, n: int) -> str:
    """The mark of note ``n``: a number, or a Roman numeral."""
    return "i" * n if layout.roman else str(n)


def fee_tables(fund: Fund, layout: Layout) -> list[LTable]:
    """The shareholder-fee and operating-expense parts (one table or two)."""
    named = [c.name + (" Shares" if layout.shares_suffix and c.name.startswith("Class") else "") for c in fund.classes]
    cols = [n.upper() if layout.upper else n for n in named]
    shareholder: list[tuple[str, list[str]]] = []
    if True:  # every class states its sales charges, "None" where it has none
        shareholder.append(("Maximum Sales Charge (Load) Imposed on Purchases (as a percentage of offering price)",
                            [pct(c.load, layout) for c in fund.classes]))
        shareholder.append(("Maximum Deferred Sales Charge (Load) (as a percentage of the lower of original "
                            "purchase price or redemption proceeds)",
                            [pct(c.cdsc or c.printed_cdsc, layout) + (marker(layout, 1) if c.load else "")
                             for c in fund.classes]))
    if fund.extra_fees:
        shareholder.append(("Redemption Fee (as a percentage of amount redeemed within 30 days of purchase)",
                            [pct(D("2.00"), layout) for _ in fund.classes]))
        shareholder.append(("Exchange Fee", [layout.nil for _ in fund.classes]))
        shareholder.append(("Annual Account Maintenance Fee (for accounts under $1,000)",
                            ["$15" for _ in fund.classes]))
    operating: list[tuple[str, list[str]]] = [
        ("Management Fees", [pct(fund.mgmt, layout) for _ in fund.classes]),
        ("Distribution and/or Service (12b-1) Fees", [pct(c.dist, layout) for c in fund.classes]),
    ]
    if fund.split_12b1:
        operating[-1:] = [
            ("Distribution (12b-1) Fees", [pct((c.dist or D(0)) - D("0.25") if c.dist else None, layout)
                                           for c in fund.classes]),
            ("Service (12b-1) Fees", [pct(D("0.25") if c.dist else None, layout) for c in fund.classes]),
        ]
    if any(c.subs for c in fund.classes):
        if layout.other_style == "heading":
            operating.append(("Other Expenses", ["" for _ in fund.classes]))
        else:
            operating.append(("Other Expenses", [pct(c.other, layout) for c in fund.classes]))
        for k, label in enumerate(("Shareholder Servicing Fees", "Other Operating Expenses")):
            operating.append(("  " + label, [pct(c.subs[k][1] if c.subs else None, layout) for c in fund.classes]))
        if layout.other_style == "heading":
            operating.append(("Total Other Expenses", [pct(c.other, layout) for c in fund.classes]))
    else:
        operating.append(("Other Expenses", [pct(c.other, layout) for c in fund.classes]))
    if fund.extra_line is not None:
        operating.append(("Interest Expense on Borrowings", [pct(fund.extra_line, layout) for _ in fund.classes]))
    if fund.afe is not None:
        operating.append(("Acquired Fund Fees and Expenses", [pct(fund.afe, layout) for _ in fund.classes]))
    waived = any(c.waiver for c in fund.classes)
    gross_label = "Total Annual Fund Operating Expenses"
    if layout.era_labels and any(c.waiver for c in fund.classes):
        gross_label = "Annual Fund Operating Expenses Before Waivers"
    gross_label += marker(layout, 2) if fund.afe is not None else ""
    operating.append((gross_label, [pct(c.gross, layout) for c in fund.classes]))
    if waived:
        if fund.waiver_row:
            label = random.Random(fund.name).choice(REPAY_LABELS) if fund.repay else layout.waiver_label
            operating.append((label + marker(layout, 3), [pct(-c.waiver, layout) for c in fund.classes]))
        net_label = random.Random(fund.name).choice(NET_REPAY_LABELS) if fund.repay else layout.net_label
        if layout.era_labels and not fund.repay:
            net_label = random.Random(fund.name).choice(("Total (after fee waivers)", "Total After Waivers"))
        operating.append((net_label, [pct(c.net, layout) for c in fund.classes]))
    notes = []
    if layout.markers and any(c.load for c in fund.classes):
        notes.append(f"({note_mark(layout, 1)}) A deferred sales charge of 1.00% may apply to purchases of "
                     "$1 million or more of Class A shares redeemed within 18 months.")
    if layout.markers and fund.afe is not None:
        notes.append(f"({note_mark(layout, 2)}) Total annual fund operating expenses do not correlate to the ratio of "
                     "expenses to average net assets in the financial highlights, which does not include acquired fund "
                     "fees.")
    if waived:
        term = "one year" if fund.waiver_years == 1 else "two years"
        notes.append((f"({note_mark(layout, 3)}) " if layout.markers else "") + (
            f"The Adviser has contractually agreed to waive fees and/or reimburse expenses for at least {term} "
            "from the date of this prospectus." if not fund.repay else
            "The Adviser may recoup fees it waived in the previous three years; the recoupment is shown above.")
            + (cap_sentence(fund) if layout.cap_note else ""))
    heading_s = "Shareholder Fees (fees paid directly from your investment)"
    heading_o = ("Annual Fund Operating Expenses (expenses that you pay each year as a percentage of the value of "
                 "your investment)")
    intro = ("This table describes the fees and expenses that you may pay if you buy and hold shares of the Fund. "
             "You may qualify for sales charge discounts if you invest at least $50,000.")
    if layout.transposed_fees:
        items = [(label.strip(), cells) for label, cells in [*shareholder, *operating] if any(cells)]
        by_class = [(name, [cells[k] for _, cells in items]) for k, name in enumerate(cols)]
        return [LTable("fees", [label for label, _ in items], by_class, caption=heading_o,
                       before=["FEES AND EXPENSES OF THE FUND", intro], after=notes, transposed=True)]
    if layout.one_fee_table:
        rows = [(heading_s, ["" for _ in cols]), *shareholder, (heading_o, ["" for _ in cols]), *operating]
        return [LTable("fees", cols, rows, before=["FEES AND EXPENSES OF THE FUND", intro], after=notes)]
    return [LTable("fees", cols, shareholder, caption=heading_s, before=["FEES AND EXPENSES OF THE FUND", intro]),
            LTable("fees", cols, operating, caption=heading_o, after=notes)]


def cap_sentence(fund: Fund) -> str:
    """The cap each class's net total keeps to, less the interest and acquired fund fees it excludes."""
    classes = [c for c in fund.classes if c.name.startswith("Class ")]
    if fund.repay or len(classes) != len(fund.classes):
        return ""
    caps = [c.net - (fund.extra_line or D(0)) - (fund.afe or D(0)) for c in classes]
    names = [c.name for c in classes]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    amounts = ", ".join(f"{cap:.2f}%" for cap in caps[:-1]) + (" and " if len(caps) > 1 else "") + f"{caps[-1]:.2f}%"
    end = ", respectively." if len(caps) > 1 else "."
    return (" Under the agreement, total annual fund operating expenses (excluding interest, taxes and acquired "
            f"fund fees and expenses) do not exceed {amounts} for {listed} shares{end}")


def dollars(value: Decimal) -> str:
    return f"${value:,}"


TAG = "\x00"
"""Separates a figure's text from the inline XBRL fact it carries (concept and class position)."""


def fig(fund: Fund, cls: ShareClass, year: int, held: bool) -> str:
    """The printed figure of ``cls`` for ``year``, redeemed or (``held``) not, with its tag."""
    redeemed = not held or not cls.deferred
    stem = "ExpenseExampleNoRedemptionYear" if held else "ExpenseExampleYear"
    return f"{dollars(fund.example[cls.name, redeemed][year])}{TAG}{stem}{year:02d}|{fund.classes.index(cls)}"


def shown(cell: str) -> str:
    return cell.split(TAG, 1)[0]


PERIODS = {1: "1 Year", 3: "3 Years", 5: "5 Years", 10: "10 Years"}


def example_prose(fund: Fund) -> list[str]:
    text = ("The Example is intended to help you compare the cost of investing in the Fund with the cost of "
            "investing in other mutual funds. The Example assumes that you invest $10,000 in the Fund for the time "
            "periods indicated, that your investment has a 5% return each year and that the Fund's operating "
            "expenses remain the same.")
    if any(c.waiver > 0 for c in fund.classes):
        text += (" The Example reflects the fee waiver for the first year only." if fund.waiver_years == 1 else
                 " The Example reflects the fee waiver for the two-year term of the agreement.")
    converting = [c.name for c in fund.classes if c.converts]
    if converting:
        text += f" {' and '.join(converting)} shares convert to Class A shares after eight years."
    return ["EXAMPLE", text + " Although your actual costs may be higher or lower, based on these assumptions "
            "your costs would be:"]


SELL = ("If you sell your shares at the end of the period:", "If you redeem your shares:")
HOLD = ("If you do not sell your shares:", "If you do not redeem your shares:")


def example_tables(fund: Fund, layout: Layout) -> list[LTable]:
    names = {c.name: (c.name.upper() if layout.upper else c.name) for c in fund.classes}
    deferred = [c for c in fund.classes if c.deferred]
    prose = example_prose(fund)
    pick = random.Random(fund.name + "modes")
    sell, hold = pick.choice(SELL), pick.choice(HOLD)
    if layout.example_layout == "rows":
        cols = [PERIODS[y] for y in fund.years]
        rows: list[tuple[str, list[str]]] = []
        if layout.mode_headings and deferred:
            rows.append((sell, ["" for _ in cols]))
            rows += [(names[c.name], [fig(fund, c, y, False) for y in fund.years])
                     for c in fund.classes]
            rows.append((hold, ["" for _ in cols]))
            held = fund.classes if layout.both_sections else deferred
            rows += [(names[c.name], [fig(fund, c, y, True) for y in fund.years])
                     for c in held]
        else:
            for c in fund.classes:
                if c.deferred:
                    rows.append((f"{names[c.name]} (if you sell)",
                                 [fig(fund, c, y, False) for y in fund.years]))
                    rows.append((f"{names[c.name]} (if you don't sell)",
                                 [fig(fund, c, y, True) for y in fund.years]))
                else:
                    rows.append((names[c.name], [fig(fund, c, y, False) for y in fund.years]))
        return [LTable("expense_example", cols, rows, before=prose)]
    if layout.example_layout == "wide" and deferred:
        sold_cols = [f"{sell} {PERIODS[y]}" for y in fund.years]
        held_cols = [f"{hold} {PERIODS[y]}" for y in fund.years]
        rows = [(names[c.name], [fig(fund, c, y, False) for y in fund.years]
                 + [fig(fund, c, y, True) for y in fund.years]) for c in fund.classes]
        return [LTable("expense_example", sold_cols + held_cols, rows, before=prose, groups=(sell, hold))]
    if layout.example_layout == "columns":
        cols: list[str] = []
        keys: list[tuple[ShareClass, bool]] = []
        for c in fund.classes:
            if c.deferred:
                cols += [f"{names[c.name]} (Redeemed)", f"{names[c.name]} (Not redeemed)"]
                keys += [(c, False), (c, True)]
            else:
                cols.append(names[c.name])
                keys.append((c, False))
        rows = [(PERIODS[y], [fig(fund, c, y, held) for c, held in keys]) for y in fund.years]
        return [LTable("expense_example", cols, rows, before=prose)]
    if layout.example_layout == "stacked" and deferred:
        cols = [names[c.name] for c in fund.classes]
        held_classes = fund.classes if layout.both_sections else deferred
        stacked: list[tuple[str, list[str]]] = [(sell, ["" for _ in cols])]
        stacked += [(PERIODS[y], [fig(fund, c, y, False) for c in fund.classes]) for y in fund.years]
        stacked.append((hold, ["" for _ in cols]))
        stacked += [(PERIODS[y], [fig(fund, c, y, True) if c in held_classes else ""
                                  for c in fund.classes]) for y in fund.years]
        return [LTable("expense_example", cols, stacked, before=prose)]
    cols = [names[c.name] for c in fund.classes]
    sold = [(PERIODS[y], [fig(fund, c, y, False) for c in fund.classes]) for y in fund.years]
    first = LTable("expense_example", cols, sold, before=[*prose, sell] if deferred else prose)
    if not deferred:
        return [first]
    cols2 = [names[c.name] for c in deferred]
    second = LTable("expense_example", cols2, [(PERIODS[y], [fig(fund, c, y, True) for c in deferred])
                                               for y in fund.years], before=[hold])
    return [first, second]


def schedule_table(fund: Fund, layout: Layout) -> list[LTable]:
    b = next((c for c in fund.classes if c.cdsc == 5), None)
    if b is None or not layout.schedule_table:
        return []
    rows = [(f"{['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth'][k]} year", [f"{rate}.00%"])
            for k, rate in enumerate(b.schedule)]
    rows.append(("Seventh year and thereafter", ["None"]))
    return [LTable("other", ["Contingent Deferred Sales Charge"], rows, caption="Year since purchase",
                   before=["Class B shares are sold without an initial sales charge but are subject to a contingent "
                           "deferred sales charge if redeemed within six years of purchase:"])]


def document_tables(fund: Fund, layout: Layout) -> list[LTable]:
    fees, examples = fee_tables(fund, layout), example_tables(fund, layout)
    if layout.one_table and len(fees) == 1 and len(examples) == 1:
        fees = [one_table(fees[0], examples[0])]
        examples = []
    return fees + examples + schedule_table(fund, layout)


def one_table(fees: LTable, example: LTable) -> LTable:
    """The fee table going on into the example: an "EXAMPLE" heading row, then the example's rows
    under the fee table's columns; the example's prose before the table, its notes after it."""
    blank = ["" for _ in fees.columns]
    before = [*fees.before, *(p for p in example.before if p != "EXAMPLE")]
    return LTable("fees", fees.columns, [*fees.rows, ("EXAMPLE", blank), *example.rows], caption=fees.caption,
                  before=before, after=fees.after)


# --- rendering ------------------------------------------------------------------------------


def render_text(parts: list[tuple[Fund, list[LTable]]], layout: Layout) -> str:
    lw, cw = layout.label_width, layout.col_width
    lines: list[str] = []
    for fund, tables in parts:
        lines += [fund.name, ""]
        lines += text_tables(tables, lw, cw, layout.dollar_first_row)
    return "\n".join(lines) + "\n"


def sub_header(table: LTable, header: str) -> str:
    """A column's own header, without the group header printed over it."""
    group = next((g for g in table.groups if header.startswith(g + " ")), "")
    return header[len(group):].strip()


def group_lines(table: LTable, starts: list[int], width: int) -> list[str]:
    """Group headers centred over their columns, with a dashed rule under each."""
    if not table.groups:
        return []
    share = len(table.columns) // len(table.groups)
    span = share * (width + 2) - 2
    pieces = [textwrap.wrap(g, span) for g in table.groups]
    height = max(len(p) for p in pieces)
    out = []
    for k in range(height):
        text = ""
        for g, words in enumerate(pieces):
            pad = height - len(words)
            if k >= pad:
                text = text.ljust(starts[g * share]) + words[k - pad].center(span).rstrip()
        out.append(text.rstrip())
    rule = ""
    for g in range(len(table.groups)):
        rule = rule.ljust(starts[g * share]) + "-" * span
    return [*out, rule]


def text_tables(tables: list[LTable], lw: int, cw: int, dollar_first: bool = False) -> list[str]:
    lines: list[str] = []
    for table in tables:
        for para in table.before:
            lines += [*textwrap.wrap(para, 78), ""]
        ncol = len(table.columns)
        subheads = [sub_header(table, h) for h in table.columns]
        heads = [textwrap.wrap(h, max(cw, 9), break_long_words=False) or [""] for h in subheads]
        width = max([cw] + [len(shown(c)) + 2 for row in table.rows for c in row[1]]
                    + [len(w) for h in heads for w in h])
        starts = [lw + 2 + i * (width + 2) for i in range(ncol)]
        lines.append("<TABLE>")
        lines.append("<CAPTION>")
        if table.caption:
            lines += textwrap.wrap(table.caption, 78)
        lines += group_lines(table, starts, width)
        height = max(len(h) for h in heads)
        for k in range(height):
            text = ""
            for i, words in enumerate(heads):
                pad = height - len(words)
                piece = words[k - pad] if k >= pad else ""
                text = text.ljust(starts[i]) + piece.center(width).rstrip() if piece else text
            lines.append(text.rstrip())
        lines.append("</CAPTION>")
        lines.append("<S>".ljust(starts[0]) + "".join("<C>".ljust(width + 2) for _ in starts).rstrip())
        seen_figures = False
        for label, tagged_cells in table.rows:
            cells = [shown(c) for c in tagged_cells]
            if dollar_first and table.kind == "expense_example" and any(cells):
                cells = [c.replace("$", "") for c in cells] if seen_figures else cells
                seen_figures = True
            indent = len(label) - len(label.lstrip())
            parts = textwrap.wrap(label.strip(), lw - indent) or [""]
            parts = [" " * indent + p for p in parts]
            data = ""
            for i, cell in enumerate(cells):
                data = data.ljust(starts[i] - lw) + cell.rjust(width)
            for k, part in enumerate(parts):
                lines.append((part.ljust(lw) + data).rstrip() if k == len(parts) - 1 else part)
        lines.append("</TABLE>")
        lines.append("")
        for para in table.after:
            lines += [*textwrap.wrap(para, 78), ""]
    return lines


def esc(text: str) -> str:
    return html.escape(text).replace("&lt;sup&gt;", "<sup>").replace("&lt;/sup&gt;", "</sup>")


Tagger = Callable[[str, bool], str]
"""Wraps the number of an escaped cell text in its inline XBRL fact (flag: a dollar amount)."""


def html_cells(text: str, split: bool, tag: Tagger | None = None) -> str:
    """One data cell, or with ``split`` three as Workiva prints them: "$" | "1,234" | "" and
    "" | "0.75" | "%" (a blank where a column has no symbol); a negative percent written
    "(0.10%)" keeps its "%" and hands on the ")": "" | "(0.10%" | ")"."""
    def body_html(body: str) -> str:
        return tag(esc(body), text.startswith("$")) if tag else esc(body)

    if not split:
        return f'<td align="right">{body_html(text)}</td>'
    dollar = "$" if text.startswith("$") else ""
    percent = "%" if text.endswith("%") else ")" if text.endswith("%)") else ""
    body = text[len(dollar):len(text) - len(percent)].rstrip()
    return f'<td>{dollar}</td><td align="right">{body_html(body)}</td><td>{percent}</td>'


_CELL_MARKER = re.compile(r"(\(\d\)|<sup>\d</sup>)$")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")
_NIL_WORDS = ("None", "N/A", "--", "\u2014")


def ix_tagger(concept: str, class_id: str) -> Tagger:
    """A :data:`Tagger` for one fee-table cell, as filers' software tags it."""
    def tag(body: str, usd: bool) -> str:
        marker = _CELL_MARKER.search(body)
        core = body[:marker.start()] if marker else body
        tail = marker.group(0) if marker else ""
        attrs = f'name="rr:{concept}" contextRef="c-{class_id}" decimals="{0 if usd else 4}"'
        attrs += ' unitRef="USD"' if usd else ' unitRef="pure" scale="-2"'
        number = _NUMBER.search(core)
        if number is None:
            if core.strip() in _NIL_WORDS:
                return f'<ix:nonFraction {attrs} format="ixt:fixed-zero">{core}</ix:nonFraction>{tail}'
            return body
        sign = ' sign="-"' if core[:number.start()].strip(" $") in ("(", "-") else ""
        fact = f'<ix:nonFraction {attrs}{sign} format="ixt:num-dot-decimal">{number.group(0)}</ix:nonFraction>'
        return core[:number.start()] + fact + core[number.end():] + tail
    return tag


LABEL_CONCEPTS = (
    ("Maximum Sales Charge", "MaximumSalesChargeImposedOnPurchasesOverOfferingPrice"),
    ("Maximum Deferred", "MaximumDeferredSalesChargeOverOfferingPrice"),
    ("Redemption Fee", "RedemptionFeeOverRedemption"), ("Exchange Fee", "ExchangeFee"),
    ("Annual Account", "MaximumAccountFee"), ("Management Fees", "ManagementFeesOverAssets"),
    ("Distribution and/or", "DistributionAndService12b1FeesOverAssets"),
    ("Shareholder Servicing", "Component1OtherExpensesOverAssets"),
    ("Other Operating", "Component2OtherExpensesOverAssets"), ("Other Expenses", "OtherExpensesOverAssets"),
    ("Total Other Expenses", "OtherExpensesOverAssets"), ("Acquired Fund", "AcquiredFundFeesAndExpensesOverAssets"),
    *((label, "NetExpensesOverAssets") for label in (*NET_LABELS, *NET_REPAY_LABELS)),
    ("Total Annual Fund Operating Expenses", "ExpensesOverAssets"),
    *((label, "FeeWaiverOrReimbursementOverAssets") for label in (*WAIVER_LABELS, *REPAY_LABELS)),
)


def label_concept(label: str) -> str | None:
    """The rr concept the generator means by one of its fee-table labels."""
    plain = _CELL_MARKER.sub("", label.strip())
    return next((c for start, c in LABEL_CONCEPTS if plain == start or plain.startswith(start + " ")
                 or (plain.startswith(start) and c != "ExpensesOverAssets")), None)


def class_ids(funds: Sequence[Fund]) -> dict[tuple[str, int], str]:
    """(fund name, class position) -> share-class ID, unique in the document."""
    return {(f.name, k): f"C{n * 100 + k + 1:09d}" for n, f in enumerate(funds) for k in range(len(f.classes))}


def ix_header(ids: dict[tuple[str, int], str]) -> str:
    """The hidden ``ix:header`` with one context per class."""
    contexts = []
    for class_id in ids.values():
        contexts.append(
            f'<xbrli:context id="c-{class_id}"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">'
            "0000999999</xbrli:identifier><xbrli:segment><xbrldi:explicitMember dimension="
            f'"rr:ProspectusShareClassAxis">syn:{class_id}Member</xbrldi:explicitMember></xbrli:segment>'
            "</xbrli:entity><xbrli:period><xbrli:startDate>2024-01-01</xbrli:startDate><xbrli:endDate>"
            "2024-01-01</xbrli:endDate></xbrli:period></xbrli:context>")
    hidden = '<div style="display:none"><ix:header><ix:resources>'
    return hidden + "".join(contexts) + "</ix:resources></ix:header></div>"


IX_HTML = ('<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL" '
           'xmlns:ixt="http://www.xbrl.org/inlineXBRL/transformation/2020-02-12" '
           'xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:xbrldi="http://xbrl.org/2006/xbrldi" '
           'xmlns:rr="http://xbrl.sec.gov/rr/2023" xmlns:syn="http://example.com/syn/20240101">')


def render_html(parts: list[tuple[Fund, list[LTable]]], layout: Layout) -> str:
    ids = class_ids([f for f, _ in parts]) if layout.ixbrl else {}
    lines = [IX_HTML + "<body>", ix_header(ids)] if ids else ["<html><body>"]
    for fund, tables in parts:
        lines.append(f"<p><b>{esc(fund.name)}</b></p>")
        lines += html_tables(tables, layout, fund, ids)
    lines.append("</body></html>")
    return "\n".join(lines) + "\n"


def cell_tagger(table: LTable, fund: Fund, ids: dict[tuple[str, int], str], row: int, column: int,
                label: str) -> Tagger | None:
    """The tagger of one cell: a fee-table cell (classes as columns, or as rows when transposed)
    or an example figure (whose text carries its concept and class)."""
    cell = table.rows[row][1][column]
    if ids and TAG in cell:
        concept, position = cell.split(TAG, 1)[1].split("|")
        return ix_tagger(concept, ids[fund.name, int(position)])
    if not ids or table.kind != "fees":
        return None
    concept = label_concept(table.columns[column]) if table.transposed else label_concept(label)
    position = row if table.transposed else column
    if concept is None or (fund.name, position) not in ids:
        return None
    return ix_tagger(concept, ids[fund.name, position])


def html_tables(tables: list[LTable], layout: Layout, fund: Fund | None = None,
                ids: dict[tuple[str, int], str] | None = None) -> list[str]:
    lines: list[str] = []
    span = ' colspan="3"' if layout.split_symbols else ""
    for table in tables:
        lines += [f"<p>{esc(p)}</p>" for p in table.before]
        if table.caption:
            lines.append(f"<p><b>{esc(table.caption)}</b></p>")
        lines.append('<table cellspacing="0" cellpadding="0">')
        if table.groups:
            share = len(table.columns) // len(table.groups) * (3 if layout.split_symbols else 1)
            lines.append("<tr><td></td>" + "".join(f'<td align="center" colspan="{share}"><b>{esc(g)}</b></td>'
                                                   for g in table.groups) + "</tr>")
        lines.append("<tr><td></td>" + "".join(f'<td align="center"{span}><b>{esc(sub_header(table, c))}</b></td>'
                                               for c in table.columns) + "</tr>")
        for r, (label, cells) in enumerate(table.rows):
            indent = ' style="padding-left:12pt"' if label.startswith(" ") else ""
            tds = "".join(html_cells(shown(c), layout.split_symbols,
                                     cell_tagger(table, fund, ids, r, j, label) if fund and ids else None)
                          for j, c in enumerate(cells))
            lines.append(f"<tr><td{indent}>{esc(label.strip())}</td>{tds}</tr>")
        lines.append("</table>")
        lines += [f"<p>{esc(p)}</p>" for p in table.after]
    return lines


def render(fund: Fund, layout: Layout, others: Sequence[Fund] = ()) -> bytes:
    """The document: ``fund``'s fee tables and example, then those of ``others`` (a prospectus of
    several funds)."""
    parts = [(f, document_tables(f, layout)) for f in (fund, *others)]
    text = render_html(parts, layout) if layout.html else render_text(parts, layout)
    return text.encode()


# --- mutations ------------------------------------------------------------------------------


def mutations(fund: Fund, rng: random.Random) -> Iterator[tuple[str, Fund]]:
    """Single changes that make the document really inconsistent, one per kind where it applies."""
    def changed() -> Fund:
        return copy.deepcopy(fund)

    step = D(rng.choice([5, 6, 8, 10, 15, 25])) / 100 * rng.choice([1, -1])
    mutant = changed()
    cls = rng.choice(mutant.classes)
    item = rng.choice(["other", "gross", "net"] if cls.waiver else ["other", "gross"])
    if item == "other" and cls.other + step > 0:
        cls.other += step  # one printed cell: the items under it (if any) no longer add up to it either
        yield f"fee:{item}", mutant
    elif item == "gross" and cls.gross + step > 0:
        cls.gross += step
        cls.net += step
        yield f"fee:{item}", mutant
    elif item == "net" and cls.net + step > 0:
        cls.net += step
        yield f"fee:{item}", mutant
    mutant = changed()
    cls = rng.choice(mutant.classes)
    key = (cls.name, rng.choice([k[1] for k in mutant.example if k[0] == cls.name]))
    year = rng.choice(mutant.years)
    delta = D(rng.choice([5, 7, 10, 15, 30, 50])) * rng.choice([1, -1])
    if mutant.example[key][year] + delta > 0:
        mutant.example[key][year] += delta
        yield f"example:year{year}:{abs(delta)}", mutant
    waived = [c for c in fund.classes if c.waiver > 0]
    if waived:
        mutant = changed()
        target = rng.choice(waived).name
        cls = next(c for c in mutant.classes if c.name == target)
        cls.net = cls.gross + cls.waiver  # the example still reflects the true net
        yield "waiver-sign", mutant
    if any(c.load for c in fund.classes):
        mutant = changed()
        compute_example(mutant, drop_load=True)
        yield "drop-load", mutant


# --- scoring --------------------------------------------------------------------------------


def run(data: bytes) -> Filing:
    return extract_bytes(data, "synthetic")


def expected_kinds(fund: Fund, layout: Layout, others: Sequence[Fund] = ()) -> list[str]:
    return [t.kind for f in (fund, *others) for t in document_tables(f, layout)]


_MARK = re.compile(r"<sup>(?:\d|[ivx]{1,3})</sup>|\((?:\d|[ivx]{1,3})\)")


def label_key(label: str) -> str:
    return " ".join(_MARK.sub(" ", label).lower().split())


def misread(fund: Fund, layout: Layout, filing: Filing, others: Sequence[Fund] = ()) -> bool:
    """Whether the reader's rows differ from the generated ones (a reader problem, not the validator's)."""
    want = [[label_key(label) for label, _ in t.rows] for f in (fund, *others) for t in document_tables(f, layout)]
    got = [[label_key(r.label) for r in t.rows] for t in filing.tables]
    want_columns = [[label_key(c) for c in t.columns] for f in (fund, *others) for t in document_tables(f, layout)]
    return want != got or want_columns != [[label_key(c) for c in t.columns] for t in filing.tables]


def planted(funds: Sequence[Fund], finding: Finding) -> bool:
    """A warning the document asks for: component_sum on a class whose printed total was rounded
    off by 0.01 on purpose, or net_total on a net row printed without its waiver row (a table
    that could not be checked with confidence, which the output contract makes a warning)."""
    if finding.severity != "warning":
        return False
    if finding.check == "net_total":
        return any(not f.waiver_row for f in funds)
    if finding.check != "component_sum":
        return False
    where = {finding.column.lower().removesuffix(" shares"), finding.row.lower().removesuffix(" shares")}
    return any(c.rounded and c.name.lower().removesuffix(" shares") in where for f in funds for c in f.classes)


def key(finding: Finding) -> tuple[str, str, str, int, str]:
    return finding.check, finding.severity, finding.table, finding.line, finding.column


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--show", type=int, default=3)
    parser.add_argument("--show-missed", type=int, default=0)
    parser.add_argument("--era-traits", action="store_true", help="add the layouts of older prospectuses")
    args = parser.parse_args(argv)
    false: Counter[tuple[str, str]] = Counter()
    infos: Counter[str] = Counter()
    expected_warnings = 0
    kinds_right = kinds_total = docs_with_false = misreads = misread_false = 0
    shown = missed_shown = 0
    detected: Counter[str] = Counter()
    warned: Counter[str] = Counter()
    tried: Counter[str] = Counter()
    unflagged: Counter[str] = Counter()
    skipped = 0
    traits_false: Counter[str] = Counter()
    for index in range(args.docs):
        rng = random.Random(f"{args.seed}-{index}")
        fund = make_fund(rng, index)
        layout = random_layout(rng)
        others = [make_fund(rng, index + 100000)] if layout.two_funds else []
        if args.era_traits:
            era_traits(layout, random.Random(f"{args.seed}-{index}-era"))
        data = render(fund, layout, others)
        filing = run(data)
        want = expected_kinds(fund, layout, others)
        got = [t.kind for t in filing.tables]
        kinds_total += len(want)
        kinds_right += sum(1 for a, b in zip(want, got, strict=False) if a == b) if len(want) == len(got) else 0
        bad = [f for f in filing.findings if f.severity != "info" and not planted([fund, *others], f)]
        expected_warnings += sum(1 for f in filing.findings if planted([fund, *others], f))
        infos.update(f.check for f in filing.findings if f.severity == "info")
        for f in bad:
            false[f.check, f.severity] += 1
        read_wrong = misread(fund, layout, filing, others)
        if read_wrong:
            misreads += 1
            misread_false += len(bad)
        if bad:
            docs_with_false += 1
            traits_false.update(layout.traits())
            if shown < args.show:
                shown += 1
                print(f"=== document {index} ({', '.join(layout.traits())}): false findings"
                      + (" (reader misread rows)" if misread(fund, layout, filing, others) else ""))
                for f in bad:
                    print(f"  {f.severity} {f.check} {f.table} line {f.line} [{f.column}] {f.message}")
                print(data.decode())
        base = {key(f) for f in filing.findings}
        for name, mutant in mutations(fund, random.Random(f"{args.seed}-{index}-m")):
            if read_wrong:
                skipped += 1
                continue
            kind = name.split(":")[0] + (":" + name.split(":")[1] if name.startswith("example") else "")
            tried[kind] += 1
            found = [f for f in run(render(mutant, layout, others)).findings if key(f) not in base]
            if any(f.severity == "error" for f in found):
                detected[kind] += 1
            elif any(f.severity == "warning" for f in found):
                warned[kind] += 1
                unflagged[name + " (warning)"] += 1
            else:
                unflagged[name] += 1
            if not any(f.severity == "error" for f in found) and missed_shown < args.show_missed:
                missed_shown += 1
                print(f"=== missed mutation {name} in document {index} ({', '.join(layout.traits())})")
                print(render(mutant, layout, others).decode())
    print(f"documents {args.docs} (seed {args.seed})")
    print(f"tables classified right  {kinds_right}/{kinds_total}")
    print(f"documents with false findings  {docs_with_false}/{args.docs}")
    print(f"false findings (error/warning) {sum(false.values())}:")
    for (check, level), n in sorted(false.items()):
        print(f"  {check:18s} {level:8s} {n}")
    print(f"documents whose rows the reader misread {misreads}, with {misread_false} of the false findings")
    print(f"planted 0.01 rounding warnings (expected) {expected_warnings}")
    print(f"info findings: {dict(sorted(infos.items()))}")
    if traits_false:
        print(f"traits of documents with false findings: {dict(traits_false.most_common())}")
    total_tried = sum(tried.values())
    print(f"mutations flagged as error {sum(detected.values())}/{total_tried}"
          f" ({100 * sum(detected.values()) / max(1, total_tried):.1f}%), warning only {sum(warned.values())};"
          f" {skipped} skipped (documents the reader misread)")
    for kind in sorted(tried):
        print(f"  {kind:16s} error {detected[kind]:4d}  warning {warned[kind]:4d}  of {tried[kind]}")
    if unflagged:
        print(f"not flagged as error: {dict(sorted(unflagged.items()))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
