"""When the label of one table row is the rest of the label above it, wrapped onto a new ``<tr>``.

HTML converted from text filings, and some hand-made pages, break a long row label over two rows
of the table, the values on the first or the last. Only the words can tell such a break from a
heading above a row, so these rules read the text alone.
"""

from __future__ import annotations

from ..wrapping import LIST_ITEM, caps_link, left_open, opens_with_link, runs_on


def _runs_on(label: str) -> bool:
    """:func:`~extractor.wrapping.runs_on`, but a row opening with a list item's marker, "(a)",
    is an item of its own: in HTML such rows are items of a list, while in plain text "(1) a 5%
    return" is as often the rest of a sentence broken before it."""
    return runs_on(label) and LIST_ITEM.match(label.lstrip()) is None


def continues(first: str, second: str, after: str = "") -> bool:
    """Whether the label ``second`` is the rest of ``first``, wrapped onto the next row.

    Only the text can say so: ``first`` is left open (:func:`~extractor.wrapping.left_open`), or
    ``second`` reads as a continuation (:func:`_runs_on`) while ``after``, the label of the row
    below it, does not: rows that all start in lower case are a list under ``first`` ("Class A"
    over "if you sell", "if you hold"), not its rest. In capitals, ``second`` opening with a
    connecting word under an upper-case ``first`` ("CAPITALIZED INTEREST DEPOSIT" / "FOR
    CERTIFICATE ACCOUNT", :func:`~extractor.wrapping.caps_link`) reads as a continuation in the
    same way, unless ``after`` opens with one too (a list: "FOR PURCHASES UNDER $50,000", "FOR
    PURCHASES OVER").
    A label ending in a colon introduces the rows below it, and one without a letter is no
    phrase to continue.
    """
    head = first.rstrip()
    if not second.strip() or head.endswith(":") or not any(ch.isalpha() for ch in head):
        return False
    if left_open(head) or (_runs_on(second) and not _runs_on(after)):
        return True
    return caps_link(head, second) and not opens_with_link(after)
