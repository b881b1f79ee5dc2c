"""Words that say a row label runs on from one line (or table row) to the next.

Both readers meet labels broken over lines: plain text over several lines of the label column,
HTML over several ``<tr>``. A line opening in lower case or with a participle and its
preposition continues the line above, and in capitals, where no lower-case start can say so, a
line opening with a connecting word or a participle and its preposition ("NUMBER OF LOANS" /
"PURCHASED FROM MORTGAGE REPLACEMENT") does. The rules here read the words alone; each reader
weighs them with its own layout evidence.
"""

from __future__ import annotations

from typing import Final

import regex

PARTICIPLE: Final = regex.compile(
    r"[A-Za-z][a-z]{1,24}ed\s+(?:on|upon|by|from|to|in|for|at|with|against|under)\b"
)
"""A line opening with a participle and its preposition ("Imposed on Purchases", "Deducted
from Fund Assets") finishes a phrase begun above: no row label starts that way, though filers
break "Maximum Sales Charge (Load) / Imposed on Purchases" by hand, far short of the column.
The word is bounded (no participle runs to 27 letters): an unbounded run of letters before
"ed" is retried from every place it could end, which is quadratic on a long run of letters
(``benchmarks/regex_linear.py``: 1 s on a 100 KB cell)."""

_CONNECTOR: Final = regex.compile(
    r"(?:[,&/(-]|\b(?-i:a)|\b(?:and|or|of|the|to|for|in|on|with|by|from|at|as|an|under|per|before|after|"
    r"including|less|plus|into|than|its|their|other|which|that|is|are)\b)$",
    regex.I,
)
"""A connecting word, a comma, a hyphen, a slash or ``(`` at the end of a label line."""
LIST_ITEM: Final = regex.compile(r"\(\w{1,3}\)\s")
"""A list item's marker, "(a) " or "(iv) ", at the start of a line."""


def runs_on(label: str) -> bool:
    """A label line that reads as the rest of the one above: it starts in lower case, with
    ``&`` or ``(`` or with a participle and its preposition ("imposed on")."""
    tail = label.lstrip()
    if not tail:
        return False
    first = tail[0]
    return first.islower() or first in "(&" or PARTICIPLE.match(tail) is not None


def left_open(label: str) -> bool:
    """A label line (its leaders and markers dropped) ending in a connecting word (not one that
    is the whole label, as "Other" is), a comma, a hyphen, a slash or a parenthesis left open:
    it runs on to the next line."""
    link = _CONNECTOR.search(label)
    if link is not None and (link.start() > 0 or not link.group()[:1].isalpha()):
        return True
    return label.count("(") > label.count(")")


CAPS_PARTICIPLE: Final = regex.compile(
    r"[A-Z]{2,25}ED\s+(?:ON|UPON|BY|FROM|TO|IN|FOR|AT|WITH|AGAINST|UNDER)\b"
)
""":data:`PARTICIPLE` in capitals ("PURCHASED FROM MORTGAGE REPLACEMENT"), bounded in the same way."""

LINK_WORDS: Final = frozenset({"OF", "AND", "OR", "FROM", "TO", "FOR", "IN", "ON", "BY", "WITH", "THAN", "INTO"})
"""Upper-case words that join two parts of a phrase and so never open a row label."""


def opens_with_link(text: str) -> bool:
    """Whether a label line opens with an upper-case connecting word (:data:`LINK_WORDS`)."""
    head, _, _ = text.lstrip().partition(" ")
    return head in LINK_WORDS


def caps_link(first: str, second: str) -> bool:
    """An upper-case label line (``first``, its leaders and markers already dropped) followed by
    one opening with an upper-case connecting word, or with a participle and its preposition
    (:data:`CAPS_PARTICIPLE`): in capitals there is no lower-case start to say the second runs
    on, those words say it instead."""
    if not first.isupper():
        return False
    return opens_with_link(second) or CAPS_PARTICIPLE.match(second.lstrip()) is not None
