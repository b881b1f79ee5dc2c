"""When the label of one table row is the rest of the label above it, wrapped onto a new ``<tr>``.

HTML converted from text filings, and some hand-made pages, break a long row label over two rows
of the table, the values on the first or the last. Only the words can tell such a break from a
heading above a row, so these rules read the text alone.
"""

from __future__ import annotations

import regex

from ..wrapping import PARTICIPLE, caps_link, opens_with_link

_OPEN_END = regex.compile(
    r"(?:[,&/(-]|\s(?:and|or|of|the|to|for|in|on|with|by|from|at|as|(?-i:a)|an|under|per|including|less|plus|"
    r"into|than|its|their|which|that|is|are))$",
    regex.I,
)
"""A label line ending in a connecting word (after some other word), a comma, a hyphen or ``(``."""
_LIST_ITEM = regex.compile(r"^\(\w{1,3}\)\s")


def _runs_on(label: str) -> bool:
    """A label that reads as the rest of the one above: it starts in lower case, with ``(`` (not
    a list item such as ``(a)``) or with a participle and its preposition ("imposed on")."""
    tail = label.lstrip()
    if not tail:
        return False
    return tail[0].islower() or PARTICIPLE.match(tail) is not None or (
        tail[0] == "(" and _LIST_ITEM.match(tail) is None)


def _left_open(label: str) -> bool:
    """A label ended by a connecting word, a comma, a hyphen or an unclosed parenthesis."""
    return _OPEN_END.search(label) is not None or label.count("(") > label.count(")")


def continues(first: str, second: str, after: str = "") -> bool:
    """Whether the label ``second`` is the rest of ``first``, wrapped onto the next row.

    Only the text can say so: ``first`` is left open (:func:`_left_open`), or ``second`` reads as
    a continuation (:func:`_runs_on`) while ``after``, the label of the row below it, does not:
    rows that all start in lower case are a list under ``first`` ("Class A" over "if you sell",
    "if you hold"), not its rest. In capitals, ``second`` opening with a connecting word under
    an upper-case ``first`` ("CAPITALIZED INTEREST DEPOSIT" / "FOR CERTIFICATE ACCOUNT",
    :func:`~extractor.wrapping.caps_link`) reads as a continuation in the same way, unless
    ``after`` opens with one too (a list: "FOR PURCHASES UNDER $50,000", "FOR PURCHASES OVER").
    A label ending in a colon introduces the rows below it, and one without a letter is no
    phrase to continue.
    """
    head = first.rstrip()
    if not second.strip() or head.endswith(":") or not any(ch.isalpha() for ch in head):
        return False
    if _left_open(head) or (_runs_on(second) and not _runs_on(after)):
        return True
    return caps_link(head, second) and not opens_with_link(after)
