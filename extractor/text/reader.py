"""Rebuild the ``<TABLE>`` blocks of a plain-text document into :class:`~extractor.model.Table`s.

A table block is cut into sections at each column-tag line (``<S>``/``<C>``, repeated with a
new ``<CAPTION>`` for a new set of columns) and at in-body header rows that bring new column
labels. Each section gets its spans (from the tags, or inferred from the data where the tags
are missing or wrong), its headers, and its rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import regex

from ..model import LEAD_CHARS, Document, Footnote, Row, Table
from ..values import read_codes_and_citations
from .chunks import chunk_line
from .columns import Placed, Span, blank_tags, place_line, trim_line_caches
from .footnotes import parse_footnotes
from .headers import read_headers
from .layout import Extents, body_texts, choose_spans, column_extents, label_extent, refine_spans
from .lines import Line, Section, classify, continues_text, may_repeat_stub, norm
from .parts import Part, split_parts
from .regions import CONTEXT, Region, find_regions
from .rows import PART_BREAK, build_drafts, to_row
from .tabs import realign_tab_fields
from .tokenizer import BLANK, PAGE, RULE, TEXT, Token, make_token, make_tokens

WIDEST_ROW = 1024
"""Characters of a table line that are laid out in columns. The Filer Manual allows 132; real
tables reach about 200. A longer line is no row (a pasted blob, a corrupted file), and clipping it
keeps the column analysis linear instead of building a grid of hundreds of thousands of columns."""


def read_text_tables(doc: Document) -> list[Table]:
    """Every ``<TABLE>`` section of ``doc`` as a Table (ids are assigned by the caller)."""
    tables: list[Table] = []
    for region in find_regions(doc.text, doc.text_line):
        trim_line_caches()
        if max(map(len, region.lines), default=0) > WIDEST_ROW:
            region = replace(region, lines=[line[:WIDEST_ROW] for line in region.lines])
        tables.extend(read_region(region, doc.sequence or 1))
    return tables


def _header_text(tokens: Sequence[Token]) -> list[str]:
    keep = (TEXT, RULE)
    return [t.text for t in tokens if t.kind in keep]


def read_part(
    part: Part, texts: Sequence[str], spans: list[Span], placed: Sequence[Placed], previous: list[str] | None
) -> list[Section]:
    """Sections of one tag-line part: header, then rows, new sections at in-body headers.

    ``texts`` are the part's body text lines and ``placed`` the same lines placed under
    ``spans`` (by :func:`~extractor.text.layout.refine_spans`), for the column extents and the
    label extent, and for :func:`classify`, which finds each text line's placing there. A text
    line holds no column tag (the tokenizer makes such a line a tag line), so its text is that
    of its line of ``texts``."""
    columns = tuple(spans)
    repeated = _header_lines(part.header)
    extents = column_extents(texts, placed, spans)
    row_lines = placed
    if repeated:
        row_lines = [
            p for text, p in zip(texts, placed, strict=True) if text.rstrip() not in repeated or not _years_only(p)
        ]
    label_end = label_extent(row_lines) if part.tags is None else None
    labels_end = max((p.label[-1].end for p in row_lines if p.label), default=0)
    headers, caption = read_headers(
        _header_text(part.header), spans, extents.headed, label_end, extents.values, labels_end
    )
    if not any(headers) and previous is not None and len(previous) == len(headers):
        headers = previous
    sections = [Section(headers, [], caption)]
    lines: list[Line] = []
    pending_header: list[Token] = []
    body = _drop_page_numbers(part.body)
    if part.tags is not None and blank_tags(part.tags.text).strip():
        body.insert(0, part.tags)
    stubs: frozenset[str] | None = None
    prose = _prose(body, columns)
    known = dict(zip(texts, placed, strict=True))
    for n, token in enumerate(body):
        if prose and n in prose:
            lines.append(Line(token, Placed(), "gap"))
            continue
        line = classify(token, columns, sections[-1].headers, known)
        if repeated and line.kind == "data" and token.text.rstrip() in repeated and _years_only(line.placed):
            line.kind = "repeat"
        if line.kind == "data" and may_repeat_stub(line):
            if stubs is None:
                stubs = _stub_heads(part.header, columns)
            if norm(line.placed.label_text) in stubs:
                line.kind = "header"
        if line.kind == "header" and not pending_header and lines and continues_text(lines[-1], line):
            line.kind = "data"
        if line.kind == "header" or (pending_header and (line.kind == "repeat" or _year_line(line))):
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


_YEAR = regex.compile(r"(?:19|20)[0-9]{2}")


def _header_lines(header: Sequence[Token]) -> frozenset[str]:
    """The part's header lines of text, trailing blanks dropped: a body line that repeats one of
    them whole, as a filer sets the header again after a page break, is no row. Compared as
    written (one ``rstrip`` per body line, no split: every body line is tested)."""
    return frozenset([t.text.rstrip() for t in header if t.kind is TEXT])


def _years_only(placed: Placed) -> bool:
    """Whether a placed line states no value but years. A body line that repeats a header line
    (:func:`_header_lines`) and states none is read neither as a row nor as evidence of where the
    row labels end ("DURING 1996   1996   1996", the last line of a repeated header, whose first
    words stand left of the first column). A line with amounts is a row, whatever stands above."""
    return all(not c.data or _YEAR.fullmatch(c.text) for chunks in placed.cells.values() for c in chunks)


def _year_line(line: Line) -> bool:
    """Whether a line holds nothing but a year in each of its cells, no label: under header text
    ("Year ended / December 31,") it is the header's last line, not a row of values."""
    if line.kind != "data" or line.placed.label:
        return False
    return all(len(chunks) == 1 and _YEAR.fullmatch(chunks[0].text) for chunks in line.placed.cells.values())


def _prose(body: Sequence[Token], columns: tuple[Span, ...]) -> frozenset[int]:
    """The body lines (by index) that make paragraphs of prose set inside the table block: a
    run of text lines between blank lines or rules, none holding a value, one of them a
    sentence that runs from the labels over two column starts or more, the last ending with a
    full stop ("This statement is also available on ... website," / "at 7:00 p.m. EST on the
    business day before each distribution date."), the first not opening with a footnote
    marker (notes are read as notes). They are no rows: they are read as blank."""
    if len(columns) < 2:
        return frozenset()
    first = columns[0][0]
    found: list[int] = []
    start = -1
    for n, token in enumerate(body):
        if token.kind is TEXT:
            if start < 0:
                start = n
        elif start >= 0:
            if _full_stop(body[n - 1]) and _paragraph([t.text for t in body[start:n]], columns, first):
                found.extend(range(start, n))
            start = -1
    if start >= 0 and _full_stop(body[-1]) and _paragraph([t.text for t in body[start:]], columns, first):
        found.extend(range(start, len(body)))
    return frozenset(found)


def _full_stop(token: Token) -> bool:
    """Whether a line ends with a full stop, as the last line of a paragraph of prose does
    (:func:`_paragraph`): most runs of rows end otherwise, and their lines are not gathered."""
    return token.text.rstrip().endswith(".")


_MARKED = regex.compile(r"[ \t]*+(?:\(\w{1,2}\)|/\d{1,2}/|[*#\u2020\u2021]|<F\d{1,3}>|\d{1,2}\.?+[ \t])", regex.I)
"""A line opening with a footnote marker: a paragraph that starts so is the table's notes."""


def _paragraph(texts: Sequence[str], columns: tuple[Span, ...], first: int) -> bool:
    """Whether consecutive text lines make a paragraph of prose (see :func:`_prose`)."""
    if not texts[-1].rstrip().endswith(".") or _MARKED.match(texts[0]):
        return False
    sentence = False
    for text in texts:
        chunks = chunk_line(text)
        if any(c.data for c in chunks):
            return False
        sentence = sentence or any(
            c.start < first and sum([c.start < s < c.end for s, _ in columns]) >= 2 for c in chunks
        )
    return sentence


def _stub_heads(header: Sequence[Token], columns: tuple[Span, ...]) -> frozenset[str]:
    """The texts (normalised) that header lines with column labels set in the label column: the
    stub head ("Share class"), which a header repeated in the body with new labels sets there
    again."""
    stubs: set[str] = set()
    for token in header:
        if token.kind is TEXT:
            placed = place_line(token.text, columns)
            if placed.label and placed.cells:
                stubs.add(norm(placed.label_text))
    stubs.discard("")
    return frozenset(stubs)


_PAGE_NUMBER = regex.compile(
    r"[ \t]*+(?:page[ \t]++)?+[-(]?+[ \t]*+(?:[A-Z]{1,3}-)?[0-9ivxlcdm]{1,6}[ \t]*+[-)]?+[ \t]*+$", regex.I
)


def _drop_page_numbers(tokens: Sequence[Token]) -> list[Token]:
    """The body without the lone page number (or footer) printed right above a ``<PAGE>``, and
    without the "Page 4 of 6" footers (:func:`_page_footer`) wherever they stand.

    A footer is set off from the body by a blank line; a line that runs straight on from the
    row above it is kept unless it reads as a page number ("7", "- 7 -", "A-3"): a wrapped
    heading such as "(as a percentage of average net assets)" often falls just above a page
    break.

    A footer holds "of" and "page" (in any case): only such a line is cut into pieces and
    matched (rows such as "Net asset value, beginning of period" hold the first alone)."""
    drop: set[int] = set()
    for i, token in enumerate(tokens):
        kind = token.kind
        if kind is TEXT:
            text = token.text
            if (" of " in text or " OF " in text or " Of " in text) and "page" in text.lower() and _page_footer(text):
                drop.add(i)
            continue
        if kind is not PAGE:
            continue
        j = i - 1
        while j >= 0 and tokens[j].kind is BLANK:
            j -= 1
        if j >= 0 and tokens[j].kind is TEXT and len(chunk_line(tokens[j].text, False)) == 1:
            attached = j > 0 and tokens[j - 1].kind is TEXT
            if not attached or _PAGE_NUMBER.match(tokens[j].text):
                drop.add(j)
    if not drop:
        return list(tokens)
    return [t for i, t in enumerate(tokens) if i not in drop]


_PAGE_OF = regex.compile(r"page[ \t]{1,3}+[0-9]{1,4}+[ \t]{1,3}+of[ \t]{1,3}+[0-9]{1,4}+", regex.I)


def _page_footer(text: str) -> bool:
    """Whether a line is a page footer: it holds a piece "Page 4 of 6" and no value (the rest is
    a copyright notice or a title). A filer's page footer left inside a table block is no row."""
    chunks = chunk_line(text)
    return any(_PAGE_OF.fullmatch(c.text) for c in chunks) and not any(c.data for c in chunks)


def _start_section(
    sections: list[Section], lines: list[Line], header: list[Token], spans: list[Span], extents: Extents
) -> None:
    """Close the current section and open one with the in-body header's labels, if they are new.

    Header text right under the tag line, before any row, completes the section's own header.
    Heading lines right above the header ("Year ended December 31, 2002") title the rows below
    it: they open the new section (:func:`_headings_above`). A header block whose lines repeat known labels after a new
    one ("Amount   Shares" under "Repurchases(1)   Net (decrease) increase") is read whole.
    """
    headers, _ = read_headers(_header_text(header), spans, extents.headed, None, extents.values)
    current = sections[-1]
    headings = _headings_above(lines)
    _finish(current, lines)
    if not _holds_values(current):
        current.headers = [" ".join(filter(None, pair)) for pair in zip(current.headers, headers, strict=True)]
    elif [norm(h) for h in headers] != [norm(h) for h in current.headers]:
        sections.append(Section(headers, [], current.caption))
    _finish(sections[-1], headings)


def _headings_above(lines: list[Line]) -> list[Line]:
    """The last block of heading lines of ``lines`` (the label lines above the blank lines at the
    end, if any), taken out of ``lines`` when a blank line sets them apart from the rows above:
    a paragraph of its own. A footer above a blank ("See Notes to Financial Statements") stays
    with the rows above it, and so does a label line run on from a row; label lines above a page
    break end the page above, the header under the break being that page's header repeated."""
    cut = len(lines)
    while cut > 0 and lines[cut - 1].kind == "gap":
        if lines[cut - 1].token.kind is PAGE:
            return []
        cut -= 1
    end = cut
    while cut > 0 and lines[cut - 1].kind == "label":
        cut -= 1
    if cut == end or (cut > 0 and lines[cut - 1].kind != "gap"):
        return []
    headings = lines[cut:]
    del lines[cut:]
    return headings


def _finish(section: Section, lines: list[Line]) -> None:
    """Hand the body lines read so far to their section (its rows are built by :func:`_build_rows`)."""
    _add_body(section, lines)
    lines.clear()


def _add_body(section: Section, lines: Sequence[Line]) -> None:
    """Add body lines to a section, after a :data:`PART_BREAK` line where it has lines already:
    the lines of each part are laid out on their own (see :func:`build_drafts`)."""
    if lines and section.body:
        section.body.append(Line(make_token("", lines[0].token.line), Placed(), PART_BREAK))
    section.body.extend(lines)


def _holds_values(section: Section) -> bool:
    """Whether a body line of the section puts text into one of its columns."""
    width = len(section.headers)
    return any(
        line.kind == "data" and any(0 <= col < width and chunks for col, chunks in line.placed.cells.items())
        for line in section.body
    )


def _build_rows(section: Section) -> None:
    """The section's rows, from its whole body: the parts of a table broken over pages are one
    body, whose wrap convention and label column are the filer's for every page."""
    width = len(section.headers)
    section.rows.extend([to_row(draft, width) for draft in build_drafts(section.body)])
    section.body = []
    read_codes_and_citations(section.rows)


def _drop_blank(columns: Sequence[str], rows: Sequence[Row]) -> tuple[list[str], list[Row]]:
    """Leave out the columns that are blank in the header and in every row."""
    keep = [i for i, h in enumerate(columns) if h.strip() or any(r.cells[i].text for r in rows)]
    if len(keep) == len(columns):
        return list(columns), list(rows)
    return [columns[i] for i in keep], [r.with_cells(tuple(r.cells[i] for i in keep)) for r in rows]


def read_region(region: Region, document: int) -> list[Table]:
    """The tables (one per section) of one ``<TABLE>`` block."""
    lines = realign_tab_fields(region.lines, WIDEST_ROW)
    tokens = make_tokens(lines, region.first_line)
    parts, fn_tokens = split_parts(tokens)
    notes: list[Footnote] = []
    if fn_tokens:
        notes, _ = parse_footnotes([t.text for t in fn_tokens])
    end_line = tokens[-1].line if tokens else region.first_line
    tables: list[Table] = []
    previous: list[str] | None = None
    sections: list[Section] = []
    for part in parts:
        texts = body_texts(part.body)
        spans, placed = refine_spans(part, texts, choose_spans(part, texts))
        for section in read_part(part, texts, spans, placed, previous):
            if sections and [norm(h) for h in section.headers] == [norm(h) for h in sections[-1].headers]:
                _add_body(sections[-1], section.body)
            else:
                sections.append(section)
            previous = section.headers
    if sections:
        notes.extend(_notes_at_end(sections[-1]))
    after_notes, used = parse_footnotes(region.after)
    notes.extend(after_notes)
    context = _context(region, notes, used)
    lead = collapsed_end(region.before, LEAD_CHARS)
    title = title_above(region.near, len(region.before) < CONTEXT)
    for n, section in enumerate(sections):
        _build_rows(section)
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
                caption=" ".join(section.caption.split()),
                footnotes=tuple(notes),
                context=context,
                layout="text",
                lead=lead,
                title=title,
            )
        )
    return tables


_NOTE_MARKER = regex.compile(r"[ \t]*+(?:\(\d{1,2}\)|/\d{1,2}/|\*++|<F\d{1,3}>)[ \t]*+[A-Z]")
"""A line opening with a marker that only a footnote opens with, then a sentence ("(1) Includes",
"/2/ Class", "* Amount less than", "<F1> Restated"): not a bare number, which opens row labels
and note headings ("6. Restricted securities") as often, nor a lower-case word, which continues
a sentence listing its points ("assuming / (1) a 5% annual return and (2) redemption")."""


def _notes_at_end(section: Section) -> list[Footnote]:
    """The marked footnotes set at the foot of a section's body, inside the table block, taken out
    of the body: from the first line below the table's last cell that opens with a footnote
    marker (:data:`_NOTE_MARKER`), as many label-column lines as read as notes. Before, they
    were a row of the table (its label the notes run together). Lines after them stay rows."""
    body = section.body
    start = len(body)
    while start > 0 and not body[start - 1].placed.cells:
        start -= 1
    first = next((i for i in range(start, len(body)) if _opens_note(body[i])), None)
    if first is None:
        return []
    stop = first
    while stop < len(body) and body[stop].kind in ("label", "gap"):
        stop += 1
    notes, used = parse_footnotes([line.token.text for line in body[first:stop]])
    del body[first : first + used]
    return notes


def _opens_note(line: Line) -> bool:
    """A line of text in the label column alone that opens with a footnote marker: a line with
    text in the columns ("(1) Principal Executive Officer   Executive Vice President") is a row."""
    return line.kind == "label" and _NOTE_MARKER.match(line.token.text) is not None


_TITLE_LINES = 2
_TITLE_WIDTH = 80
_TITLE_LEAD_WORDS = 5
_SENTENCE_END = (".", ";", ",")


def title_above(before: str, whole: bool) -> str:
    """The lone heading right above a table: the last block of lines before it (up to a blank
    line, a rule or a tag line), when it is one or two short lines that end no sentence
    ("CLASS B SHARES", "Annual Fund Operating Expenses"); "" when prose, a lead-in sentence
    ("... would pay the following expenses:"), a page number or nothing stands there. The
    heading a reader takes for the table's title, kept apart from the prose around it.

    ``before`` is the text up to the ``<TABLE>`` line; ``whole`` says it starts at the
    document's start, so that a block reaching its first line is not cut off at the top. Only
    the last few lines are split off: this runs once per table."""
    lines = before.rsplit("\n", _TITLE_LOOK)
    lines.pop()
    end = len(lines)
    while end > 0 and _blank_or_rule(lines[end - 1]):
        end -= 1
    start = end
    while start > 0 and not _blank_or_rule(lines[start - 1]):
        start -= 1
    if start == 0 and not (whole and len(lines) < _TITLE_LOOK):
        return ""
    if not 0 < end - start <= _TITLE_LINES:
        return ""
    block = [line.strip() for line in lines[start:end]]
    text = " ".join(" ".join(block).split())
    if any(line.startswith("<") or len(line) > _TITLE_WIDTH for line in block) or text.endswith(_SENTENCE_END):
        return ""
    if text.endswith(":") and len(text.split()) > _TITLE_LEAD_WORDS:
        return ""
    if _PAGE_NUMBER.fullmatch(text) or not any(c.isalpha() for c in text):
        return ""
    return text


def _blank_or_rule(line: str) -> bool:
    """Whether a line is blank or a rule (with EDGAR's "- " escape): it sets a heading apart."""
    if not line.strip():
        return True
    return ("-" in line or "=" in line or "_" in line) and _RULE_LINE.fullmatch(line) is not None


_TITLE_LOOK = 24
"""Lines split off the end of the text before a table: blank lines and rules, then the
heading's lines, then the line that sets it apart."""

_RULE_LINE = regex.compile(r"[ \t]*+(?:- )?+[-=_]{3,}+[-=_ \t]*+")
"""A line of rule characters: it sets a heading off from the table."""

_CONTEXT_CHARS = 300


def collapsed_end(text: str, chars: int) -> str:
    """The last ``chars`` characters of ``text`` with its blanks collapsed (runs of blanks made
    one space, none at either end): ``" ".join(text.split())[-chars:]``, worked out on as
    little of the end of ``text`` as gives that many.

    Any end of a text, collapsed, is an end of the whole text collapsed (a word that the cut
    splits is the end of that word), so where the collapsed end holds ``chars`` characters, its
    last ``chars`` are those of the whole. A quarter more than ``chars`` is tried first (the
    text before a table is prose or table lines: a few blanks per word), then twice as much,
    then the whole text; an end of three quarters of the text or more is not tried (375 of the
    400 characters of a table's near text, for its context): where it falls short, the whole is
    read after it, and where it does not, it saves only the rest."""
    size = chars + chars // 4
    while 4 * size < 3 * len(text):
        end = " ".join(text[-size:].split())
        if len(end) >= chars:
            return end[-chars:]
        size *= 2
    return " ".join(text.split())[-chars:]


def _context(region: Region, notes: Sequence[Footnote], used: int) -> str:
    """The prose around a table, blanks collapsed: the end of the text above, the footnotes,
    the start of the lines below."""
    before = collapsed_end(region.near, _CONTEXT_CHARS)
    after = " ".join(_leading_words(region.after[used:], _CONTEXT_CHARS))[:_CONTEXT_CHARS]
    noted = " ".join(f"{n.marker} {n.text}" for n in notes)
    return " ".join(filter(None, (before, noted, after)))


def _leading_words(lines: Sequence[str], chars: int) -> list[str]:
    """The words of ``lines`` in order, up to the line that brings them (joined by single spaces)
    to ``chars`` characters: the start of the up to 40 lines below a table, without splitting
    every one of them into words only to keep the first few."""
    words: list[str] = []
    size = 0
    for line in lines:
        if size > chars:
            break
        line_words = line.split()
        words.extend(line_words)
        size += sum(map(len, line_words)) + len(line_words)
    return words
