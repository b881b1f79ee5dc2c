"""Which series and share class each column (or row) of a table shows, by the SEC header's list.

The tidy output carries series and class IDs: the keys that join a fee to any other data about the
class. Inline XBRL names the class of each fact it tags; without it the IDs come from the names
the table prints. A prospectus of several funds has a "Class A" in every fund, so there a class
name alone matches nothing: the series is taken from a series name in the table's caption or the
prose around it, or else from the one series that has every class the table names. A ticker is
unique and matches outright. Anything still ambiguous stays unmatched: a wrong ID is worse than
none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

import regex

from .classify.labels import normalize
from .model import Header, ShareClass, Table, XbrlFact

Match = tuple[str | None, str | None]
"""(series_id, class_id)."""

NO_MATCH: Final[Match] = (None, None)

_TICKER: Final = re.compile(r"\b[A-Z]{5}\b")
"""A mutual-fund ticker: five capitals (ETF tickers, shorter, are too like other words)."""
_ROW_KINDS: Final = frozenset({"fees", "expense_example"})
"""Tables whose rows may be classes (an example with a row per class)."""


CLASS_WORD: Final = regex.compile(r"\bclass(?:es)?\s+(?!shares?\b)([a-z0-9][a-z0-9\-]*)")
""""Class A": the name after the word; "Investor Class Shares" names its class before it."""
_NOISE: Final = regex.compile(
    r"\([^()]*\)|\b(?:shares?|class|assuming|if|you|your|no|not|redeemed|redemption|redeem|sold|held|sell|hold"
    r"|keep|do|don't|did|didn't|at|the|end|of|each|period|periods|with|without)\b|[:\-]\s*$"
)
"""Words around a class name in headers and example labels ("Class C (if you sell)", "Assuming
no redemption", "Investor Class Shares") and parentheticals (a ticker, a note)."""
_ABBREVIATION: Final = re.compile(r"^\s*[A-Za-z]+\.")
"""A name that is one word cut short with a full stop: "Inst.", "Adv."."""


def class_key(name: str) -> str:
    """Comparable name of a share class, the one reduction of a class name there is: the checks
    pair fee columns with example rows by it, and the tidy output pairs headers and labels with
    the SEC header's class names by it. ``Class A Shares``, ``A`` and ``CLASS A/1/`` give ``a``,
    ``CLASS 529-A/2/`` gives ``529-a``, ``Investor Class Shares`` gives ``investor``, ``Class C
    (if you sell)`` gives ``c``. A header over several classes ("CLASS A CLASS B") gives them
    all ("a b"), which is the name of none of them."""
    text = normalize(name)
    named = list(dict.fromkeys(CLASS_WORD.findall(text)))
    if named:
        return " ".join(str(found).strip("-") for found in named)
    text = _NOISE.sub(" ", text)
    words = [w.strip(".-:,") for w in text.split() if w.strip(".-:,")]
    return " ".join(words)


def lookup_key(name: str) -> str:
    """:func:`class_key` of a name looked up in a :class:`ClassIndex`: an abbreviation ("Inst.")
    keeps its full stop, which makes the index match it by prefix ("institutional"). Only the
    tidy matcher reads abbreviations so: the checks pair names a filing writes alike in its fee
    table and its example."""
    key = class_key(name)
    return key + "." if key and " " not in key and _ABBREVIATION.match(name) else key


_WORD: Final = re.compile(r"[\w&]+")
"""A word of a series name or of the prose it is looked for in: "Fund's" and "FUND." give "fund"."""


class ClassIndex:
    """A header's classes, indexed once per filing: a submission may list thousands, and every
    look-up below is a dictionary access or bounded, never a scan of the list."""

    __slots__ = (
        "by_key",
        "by_series_key",
        "by_ticker",
        "name_lengths",
        "series_by_key",
        "series_by_name",
        "series_of_class",
    )

    def __init__(self, header: Header) -> None:
        self.series_of_class: dict[str, str | None] = {}
        self.by_ticker: dict[str, ShareClass | None] = {}
        self.by_key: dict[str, list[ShareClass]] = {}
        self.series_by_key: dict[str, set[str | None]] = {}
        self.by_series_key: dict[tuple[str | None, str], list[ShareClass]] = {}
        self.series_by_name: dict[tuple[str, ...], str | None] = {}
        """Series names as word tuples; a name two series share maps to None (names neither)."""
        for share in header.series:
            if share.class_id:
                self.series_of_class.setdefault(share.class_id, share.series_id)
            if share.ticker:
                ticker = share.ticker.strip().upper()
                self.by_ticker[ticker] = share if ticker not in self.by_ticker else None  # shared: no match
            if share.class_name:
                key = class_key(share.class_name)
                self.by_key.setdefault(key, []).append(share)
                self.series_by_key.setdefault(key, set()).add(share.series_id)
                self.by_series_key.setdefault((share.series_id, key), []).append(share)
            if share.series_id and share.series_name:
                words = tuple(_WORD.findall(share.series_name.lower()))
                if words and self.series_by_name.setdefault(words, share.series_id) != share.series_id:
                    self.series_by_name[words] = None
        self.name_lengths = sorted({len(words) for words in self.series_by_name}, reverse=True)

    def _keys(self, key: str) -> list[str]:
        """The index keys a reduced name stands for: itself, or for an abbreviation ending in a full
        stop (``Inst.``) every key it begins."""
        if not key.endswith("."):
            return [key]
        stem = key.rstrip(".")
        return [k for k in self.by_key if stem and k.startswith(stem)]

    def candidates(self, key: str, series: str | None) -> list[ShareClass]:
        """The classes a reduced name may be, within ``series`` when it is known."""
        if series is None:
            return [share for k in self._keys(key) for share in self.by_key.get(k, ())]
        return [share for k in self._keys(key) for share in self.by_series_key.get((series, k), ())]

    def series_with(self, key: str) -> set[str | None]:
        """The series that have a class of this reduced name."""
        found: set[str | None] = set()
        for k in self._keys(key):
            found |= self.series_by_key.get(k, set())
        return found

    def series_named_in(self, text: str) -> str | None:
        """The one series whose name ``text`` holds. At each word the longest name is taken and the
        words it covers are passed over, so "Growth Fund II" does not also name "Growth Fund"."""
        words = _WORD.findall(text.lower())
        found: set[str | None] = set()
        at = 0
        while at < len(words):
            for length in self.name_lengths:
                if (name := tuple(words[at:at + length])) in self.series_by_name:
                    found.add(self.series_by_name[name])
                    at += length
                    break
            else:
                at += 1
        return found.pop() if len(found) == 1 else None


def _one(shares: Sequence[ShareClass]) -> Match:
    return (shares[0].series_id, shares[0].class_id) if len(shares) == 1 else NO_MATCH


def _by_ticker(index: ClassIndex, text: str) -> Match:
    for ticker in _TICKER.findall(text):
        share = index.by_ticker.get(ticker)
        if share is not None:
            return share.series_id, share.class_id
    return NO_MATCH


_MOST_SERIES_TO_INTERSECT: Final = 50
"""Past this many series with a class of some name, "the one series with every class" is not
worked out (it would cost a pass over them for every table); the table stays unmatched."""


def _series_of_table(index: ClassIndex, table: Table, keys: Sequence[str]) -> str | None:
    """The series a table belongs to: named near it, or the only one with every class it names."""
    named = index.series_named_in(f"{table.caption} {table.context}")
    if named is not None:
        return named
    sets = sorted((found for key in keys if (found := index.series_with(key))), key=len)
    if not sets or len(sets[0]) > _MOST_SERIES_TO_INTERSECT:
        return None
    common = set(sets[0])
    for found in sets[1:]:
        common &= found
    return common.pop() if len(common) == 1 else None


def _tagged_series(table: Table, column: int) -> str | None:
    """The series the column's inline XBRL facts name (a document without an SEC header)."""
    for row in table.rows:
        if column < len(row.cells):
            fact = row.cells[column].xbrl
            if fact is not None and fact.series_id:
                return fact.series_id
    return None


def table_classes(index: ClassIndex, table: Table) -> tuple[list[Match], list[Match]]:
    """(series_id, class_id) of each column, and of each row for a fee table or example whose rows
    are classes (otherwise all unmatched); a cell takes its column's, else its row's."""
    columns = [_column_class(index, table, i) for i in range(len(table.columns))]
    unmatched_rows = [NO_MATCH] * len(table.rows)
    if not index.by_key and not index.by_ticker:
        return columns, unmatched_rows
    column_keys = [lookup_key(name) for name in table.columns]
    row_keys = [lookup_key(row.label) for row in table.rows] if table.kind in _ROW_KINDS else []
    keys = [k for k in (*column_keys, *row_keys) if k]
    ambiguous = any(len(index.series_with(k)) > 1 for k in keys)
    series = _series_of_table(index, table, keys) if ambiguous else None
    for i, (key, name) in enumerate(zip(column_keys, table.columns, strict=True)):
        if columns[i] == NO_MATCH and key:
            columns[i] = _by_ticker(index, name)
            if columns[i] == NO_MATCH:
                columns[i] = _one(index.candidates(key, series))
    if not row_keys or all(match != NO_MATCH for match in columns):
        return columns, unmatched_rows
    rows = [_one(index.candidates(key, series)) if key else NO_MATCH for key in row_keys]
    return columns, rows


def _column_class(index: ClassIndex, table: Table, column: int) -> Match:
    tagged = table.column_classes
    class_id = tagged[column] if tagged is not None and column < len(tagged) else None
    if not class_id:
        return NO_MATCH
    series = index.series_of_class.get(class_id) or _tagged_series(table, column)
    return series, class_id


def cell_class(index: ClassIndex, fact: XbrlFact | None, column: Match, row: Match) -> Match:
    """A cell's series and class: its own inline XBRL fact's (the surest), else its column's, else
    its row's."""
    if fact is not None and fact.class_id:
        return fact.series_id or index.series_of_class.get(fact.class_id), fact.class_id
    return column if column != NO_MATCH else row
