"""The dot-leader pattern, reordered so that ``re`` can scan for its first dot, finds what the
look-behind-first form found, in both engines, from every offset of lines with leaders."""

from __future__ import annotations

import re

import regex

from extractor.text.chunks import _ASCII_LEADER_INTO, _LEADER_INTO

_LOOK_BEHIND_FIRST = r"(?<!\.)\.{2,}+(?= ?+[$(\-\d])"

_LINES = [
    "Total expenses.......................   $  1,234   $ (5,678)",
    "Net assets, end of period ($000).....  12.5%  .. 3 ...",
    "a..1  ...1  a. .1  ..  a...  x.....$  x.. (  x..-  x.. 1  x..  1",
    ".a..1 1..2..3 .... . x.1 ....-0- ..\u0661 \u2026..(7)",
]


def test_leader_pattern_matches_the_look_behind_first_form() -> None:
    for engine, ours in ((re, _ASCII_LEADER_INTO), (regex, _LEADER_INTO)):
        reference = engine.compile(_LOOK_BEHIND_FIRST)
        for line in _LINES:
            for at in range(len(line) + 1):
                expected = reference.search(line, at)
                found = ours.search(line, at)
                assert (found and found.span()) == (expected and expected.span()), (line, at)
