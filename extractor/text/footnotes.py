"""Footnotes of a table: ``<FN>`` blocks inside it and marked notes right under it.

The validator reads waiver terms and conversion periods from these, so the text is kept whole;
the marker (``*``, ``#``, ``(1)``, ``/1/``, ``<F1>``, a bare number) is split off.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import regex

from ..model import Footnote

_MARKER: Final = regex.compile(
    r"[ \t]*+(<F\d{1,3}>|/\d{1,2}/|\(\s*+[0-9a-z]{1,2}\s*+\)|\[[0-9a-z]{1,2}\]|[*#\u2020\u2021]++"
    r"|\d{1,2}\.?+(?= )|[a-z]\)(?= ))[ \t]*+(.*+)",
    regex.I,
)
MAX_GAP: Final = 3


def parse_footnotes(lines: Sequence[str]) -> tuple[list[Footnote], int]:
    """Footnotes at the top of ``lines`` and how many lines they take (0 when none)."""
    notes: list[tuple[str, list[str]]] = []
    blank = 0
    used = 0
    for i, raw in enumerate(lines):
        text = raw.strip()
        if not text or text.upper() in ("<FN>", "</FN>", "<PAGE>"):
            blank += 1
            if blank > MAX_GAP and notes:
                break
            continue
        m = _MARKER.match(raw)
        if m is not None and m.group(2).strip():
            if _numbered_heading(m.group(1), lines, i, blank, notes):
                break
            notes.append((m.group(1), [m.group(2).strip()]))
        elif notes and not blank:
            notes[-1][1].append(text)
        else:
            break
        blank = 0
        used = i + 1
    return [Footnote(marker, " ".join(parts)) for marker, parts in notes], used


_SENTENCE_END = frozenset(".:;!?)")


def _numbered_heading(
    marker: str, lines: Sequence[str], at: int, blank: int, notes: Sequence[tuple[str, list[str]]]
) -> bool:
    """Whether a line opening with a bare number and a full stop ("6. Restricted securities")
    is the numbered heading of the text below the table, not a footnote: set off by a blank
    line from what is above it, either after notes marked in another way ("(1)", "*"), or
    alone on its line between blank lines with no full stop ending it, as a heading stands."""
    if not blank or not marker.endswith(".") or not marker[:-1].isdigit():
        return False
    if any(not previous.rstrip(".").isdigit() for previous, _ in notes):
        return True
    following = lines[at + 1].strip() if at + 1 < len(lines) else ""
    return not following and lines[at].rstrip()[-1:] not in _SENTENCE_END
