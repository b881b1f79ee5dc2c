"""Rows of a table section: data lines, wrapped labels merged, in-body header rows found.

A row label that does not fit its column wraps over several lines; filers put the values on
the first label line (the seed) or on the last (most financial statements), and separate rows
either with dashed rules or blank lines or not at all. Where rules or blanks cut the body into
blocks of one data line each, a block is a row. Elsewhere the wrap is read from the text: a line
that starts in lower case, follows a label ending in a connecting word or an open parenthesis, or
is indented under its first line belongs to that label; a line ending in a colon is a heading
row of its own; a line whose successor's first word would have fitted on it ends its label.
What the text leaves open is settled by the convention the section shows elsewhere (a table is
consistent in where it puts the values of a wrapped label).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

import regex

from ..model import EMPTY_CELL, Row
from ..values import parse_cell, split_markers
from ..wrapping import caps_link, left_open, runs_on
from .chunks import Chunk, strip_leaders
from .columns import Placed
from .lines import Line, continues_text

_FULL = 0.6
_ROOM = 6
"""Room to spare, about one word, before a next word counts as having fitted on a line: a
filer wrapping a label by hand breaks a little short of the column, never a word early."""
_HAND_ROOM = 10
"""How far short of the column a filer breaking a label by hand may break it: by up to a short
word or two (``_ROOM`` is the one word a line certainly breaks short by)."""
_LOOKAHEAD = 40
_MARGIN_TEXT = 8


@dataclass(slots=True)
class Draft:
    """A row being assembled: its label lines and the data line that carries its cells."""

    labels: list[Line] = field(default_factory=list)
    data: Line | None = None

    def text(self) -> str:
        """The label lines joined, leaders dropped (most rows have one line: no join then)."""
        if len(self.labels) == 1:
            return strip_leaders(self.labels[0].placed.label_text)
        return " ".join(filter(None, (strip_leaders(line.placed.label_text) for line in self.labels)))


def _complete(line: Line) -> bool:
    """A label ended by dot leaders or a colon does not run on to the next line."""
    return _ends_label(line.placed.label_text)


_INITIAL_END = regex.compile(r"(?<![A-Za-z])[A-Z]\.$")
"""A single capital letter and a dot at the end of a label: an initial."""


@lru_cache(maxsize=8192)
def _ends_label(label: str) -> bool:
    """:func:`_complete` for a label's text (cached: every joining rule asks it again).

    A lone dot set apart by a space is the rest of a spaced leader (:func:`strip_leaders`). A
    label that ends in an initial ("Dr. Manuel H.", "N.W.") is a name or an address broken
    after it, not one ended by leaders, though it holds two dots."""
    raw = label.rstrip()
    leaders = raw.endswith(".") or raw.endswith("__")
    if raw.endswith(":") or raw.endswith(" ."):
        return True
    return leaders and raw.count(".") >= 2 and _INITIAL_END.search(raw) is None


def _joins(first: Line, second: Line, row: Line | None = None) -> bool:
    """Whether ``second`` continues the label begun on ``first``.

    An indented ``second`` is the rest of a wrapped label unless the row it leads to
    (``row``, default ``second``) is one of a list at its indent: then it is a heading's
    child. A first line that fills the label column, or a row right after which the outer
    list resumes, says wrap.
    """
    if _complete(first):
        return False
    if not second.label or _must_join(first, second):
        return True
    end = second if row is None else row
    if second.indent <= first.indent or end.sibling(second.indent):
        return False
    return _full(first)


def _full(line: Line) -> bool:
    """A label line that nearly fills its column: it wrapped, it is not a short heading."""
    end = line.placed.label[-1].end if line.placed.label else 0
    return end - line.base >= _FULL * (line.width - line.base)


def _heading(line: Line) -> bool:
    """A label line ending in a colon introduces the rows after it: a heading, not a tail."""
    return line.label.rstrip().endswith(":")


def _parent(line: Line, following: Line) -> bool:
    """A label line with the next line indented under it: a heading over its items ("Other
    Expenses" above "  Shareholder Servicing Fees"), neither a label's tail nor its head."""
    return following.indent > line.indent and not _must_join(line, following)


def _hanging(first: Line, line: Line) -> bool:
    """A line indented under a row's first label line, with no line of its own indent or
    deeper after it (not a list of children), hangs from that label: its continuation."""
    if line.indent <= first.indent or _heading(line):
        return False
    return not line.sibling(line.indent) and not (line.after and line.after[0] > line.indent)


def _flush(pending: list[Line], drafts: list[Draft]) -> None:
    """Pending label lines that joined nothing become heading rows (wrapped ones merged)."""
    for line in pending:
        if drafts and drafts[-1].data is None and drafts[-1].labels and _joins(drafts[-1].labels[-1], line):
            drafts[-1].labels.append(line)
        else:
            drafts.append(Draft([line]))
    pending.clear()


def _merge_block(block: Sequence[Line]) -> list[Draft] | None:
    """A rule-bounded block with one data line is one row, label lines around it included, but
    for an upper-case heading over a mixed-case label ("CLASS B - BEGAN 3/15/00" over "Before
    Taxes"), which is a row of its own, as it is over a block of several rows."""
    data = [i for i, line in enumerate(block) if line.kind == "data"]
    if len(data) != 1:
        return None
    at = data[0]
    drafts: list[Draft] = []
    row = Draft(data=block[at])
    start = at
    while start > 0 and block[start - 1].kind == "label" and not _complete(block[start - 1]):
        if _case_changes(block[start - 1], block[start]) and not _must_join(block[start - 1], block[start]):
            break
        start -= 1
    for line in block[:start]:
        if line.kind == "label":
            drafts.append(Draft([line]))
    row.labels = [line for line in block[start:at] if line.kind == "label"] + [block[at]]
    stop = at + 1
    while stop < len(block) and block[stop].kind == "label" and not _complete(row.labels[-1]):
        row.labels.append(block[stop])
        stop += 1
    drafts.append(row)
    drafts.extend(Draft([line]) for line in block[stop:] if line.kind == "label")
    return drafts


def _join_continued(block: list[Line]) -> list[Line]:
    """The block with each unlabelled data line that continues the labelled data line above it
    joined into that line: one whose text lies under that line's text cells (a description
    wrapped in its column) and whose values, if any, fill columns that line left empty ("sales
    charge reduced ... / sold without ... during first year   0.25%": the row's fee, set on the
    last line of its wrapped description). The line must come right under the one it continues
    in the filing: a line the reader left out between them (a repeated header) ends the row. A
    line under an unlabelled one is not joined: both are headings ("Common Stocks (74.3%)" over
    "Advertising (0.5%)") as often as one text. A labelled line is joined the same way when its
    label reads as the rest of the label above (:func:`_runs_on`: "Contingent deferred" over
    "sales charge", each beside a line of one wrapped description): label and text cell wrap
    together. Most blocks have no such line: they are returned as they are."""
    if not _may_continue(block):
        return block
    out: list[Line] = []
    above = -1
    after = -1
    for line in block:
        number = line.token.line
        if number == after and line.kind == "data" and _joins_row(out[above], line):
            out[above] = _joined(out[above], line)
            after = number + 1
            continue
        out.append(line)
        above = len(out) - 1
        after = number + 1 if line.kind == "data" and line.placed.label else -1
    return out


def _may_continue(block: Sequence[Line]) -> bool:
    """Whether a line under the first of a block is a data line without a label or with one
    that reads as the rest of a label (:func:`_runs_on`): only such a line can continue the line
    above it (:func:`_join_continued`). A plain loop, stopped at the first: it runs on every
    block of every section, and a generator paid a resumption per line."""
    for line in block[1:]:
        if line.kind == "data" and (not line.placed.label or _runs_on(line.placed.label_text)):
            return True
    return False


def _record(block: Sequence[Line]) -> bool:
    """Whether a block of several lines is one record: its first line a labelled line with
    cells, every line under it without a value, its text (if any) under the text cells of the
    first line (a value's column takes no text) ("Guilford C.   Director   1991   Emeritus Professor of Finance," over
    "Babcock      Marshall School of Business," and "Age: 71      University of Southern"):
    the name and the description wrap side by side down to the rule or blank line."""
    head = block[0]
    if head.kind != "data" or not head.placed.label:
        return False
    texts = {col for col, chunks in head.placed.cells.items() if not any(c.data for c in chunks)}
    for line in block[1:]:
        if line.kind not in ("data", "label") or line.placed.has_data:
            return False
        if not texts.issuperset(line.placed.cells):
            return False
    return any(line.placed.cells for line in block[1:])


def _join_record(block: Sequence[Line]) -> list[Line]:
    """A record block (:func:`_record`) as one line: every line's label and cells joined."""
    joined = block[0]
    for line in block[1:]:
        joined = _joined(joined, line)
    return [joined]


def _joins_row(above: Line, line: Line) -> bool:
    """Whether the data line right under ``above`` continues it: its label, if any, runs on from
    the label of ``above`` and its cells continue those of ``above``."""
    return _label_runs_on(above, line) and _continues(above, line)


def _label_runs_on(above: Line, line: Line) -> bool:
    """Whether the label of ``line`` may join that of ``above``: it has none, or it reads as the
    rest of a label that ``above`` leaves open (no leaders, no colon) and every text piece of
    ``line`` starts flush under one of ``above`` (:func:`~extractor.text.lines.continues_text`):
    a line of prose run across the columns lines up with nothing above it."""
    if not line.placed.label:
        return True
    return _runs_on(line.label) and not _ends_label(above.label) and continues_text(above, line)


def _continues(above: Line, line: Line) -> bool:
    """Whether ``line`` holds text only under text cells of ``above`` (one at least) and values
    only in columns that ``above`` leaves empty. A text cell that ends in dot leaders is complete
    (its leaders run into the row's value): a line under it is a row or a heading of its own."""
    cells = above.placed.cells
    text = False
    for col, chunks in line.placed.cells.items():
        mine = cells.get(col)
        if any(c.data for c in chunks) and not _ends_sentence(mine, chunks):
            if mine or not all(c.data for c in chunks):
                return False
        elif mine and not any(c.data for c in mine) and not mine[-1].text.endswith(".."):
            text = True
        else:
            return False
    return text


def _ends_sentence(mine: list[Chunk] | None, chunks: list[Chunk]) -> bool:
    """Whether ``chunks``, one number closed by a full stop ("1996."), end the sentence that the
    text cell ``mine`` above leaves open ("as amended through December 4,"): the year of a
    wrapped description, not a value."""
    if not mine or len(chunks) != 1 or any(c.data for c in mine):
        return False
    word = chunks[0].text
    return word.endswith(".") and word[:-1].isdigit() and _left_open(mine[-1].text)


def _joined(above: Line, line: Line) -> Line:
    """``above`` with the cells of ``line`` added to its own (a continued text cell runs on), and
    its label, if any, after the label of ``above``."""
    cells = {col: list(chunks) for col, chunks in above.placed.cells.items()}
    for col, chunks in line.placed.cells.items():
        cells[col] = cells.get(col, []) + chunks
    label, label_text = above.placed.label, above.placed.label_text
    if line.placed.label:
        label = label + line.placed.label
        label_text = f"{label_text} {line.placed.label_text}"
    placed = Placed(label, cells, label_text, above.placed.has_data or line.placed.has_data)
    return Line(above.token, placed, above.kind, above.width, above.base, above.after)


def _first_word(line: Line) -> str:
    """The label's first word, without the dot leaders that may run on from it."""
    words = strip_leaders(line.label).split(None, 1)
    return words[0] if words else ""


@lru_cache(maxsize=8192)
def _bare(label: str) -> str:
    """A label without leaders and footnote markers, whose last word is a real word."""
    return split_markers(strip_leaders(label))[0].rstrip()


def _must_join(first: Line, second: Line) -> bool:
    """Whether the text alone says ``second`` runs on from ``first``: ``second`` reads as a
    continuation (:func:`_runs_on`) or ``first`` is left open (:func:`_left_open`), unless
    only by a closing "and other" over a line that opens a label of its own (:func:`_other_end`)."""
    head, tail = first.placed.label_text, second.placed.label_text
    if not tail or _ends_label(head):
        return False
    if _runs_on(tail) or _caps_link(head, tail):
        return True
    return _left_open(head) and not (_opens(tail) and _other_end(head))


_AND_OTHER = regex.compile(r"\b(?:and|or)\s+other$", regex.I)


@lru_cache(maxsize=8192)
def _other_end(label: str) -> bool:
    """A label line ending in "and other" or "or other" ("Restructuring costs and other"): a
    whole label as often as the start of a longer one ("Interest and other" / "income, net"),
    so a next line that opens a label ("Total costs and expenses") is not its rest (cached)."""
    return _AND_OTHER.search(_bare(label)) is not None


@lru_cache(maxsize=8192)
def _runs_on(label: str) -> bool:
    """:func:`~extractor.wrapping.runs_on`: the line is the rest of the line above (cached:
    each line is asked about often)."""
    return runs_on(label)


@lru_cache(maxsize=8192)
def _left_open(label: str) -> bool:
    """:func:`~extractor.wrapping.left_open` for a label line without its leaders and markers:
    it runs on to the next line (cached)."""
    return left_open(_bare(label))


@lru_cache(maxsize=8192)
def _caps_link(first: str, second: str) -> bool:
    """:func:`~extractor.wrapping.caps_link` for two label lines ("NUMBER OF LOANS PURCHASED" /
    "FROM Mortgage Replacement"), leaders and markers dropped from the first (cached: each pair
    of lines is asked about often)."""
    return caps_link(_bare(first), second)


def _fits(first: Line, second: Line) -> bool:
    """Whether the first word of ``second`` would have fitted at the end of ``first``.

    Labels are wrapped (nearly) greedily: a line breaks when the next word does not fit, or a
    little short of that when broken by hand. So if it would have fitted with a word's room
    to spare, ``second`` is not the rest of ``first`` but a new label. The room is the widest
    label line of the section, which can only understate the filer's width.
    """
    if not first.placed.label or not second.label:
        return False
    word = _first_word(second)
    return bool(word) and first.placed.label[-1].end + 1 + len(word) + _ROOM <= first.width


def _closes_aside(line: Line) -> bool:
    """A label line that is, or ends, a parenthetical qualifier ("(as a percentage of average
    net assets)", "redemption proceeds, whichever is lower)"): the qualifier comes last in a
    fee label, so a line after it starts a new one."""
    text = _bare(line.label)
    if not text.endswith(")"):
        return False
    return text.startswith("(") or text.count(")") > text.count("(")


@lru_cache(maxsize=8192)
def _marked(label: str) -> bool:
    """A label line ending in a footnote marker ("Total Annual Fund Operating Expenses(2)"):
    a filer puts the marker after the whole label, so the label ends there (cached)."""
    text = strip_leaders(label).rstrip()
    rest, markers = split_markers(text)
    return bool(markers) and bool(rest) and not text.endswith(rest)


def _ended(line: Line) -> bool:
    """A label line that ends its label: leaders or a colon (:func:`_complete`), or a footnote
    marker (:func:`_marked`)."""
    return _complete(line) or _marked(line.label)


_OPENER = regex.compile(r"(?:Total|TOTAL)\b|[A-Z][a-z]+:\s+\S")
"""A line opening with "Total" or with a capitalised word and a colon before more text ("Less:
Fee Waivers", "Plus: Interest"): words that open a row label (a total, an adjustment), so the
line is not the rest of one. A lone "PERIOD:" or "Rate:" ends a label, it opens none."""


@lru_cache(maxsize=8192)
def _opens(label: str) -> bool:
    """Whether a label line opens with a word that starts a row label (:data:`_OPENER`)."""
    return _OPENER.match(strip_leaders(label).lstrip()) is not None


def _case_changes(first: Line, second: Line) -> bool:
    """An upper-case line above a mixed-case one: a heading ("ANNUAL FUND OPERATING EXPENSES")
    over its first row, since no filer switches case in the middle of one label."""
    head = _bare(first.label)
    return head.isupper() and sum(map(str.isalpha, head)) >= 4 and not _bare(second.label).isupper()


def _cannot_join(first: Line, second: Line) -> bool:
    """A colon or leaders end ``first``, or a closing parenthetical does, or a change from
    upper to mixed case, or the next word would have fitted on it (unless the text says
    ``second`` runs on)."""
    if _complete(first):
        return True
    ends = _fits(first, second) or _closes_aside(first) or _marked(first.label) or _case_changes(first, second)
    ends = ends or (bool(second.label) and _opens(second.label))
    return ends and not _must_join(first, second)


def wrap_convention(blocks: Sequence[Sequence[Line]], whole: frozenset[str] | None = None) -> str | None:
    """Whether wrapped labels of a section carry their values on the ``first`` or the ``last``
    label line, from the unambiguous evidence; None when there is none or it is split.

    A table is consistent in its convention, so cues that are clear somewhere decide the
    ambiguous cases elsewhere: a value line continued by an obvious run-on (lower case, after
    a connector) or followed, before a blank or rule, by more of its label says ``first``; a
    value line that obviously continues the label line above it, or label lines that open a
    block and run into its first value line, say ``last``. A label line whose next word would
    have fitted on the line above says that the two are separate labels (weaker evidence).
    Tables repeat their row labels (one group of rows per pool, class or year): where a
    label the section shows whole, on a value line of its own, comes back on a value line
    followed by label lines, those lines begin the next row (``last``); label lines that
    run into a value line and make such a whole label say ``last`` too, a value line and the
    label lines after it that make one say ``first``. ``whole`` are those labels, when the
    caller has them (:func:`_whole_labels`).
    """
    first = last = 0
    whole = _whole_labels(blocks) if whole is None else whole
    for block in blocks:
        kinds = [line.kind == "data" for line in block]
        if not any(kinds):
            continue
        for a, b in pairwise(block):
            if a.kind == b.kind or _complete(a) or _complete(b):
                continue
            joined = _must_join(a, b)
            seen = bool(whole) and _words(a, b) in whole
            if a.kind == "data":
                first += 2 if joined or seen else 0
                last += 1 if not joined and _fits(a, b) else 0
                last += 2 if whole and not seen and _words(a) in whole else 0
            else:
                last += 2 if joined or seen else 0
                first += 1 if not joined and _fits(a, b) and not _parent(a, b) else 0
        lead = kinds.index(True)
        if lead and not _cannot_join(block[lead - 1], block[lead]):
            last += 2
        end = len(kinds) - 1 - kinds[::-1].index(True)
        if end < len(block) - 1 and not _cannot_join(block[end], block[end + 1]):
            first += 2
    if first == last:
        return None
    return "first" if first > last else "last"


def _words(*lines: Line) -> str:
    """The label text of ``lines`` joined, leaders and markers dropped, in one case and spacing."""
    if len(lines) == 1:
        return _word_key(lines[0].placed.label_text)
    return " ".join([_word_key(line.placed.label_text) for line in lines])


@lru_cache(maxsize=8192)
def _word_key(label: str) -> str:
    """One label line as :func:`_words` compares it (cached: every pair of lines asks again)."""
    return " ".join(_bare(label).split()).casefold()


def _whole_labels(blocks: Sequence[Sequence[Line]]) -> frozenset[str]:
    """The labels (as :func:`_words`) of value lines with no label line right above or below
    them in their block: labels the section shows whole, on one line."""
    whole: set[str] = set()
    for block in blocks:
        for i, line in enumerate(block):
            if line.kind != "data" or not line.placed.label_text:
                continue
            if (i and block[i - 1].kind == "label") or (i + 1 < len(block) and block[i + 1].kind == "label"):
                continue
            whole.add(_words(line))
    return frozenset(whole)


def hanging_indents(blocks: Sequence[Sequence[Line]]) -> bool:
    """Whether the section indents the continuation lines of its wrapped labels, judged on
    the obvious run-ons (lower case, after a connector). Where it does, a label-only line at
    its row's own indent starts a new label."""
    deeper = flat = 0
    for block in blocks:
        for a, b in pairwise(block):
            if b.kind == "label" and _must_join(a, b):
                deeper += b.indent > a.indent
                flat += b.indent <= a.indent
    return deeper > flat


def _merge_free(
    block: Sequence[Line], convention: str | None = None, hanging: bool = False, whole: frozenset[str] = frozenset()
) -> list[Draft]:
    """Rows of a block without blanks or rules between its rows: the wrap is read from the
    text, and where the text leaves it open, from the labels the section shows ``whole``
    elsewhere (:func:`_whole_labels`) and from its convention."""
    drafts: list[Draft] = []
    run: list[Line] = []
    previous: Draft | None = None
    for line in block:
        if line.kind == "label":
            run.append(line)
            continue
        tail, head = _divide(previous, run, line, convention, hanging, whole)
        if previous is not None:
            previous.labels.extend(run[:tail])
        _flush(run[tail : len(run) - head], drafts)
        previous = Draft([*run[len(run) - head :], line], line)
        drafts.append(previous)
        run = []
    _end_run(previous, run, drafts, convention, hanging)
    return drafts


def _divide(
    previous: Draft | None,
    run: Sequence[Line],
    row: Line,
    convention: str | None,
    hanging: bool = False,
    whole: frozenset[str] = frozenset(),
) -> tuple[int, int]:
    """How many label lines between two value lines end the row above (tail) and begin the
    row below (head); the lines in between are headings. Label lines that make, with the value
    line below them or the one above, a label the section shows ``whole`` on one line elsewhere
    are that label, whatever the convention. A line indented under the row above does not hang
    from a label that its dot leaders ended ("Legal Matters ....... S-25" over a centred
    "PROSPECTUS"): it is a heading of the rows below."""
    n = len(run)
    tail = 0
    if previous is not None:
        while tail < n and (
            _must_join(run[tail - 1] if tail else previous.labels[-1], run[tail])
            or (_hanging(previous.labels[0], run[tail]) and not _complete(previous.labels[-1]))
        ):
            tail += 1
    head = 0
    while tail + head < n and _must_join(run[n - head - 1], run[n - head] if head else row):
        head += 1
    if tail + head >= n:
        return tail, n - tail
    if whole:
        head += _completes(run[tail : n - head], row, whole, below=True)
        if previous is not None and not tail:
            tail = _completes(run[: n - head], previous.labels[-1], whole, below=False)
        if tail + head >= n:
            return tail, n - tail
    if convention == "last":
        while tail + head < n and not _cannot_join(run[n - head - 1], run[n - head] if head else row):
            if hanging and (run[n - head] if head else row).indent <= row.base:
                break
            head += 1
        if not hanging:
            while tail + head < n and _unmarked(run[n - head - 1], run[n - head] if head else row):
                head += 1
        return tail, head
    if convention == "first" and previous is not None:
        while tail + head < n and not _cannot_join(run[tail - 1] if tail else previous.labels[-1], run[tail]):
            if hanging and run[tail].indent <= previous.labels[0].indent:
                break
            if run[tail].indent <= previous.labels[0].indent and _parent(run[tail], (*run, row)[tail + 1]):
                break
            tail += 1
        while tail + head < n and not hanging and not _parent(run[tail], (*run, row)[tail + 1]):
            if not _unmarked(run[tail - 1] if tail else previous.labels[-1], run[tail]):
                break
            tail += 1
        return tail, head
    return _divide_by_layout(previous, run, row, tail)


def _completes(lines: Sequence[Line], value: Line, whole: frozenset[str], below: bool) -> int:
    """How many of ``lines`` make, with the value line ``value`` below them (the last ones) or
    above them (the first ones), a label of ``whole``; 0 when none do."""
    for count in range(len(lines), 0, -1):
        label = _words(*lines[-count:], value) if below else _words(value, *lines[:count])
        if label in whole:
            return count
    return 0


def _unmarked(first: Line, second: Line) -> bool:
    """Whether only a little room left on ``first`` says that ``second`` starts a new label: no
    colon, leaders, footnote marker or closing aside ends ``first``, the case does not change,
    ``second`` (which holds a word) opens no label ("Total") and is not indented under
    ``first``, and ``first`` broke short of the column by less than :data:`_HAND_ROOM`.

    Label lines that the convention leaves over, between two value rows or above the first
    of a block, are then part of a wrapped label, though a neighbour's next word would have
    fitted: as headings they would head a single row, with nothing to mark them as such, while
    a filer breaking a long label by hand may break it well short of the column, more than
    once ("NEXT WEIGHTED" / "AVERAGE MORTGAGE" / "RATE:")."""
    if _ended(first) or _closes_aside(first) or _case_changes(first, second) or _WORD.search(second.label) is None:
        return False
    if _opens(second.label) or second.indent > first.indent or not first.placed.label:
        return False
    return first.placed.label[-1].end + 1 + len(_first_word(second)) + _HAND_ROOM > first.width


_WORD = regex.compile(r"\w")
"""A letter or digit: a line without one (stray marks, a byte-order mark) is no part of a label."""


def _divide_by_layout(previous: Draft | None, run: Sequence[Line], row: Line, tail: int) -> tuple[int, int]:
    """Without a convention: indentation and full lines decide the head, then the rest hangs
    from the row above unless headings or followed by an indented child row."""
    n = len(run)
    head = 0
    while tail + head < n and _joins(run[n - head - 1], run[n - head] if head else row, row):
        head += 1
    rest = run[tail : n - head]
    if rest and previous is not None and _hangs(previous.labels[-1], rest, row):
        return n - head, head
    if rest and not tail and (previous is None or _ended(previous.labels[-1]) or _opens(rest[0].label)):
        while tail + head < n and not _cannot_join(run[n - head - 1], run[n - head] if head else row):
            head += 1
    return tail, head


def _end_run(
    previous: Draft | None, run: list[Line], drafts: list[Draft], convention: str | None, hanging: bool = False
) -> None:
    """Label lines after a block's last value line finish that row's label, unless headings.

    Under the ``last`` convention only an obvious run-on does.
    """
    tail = 0
    if previous is not None:
        while tail < len(run):
            before = run[tail - 1] if tail else previous.labels[-1]
            if convention == "last" and not _must_join(before, run[tail]):
                break
            if _complete(before):
                break
            if hanging and run[tail].indent <= previous.labels[0].indent and not _must_join(before, run[tail]):
                break
            tail += 1
        previous.labels.extend(run[:tail])
    _flush(run[tail:], drafts)


def _hangs(previous: Line, lines: Sequence[Line], following: Line) -> bool:
    """Whether label lines that join neither neighbour are the tail of the row above.

    Values sit on the first label line (as in the seed) when the lines are not headings and
    the next row is not indented under them as a child.
    """
    if _ended(previous) or _opens(lines[0].label) or any(_complete(line) for line in lines):
        return False
    return following.indent <= lines[0].indent


def _mark_layout(block: Sequence[Line]) -> None:
    """Record for each line the indents of the (at most ``_LOOKAHEAD``) lines after it, up to a
    blank: each a slice of the block's indents."""
    indents = tuple(line.indent for line in block)
    stop = len(block)
    for i in range(len(block) - 1, -1, -1):
        if block[i].kind == "gap":
            block[i].after = ()
            stop = i
        else:
            block[i].after = indents[i + 1 : min(stop, i + 1 + _LOOKAHEAD)]


PART_BREAK = "part"
"""The kind of the line that the reader puts between the bodies of two tag-line parts of one
table (the pages of a table broken over pages): no label wraps over it, and each part's label
column is measured on its own lines, as its tags may stand elsewhere."""
_CUTS = ("rule", "gap", PART_BREAK)


def _blocks(lines: Sequence[Line]) -> list[list[Line]]:
    """The body cut at rules, blank lines and part breaks: a label never wraps across them."""
    blocks: list[list[Line]] = [[]]
    for line in lines:
        if line.kind in _CUTS:
            blocks.append([])
        else:
            blocks[-1].append(line)
    return [b for b in blocks if b]


def _parts(lines: Sequence[Line]) -> list[Sequence[Line]]:
    """The body cut at part breaks (most bodies have none: then the body itself)."""
    cuts = [i for i, line in enumerate(lines) if line.kind == PART_BREAK]
    if not cuts:
        return [lines]
    return [lines[lo:hi] for lo, hi in zip([0, *(i + 1 for i in cuts)], [*cuts, len(lines)], strict=True)]


def _room(lines: Sequence[Line]) -> tuple[int, int]:
    """The label room of a part's lines (``width``, ``base``): where the widest label line that
    starts near the least indented label ends, and where that label starts. Measured on the
    lines as :func:`~extractor.text.lines.classify` left them (their width the first column's
    start)."""
    edges = [
        (label[0].start, label[-1].end)
        for line in lines
        if (label := line.placed.label) and line.kind in ("label", "data") and label[-1].end <= line.width
    ]
    base = min((start for start, _ in edges), default=0)
    width = max((end for start, end in edges if start <= base + _MARGIN_TEXT), default=0)
    return width, base


def _measure(parts: Sequence[Sequence[Line]], blocks: Sequence[Sequence[Line]], owners: Sequence[int]) -> None:
    """Set the label room (:func:`_room`) of each part on the lines of its blocks (``owners``
    names each block's part), lines joined by :func:`_join_continued` included: only the
    lines of blocks are read as rows."""
    rooms = [_room(part) for part in parts]
    for block, owner in zip(blocks, owners, strict=True):
        width, base = rooms[owner]
        for line in block:
            line.width, line.base = width, base


def build_drafts(lines: Sequence[Line]) -> list[Draft]:
    """Rows of a section body (rules, blanks and label lines included) as drafts in order.

    Lines that only continue the text cells of the data line above them are part of that line
    (:func:`_join_continued`). Where rules or blank lines set most rows apart (at least two
    blocks of one value line each), every such block is one row; a block of value lines only has one row per line;
    other blocks are read line by line under the wrap convention that the section shows
    (judged only when such a block comes up). A table broken over pages is one body, its parts
    set apart by :data:`PART_BREAK` lines: the convention is the filer's on every page, so a
    page without evidence of its own reads as the others show.

    Only the wrap convention and the reading line by line ask how much room a label has
    (:func:`_measure`): it is measured when the first such block comes up, and not at all in a
    section whose blocks are all rows as they stand (most sections).
    """
    parts = _parts(lines)
    blocks: list[list[Line]] = []
    owners: list[int] = []
    for owner, part in enumerate(parts):
        for block in _blocks(part):
            blocks.append(_join_continued(block))
            owners.append(owner)
    if len(blocks) >= 2 and all(_record(block) for block in blocks if len(block) > 1):
        blocks = [_join_record(block) if len(block) > 1 else block for block in blocks]
    counts = [sum([x.kind == "data" for x in b]) for b in blocks]
    single = counts.count(1)
    ruled = single >= 2 and 2 * single >= sum(1 for c in counts if c)
    drafts: list[Draft] = []
    wraps: tuple[str | None, bool, frozenset[str]] | None = None
    for block in blocks:
        merged = _merge_block(block) if ruled else None
        if merged is None and all(line.kind == "data" for line in block):
            merged = [Draft([line], line) for line in block]
        if merged is None:
            if wraps is None:
                _measure(parts, blocks, owners)
                whole = _whole_labels(blocks)
                wraps = wrap_convention(blocks, whole), hanging_indents(blocks), whole
            _mark_layout(block)
            merged = _merge_free(block, *wraps)
        drafts.extend(merged)
    return _adopt_headings(drafts)


def _adopt_headings(drafts: list[Draft]) -> list[Draft]:
    """A value row without a label takes the heading right above it as its label."""
    out: list[Draft] = []
    for draft in drafts:
        if draft.data is not None and out and out[-1].data is None and not draft.text():
            draft.labels = out.pop().labels + draft.labels
        out.append(draft)
    return out


def to_row(draft: Draft, width: int) -> Row:
    """The model row for a draft: label joined, one parsed cell per column.

    Most columns of a row are blank, so every cell starts as the shared empty cell and only
    the columns the data line fills are parsed (by :func:`parse_cell`, itself cached: the
    same few texts, none, 0.00, --, fill most tables). A cell of one chunk (nearly all) is that
    chunk's text, read here without the call to :meth:`Placed.cell_text`. The row is built with
    positional arguments (no concept yet, then the label's markers): a keyword call of its
    ``__init__`` costs a third more in pure Python, once per row of every table."""
    label = draft.text()
    _, markers = split_markers(label)
    data = draft.data
    if data is None:
        return Row(draft.labels[0].token.line, label, (EMPTY_CELL,) * width, None, markers)
    cells = [EMPTY_CELL] * width
    placed = data.placed
    for col, chunks in placed.cells.items():
        if 0 <= col < width and chunks:
            cells[col] = parse_cell(chunks[0].text if len(chunks) == 1 else placed.cell_text(col))
    return Row(data.token.line, label, tuple(cells), None, markers)
