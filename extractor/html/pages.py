"""A table that a page break cuts into two ``<table>`` elements.

Typesetting software writes each printed page of a long table as a table of its own, the column
headers repeated on the new page (or left off), with the page's end between them: a rule or an
element styled ``page-break-before``/``after``, and perhaps a page number or a "Table of Contents"
link. Read apart, the second part has no heading rows of its own (a fee table's total without
the fees it adds up). The parts are one table when nothing but such page furniture stands between
them and they head the same columns.
"""

from __future__ import annotations

from itertools import chain

import regex

from .dom import STYLE, Element, local_name

_BREAK_STYLE = regex.compile(r"(?:page-)?break-(?:before|after)\s*:\s*(?:always|page|left|right)", regex.I)
_FURNITURE = regex.compile(
    r"table\s+of\s+contents|\(?\s*continued\s*\)?|\bpage\b|(?<![\w.,])[a-z]{0,3}-?\d{1,4}(?![\w.,%])|[-\u2013\u2014|]"
    r"|\b(?:summary\s+)?prospectus\b|\bstatement\s+of\s+additional\s+information\b|\bSAI\b",
    regex.I,
)
"""What a page break leaves between two parts of a table: page numbers ("12", "- 12 -", "A-3",
"Page 4"), a "Table of Contents" link, "(continued)", a running footer naming the document
("Prospectus | 12", "Statement of Additional Information")."""
GAP_CHARS = 120
"""Longer text between two tables is prose: the tables are two."""
WALK_LIMIT = 200
"""Elements looked at between two tables; a longer stretch is no page break."""


def _breaks_page(el: Element) -> bool:
    if local_name(el) == "hr":
        return True
    style = el.get(STYLE)
    return style is not None and ("break" in style or "BREAK" in style) and _BREAK_STYLE.search(style) is not None


def rows_break_page(above: Element, below: Element) -> bool:
    """Whether a page break is marked from the ``<tr>`` ``above`` to the ``<tr>`` ``below`` (both
    included, siblings in one table section): a rule or a page-break style in any of them."""
    for tr in chain((above,), above.itersiblings()):  # lazily: the rows after ``below`` are not read
        if any(_breaks_page(el) for el in tr.iter() if isinstance(el.tag, str)):
            return True
        if tr is below:
            return False
    return False


def page_break_between(first: Element, second: Element) -> bool:
    """Whether only a page break, and the page furniture around it, stands between the two
    elements (``second`` after ``first`` in the document)."""
    containing = set(second.iterancestors())
    gap: list[str] = []
    broken = False
    seen = 0
    here: Element | None = first
    while here is not None and here not in containing:
        if here.tail:
            gap.append(here.tail)
        for sib in here.itersiblings():
            for el in sib.iter():
                if el is second:
                    text = " ".join("".join(gap).split())
                    return broken and len(text) <= GAP_CHARS and not _FURNITURE.sub("", text).strip()
                seen += 1
                if seen > WALK_LIMIT:
                    return False
                if isinstance(el.tag, str):
                    broken = broken or _breaks_page(el)
                    if el.text:
                        gap.append(el.text)
                if el.tail and el not in containing:
                    gap.append(el.tail)
        here = here.getparent()
    return False
