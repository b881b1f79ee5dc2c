"""Several submissions in one stream, split into one input each, a block at a time.

Where a stream is split is :mod:`extractor.container.submissions`'s business; here the
splitting is streamed, for archives.

The stream is read a block at a time and each submission is handed on as soon as it is complete,
so a concatenation of any size holds one submission in memory, and the size limit applies to each
submission, not to the whole. A stream of one submission (nearly every file) keeps its name and
its bytes; the parts of a longer one are named ``NAME!1``, ``NAME!2``, ...
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..container.submissions import next_boundary
from .options import Limits
from .streams import CHUNK, Readable, check_ratio

OVERLAP = 64 * 1024
"""Bytes searched again when a block arrives, for a boundary (and its blank lines) cut by the block's
start; also what is kept of a part over the size limit, whose bytes are otherwise dropped."""


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
