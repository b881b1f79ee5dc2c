"""Map one row label (or column header) of a fee or example table to its rr taxonomy concept.

Fee tables word the same item in many ways ("Management Fee", "Advisory fees", "Distribution
and/or Service (12b-1) Fees", "Less Fee Waiver", "Recoupment"), so each concept is recognised by
the words that carry its meaning rather than by a fixed label. The rules are ordered from the
most specific to the most general: a total "after waiver" must not be read as a waiver, "total
other expenses" not as the gross total, a deferred sales charge not as a front-end load.
"""

from __future__ import annotations

from functools import lru_cache

import regex

# Footnote markers anywhere in a label: <F1>, /1/, (1), (a), (ii), [1], *, #, daggers; dot leaders.
# 1990s fee tables marked notes with Roman numerals as well as letters: "Total(ii)", "10 Years(iii)".
_MARKERS = regex.compile(
    r"<F\d{1,2}>|/\d{1,2}/|\(\s*(?:\d{1,2}|[a-z]|[ivx]{2,5})\s*\)|\[[^\]\s]{1,5}\]|[*#\u2020\u2021]+", regex.I
)
_LEADERS = regex.compile(r"\.{2,}|_{2,}|(?:\s\.){2,}")
_NOISE = regex.compile(r"[^a-z0-9%/&\-(),:'$ ]+")


@lru_cache(maxsize=16384)
def normalize(label: str) -> str:
    """Lower-case label without footnote markers, leaders and extra spaces, for matching.

    Cached: the classifier and several checks normalise the same few labels of a table over and
    over (the totals check once per row per "Total" below it), and a label's form never changes.
    """
    text = _MARKERS.sub(" ", label)
    text = _LEADERS.sub(" ", text).lower()
    text = text.replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    text = _NOISE.sub(" ", text)
    return " ".join(text.split()).strip(" :.-,")


_COMPILED: dict[str, regex.Pattern[str]] = {}
"""The rules below, compiled once per process: ``regex.search`` on a string spends more time in
its cache lookup than in the search, and the rules are a fixed set of literals."""


def _has(text: str, pattern: str) -> bool:
    compiled = _COMPILED.get(pattern)
    if compiled is None:
        compiled = _COMPILED[pattern] = regex.compile(pattern)
    return compiled.search(text) is not None


_SALES_CHARGE = r"sales charge|\bload\b|sales fee|front[- ]end|initial (?:sales )?charge"
_DEFERRED = r"deferred|\bcdsc\b|contingent"
_OFFERING_BASIS = r"offering|purchase price|original|purchase cost|cost of|lesser|lower|whichever|initial"
_OTHER_BASIS = r"redemption|redeemed|net asset value|\bnav\b|proceeds|current value|market value"
_WAIVER = (
    r"waive|waiver|reimburs|recoup|repay|recaptur|expense limit|fee limit|expense cap|fee reduction"
    r"|reduction of|expense reductions?\b|fees? forgone"
    r"|less[: ]+(?:fee|expense|contractual|management)|contractual (?:fee|expense)"
)
_NET_TOTAL = (
    r"\bnet (?:annual|total|fund|portfolio|operating|expense|expenses|expense ratio)\b"
    r"|total (?:net|annual )?.*\bnet\b(?! assets?\b)"
    r"|\bafter\b.*(?:waive|waiver|reimburs|recoup|repay|limit|cap|reduction)"
    r"|^total\b.*\b(?:less|minus|net of)\b.*(?:waive|waiver|reimburs|recoup|repay|limit|cap|reduction)"
)
_NET_TOTAL_SUBJECT = r"expense|ratio|^total\b.*(?:waive|reimburs|recoup|repay|limit|reduction)"
"""What a net total is of: expenses, an expense ratio, or a bare "Total" after its waiver ("Total
(after fee waivers)" in 1990s tables); not "Total net realized gain", a line of a statement."""
_GROSS_TOTAL = (
    r"^(?:gross |total )(?:annual |)(?:fund |portfolio |class |series |trust )?(?:operating )?expenses?\b"
    r"|\btotal\b.*\b(?:annual|operating|fund|portfolio)\b.*\bexpenses?\b|\bgross expenses?\b"
    r"|^total (?:annual )?(?:fund |portfolio )?expenses? (?:before|prior)"
)


_EXPENSES_HEAD = (
    r"^(?:ratio of )?(?:annual |gross )?(?:fund |portfolio |class )?(?:operating )?(?:expenses?|expense ratio)\b"
    r"(?![\s,(/]*(?:waive|waiver|reimburs|recoup|repay|recaptur|limit|cap\b|reduc))"
)
"""A label about the fund's expenses as a whole ("Expenses before fee waivers", "Annual fund
operating expenses absent waivers", "Expenses, net of waivers"): the waiver it names says which
total it is, gross or net, not that the line is the waiver. A waiver word right after the head
("Expense waiver (before recoupment)", "Expenses reimbursed") names the waiver line itself."""

_BEFORE_WAIVER = r"\b(?:before|without|excluding|absent|prior to)\b.*(?:" + _WAIVER + ")"
_NET_OF_WAIVERS = r"\bnet of\b.*(?:" + _WAIVER + ")"


_ACCOUNT_HEAD = r"\baccount|\bmaintenance|custodial|\bira\b|retirement plan"
_OTHER_TRANSACTION = r"clos|redemption|redeem|exchange|wire|purchase"


def shareholder_fee_concept(text: str) -> str | None:
    """Concept of a shareholder-fee label (paid directly from an investment), or ``None``.

    An account fee is named by the head of its label ("Retirement account fees"); what it is
    charged for follows in parentheses ("annual maintenance and redemption requests") and must not
    turn it into a redemption fee, which is a percentage of the amount redeemed.
    """
    head = text.split("(", 1)[0]
    if _has(head, _ACCOUNT_HEAD) and _has(head, r"fee|charge") and not _has(head, _OTHER_TRANSACTION):
        return "MaximumAccountFee"
    if _has(text, r"reinvest") and _has(text, _SALES_CHARGE + r"|charge"):
        return "MaximumSalesChargeOnReinvestedDividendsAndDistributionsOverOther"
    if _has(text, _DEFERRED) and _has(text, _SALES_CHARGE + r"|charge|fee"):
        basis = text.split("charge", 1)[-1]
        if _has(basis, _OTHER_BASIS) and not _has(basis, _OFFERING_BASIS):
            return "MaximumDeferredSalesChargeOverOther"
        return "MaximumDeferredSalesChargeOverOfferingPrice"
    if _has(text, _SALES_CHARGE) and not _has(text, r"12b|distribution|servic"):
        return "MaximumSalesChargeImposedOnPurchasesOverOfferingPrice"
    if _has(text, r"\bwire\b") and _has(text, r"fee|charge"):
        return "ShareholderFeeOther"  # a flat fee for sending proceeds by wire, not a percentage redeemed
    if _has(head, r"exchange") and _has(head, r"fee|charge") and not _has(head, r"redemption|redeem"):
        return "ExchangeFee"  # "Exchange Fee (as a percentage of amount redeemed)": the basis is no redemption fee
    if _has(text, r"redemption|redeem|short[- ]term trading|frequent trading") and _has(text, r"fee|charge"):
        return "RedemptionFeeOverRedemption"
    if _has(text, r"exchange") and _has(text, r"fee|charge"):
        return "ExchangeFee"
    if _has(text, r"account|maintenance") and _has(text, r"fee|charge"):
        return "MaximumAccountFee"
    return None


def operating_expense_concept(text: str) -> str | None:
    """Concept of an annual-operating-expense label (a percentage of net assets), or ``None``."""
    if _has(text, r"^(?:total |subtotal )?other expenses?\b.*\btotal\b|^total other expenses?|^other expenses? total"):
        return "OtherExpensesOverAssets"
    if _has(text, _NET_TOTAL) and _has(text, _NET_TOTAL_SUBJECT):
        return "NetExpensesOverAssets"
    if _has(text, r"^(?:total|gross)\b|^annual (?:fund |portfolio )?operating expenses?$") and _has(
        text, _GROSS_TOTAL + r"|^annual (?:fund |portfolio )?operating expenses?$"
    ):
        return "ExpensesOverAssets"
    if _has(text, _EXPENSES_HEAD):
        if _has(text, _BEFORE_WAIVER + r"|\(\s*gross\s*\)|,\s*gross$"):
            return "ExpensesOverAssets"
        if _has(text, _NET_OF_WAIVERS + r"|\(\s*net\s*\)|,\s*net$"):
            return "NetExpensesOverAssets"
    if _has(text, _WAIVER):
        return "FeeWaiverOrReimbursementOverAssets"
    if _has(text, r"acquired (?:fund|portfolio)|underlying (?:fund|portfolio)|\baffe\b"):
        return "AcquiredFundFeesAndExpensesOverAssets"
    if _has(text, r"non[- ]?12b|not (?:under|pursuant to) (?:rule )?12b|other distribution"):
        return "DistributionOrSimilarNon12b1FeesOverAssets"
    if _has(text, r"12b|distribution (?:and|or|&|/|fee|plan|\(|service)|^distribution$|^service (?:fee|\()"):
        return "DistributionAndService12b1FeesOverAssets"
    if _has(text, r"management fee|advis\w* fee|unitary fee|^management\b|^advisory\b|^investment advisory"):
        return "ManagementFeesOverAssets"
    if _has(text, r"^other$|\bother (?:operating )?expenses?\b|shareholder servic|transfer agen"
            r"|administrat\w* (?:services? )?(?:fee|expense)"
            r"|servicing fee"):
        return "OtherExpensesOverAssets"
    if _has(text, r"^total$"):
        return "ExpensesOverAssets"
    return None


MAX_LABEL = 400
"""Longest label read for a concept: fee labels are far shorter, and the ``.*`` rules stay cheap."""

_NET_OF_WAIVER = regex.compile(
    r"\(?\s*\b(?:after|net of|less|excluding|including|reflecting)\b[^()]{0,80}?"
    r"(?:waive|waiver|reimburs|recoup|limitation|reduction)\w*(?:[^()]{0,40})\)?"
)
_ITEM_CONCEPTS = frozenset({
    "ManagementFeesOverAssets", "DistributionAndService12b1FeesOverAssets",
    "DistributionOrSimilarNon12b1FeesOverAssets", "OtherExpensesOverAssets",
    "AcquiredFundFeesAndExpensesOverAssets",
})


def _item_net_of_waiver(text: str) -> str | None:
    """The component a label names with a waiver qualifier: "Management Fee (net of waiver)".

    1990s fee tables printed each item after the adviser's waiver instead of a waiver row; the
    qualifier says how the item was measured, not that the row is the waiver or the net total.
    """
    if not _NET_OF_WAIVER.search(text):
        return None
    bare = " ".join(_NET_OF_WAIVER.sub(" ", text).split()).strip(" :.-,")
    if not bare or _has(bare, r"^total\b|^net\b|^gross\b|\btotal\b"):
        return None
    concept = operating_expense_concept(bare)
    return concept if concept in _ITEM_CONCEPTS else None


_HEADING = (
    r"^(?:shareholder|stockholder)(?: transaction)? (?:fees|expenses)\b(?! charged)"
    r"|^(?:shareholder )?fees paid directly|^annual (?:fund |portfolio )?operating expenses \((?!\s*(?:net|gross)\s*\))"
)
"""The headings of the two parts of a fee table, which some filers print as a row with a value;
"Annual Fund Operating Expenses (Net)" is a total, not the heading."""


_CONCEPT_WORDS = regex.compile(
    r"fee|charge|load|front|reinvest|expense|ratio|waive|reimburs|recoup|repay|recaptur|reduction"
    r"|contractual|management|acquired|underlying|affe|12b|distribution|servic|advis|unitary|other"
    r"|transfer|administrat|total|wire|check|account|balance"
)
"""Words one of which every rule that names a concept needs (each rule's pattern, or the test it
is paired with, matches only text holding one of them). Most labels the classifier asks about
are no fee labels at all ("Class A", "Year ended", a director's name): without any of these words
none of the twenty-odd rules can match, so they are not run. A new rule adds its word here;
``tests/test_fastpath_fee_concept.py`` compares the rules with and without this test on many labels,
among them labels generated from every alternative of every pattern the rules use, so that a
rule whose word is missing here fails the tests without a label written for it."""


@lru_cache(maxsize=8192)
def fee_concept(label: str) -> str | None:
    """The rr concept a fee-table label names, or ``None``; ``label`` as written.

    Cached: a prospectus prints the same fee-table labels for fund after fund, and each label
    runs through some twenty rules.
    """
    text = normalize(label)[:MAX_LABEL]
    if not text or _CONCEPT_WORDS.search(text) is None:
        return None
    return concept_of_text(text)


def concept_of_text(text: str) -> str | None:
    """:func:`fee_concept` of a normalised, non-empty label, by the rules alone."""
    if _has(text, _HEADING):
        return None
    item = _item_net_of_waiver(text)
    if item is not None:
        return item
    if _has(text, r"^total\b|^net\b|^gross\b") or _has(text, _NET_TOTAL):
        return operating_expense_concept(text) or shareholder_fee_concept(text)
    return shareholder_fee_concept(text) or operating_expense_concept(text) or _other_shareholder_fee(text)


def _other_shareholder_fee(text: str) -> str | None:
    """Transaction fees that fit no specific element ("Purchase Fee", "Wire fee", "Check fee")."""
    if _has(text, r"purchase fee|wire|check|transaction fee|small account|low balance|closing fee|transfer fee"):
        return "ShareholderFeeOther"
    return None


SHAREHOLDER_CONCEPTS = frozenset({
    "MaximumSalesChargeImposedOnPurchasesOverOfferingPrice",
    "MaximumSalesChargeOnReinvestedDividendsAndDistributionsOverOther",
    "MaximumDeferredSalesChargeOverOfferingPrice",
    "MaximumDeferredSalesChargeOverOther",
    "RedemptionFeeOverRedemption",
    "ExchangeFee",
    "MaximumAccountFee",
    "ShareholderFeeOther",
})
OPERATING_CONCEPTS = frozenset({
    "ManagementFeesOverAssets",
    "DistributionAndService12b1FeesOverAssets",
    "DistributionOrSimilarNon12b1FeesOverAssets",
    "OtherExpensesOverAssets",
    "Component1OtherExpensesOverAssets",
    "Component2OtherExpensesOverAssets",
    "Component3OtherExpensesOverAssets",
    "AcquiredFundFeesAndExpensesOverAssets",
    "ExpensesOverAssets",
    "FeeWaiverOrReimbursementOverAssets",
    "NetExpensesOverAssets",
})
FEE_CONCEPTS = SHAREHOLDER_CONCEPTS | OPERATING_CONCEPTS
