"""Rebuild the ``<TABLE>`` blocks of a plain-text document into :class:`~extractor.model.Table`s.

A table block is cut into sections at each column-tag line (``<S>``/``<C>``, repeated with a
new ``<CAPTION>`` for a new set of columns) and at in-body header rows that bring new column
labels. Each section gets its spans (from the tags, or inferred from the data where the tags
are missing or wrong), its headers, and its rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import regex

from ..model import Document, Footnote, Row, Table
from ..values import split_markers
from .chunks import Chunk, chunk_line
from .columns import WIDE, Placed, Span, blank_tags, collisions, infer_spans, place_line, spans_from, tag_spans
from .footnotes import parse_footnotes
from .headers import read_headers
from .regions import Region, find_regions
from .rows import Line, Section, build_drafts, classify, norm, to_row
from .tokenizer import Token, TokenKind, make_token

_CLASH = 0.2
_YEAR = regex.compile(r"(?:19|20)\d\d")
_BODY = (TokenKind.TEXT, TokenKind.RULE, TokenKind.BLANK, TokenKind.PAGE, TokenKind.COLUMN_TAGS)


@dataclass(slots=True)
class Part:
    """One tag-line section of a table block: header tokens, the tag line, body tokens."""

    header: list[Token]
    tags: Token | None
    body: list[Token]


def read_text_tables(doc: Document) -> list[Table]:
    """Every ``<TABLE>`` section of ``doc`` as a Table (ids are assigned by the caller)."""
    tables: list[Table] = []
    for region in find_regions(doc.text, doc.text_line):
        tables.extend(read_region(region, doc.sequence or 1))
    return tables


def _split_parts(tokens: Sequence[Token]) -> tuple[list[Part], list[Token]]:
    """Cut the block at its tag lines; return the parts and the ``<FN>`` footnote tokens."""
    footnotes: list[Token] = []
    inner: list[Token] = []
    for i, token in enumerate(tokens):
        if token.kind is TokenKind.FOOTNOTE_START:
            footnotes = [t for t in tokens[i + 1 :] if t.kind is not TokenKind.TABLE_END]
            break
        if token.kind not in (TokenKind.TABLE_START, TokenKind.TABLE_END):
            inner.append(token)
    tag_at = [i for i, t in enumerate(inner) if t.kind is TokenKind.COLUMN_TAGS and "<C>" in t.text.upper()]
    if not tag_at:
        tag_at = [i for i, t in enumerate(inner) if t.kind is TokenKind.COLUMN_TAGS]
    if not tag_at:
        cuts = [i for i, t in enumerate(inner) if t.kind is TokenKind.CAPTION and i > 0]
        untagged = []
        for lo, hi in zip([0, *cuts], [*cuts, len(inner)], strict=True):
            head, body = _split_untagged(inner[lo:hi])
            untagged.append(Part(head, None, body))
        return untagged, footnotes
    parts: list[Part] = []
    start = 0
    for n, at in enumerate(tag_at):
        nxt = tag_at[n + 1] if n + 1 < len(tag_at) else len(inner)
        head_from = _header_start(inner, start, at)
        if parts:
            parts[-1].body.extend(inner[start:head_from])
        end = _header_start(inner, at + 1, nxt) if n + 1 < len(tag_at) else nxt
        parts.append(Part(inner[head_from:at], inner[at], inner[at + 1 : end]))
        start = end
    return parts, footnotes


def _header_start(tokens: Sequence[Token], lo: int, at: int) -> int:
    """Where the header lines above the tag line at ``at`` begin (not before ``lo``)."""
    for i in range(at - 1, lo - 1, -1):
        if tokens[i].kind is TokenKind.CAPTION:
            return i
    i = at
    while i > lo and tokens[i - 1].kind in (TokenKind.TEXT, TokenKind.RULE, TokenKind.BLANK, TokenKind.CAPTION_END):
        token = tokens[i - 1]
        if token.kind is TokenKind.TEXT and _looks_like_data(token.text):
            break
        i -= 1
    return i if lo == 0 or i > lo else lo


def _looks_like_data(text: str) -> bool:
    """A line with a label and a value: a data row, never a header."""
    chunks = chunk_line(text)
    return bool(chunks) and not chunks[0].data and any(c.data for c in chunks[1:])


def _split_untagged(tokens: Sequence[Token]) -> tuple[list[Token], list[Token]]:
    """Header and body of a block without a tag line.

    The body starts at the first row with a value that is not a year (years head columns),
    taking with it the wrapped label lines right above that row.
    """
    first = next((i for i, t in enumerate(tokens) if t.kind is TokenKind.TEXT and _is_body(t.text)), len(tokens))
    closed = [i + 1 for i, t in enumerate(tokens[:first]) if t.kind is TokenKind.CAPTION_END]
    start = first
    while start > 0 and tokens[start - 1].kind is TokenKind.TEXT and _label_only(tokens[start - 1].text):
        start -= 1
    start = max([start, *closed])
    return list(tokens[:start]), list(tokens[start:])


def _label_only(text: str) -> bool:
    chunks = chunk_line(text, False)
    return len(chunks) == 1 and not chunks[0].data


def _is_body(text: str) -> bool:
    values = [c for c in chunk_line(text) if c.data and not _YEAR.fullmatch(split_markers(c.text)[0])]
    values = [c for c in values if not c.text.endswith(",")]
    if not values:
        return False
    chunks = chunk_line(text)
    return not chunks[0].data or any(ch in c.text for c in values for ch in ".,%$")


def _body_texts(tokens: Sequence[Token]) -> list[str]:
    return [blank_tags(t.text) for t in tokens if t.kind is TokenKind.TEXT]


def _body_chunks(tokens: Sequence[Token]) -> list[tuple[Chunk, ...]]:
    return [chunk_line(blank_tags(t.text)) for t in tokens if t.kind is TokenKind.TEXT]


def choose_spans(part: Part) -> list[Span]:
    """The tag spans, unless the data contradicts them; then spans inferred from the data."""
    lines = _body_chunks(part.body)
    inferred = infer_spans(lines)
    if part.tags is None:
        return inferred
    spans = tag_spans(part.tags.text)
    if not spans:
        return inferred
    rows, clashes = collisions(lines, spans)
    if rows and clashes > _CLASH * rows:
        _, clashes_inferred = collisions(lines, inferred)
        if clashes_inferred < clashes:
            return inferred
    return spans


def refine_spans(part: Part, spans: list[Span]) -> list[Span]:
    """Drop tag columns that only label overhang reaches; add a headed column the tags left out.

    A ``<C>`` that falls inside the row labels and never holds a value is part of the label
    column. A header word that stands between the labels and the first column, right of the
    label column's own header, is a column of its own (blank in every row).
    """
    if not spans:
        return spans
    key = tuple(spans)
    placed = [place_line(text, key) for text in _body_texts(part.body)]
    used = {col for p in placed if p.has_data for col in p.cells}
    starts = [
        s
        for i, (s, _) in enumerate(spans)
        if i in used or not any(c.start < s < c.end for p in placed for c in p.label)
    ]
    if not starts:
        return spans
    label_end = max((c.end for p in placed if _values(p) > 1 for c in p.label), default=0)
    first = starts[0]
    for token in part.header:
        if token.kind is not TokenKind.TEXT:
            continue
        pieces = chunk_line(token.text, False)
        inside = [p for p in pieces[1:] if label_end + 3 < p.start and p.end < first - 1]
        if inside and pieces[0].end <= label_end + 3 and any(p.start >= first for p in pieces):
            starts.insert(0, inside[0].start)
            break
    return spans_from(starts)


def _values(placed: Placed) -> int:
    return sum(c.data for cells in placed.cells.values() for c in cells)


def column_extents(part: Part, spans: Sequence[Span]) -> list[Span]:
    """The character range each column's values occupy in the body, with the column's tag.

    Only values count: stray prose inside a table block would smear the ranges. The tag
    position joins the range only where it sits next to the values (a shifted or inferred
    column start says nothing about where the header text lies).
    """
    lo = [WIDE for _ in spans]
    hi = [0 for _ in spans]
    key = tuple(spans)
    for text in _body_texts(part.body):
        chunks = chunk_line(text)
        if sum(c.data for c in chunks) < 2 and (not chunks or chunks[0].data):
            continue
        placed = place_line(text, key)
        for col, cells in placed.cells.items():
            for cell in cells:
                if cell.data:
                    lo[col] = min(lo[col], cell.start)
                    hi[col] = max(hi[col], cell.end)
    ranges: list[Span] = []
    for (start, end), low, high in zip(spans, lo, hi, strict=True):
        if high == 0:
            ranges.append((start, min(end, start + 1)))
        elif low - 4 <= start <= high:
            ranges.append((min(low, start), high))
        else:
            ranges.append((low, high))
    return ranges


def _header_text(tokens: Sequence[Token]) -> list[str]:
    keep = (TokenKind.TEXT, TokenKind.RULE)
    return [t.text for t in tokens if t.kind in keep]


def read_part(part: Part, spans: list[Span], previous: list[str] | None) -> list[Section]:
    """Sections of one tag-line part: header, then rows, new sections at in-body headers."""
    extents = column_extents(part, spans)
    headers, caption = read_headers(_header_text(part.header), spans, extents)
    if not any(headers) and previous is not None and len(previous) == len(headers):
        headers = previous
    sections = [Section(headers, [], [caption])]
    lines: list[Line] = []
    pending_header: list[Token] = []
    body = _drop_page_numbers(part.body)
    if part.tags is not None and blank_tags(part.tags.text).strip():
        body.insert(0, part.tags)
    for token in body:
        line = classify(token, spans, sections[-1].headers)
        if line.kind == "header":
            pending_header.append(token)
            continue
        if pending_header and line.kind in ("data", "label"):
            _start_section(sections, lines, pending_header, spans, extents)
            pending_header = []
        if line.kind == "repeat":
            continue
        lines.append(line)
    _finish(sections[-1], lines)
    return sections


def _drop_page_numbers(tokens: Sequence[Token]) -> list[Token]:
    """The body without the lone page number (or footer) printed right above a ``<PAGE>``."""
    drop: set[int] = set()
    for i, token in enumerate(tokens):
        if token.kind is not TokenKind.PAGE:
            continue
        j = i - 1
        while j >= 0 and tokens[j].kind is TokenKind.BLANK:
            j -= 1
        if j >= 0 and tokens[j].kind is TokenKind.TEXT and len(chunk_line(tokens[j].text, False)) == 1:
            drop.add(j)
    return [t for i, t in enumerate(tokens) if i not in drop]


def _start_section(
    sections: list[Section], lines: list[Line], header: list[Token], spans: list[Span], extents: list[Span]
) -> None:
    """Close the current section and open one with the in-body header's labels, if they are new.

    Header text right under the tag line, before any row, completes the section's own header.
    """
    headers, _ = read_headers(_header_text(header), spans, extents)
    current = sections[-1]
    _finish(current, lines)
    if not any(row.has_text for row in current.rows):
        current.headers = [" ".join(filter(None, pair)) for pair in zip(current.headers, headers, strict=True)]
    elif [norm(h) for h in headers] != [norm(h) for h in current.headers]:
        sections.append(Section(headers, [], list(current.header_lines)))


def _finish(section: Section, lines: list[Line]) -> None:
    section.rows.extend(to_row(d, len(section.headers)) for d in build_drafts(lines))
    lines.clear()


def _drop_blank(columns: Sequence[str], rows: Sequence[Row]) -> tuple[list[str], list[Row]]:
    """Leave out the columns that are blank in the header and in every row."""
    keep = [i for i, h in enumerate(columns) if h.strip() or any(r.cells[i].text for r in rows)]
    return [columns[i] for i in keep], [replace(r, cells=tuple(r.cells[i] for i in keep)) for r in rows]


def read_region(region: Region, document: int) -> list[Table]:
    """The tables (one per section) of one ``<TABLE>`` block."""
    tokens = [make_token(raw, region.first_line + i) for i, raw in enumerate(region.lines)]
    parts, fn_tokens = _split_parts(tokens)
    notes: list[Footnote] = []
    if fn_tokens:
        notes, _ = parse_footnotes([t.text for t in fn_tokens])
    after_notes, used = parse_footnotes(region.after)
    notes.extend(after_notes)
    end_line = tokens[-1].line if tokens else region.first_line
    context = _context(region, notes, used)
    tables: list[Table] = []
    previous: list[str] | None = None
    sections: list[Section] = []
    for part in parts:
        spans = refine_spans(part, choose_spans(part))
        for section in read_part(part, spans, previous):
            if sections and [norm(h) for h in section.headers] == [norm(h) for h in sections[-1].headers]:
                sections[-1].rows.extend(section.rows)
            else:
                sections.append(section)
            previous = section.headers
    for n, section in enumerate(sections):
        columns, rows = _drop_blank(section.headers, section.rows)
        tables.append(
            Table(
                id="",
                line=region.first_line,
                columns=tuple(columns),
                rows=tuple(rows),
                section=n,
                end_line=end_line,
                document=document,
                caption=" ".join(" ".join(section.header_lines).split()),
                footnotes=tuple(notes),
                context=context,
                layout="text",
            )
        )
    return tables


def _context(region: Region, notes: Sequence[Footnote], used: int) -> str:
    before = " ".join(region.before.split())[-300:]
    after = " ".join(" ".join(region.after[used:]).split())[:300]
    noted = " ".join(f"{n.marker} {n.text}" for n in notes)
    return " ".join(filter(None, (before, noted, after)))
