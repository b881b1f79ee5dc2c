"""``expense_example`` and ``example_order``: the 1/3/5/10-year figures against the fee table.

Each series of figures (one class, redeemed or not) is recomputed from the fee table of the same
document: the net ratio for the years a waiver runs and the gross ratio after, the front-end load
taken from the investment, the deferred sales charge of the redemption year added to "if you
sold" figures, Class B (or C) converting to Class A after the years the text states, and both
standard methods of a year's cost (see :mod:`.costs`). The investment is $10,000, or $1,000 in
pre-1998 filings (as the table or its prose says; both are tried when neither is said).

Printed ratios are rounded to two decimals, so a figure is fine when it lies within $1 of the
costs of some true ratio within half a cent of a percent of the printed one (the interval grows
with the years: about $6 at ten years on $10,000, while a changed tens digit moves a figure $10).
One that only a reading the text contradicts or does not state explains (a usual Class B
conversion left unsaid), or only the other method, is a warning; one that no reading explains is
an error. A class whose inputs cannot be known gets ``info``, never a guess: no matching class,
or figures that need a sales charge no fee table in the document states (a supplement that
reprints only the operating expenses).
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Final, NamedTuple

import regex

from ..model import Finding, Severity, Table
from ..share_classes import class_key
from .costs import HUNDRED, INVESTMENT, METHODS, dollars, path_costs
from .policy import DOLLAR, finding, text
from .schedules import Schedule, rate_in_year
from .series import (
    DocumentIndex,
    Figure,
    Inputs,
    Series,
    class_inputs,
    document_index,
    example_series,
    indexed_class_inputs,
    indexed_document_context,
    lookup,
    lookup_series,
)
from .waiver_term import WAIVER_WORDS, sentence, waiver_terms

_NUMBER_WORDS: Final = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}
_COUNT: Final = r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:st|nd|rd|th)?"
_CONVERSION: Final = regex.compile(
    r"conver(?:t|sion)\w*\b[^.]{0,160}?(?:"
    r"\bafter\s+(?:about\s+|approximately\s+|the\s+end\s+of\s+(?:the\s+)?)?" + _COUNT + r"\s+years?"
    r"|\b(?:about\s+|approximately\s+)?" + _COUNT + r"\s+years?\s+after\b"
    r"|\b(\d{1,2}(?:st|nd|rd|th)|sixth|seventh|eighth|ninth|tenth)\s+(?:anniversary|year)\b"
    r"|\bin\s+years?\s+(\d{1,2})\b)",
    regex.I,
)
"""A sentence saying after how many years shares convert; "in years 9-10" (the years the example
counts at the other class's ratio) says after eight."""
_CONVERSION_TARGET: Final = regex.compile(
    r"\bconver(?:t|ts|ted|ting|sion)\b[^.;]{0,40}?\b(?:in)?to\s+(?:the\s+)?"
    r"((?:Class\s+[A-Z0-9][\w\-]*)|(?:[A-Z][\w\-]*\s+){1,2}?Class|[A-Z][\w\-]*)\s+[Ss]hares\b"
)
"""The class shares convert into, as the prose names it ("converting into Investor Class shares")."""
_FIRST_YEAR_ONLY: Final = regex.compile(
    r"(?:first|one|1)[- ]year (?:period )?(?:only|of the example)|only (?:for|in) the first year"
    r"|(?:waiver|reimbursement|limitation|cap)s? (?:is |are )?(?:reflected|included) only in the first",
    regex.I,
)


_VOLUNTARY: Final = regex.compile(
    r"\bvoluntar\w*\W+(?:\w+\W+){0,8}?(?:waiv|reimburs|limit|absorb|cap\b)"
    r"|\b(?:waiv|reimburs|limit|absorb)\w*\W+(?:\w+\W+){0,8}?voluntar",
    regex.I,
)
_NEVER_ENDS: Final = regex.compile(
    r"\b(?:limitation|waiver|cap|agreement|arrangement|reimbursement)s?\s+(?:is|are|will\s+be)\s+"
    r"(?:never|not)\s+terminated"
    r"|\b(?:continues?|remains?\s+in\s+effect)\s+indefinitely",
    regex.I,
)
"""Prose saying the example keeps the waiver in every year ("assumes that the Expense Limitation
is never terminated")."""
GROSS_ONLY: Final = -1
"""The waiver term of a reading that leaves the waiver out: the gross ratio every year."""


_FIRST_YEAR_WORDS: Final = (
    "year only", "year period only", "year of the example", "year period of the example",
    "only for the first year", "only in the first",
)
"""Words one of which every match of :data:`_FIRST_YEAR_ONLY` holds (in a context whose spaces
are single, as every context is), looked for before the pattern is: a plain search of the
case-folded text runs much faster than the pattern, whose every position may start a match,
and an example reads the prose of all the tables before it (in documents of hundreds of examples
that was most of the time spent). Case-folding maps each character on its own and any character
the pattern matches case-insensitively to its letter, so the words are found wherever it matches."""


@lru_cache(maxsize=64)
def _voluntary(context: str) -> bool:
    """Whether the prose calls a waiver voluntary: the adviser may end it at any time, so an
    example may leave it out and use the gross ratio in every year. Every match holds "voluntar",
    looked for first as :data:`_FIRST_YEAR_WORDS` are."""
    return "voluntar" in context.casefold() and _VOLUNTARY.search(context) is not None


@lru_cache(maxsize=64)
def _never_ends(context: str) -> bool:
    """Whether the prose says the example assumes the waiver never ends: the net ratio every
    year is then the one reading it states, and a figure only a waiver of some years explains
    is doubtful."""
    folded = context.casefold()
    return ("terminated" in folded or "indefinitely" in folded) and _NEVER_ENDS.search(context) is not None


@lru_cache(maxsize=64)
def _first_year_only(context: str) -> bool:
    """Whether the prose says a waiver counts in the first year only; cached because every
    series of an example table asks of the same few thousand characters of context."""
    folded = context.casefold()
    if not any(words in folded for words in _FIRST_YEAR_WORDS):
        return False
    return any(_about_waiver(sentence(context, m.start(), m.end())) for m in _FIRST_YEAR_ONLY.finditer(context))


def _about_waiver(text: str) -> bool:
    """Whether a sentence speaks of a waiver or expense limit and not of a deferred sales charge:
    "a deferred sales charge is imposed on shares redeemed during the first year only" says
    nothing of how long a waiver counts."""
    return WAIVER_WORDS.search(text) is not None and _DEFERRED_CHARGE.search(text) is None


_DEFERRED_CHARGE: Final = regex.compile(r"deferred sales charge|\bCDSC\b|\bredeem", regex.I)


HALF_CENT: Final = Decimal("0.005")
"""Half the last digit of a ratio printed to two decimals: the true ratio may lie that far away."""
MAX_LOAD: Final = Decimal("8.5")
"""Highest front-end sales charge the SEC allows; a fitted load above it is no explanation."""
_BASIS: Final = regex.compile(r"\$\s?(10,000|10000|1,000|1000)(?![\d,])")
_SILENT_CONVERSIONS: Final = (6, 7, 8, 9)
"""Years after which Class B shares usually convert to Class A, tried (doubtfully) when no text says."""
_SILENT_C_CONVERSIONS: Final = (7, 8)
"""The same for Class C, which since 2019 mostly converts to Class A after eight years (some after
seven): a 10-year figure that reflects it is a warning when the prose (or what the reader kept of
it) does not say so, not an error."""


class Reading(NamedTuple):
    """One way of computing a series: method, waiver years, conversion, basis, load; and its costs.

    ``low`` and ``high`` are the costs for the true ratios at the bottom and the top of the
    interval the printed (rounded) ratios stand for; costs grow with every ratio. A named tuple:
    immutable, and built by the thousand (a frozen dataclass took four times as long).
    """

    method: str
    waiver: int
    """Years the net ratio applies before the gross one; 0 for every year; :data:`GROSS_ONLY` for
    none (a voluntary waiver the example leaves out)."""
    conversion: int | None
    costs: tuple[Decimal, ...]
    low: tuple[Decimal, ...]
    high: tuple[Decimal, ...]
    stated: bool
    basis: Decimal = INVESTMENT
    load: Decimal = Decimal(0)
    fitted: bool = False
    """The load was fitted to the figures: no fee table states it."""

    def same_inputs(self, other: Reading) -> bool:
        """Whether ``other`` differs from this reading in the method alone."""
        return (self.waiver, self.conversion, self.basis, self.load, self.fitted) == (
            other.waiver, other.conversion, other.basis, other.load, other.fitted)

    def describe(self, inputs: Inputs) -> str:
        net = inputs.net if inputs.net is not None else inputs.gross
        parts = [f"{text(net or Decimal(0))}% a year"]
        if self.waiver == GROSS_ONLY:
            parts[0] = f"{text(inputs.gross or Decimal(0))}% a year (the voluntary waiver left out)"
        elif self.waiver:
            years = "year 1" if self.waiver == 1 else f"years 1-{self.waiver}"
            parts[0] = f"{text(net or Decimal(0))}% in {years} and {text(inputs.gross or Decimal(0))}% after"
        if self.load:
            parts.append(f"a {text(self.load)}% sales charge")
        if self.conversion:
            parts.append(f"conversion after {self.conversion} years")
        return ", ".join(parts) + f" (method {self.method})"

    @property
    def investment(self) -> str:
        return f"${self.basis:,}"


def _conversions(key: str, inputs: dict[str, Inputs], context: str) -> tuple[list[tuple[int, bool]], Inputs | None]:
    """Years after which the class may convert (flag: the text states it) and the class it converts to.

    Without a statement Class B is still tried at the usual periods, but only as a reading the
    filing does not state (a warning at most): excerpts and supplements often leave it out.
    """
    if not key or key[-1] not in "bc":
        return [], None
    target = next((found for name in _conversion_targets(context) if name != key
                   and (found := lookup(inputs, name)) is not None), None) or lookup(inputs, key[:-1] + "a")
    if target is None:
        return [], None
    stated = _stated_conversions(context)
    if stated:
        return [(n, True) for n in stated if n < 10], target
    return [(n, False) for n in (_SILENT_CONVERSIONS if key[-1] == "b" else _SILENT_C_CONVERSIONS)], target


@lru_cache(maxsize=64)
def _stated_conversions(context: str) -> tuple[int, ...]:
    """Years after which the prose says shares convert, in order; cached like
    :func:`_first_year_only`, as every series of a Class B or C asks of the same context. Every
    match holds "conver", looked for first as :data:`_FIRST_YEAR_WORDS` are."""
    if "conver" not in context.casefold():
        return ()
    return tuple(sorted({n for m in _CONVERSION.finditer(context) if (n := _count(m)) is not None}))


@lru_cache(maxsize=64)
def _conversion_targets(context: str) -> tuple[str, ...]:
    """Keys of the classes the prose says shares convert into, in order (Class A is tried after
    them in any case); cached like :func:`_stated_conversions`, and looked for only where the
    word is (case and all: the pattern is case-sensitive)."""
    if "conver" not in context:
        return ()
    return tuple(class_key(m.group(1)) for m in _CONVERSION_TARGET.finditer(context))


def _count(match: regex.Match[str]) -> int | None:
    """The number of years a conversion sentence states ("after eight years", "8th anniversary";
    "in years 9-10" is after eight)."""
    if match.group(4):
        return int(match.group(4)) - 1
    word = next((g for g in match.groups() if g), "").lower()
    digits = word.rstrip("stndrh")
    if digits.isdigit():
        return int(digits)
    return _NUMBER_WORDS.get(word)


def _half_unit(ratio: Decimal) -> Decimal:
    """How far the true ratio may lie from the printed one: half its last digit, at most 0.005."""
    exponent = ratio.as_tuple().exponent
    if not isinstance(exponent, int):
        return HALF_CENT
    return min(HALF_CENT, Decimal(1).scaleb(exponent) / 2)


Bounded = tuple[tuple[Decimal, ...], tuple[Decimal, ...], tuple[Decimal, ...]]
"""A path of yearly ratios and the bottom and top of the interval its printed ratios stand for."""


def _bounded(path: list[Decimal]) -> Bounded:
    """``path`` with its bounds; a ratio's interval is worked out once, from its first occurrence
    (equal ratios written with other trailing zeros share it, and give bounds that are equal
    numbers)."""
    bounds: dict[Decimal, tuple[Decimal, Decimal]] = {}
    for ratio in path:
        if ratio not in bounds:
            half = _half_unit(ratio)
            bounds[ratio] = (max(Decimal(0), ratio - half), ratio + half)
    low, high = zip(*map(bounds.__getitem__, path), strict=True)
    return tuple(path), low, high


def _reading(bounded: Bounded, method: str, waiver: int, conversion: int | None, stated: bool,
             basis: Decimal, load: Decimal, fitted: bool) -> Reading:
    path, low, high = bounded
    return Reading(
        method, waiver, conversion,
        path_costs(path, method, load, basis),
        path_costs(low, method, load, basis),
        path_costs(high, method, load, basis),
        stated, basis, load, fitted,
    )


def _variants(waiver: int, ratios: list[Decimal], stated: bool, target: tuple[Decimal, Decimal] | None,
              years: tuple[tuple[int, bool], ...]) -> list[tuple[int | None, Bounded, bool]]:
    """The paths of one waiver period: as it is, and converted after each of ``years`` to the class
    whose (net, gross) ratios are ``target``.

    (conversion, bounded path, stated); worked out once per waiver period, as every method, basis
    and load computes the costs of the same paths.
    """
    variants: list[tuple[int | None, Bounded, bool]] = [(None, _bounded(ratios), stated)]
    if target is not None:
        other_net, other_gross = target
        if waiver == GROSS_ONLY:
            afters = [[other_gross] * 10]
        else:
            afters = [[other_net] * (waiver or 10) + [other_gross] * (10 - (waiver or 10))]  # same waiver years
        if not waiver and other_net != other_gross:
            afters.append([other_gross] * 10)  # a class without a waiver of its own: the target's has run out
        for after in afters:
            variants.extend((n, _bounded(ratios[:n] + after[n:]), stated and said) for n, said in years)
    return variants


def readings(inputs: Inputs, key: str, all_inputs: dict[str, Inputs], context: str,
             bases: Sequence[Decimal] = (INVESTMENT,), loads: Sequence[Decimal] | None = None,
             terms: frozenset[int] | None = None) -> list[Reading]:
    """Every accepted way of computing the series of one class.

    ``loads`` are front-end loads fitted to the figures when no fee table states the class's load.
    ``terms`` are the years the dates of the filing let a waiver run (see :mod:`.waiver_term`),
    ``None`` when they do not tell.
    The readings depend on a few numbers only, which classes and filings often share, so they
    are remembered by those numbers written out (see :func:`_readings_of`); the list is new.
    """
    gross = inputs.gross if inputs.gross is not None else inputs.net
    net = inputs.net if inputs.net is not None else inputs.gross
    assert gross is not None and net is not None
    years, target = _conversions(key, all_inputs, context)
    other: tuple[str, str] | None = None
    if target is not None:
        other_net = target.net if target.net is not None else target.gross
        other_gross = target.gross if target.gross is not None else target.net
        assert other_net is not None and other_gross is not None
        other = (str(other_net), str(other_gross))
    charges = list(loads) if loads is not None else [inputs.load or Decimal(0)]
    return list(_readings_of(str(gross), str(net), _first_year_only(context), _voluntary(context),
                             _never_ends(context), tuple(years),
                             other, tuple(map(str, bases)), tuple(map(str, charges)), loads is not None, terms))


_WAIVER_TERMS: Final = (1, 2, 3, 4, 5)
"""Years a contractual waiver may run in the example: one (the usual term), up to five for a new
fund whose expense limitation agreement runs several years from its first prospectus."""


@lru_cache(maxsize=2048)
def _readings_of(gross_text: str, net_text: str, first_only: bool, voluntary: bool, never_ends: bool,
                 years: tuple[tuple[int, bool], ...],
                 target_text: tuple[str, str] | None, bases_text: tuple[str, ...], charges_text: tuple[str, ...],
                 fitted: bool, terms: frozenset[int] | None = None) -> tuple[Reading, ...]:
    """:func:`readings` of numbers given as text: a Decimal's text gives back the same Decimal,
    trailing zeros included (a load is printed in messages as written), so equal texts give
    equal readings. Every waiver period (and, for a waiver the prose calls voluntary, none at
    all), then method, basis and load, then conversion. Where the prose says the example assumes
    the waiver never ends, only the net ratio in every year is a stated reading. Where the dates
    of the filing tell how many years the waiver runs (``terms``), those periods are stated, and
    the net ratio in every year is not (unless the prose says the waiver never ends)."""
    gross, net = Decimal(gross_text), Decimal(net_text)
    target = None if target_text is None else (Decimal(target_text[0]), Decimal(target_text[1]))
    bases = [Decimal(b) for b in bases_text]
    charges = [Decimal(c) for c in charges_text]
    dated = terms is not None
    waivers = [(0, [net] * 10, (not first_only and not dated) or net == gross or never_ends)]  # no waiver: moot
    if net != gross:
        waivers.extend((k, [net] * k + [gross] * (10 - k),
                        ((k == 1 and first_only) or (k in terms if terms is not None else not first_only))
                        and not never_ends)
                       for k in _WAIVER_TERMS)
        if voluntary:
            waivers.append((GROSS_ONLY, [gross] * 10, not never_ends))
    paths = [(waiver, _variants(waiver, ratios, stated, target, years)) for waiver, ratios, stated in waivers]
    out: list[Reading] = []
    for (waiver, variants), method, basis, load in itertools.product(paths, METHODS, bases, charges):
        for conversion, bounded, sure in variants:
            out.append(_reading(bounded, method, waiver, conversion, sure, basis, load, fitted))
    return tuple(out)


def example_bases(table: Table) -> tuple[Decimal, ...]:
    """The amount the example invests: $10,000, or $1,000 in pre-1998 filings.

    The amount is read from the table's own caption, headers, labels, footnotes and surrounding
    prose ("You would pay the following expenses on a $1,000 investment", "per $1,000"). Only
    $10,000 said alone settles it; "$1,000" may also be a minimum investment or an account-fee
    threshold in the prose nearby, so then (and when nothing is said) both amounts are tried and
    each series takes the one that explains it: the two give figures a factor of ten apart.
    """
    texts = [table.caption, *table.columns, *(r.label for r in table.rows), table.context,
             *(f.text for f in table.footnotes)]
    said = {Decimal(m.group(1).replace(",", "")) for m in _BASIS.finditer(" ".join(texts))}
    if said == {INVESTMENT}:
        return (INVESTMENT,)
    return (INVESTMENT / 10, INVESTMENT) if INVESTMENT / 10 in said else (INVESTMENT, INVESTMENT / 10)


def _charges(series: Series, inputs: Inputs, years: int, schedules: Sequence[Schedule], basis: Decimal,
             fit: bool = False) -> list[tuple[Decimal, bool]]:
    """Possible deferred sales charges (dollars) of the redemption year; flag: a certain reading.

    A printed schedule whose first year is the class's maximum gives the charge exactly; without
    one, any whole percent up to the maximum is accepted in years 3 and 5 (a half percent only
    doubtfully), none in year 10 and none after the first year for a 1% charge. With ``fit`` (no
    fee table states the class's charges) any whole percent up to 6 is tried, doubtfully.

    Where the redemption is not stated, or the class also has a front-end load, no charge is as
    likely: a deferred charge beside a load is mostly the 1% on purchases of $1 million or more,
    which bought without the load, and the example's $10,000 never pays it.
    """
    unit = basis / 100
    cdsc = inputs.cdsc or Decimal(0)
    if series.redeemed is False:
        return [(Decimal(0), True)]
    if fit:
        if years >= 10:
            return [(Decimal(0), True)]
        return [(Decimal(0), True), *((Decimal(k) * unit, False) for k in range(1, 7))]
    if cdsc == 0:
        return [(Decimal(0), True)]
    optional = not series.redeemed or bool(inputs.load)
    printed = {rate_in_year(s, years) * unit for s in schedules if s.get(1) == cdsc}
    if printed:
        charges = [(c, True) for c in sorted(printed)]
        return [(Decimal(0), True), *charges] if optional else charges
    top = cdsc * unit
    if years == 1:
        return [(Decimal(0), True), (top, True)] if optional else [(top, True)]
    if cdsc <= 1 or years >= 10:
        return [(Decimal(0), True)]  # a level-load 1% charge lasts about a year; none runs ten
    whole = [(Decimal(k) * unit, True) for k in range(int(cdsc) + 1)]
    halves = [((Decimal(k) + Decimal("0.5")) * unit, False) for k in range(int(cdsc))]
    return [*whole, (top, True), *halves]


@dataclass(frozen=True)
class Facts:
    """What the document says beyond the fee tables: the text around them and printed schedules.

    ``fit_load``: no fee table states the class's front-end load, so loads fitted to the figures
    are tried; ``fit_cdsc``: neither its load nor its deferred charge is stated, so deferred
    charges are fitted too. A series that only fitted charges explain is not judged.
    """

    context: str
    schedules: tuple[Schedule, ...]
    bases: tuple[Decimal, ...] = (INVESTMENT,)
    fit_load: bool = False
    fit_cdsc: bool = False
    waiver_terms: frozenset[int] | None = None
    """Years a waiver may be counted for by the dates of the filing (:mod:`.waiver_term`)."""


class Explanation(NamedTuple):
    """How a reading explains one figure: 2 fine, 1 only doubtfully, 0 not at all (a named tuple,
    like :class:`Reading`)."""

    level: int
    expected: Decimal
    charge: Decimal
    fitted: bool = False


def _fit(value: Decimal, base: Decimal, low: Decimal, high: Decimal, charges: Sequence[tuple[Decimal, bool]],
         sure: bool, fitted_load: bool, fit_cdsc: bool) -> Explanation | None:
    """The best explanation of the figure ``value`` by one year of a reading; ``None`` when no
    deferred charge of the year makes it fit.

    A figure is explained when it lies within $1 of the costs that some true ratio within the
    rounding interval of the printed ratios gives (``low`` to ``high``, around ``base``) plus the
    deferred charge of the year. ``sure``: the reading is stated and its load not fitted. Only
    the winning charge's expected figure is rounded: the interval test is most of the work.
    """
    best_level, best_charge, best_fitted = 0, Decimal(0), False
    for charge, certain in charges:
        if low + charge - DOLLAR <= value <= high + charge + DOLLAR:
            level = 2 if certain and sure else 1
            fitted = fitted_load or (fit_cdsc and charge > 0)
            if level > best_level or (level == best_level and best_fitted and not fitted):
                best_level, best_charge, best_fitted = level, charge, fitted
    if not best_level:
        return None
    return Explanation(best_level, dollars(base + best_charge), best_charge, best_fitted)


def _nearest(value: Decimal, base: Decimal, charges: Sequence[tuple[Decimal, bool]]) -> Explanation:
    """For a figure no charge explains: the expected figure nearest it (the first of equals)."""
    if not charges:
        return Explanation(0, dollars(base), Decimal(0))
    nearest = min(charges, key=lambda c: abs(dollars(base + c[0]) - value))[0]
    return Explanation(0, dollars(base + nearest), nearest)


_UNKNOWN: Final = Explanation(-1, Decimal(0), Decimal(0))
"""What :meth:`_Judge.fit` finds for a key it has not worked out (``None`` is a result)."""


Counts = tuple[int, int, int]
"""Figures a reading explains, those it explains for sure, and those without fitted charges."""


class _Judge:
    """Explanations and scores of the readings of one series under one set of facts, remembered.

    The best reading is scored again after the search, every option is asked of each
    unexplained figure, and readings that differ only in later years (a waiver or a conversion)
    give the same cost for the early figures: an explanation is kept by the numbers it depends
    on, the charges by year and basis, counts by the reading's identity (the entry keeps the
    reading alive so that an identity is never reused while the entry stands). The nearest
    expected figure of an unexplained one, which takes rounding every charge of the year, is
    worked out only where it is used: to break ties between the best readings, and in messages.
    """

    def __init__(self, series: Series, inputs: Inputs, facts: Facts, figures: Sequence[Figure]) -> None:
        self.series, self.inputs, self.facts, self.figures = series, inputs, facts, figures
        self._charges: dict[tuple[int, Decimal], list[tuple[Decimal, bool]]] = {}
        self._fits: dict[tuple[object, ...], Explanation | None] = {}
        self._counts: dict[int, tuple[Reading, Counts]] = {}

    def charges(self, years: int, basis: Decimal) -> list[tuple[Decimal, bool]]:
        found = self._charges.get((years, basis))
        if found is None:
            facts = self.facts
            found = self._charges[years, basis] = _charges(
                self.series, self.inputs, years, facts.schedules, basis, facts.fit_cdsc)
        return found

    def fit(self, reading: Reading, figure: Figure) -> Explanation | None:
        """How ``reading`` explains ``figure``, ``None`` when it does not (see :func:`_fit`)."""
        n = figure.years - 1
        base, low, high = reading.costs[n], reading.low[n], reading.high[n]
        key = (figure.years, reading.basis, reading.stated, reading.fitted, base, low, high)
        found = self._fits.get(key, _UNKNOWN)  # one lookup: the key's hash is worked out per lookup
        if found is not _UNKNOWN:
            return found
        found = self._fits[key] = _fit(
            figure.value, base, low, high, self.charges(figure.years, reading.basis),
            reading.stated and not reading.fitted, reading.fitted, self.facts.fit_cdsc)
        return found

    def explain(self, reading: Reading, figure: Figure) -> Explanation:
        """The best explanation of ``figure`` by ``reading``, or the nearest expected figure."""
        found = self.fit(reading, figure)
        if found is not None:
            return found
        n = figure.years - 1
        return _nearest(figure.value, reading.costs[n], self.charges(figure.years, reading.basis))

    def counts(self, reading: Reading) -> Counts:
        entry = self._counts.get(id(reading))
        if entry is None:
            fits = [e for e in (self.fit(reading, f) for f in self.figures) if e is not None]
            counts = len(fits), sum(1 for e in fits if e.level == 2), sum(1 for e in fits if not e.fitted)
            entry = self._counts[id(reading)] = (reading, counts)
        return entry[1]

    def closeness(self, reading: Reading) -> Decimal:
        """Minus the dollars left over, over all figures: of two readings that explain the same
        figures, the one nearer the others is what the filing did (a conversion)."""
        return -sum((abs(self.explain(reading, f).expected - f.value) for f in self.figures), Decimal(0))

    def perfect(self, reading: Reading) -> bool:
        """Whether ``reading`` explains every figure for sure and without fitted charges (the
        highest counts there are); asks no further than the first figure it does not, and not
        at all when the reading is counted already (a second search over the same options)."""
        entry = self._counts.get(id(reading))
        if entry is not None:
            return entry[1] == (len(self.figures),) * 3
        for figure in self.figures:
            found = self.fit(reading, figure)
            if found is None or found.level != 2 or found.fitted:
                return False
        return True

    def best(self, options: Sequence[Reading]) -> Reading:
        """The (first) reading with the highest counts, ties broken by :meth:`closeness`.

        Filings mostly compute their figures in some way tried, so the readings that explain
        everything are looked for first: when there are any they are the ones tied at the top,
        and the others need not be counted to the end.
        """
        tied = [o for o in options if self.perfect(o)]
        if not tied:
            top: Counts | None = None
            for option in options:
                counts = self._counts_reaching(option, top)
                if counts is None:
                    continue
                if top is None or counts > top:
                    top, tied = counts, [option]
                elif counts == top:
                    tied.append(option)
        return tied[0] if len(tied) == 1 else max(tied, key=self.closeness)

    def _counts_reaching(self, reading: Reading, top: Counts | None) -> Counts | None:
        """:meth:`counts` of ``reading``, or ``None`` as soon as the figures left cannot bring
        them up to ``top``: each figure adds at most one to each count, so counts that stay below
        ``top`` with every figure left explained for sure are below it in the end. Most readings
        of a series that no reading explains fully (another waiver period, a conversion, the
        other basis) miss its first figures, and need not be asked of the rest."""
        entry = self._counts.get(id(reading))
        if entry is not None or top is None:
            return self.counts(reading)
        explained = sure = unfitted = 0
        left = len(self.figures)
        for figure in self.figures:
            left -= 1
            found = self.fit(reading, figure)
            if found is not None:
                explained += 1
                sure += found.level == 2
                unfitted += not found.fitted
            if (explained + left, sure + left, unfitted + left) < top:
                return None
        counts = explained, sure, unfitted
        self._counts[id(reading)] = (reading, counts)
        return counts


def _fitted_loads(series: Series, options: Sequence[Reading]) -> list[Decimal]:
    """Front-end loads that make some reading give the first figure, to the nearest quarter percent.

    With the load ``L`` a series costs ``B L/100 + (1 - L/100) C`` where ``C`` is its cost without a
    load, so the first figure (where the load weighs most) and each reading give one candidate;
    sales charges are set in quarter percents (5.75%, 4.5%, 2.25%).
    """
    figure = series.figures[min(series.figures)]
    found: set[Decimal] = set()
    for reading in options:
        cost = reading.costs[figure.years - 1]
        if figure.value <= cost + DOLLAR or reading.basis <= cost:
            continue
        load = (4 * HUNDRED * (figure.value - cost) / (reading.basis - cost)).to_integral_value() / 4
        if 0 < load <= MAX_LOAD:
            found.add(load)
    return sorted(found)


def check_series(table: Table, series: Series, inputs: Inputs, all_inputs: dict[str, Inputs],
                 facts: Facts) -> list[Finding]:
    """Findings for one series against every reading; the reading that explains most wins."""
    options = readings(inputs, series.key, all_inputs, facts.context, facts.bases, terms=facts.waiver_terms)
    figures = [series.figures[y] for y in sorted(series.figures)]
    judge = _Judge(series, inputs, facts, figures)
    best = judge.best(options)
    if facts.fit_load and judge.counts(best)[1] < len(figures):
        loads = _fitted_loads(series, options)
        if loads:
            options += readings(inputs, series.key, all_inputs, facts.context, facts.bases, loads,
                                facts.waiver_terms)
            best = judge.best(options)
    explanations = [judge.explain(best, f) for f in figures]
    if any(e.fitted for e in explanations):
        if sum(1 for e in explanations if e.level) >= max(2, len(figures) - 1):
            return [_unstated_charges(table, series, inputs, best, explanations, figures[0])]
        judge = _Judge(series, inputs, dataclasses.replace(facts, fit_load=False, fit_cdsc=False), figures)
        options = [o for o in options if not o.fitted]
        best = judge.best(options)  # fitted charges explain too little to say the class has any
        explanations = [judge.explain(best, f) for f in figures]
    findings: list[Finding] = []
    charged: Decimal | None = None
    for figure, found in zip(figures, explanations, strict=True):
        level, expected, charge = found.level, found.expected, found.charge
        rising = level > 0 and charged is not None and charge > charged
        if level > 0:
            charged = charge
        if rising:
            findings.append(finding(
                "expense_example", "error", table.id, figure.where, text(expected - charge), text(figure.value),
                f"{series.name}, {figure.years} years: ${text(figure.value)} needs a deferred sales charge of "
                f"${text(charge)}, more than in an earlier year; deferred charges only decline",
            ))
            continue
        if level == 2 or (level == 1 and any(
            (e := judge.fit(other, figure)) is not None and e.level == 2 for other in options
        )):
            continue
        period = f"{figure.years} year" + ("s" if figure.years > 1 else "")
        basis = best.describe(inputs)
        other_method = next((o for o in options if o.method != best.method and o.same_inputs(best)
                             and judge.fit(o, figure) is not None), None)
        severity: Severity
        if level == 1:
            message = (f"{series.name}, {period}: ${text(figure.value)} is explained only by a reading the "
                       f"filing does not state ({basis}; a half-percent deferred charge, the other waiver "
                       "period or a conversion the text does not state)")
            severity = "warning"
        elif other_method is not None:
            message = (f"{series.name}, {period}: ${text(figure.value)} fits only {other_method.describe(inputs)}, "
                       f"while the other figures fit {basis}")
            severity = "warning"
        else:
            message = (f"{series.name}, {period}: {best.investment} at 5% with {basis} costs ${text(expected)}, "
                       f"but the example shows ${text(figure.value)}")
            severity = "error"
        findings.append(finding("expense_example", severity, table.id, figure.where, text(expected),
                                text(figure.value), message))
    return findings


def _unstated_charges(table: Table, series: Series, inputs: Inputs, best: Reading,
                      explanations: Sequence[Explanation], first: Figure) -> Finding:
    """``info`` for a series that needs sales charges no fee table of the document states."""
    parts = []
    if best.fitted:
        parts.append(f"a front-end sales charge of about {text(best.load)}%")
    deferred = [e.charge * 100 / best.basis for e in explanations if e.fitted and e.charge]
    if deferred:
        parts.append("deferred sales charges of " + ", ".join(f"{text(d.normalize())}%" for d in deferred))
    return finding(
        "expense_example", "info", table.id, first.where, "", text(first.value),
        f"{series.name}: the figures need {' and '.join(parts)}, which no fee table in the document states, "
        f"so they could not be checked ({best.describe(inputs)})",
    )


def expense_example(table: Table, related: Sequence[Table], filed: date | None = None) -> list[Finding]:
    """Recompute every figure of an example table from the fee table of the same document;
    ``filed``: the date the filing was made, where known (the term of a dated waiver)."""
    all_series = example_series(table)
    if not all_series:
        return []
    index = document_index([table, *related])
    return _recomputed(table, index, all_series, indexed_class_inputs(table, index)[0], filed)


def example_order(table: Table, related: Sequence[Table] = ()) -> list[Finding]:
    """The 1, 3, 5 and 10-year figures increase, in series where no deferred charge falls away
    (or stay at $0, where every fee is waived)."""
    return _ordered(table, example_series(table), class_inputs(table, related)[0])


def example_checks(table: Table, related: Sequence[Table], filed: date | None = None) -> list[Finding]:
    """:func:`indexed_example_checks` of ``table`` among ``related``, the other tables of its document."""
    return indexed_example_checks(table, document_index([table, *related]), filed)


def indexed_example_checks(table: Table, index: DocumentIndex, filed: date | None = None) -> list[Finding]:
    """:func:`expense_example` and then :func:`example_order` findings, with the series and the
    fee-table inputs read once for both; ``index`` holds the tables of the example's document,
    ``filed`` is the date the filing was made, where known."""
    all_series = example_series(table)
    if not all_series:
        return []
    inputs, _ = indexed_class_inputs(table, index)
    return _recomputed(table, index, all_series, inputs, filed) + _ordered(table, all_series, inputs)


def _recomputed(table: Table, index: DocumentIndex, all_series: list[Series],
                inputs: dict[str, Inputs], filed: date | None = None) -> list[Finding]:
    """:func:`expense_example` findings of the (non-empty) series of an example table."""
    context = indexed_document_context(table, index)
    terms = waiver_terms(context, filed)
    bases = example_bases(table)
    schedules = index.schedules(table)
    findings: list[Finding] = []
    keys = {s.key for s in all_series}
    priced = [k for k, v in inputs.items() if (v.gross is not None or v.net is not None) and not k.startswith("id:")]
    for series in all_series:
        first = series.figures[min(series.figures)]
        known = lookup_series(inputs, series)
        if known is None and len(keys) == 1 and len(priced) == 1:
            known = lookup(inputs, priced[0])  # one class on each side: the names need not agree
        if known is None:
            why = "no fee table in the same document" if not inputs else "no matching class in the fee table"
            findings.append(finding(
                "expense_example", "info", table.id, first.where, "", text(first.value),
                f"{series.name}: {why}, so the example figures could not be recomputed",
            ))
            continue
        unknown_load = known.load is None
        facts = Facts(context, schedules, bases, unknown_load, unknown_load and known.cdsc is None, terms)
        findings.extend(check_series(table, series, known, inputs, facts))
    return findings


def _ordered(table: Table, all_series: list[Series], inputs: dict[str, Inputs]) -> list[Finding]:
    """:func:`example_order` findings of the series of an example table."""
    findings: list[Finding] = []
    for series in all_series:
        known = lookup_series(inputs, series)
        cdsc = known.cdsc if known is not None else None
        if series.redeemed is not False and ((cdsc is None and series.redeemed) or cdsc):
            continue
        ordered = [series.figures[y] for y in sorted(series.figures)]
        for before, after in itertools.pairwise(ordered):
            if after.value > before.value or after.value == before.value == 0:
                continue  # nothing paid in either period: every fee waived
            findings.append(finding(
                "example_order", "error" if after.value < before.value else "warning", table.id, after.where,
                f"more than {text(before.value)}", text(after.value),
                f"{series.name}: the {after.years}-year figure ${text(after.value)} is not above the "
                f"{before.years}-year figure ${text(before.value)}",
            ))
    return findings
