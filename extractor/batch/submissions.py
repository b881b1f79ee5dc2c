"""Several submissions in one stream, split into one input each.

EDGAR's bulk files concatenate a day's submissions, and people concatenate filings themselves.
Each submission is a filing of its own, with its own header: read as one input, every table after
the first submission would carry the first one's accession number, company and CIK. So a stream
is split where one submission closes (``</SEC-DOCUMENT>``, ``</SUBMISSION>``, ``</IMS-DOCUMENT>``,
or the PEM wrapper's END line) and the next non-blank line opens another. A tag quoted inside a
document's text does not split it: both the close and the open must stand alone at line starts,
one right after the other.

The stream is read a block at a time and each submission is handed on as soon as it is complete,
so a concatenation of any size holds one submission in memory, and the size limit applies to each
submission, not to the whole. A stream of one submission (nearly every file) keeps its name and
its bytes; the parts of a longer one are named ``NAME!1``, ``NAME!2``, ...
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from .options import Limits
from .streams import CHUNK, Readable, check_ratio

BOUNDARY = re.compile(
    rb"^(?:</SEC-DOCUMENT>|</SUBMISSION>|</IMS-DOCUMENT>|-----END PRIVACY-ENHANCED MESSAGE-----)[ \t]*"
    rb"(?:\r\n?|\n)(?:[ \t]*(?:\r\n?|\n))*"
    rb"(?=[ \t]*(?:<SEC-DOCUMENT>|<SUBMISSION>|<IMS-DOCUMENT>|-----BEGIN PRIVACY-ENHANCED))",
    re.MULTILINE)
"""A submission's closing line and the blank lines after it, where an opening line follows."""

OVERLAP = 64 * 1024
"""Bytes searched again when a block arrives, for a boundary (and its blank lines) cut by the block's
start; also what is kept of a part over the size limit, whose bytes are otherwise dropped."""

CLOSERS = (b"</SEC-DOCUMENT>", b"</SUBMISSION>", b"</IMS-DOCUMENT>", b"-----END PRIVACY-ENHANCED")


def may_hold_several(data: bytes) -> bool:
    """Cheap pre-test: a closing tag anywhere before the last few bytes (one ``find`` per closer)."""
    cut = len(data) - 16
    return any(0 <= data.find(closer) < cut for closer in CLOSERS)


def next_boundary(buffer: bytearray, start: int) -> int | None:
    """The end of the first boundary at or after ``start``. The closing tags are found by
    ``find`` (many times faster than a regular-expression scan of the whole text); the pattern is
    only tried where one stands."""
    found = {closer: buffer.find(closer, start) for closer in CLOSERS}
    while True:
        closer, at = min(((c, i) for c, i in found.items() if i >= 0), key=lambda hit: hit[1], default=(b"", -1))
        if at < 0:
            return None
        match = BOUNDARY.match(buffer, at)
        if match is not None:
            return match.end()
        found[closer] = buffer.find(closer, at + 1)


def split_submissions(stream: Readable, name: str, limits: Limits, consumed: Callable[[], int] | None = None
                      ) -> Iterator[tuple[str, bytes | None, int]]:
    """``(name, data, size)`` of each submission of ``stream``, in order; ``data`` is None for one
    over the size limit, which is read on to its end (and not kept) so that the parts after it are
    still read. A stream without a boundary is one part under its own name. ``consumed`` counts
    the compressed bytes behind a decompressed stream: past the ratio limit, ArchiveError."""
    total = 0
    buffer = bytearray()  # the current part (of one over the limit, only its last OVERLAP bytes)
    size = searched = parts = 0  # the current part's size; where the next search may start
    while True:
        block = stream.read(CHUNK)
        buffer += block
        size += len(block)
        total += len(block)
        if consumed is not None:
            check_ratio(total, consumed(), limits, name)
        while (end := next_boundary(buffer, searched)) is not None:
            part_size = size - (len(buffer) - end)
            parts += 1
            yield f"{name}!{parts}", _kept(buffer[:end], part_size, limits), part_size
            del buffer[:end]
            size, searched = len(buffer), 0
        if not block:
            break
        searched = max(0, len(buffer) - OVERLAP)
        if size > limits.max_member_bytes and len(buffer) > OVERLAP:
            del buffer[:len(buffer) - OVERLAP]
            searched = 0
    yield (f"{name}!{parts + 1}" if parts else name), _kept(buffer, size, limits), size


def _kept(data: bytearray, size: int, limits: Limits) -> bytes | None:
    return bytes(data) if size <= limits.max_member_bytes else None
