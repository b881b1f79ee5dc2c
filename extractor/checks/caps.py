"""``expense_cap``: a net total above the expense cap that the footnotes or the prose state.

Caps are read from sentences that say expenses will not exceed (or are limited / capped at) a
percentage, per class when the sentence lists classes "respectively". Caps usually exclude
acquired fund fees, so those are taken off before comparing; so are the lines of the table for
the other costs the text says the cap excludes (dividend and interest expense on short sales,
interest, taxes). Only a ``warning``: the cap may apply to another period than the table's.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Final

import regex

from ..classify.labels import normalize
from ..model import Finding, Table
from ..share_classes import class_key
from .grid import ClassFees, fee_classes
from .policy import finding, text

_SENTENCE: Final = regex.compile(r"(?<=[.;])\s+(?=[A-Z(])")
_CAP_WORDS: Final = regex.compile(
    r"not (?:to )?exceed|limit(?:ed)? (?:to|at)|cap(?:ped)? (?:at|of)|expense cap"
    r"|to the extent (?:that )?[^.;]{0,300}?\bexceeds?\b|\bcap\b[^.;%]{0,150}?\bat\s+\d"
    r"|\blimit\w*\s+(?:[\w'\u2019]+\s+){0,4}?expenses\s+(?:to|at)\b",
    regex.I,
)
_ABOUT_TOTAL: Final = regex.compile(
    r"(?:total|operating|annual|fund|portfolio|net)\b[^.;]{0,60}\bexpenses|expense ratio|expenses? (?:limit|cap)"
    r"|\blimit\w*\s+(?:[\w'\u2019]+\s+){0,4}?expenses\s+(?:to|at)\b",
    regex.I,
)
_ABOUT_ITEM: Final = regex.compile(r"12b|distribution|servic|sales charge|management fee|advisory fee", regex.I)
_PERCENT: Final = regex.compile(r"(\d{0,2}\.\d{1,3}|\d{1,2})\s?%")
_CLASS: Final = regex.compile(
    r"\b(?i:class(?:es)?)\s+(?!(?i:shares?)\b)([A-Z0-9][A-Za-z0-9\-]{0,8})\b"
    r"|\band\s+(?:(?i:class)\s+)?([A-Z][0-9\-]{0,4})\b"
    r"|\b((?:[A-Z][A-Za-z]+\s+){1,2})(?i:class)\b"
    r"|\b([A-Z][A-Za-z]+)\s+(?i:shares)\b"
)
"""A class the cap sentence names: "Class A", "Class R6", "and C"; or a class named by a word
("Investor Class", "Financial Advantage Class", "Admiral Shares")."""
_LEAD_WORDS: Final = frozenset({
    "and", "as", "at", "by", "each", "for", "in", "its", "of", "on", "or", "the", "to", "with",
})
"""Words before a named class that are not part of its name ("for Investor Class")."""
_LIST_ITEM: Final = regex.compile(
    r"^(?:and\s+)?(?:(?i:class)\s+[A-Z0-9]|[A-Z][A-Za-z]+\s+(?i:class|shares)\b)[^.;]{0,40}?\d?\.?\d+\s?%"
)
"""A fragment that only goes on with a cap list after a semicolon: "Institutional Class shares: 0.85%"."""


_EXCLUSION: Final = regex.compile(
    r"\b(?:exclud\w*|exclusive of|other than|not includ\w*|does not include|do not include)\b([^.;]{0,300})", regex.I
)
_EXCLUDABLE: Final = (
    regex.compile(r"\binterest\b"),
    regex.compile(r"dividend|short sales?\b|sold short|short positions?"),
    regex.compile(r"\btax(?:es)?\b"),
)
"""Costs that caps leave out and that fee tables print on lines of their own: the expense of a
fund's short positions (dividends and interest), interest on borrowings, income taxes. Other
exclusions (brokerage, litigation, extraordinary expenses) have no line in a fee table."""
_SUMMARY_LINE: Final = regex.compile(r"^(?:total|net|gross|other expenses?\b)")


def excluded_costs(text_: str) -> tuple[regex.Pattern[str], ...]:
    """Which of :data:`_EXCLUDABLE` the text says a cap excludes ("(excluding interest, taxes and
    dividend expense on securities sold short) do not exceed 1.25%")."""
    excluded = " ".join(m.group(1) for m in _EXCLUSION.finditer(text_)).lower()
    if not excluded:
        return ()
    return tuple(kind for kind in _EXCLUDABLE if kind.search(excluded))


def _excluded_amount(fees: ClassFees, kinds: tuple[regex.Pattern[str], ...]) -> Decimal:
    """What the lines of ``kinds`` add to the class's total: each line once, whether the
    classifier made it an item of other expenses or left it without a concept; a summary line
    ("Other expenses", a total) is never one of them."""
    amount = Decimal(0)
    for item in [*fees.items, *fees.unnamed]:
        if item.value is None or item.concept in _NOT_EXCLUDED:
            continue
        label = normalize(item.label)
        if _SUMMARY_LINE.match(label) is None and any(kind.search(label) for kind in kinds):
            amount += item.value
    return amount


_NOT_EXCLUDED: Final = frozenset({
    "ManagementFeesOverAssets", "DistributionAndService12b1FeesOverAssets", "ExpensesOverAssets",
    "NetExpensesOverAssets", "FeeWaiverOrReimbursementOverAssets", "AcquiredFundFeesAndExpensesOverAssets",
})
"""Concepts of lines that are never an excluded cost: the items every cap covers, the totals and
waivers, and acquired fund fees (taken off on their own)."""


def stated_caps(text_: str) -> dict[str, Decimal]:
    """Class key -> cap (percent); key ``""`` when one cap applies to every class."""
    caps: dict[str, Decimal] = {}
    for sentence, capped in _sentences(text_):
        if not capped or not _ABOUT_TOTAL.search(sentence) or _ABOUT_ITEM.search(sentence):
            continue
        try:
            percents = [(m.start(), Decimal(m.group(1))) for m in _PERCENT.finditer(sentence)]
        except InvalidOperation:
            continue
        mentions = [(m.start(), _class_name(m)) for m in _CLASS.finditer(sentence)]
        names = list(dict.fromkeys(name for _, name in mentions if name))
        if len(percents) == 1 and not names:
            caps.setdefault("", percents[0][1])
        elif len(percents) == 1:
            for name in names:
                caps.setdefault(name, percents[0][1])
        elif len(names) == len(percents) and ("respective" in sentence.lower() or _alternate(percents, mentions)):
            for name, (_, cap) in zip(names, percents, strict=True):
                caps.setdefault(name, cap)
    return caps


def _sentences(text_: str) -> list[tuple[str, bool]]:
    """The sentences of ``text_``, each with whether it has cap words; a cap list that goes on
    after a semicolon ("...to the following: Investor Class shares: 1.10%; Institutional Class
    shares: 0.85%") stays one sentence. Each part is searched for cap words once."""
    out: list[list[str]] = []
    capped: list[bool] = []
    for part in _SENTENCE.split(" ".join(text_.split())):
        has_cap = _capped(part)
        if capped and capped[-1] and not has_cap and out[-1][-1].endswith(";") and _LIST_ITEM.match(part):
            out[-1].append(part)  # an item of the cap list before it, not a sentence of its own
        else:
            out.append([part])
            capped.append(has_cap)
    return [(" ".join(parts), has_cap) for parts, has_cap in zip(out, capped, strict=True)]


_CAP_STEMS: Final = ("exceed", "limit", "cap")
"""Words one of which every match of :data:`_CAP_WORDS` holds, in any case."""


def _capped(part: str) -> bool:
    """Whether ``part`` has cap words (:data:`_CAP_WORDS`). In ASCII text (nearly all) no match
    is possible without one of :data:`_CAP_STEMS` in the lower-cased text, and plain searches for
    them are far cheaper than the pattern over a document's prose; in other text a character may
    match a letter case-insensitively that lower-casing does not give, so the pattern decides."""
    if part.isascii():
        lowered = part.lower()
        if _CAP_STEMS[0] not in lowered and _CAP_STEMS[1] not in lowered and _CAP_STEMS[2] not in lowered:
            return False
    return _CAP_WORDS.search(part) is not None


def _class_name(match: regex.Match[str]) -> str:
    """Class key of one :data:`_CLASS` match; ``""`` when it names no class."""
    code = match.group(1) or match.group(2)
    if code:
        return class_key("class " + code)
    words = (match.group(3) or match.group(4) or "").split()
    while words and words[0].lower() in _LEAD_WORDS:
        words.pop(0)
    return class_key(" ".join(words)) if words else ""


def _alternate(percents: Sequence[tuple[int, Decimal]], mentions: Sequence[tuple[int, str]]) -> bool:
    """Whether percents and class names take turns in the sentence ("0.52% for Class A, 1.27% for
    Class C" or "Class A: 0.52%, Class C: 1.27%"), so that each percent goes with its neighbour."""
    marks = sorted([(at, True) for at, _ in percents] + [(at, False) for at, name in mentions if name])
    return all(marks[k][1] != marks[k + 1][1] for k in range(len(marks) - 1))


def expense_cap(table: Table, classes: Sequence[ClassFees] | None = None) -> list[Finding]:
    """Warnings where a class's net total (less acquired fund fees and the lines of the costs the
    cap excludes) exceeds its stated cap.

    ``classes``: the table's :func:`fee_classes`, when the caller has them already.
    """
    notes = " ".join([table.context, *(f.text for f in table.footnotes)])
    caps = stated_caps(notes)
    if not caps:
        return []
    kinds = excluded_costs(notes)
    findings: list[Finding] = []
    for fees in fee_classes(table) if classes is None else classes:
        cap = caps.get(class_key(fees.name), caps.get(""))
        total = fees.first("NetExpensesOverAssets") or fees.first("ExpensesOverAssets")
        if cap is None or total is None or total.value is None:
            continue
        acquired = fees.first("AcquiredFundFeesAndExpensesOverAssets")
        capped = total.value - (acquired.value if acquired is not None and acquired.value else Decimal(0))
        excluded = _excluded_amount(fees, kinds) if kinds else Decimal(0)
        capped -= excluded
        if capped <= cap:
            continue
        without = f" (without the {text(excluded)}% of costs the cap excludes)" if excluded else ""
        findings.append(finding(
            "expense_cap", "warning", table.id, total.where, text(cap), text(total.value),
            f"{fees.name}: total expenses of {text(capped)}%{without} are above the {text(cap)}% cap the filing states",
        ))
    return findings
