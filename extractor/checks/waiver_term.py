"""How many years of the expense example a contractual waiver covers, from the dates the filing states.

A fee waiver is agreed "through April 30, 2027"; the example may reflect it only for the years it
is expected to run, and the gross ratio after (Form N-1A, Item 3, Instruction 4(a)). The term is
that end date against the date of the document: the date the prose gives it ("Prospectus dated
April 28, 2025", "Supplement dated ...") or, where the prose gives none, the date the filing was
made (the SEC header's ``FILED AS OF DATE``). A waiver that ends a year and three quarters after
that date may be counted for one year or for two (filings differ on a part year), one that ends
two years and a month after it for two only; a waiver whose term cannot be read (no end date, no document date, an
end date before the document's) leaves every term open, as the checks have always done.
"""

from __future__ import annotations

import math
from datetime import date
from functools import lru_cache
from typing import Final

import regex

_MONTHS: Final = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_DATE: Final = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>(?:19|20)\d\d)\b"
)
_DOCUMENT_DATE: Final = regex.compile(r"\bdated\s+(?:as\s+of\s+)?" + _DATE, regex.I)
"""The date a prospectus or supplement gives itself ("Prospectus dated April 28, 2025")."""
_END_DATE: Final = regex.compile(
    r"\b(?:until|through|thru|to|prior\s+to|before)\s+(?:at\s+least\s+)?" + _DATE, regex.I)
"""A date something lasts until; a waiver's when its sentence speaks of one (:data:`WAIVER_WORDS`)."""
WAIVER_WORDS: Final = regex.compile(r"waiv|reimburs|limitation|\blimit\b|\bcap\b|absorb", regex.I)
_SENTENCE_END: Final = regex.compile(r"[.;](?=\s+[A-Z(\d])")
SLACK_DAYS: Final = 45
"""How far the date the term is counted from may lie from the date the prospectus took effect
(a summary prospectus is filed some days after it; a supplement's date is not the prospectus's),
and how short of a whole year a waiver may end and still count for it ("through April 30" in a
prospectus dated May 1)."""
YEAR_DAYS: Final = 365.25
LONGEST_TERM: Final = 5
"""The longest waiver term the example checks try; a longer one leaves the terms open."""


def _date(match: regex.Match[str]) -> date | None:
    try:
        return date(int(match.group("year")), _MONTHS[match.group("month")[:3].lower()], int(match.group("day")))
    except ValueError:  # "February 30"
        return None


def sentence(context: str, start: int, end: int) -> str:
    """The sentence of ``context`` around ``start:end``, as far as punctuation tells."""
    before = max((m.end() for m in _SENTENCE_END.finditer(context, max(0, start - 400), start)), default=0)
    after = _SENTENCE_END.search(context, end)
    return context[before:after.start() if after is not None else len(context)]


def waiver_end_dates(context: str) -> tuple[date, ...]:
    """The dates the prose says a waiver or expense limitation lasts until, in order of first mention."""
    found: list[date] = []
    for match in _END_DATE.finditer(context):
        end = _date(match)
        if end is not None and end not in found and WAIVER_WORDS.search(
                sentence(context, match.start(), match.end())) is not None:
            found.append(end)
    return tuple(found)


def document_dates(context: str) -> tuple[date, ...]:
    """The dates the prose gives the document itself ("dated April 28, 2025"), in order; the
    word is looked for before the pattern, which is much slower than a plain search."""
    found: list[date] = []
    if "dated" not in context.casefold():
        return ()
    for match in _DOCUMENT_DATE.finditer(context):
        day = _date(match)
        if day is not None and day not in found:
            found.append(day)
    return tuple(found)


def terms_between(start: date, end: date) -> range | None:
    """The numbers of years a waiver running from ``start`` to ``end`` may be counted for: the
    whole years it runs, and a last part year of half a year or more (filings differ on it, and
    the date counted from may lie months after the prospectus's); ``None`` when the end is before
    the start or after the longest term tried."""
    days = (end - start).days
    if days <= 0:
        return None
    shortest = max(1, math.floor((days + SLACK_DAYS) / YEAR_DAYS))
    longest = max(shortest, round(days / YEAR_DAYS))
    if longest > LONGEST_TERM:
        return None
    return range(shortest, longest + 1)


@lru_cache(maxsize=64)
def waiver_terms(context: str, filed: date | None) -> frozenset[int] | None:
    """The years the example may count a waiver for, by the dates of ``context`` (and the date
    the filing was made, where the prose dates the document nowhere); ``None`` when they do not
    tell, and every term is tried as before. Several waivers (of several funds or classes) give
    every term any of them allows. Cached: each series of an example asks of the same context."""
    starts = document_dates(context) or ((filed,) if filed is not None else ())
    if not starts:
        return None  # nothing to count from: the end dates need not be looked for
    ends = waiver_end_dates(context)
    terms: set[int] = set()
    for start in starts:
        for end in ends:
            found = terms_between(start, end)
            if found is None:
                return None
            terms.update(found)
    return frozenset(terms) if terms else None
