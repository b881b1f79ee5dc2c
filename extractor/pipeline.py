"""The orchestrator: runs each stage in turn and keeps its output for inspection.

``run_stages`` is what ``--debug-stage`` looks into; ``extract`` and ``extract_all`` are the public
entry points; the batch runner calls ``extract_bytes`` so that one file and a whole archive take
the same path.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .checks import validate_tables
from .classify import classify_tables
from .container import decode_bytes, parse_container, read_source
from .container.submissions import split_concatenated
from .errors import ExtractorError, InternalError, SeveralSubmissionsError, UnreadableInputError
from .html import read_html_tables
from .model import Document, Filing, Finding, Header, Table
from .text import read_text_tables


@dataclass
class Stages:
    """Every stage's output for one input, in pipeline order."""

    source: str
    text: str = ""
    header: Header = field(default_factory=Header)
    documents: tuple[Document, ...] = ()
    tables: list[Table] = field(default_factory=list)
    classified: list[Table] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def filing(self) -> Filing:
        return Filing(self.source, self.header, self.documents, tuple(self.classified), tuple(self.findings))


def gunzip(data: bytes, source: str) -> bytes:
    """Decompressed bytes when ``data`` is gzip, else ``data`` unchanged."""
    if data[:2] != b"\x1f\x8b":
        return data
    try:
        return gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as exc:
        raise UnreadableInputError(source, f"broken gzip stream: {exc}") from exc


@contextmanager
def guarded(stage: str, source: str, line: int | None = None) -> Iterator[None]:
    """Turn a stage's unexpected exception (a bug on odd input) into one-line :class:`InternalError`.

    Deliberate refusals (:class:`ExtractorError`) pass through unchanged; anything else would
    otherwise reach a user running over an archive as a traceback and stop the other inputs.
    """
    try:
        yield
    except ExtractorError:
        raise
    except Exception as exc:
        raise InternalError(source, stage, exc, line) from exc


def read_tables(documents: tuple[Document, ...], source: str = "") -> list[Table]:
    """Tables of every readable document, in file order, with ids t1, t2, ..."""
    tables: list[Table] = []
    for doc in documents:
        if doc.skipped:
            continue
        with guarded("html reader" if doc.is_html else "text reader", source, doc.line):
            tables.extend(read_html_tables(doc) if doc.is_html else read_text_tables(doc))
    return [t.renumbered(f"t{i}") for i, t in enumerate(tables, 1)]


def run_stages(data: bytes, source: str) -> Stages:
    """Run the pipeline on the bytes of one input and keep every stage's output."""
    stages = Stages(source)
    with guarded("container", source):
        stages.text = decode_bytes(gunzip(data, source), source)
        stages.header, stages.documents = parse_container(stages.text, source)
    stages.tables = read_tables(stages.documents, source)
    with guarded("classifier", source):
        stages.classified = classify_tables(stages.tables)
    with guarded("validator", source):
        stages.findings = validate_tables(stages.classified, stages.header.filed)
    return stages


def extract_bytes(data: bytes, source: str) -> Filing:
    """The :class:`Filing` for the bytes of one input (a file, an archive member)."""
    return run_stages(data, source).filing()


def submissions(data: bytes, source: str) -> list[tuple[str, bytes]]:
    """``(name, bytes)`` of every submission in ``data``: one under ``source`` itself for nearly
    every input; when submissions were concatenated, ``SOURCE!1``, ``SOURCE!2``, ..."""
    with guarded("container", source):
        parts = split_concatenated(gunzip(data, source))
    if len(parts) == 1:
        return [(source, parts[0])]
    return [(f"{source}!{n}", part) for n, part in enumerate(parts, 1)]


def extract(path: str | Path) -> Filing:
    """Read one filing (a path, ``.gz``, or ``-`` for standard input) into a :class:`Filing`.

    A file of several concatenated submissions raises :class:`SeveralSubmissionsError`: read as
    one, every table would carry the first submission's header. :func:`extract_all` reads it.
    """
    source = str(path)
    parts = submissions(read_source(source), source)
    if len(parts) > 1:
        raise SeveralSubmissionsError(source, f"holds {len(parts)} concatenated submissions; "
                                              "read them with extract_all() or `edgar-extract batch`")
    return extract_bytes(parts[0][1], source)


def extract_all(path: str | Path) -> list[Filing]:
    """Every submission of a file (one for nearly every file) as a :class:`Filing` each."""
    source = str(path)
    return [extract_bytes(data, name) for name, data in submissions(read_source(source), source)]
