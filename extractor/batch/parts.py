"""Each input's part (its manifest row, table rows and finding rows) in ``OUTDIR/.parts``, and
their merge into the final outputs.

The parts go into one append-only journal, each framed by a line naming its input's key and
length, and an index file holds, at each input's enumeration position, where its latest part lies.
One file per input would cost a create, a rename and an unlink per filing: with tens of
thousands of inputs that is seconds of file-system work on the main process (on a disk mounted
with ``discard``, 1.3 ms an unlink), and a folder of hundreds of thousands of files for a year of
filings. A part is written whole before its index entry, so a killed run leaves at most a cut-off
last record, which ``--resume`` drops, and every entry it finds points to a whole part (checked
by its key and length). The merge walks the inputs in enumeration order (the ``order`` file),
never in completion order, so the outputs are the same bytes however the work was scheduled or
interrupted: tables and findings exactly; the manifest too except its ``seconds`` column, which
measures each input's processing in the run that did it and so is kept out of the identity.
Final files are renamed into place, the manifest last, and removed when a run starts: present
outputs are complete outputs of the last run.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from .formats import FINDING_COLUMNS, MANIFEST_COLUMNS, tidy_columns
from .options import FORMATS, BatchUsageError
from .sinks import Sink, open_sink
from .work import TRANSIENT, Outcome

PARTS = ".parts"
JOURNAL = "journal"
INDEX = "index"
OUTPUTS = ("tables", "findings", "manifest")
"""Written in this order: a manifest present means the others are too."""
MAGIC = b"edgar-extract part 1\n"
RECORD = b"edgar-extract record "
"""The start of a journal record's first line, which goes on with the key and the part's length."""
_ENTRY = struct.Struct("<QQ")
"""An index entry: the offset and length of a record in the journal (zeros: none yet)."""


def part_key(index: int, name: str, content: bytes) -> str:
    """Enumeration position plus a digest of the name and content: the same across runs over the
    same inputs, and different when an input changed in between, so resume never reuses a stale
    part. (Hashing runs at about 1 GB/s, far faster than the pipeline.)"""
    digest = hashlib.sha1(name.encode("utf-8", "surrogateescape"))
    digest.update(b"\0")
    digest.update(content)
    return f"{index:09d}-{digest.hexdigest()[:16]}"


def key_position(key: str) -> int:
    """The enumeration position a :func:`part_key` starts with: where its index entry lies."""
    return int(key.split("-", 1)[0])


def write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def encode_part(outcome: Outcome) -> bytes:
    head = {"row": outcome.manifest_row(), "tables": len(outcome.table_part),
            "findings": len(outcome.finding_part)}
    return MAGIC + json.dumps(head).encode() + b"\n" + outcome.table_part + outcome.finding_part


def decode_part(data: bytes) -> tuple[list[object], bytes, bytes]:
    """(manifest row, table rows, finding rows) of a part file."""
    if not data.startswith(MAGIC):
        raise ValueError("not a part file")
    end = data.index(b"\n", len(MAGIC))
    head = json.loads(data[len(MAGIC):end])
    body = data[end + 1:]
    tables, findings = head["tables"], head["findings"]
    if len(body) != tables + findings:
        raise ValueError("part file has the wrong length")
    return head["row"], body[:tables], body[tables:]


def frame(key: str, part: bytes) -> bytes:
    """A journal record: a line with the key and the part's length, then the part."""
    return RECORD + f"{key} {len(part)}\n".encode("ascii") + part


def _record_head(line: bytes) -> tuple[str, int] | None:
    """(key, part length) of a record's first line, or ``None`` for anything else."""
    if not line.startswith(RECORD) or not line.endswith(b"\n"):
        return None
    fields = line[len(RECORD):-1].split(b" ")
    if len(fields) != 2 or not fields[1].isdigit():
        return None
    return fields[0].decode("ascii", "replace"), int(fields[1])


def _unframe(record: bytes, key: str) -> bytes | None:
    """The part in ``record`` if it is one whole record of ``key``, else ``None``."""
    end = record.find(b"\n") + 1
    head = _record_head(record[:end]) if end else None
    if head is None or head[0] != key or end + head[1] != len(record):
        return None
    return record[end:]


def whole_records(journal: IO[bytes]) -> Iterator[tuple[int, str, int]]:
    """(offset, key, length) of each whole record from the start of a journal, up to the first
    that is cut off or is no record (the end a killed run can leave)."""
    size = os.fstat(journal.fileno()).st_size
    offset = 0
    while offset < size:
        journal.seek(offset)
        start = journal.read(256)
        line = start[: start.find(b"\n") + 1]
        head = _record_head(line)
        if head is None or offset + len(line) + head[1] > size:
            return
        yield offset, head[0], len(line) + head[1]
        offset += len(line) + head[1]


def finished_parts(outdir: Path) -> list[tuple[str, bytes]]:
    """(key, part) of every whole record in ``OUTDIR/.parts``, in the order they were written:
    what an interrupted run leaves for ``--resume`` (an input done twice appears twice)."""
    path = outdir / PARTS / JOURNAL
    if not path.exists():
        return []
    found: list[tuple[str, bytes]] = []
    with open(path, "rb") as journal:
        for offset, key, length in whole_records(journal):
            journal.seek(offset)
            part = _unframe(journal.read(length), key)
            assert part is not None
            found.append((key, part))
    return found


def _write_all(handle: IO[bytes], data: bytes) -> None:
    """Write all of ``data`` to an unbuffered file (a raw write may take only some of it)."""
    view = memoryview(data)
    while view:
        written = handle.write(view)
        view = view[written or 0:]


def lock(outdir: Path) -> IO[str]:
    """An exclusive lock on ``OUTDIR/.lock`` for the life of the run: two runs writing the same
    parts would clobber each other. Held until the process exits; the file is left in place."""
    handle = open(outdir / ".lock", "w", encoding="utf-8")  # noqa: SIM115 - must stay open to hold the lock
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock, as before
        return handle
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        handle.close()
        raise BatchUsageError(f"{outdir}: another batch run is writing there") from exc
    return handle


@dataclass
class Summary:
    """Counts over the manifest, for the exit code and the closing line."""

    inputs: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    tables: int = 0
    findings: int = 0
    errors: int = 0

    def add(self, row: list[object]) -> None:
        self.inputs += 1
        status = str(row[1])
        self.statuses[status] = self.statuses.get(status, 0) + 1
        self.tables += int(row[3])  # type: ignore[call-overload]
        self.findings += int(row[4])  # type: ignore[call-overload]
        self.errors += int(row[5])  # type: ignore[call-overload]

    @property
    def readable(self) -> int:
        return sum(self.statuses.get(s, 0) for s in ("ok", "no-tables", "skipped-form"))


class PartStore:
    """The ``.parts`` folder of one output folder: run options, input order, journal and index."""

    def __init__(self, outdir: Path, fingerprint: dict[str, object], resume: bool) -> None:
        self.outdir = outdir
        self.dir = outdir / PARTS
        self.fingerprint = fingerprint
        self.resume = resume
        self._order: IO[str] | None = None
        self._lock: IO[str] | None = None
        self._journal: IO[bytes] | None = None
        self._index: IO[bytes] | None = None

    def open(self) -> None:
        """Start a run: keep earlier parts only for ``--resume`` with the same options."""
        self._lock = lock(self.outdir)
        config = self.dir / "run.json"
        if self.resume and config.exists():
            earlier = json.loads(config.read_text(encoding="utf-8"))
            if earlier != self.fingerprint:
                raise BatchUsageError(f"{self.outdir}: the interrupted run there used other options "
                                      f"({earlier}); run without --resume to start over")
        elif self.dir.exists():
            shutil.rmtree(self.dir)
        for old in OUTPUTS:  # outputs present means outputs complete, and of this run
            for fmt in FORMATS:
                (self.outdir / f"{old}.{fmt}").unlink(missing_ok=True)
        self.dir.mkdir(parents=True, exist_ok=True)
        write_atomic(config, json.dumps(self.fingerprint, sort_keys=True).encode())
        self._journal = open(self.dir / JOURNAL, "a+b", buffering=0)  # noqa: SIM115 - closed in close()
        self._journal.truncate(max((o + n for o, _, n in whole_records(self._journal)), default=0))
        (self.dir / INDEX).touch()
        self._index = open(self.dir / INDEX, "r+b", buffering=0)  # noqa: SIM115 - closed in close()
        self._order = open(self.dir / "order", "w", encoding="utf-8")  # noqa: SIM115 - closed in keys()

    def record(self, key: str) -> None:
        assert self._order is not None
        self._order.write(key + "\n")

    def read(self, key: str) -> bytes | None:
        """The latest part of the input ``key``, or ``None`` if no whole one is stored."""
        assert self._journal is not None and self._index is not None
        self._index.seek(key_position(key) * _ENTRY.size)
        entry = self._index.read(_ENTRY.size)
        if len(entry) < _ENTRY.size:
            return None
        offset, length = _ENTRY.unpack(entry)
        if not length:
            return None
        self._journal.seek(offset)
        return _unframe(self._journal.read(length), key)

    def done_row(self, key: str) -> list[object] | None:
        """The manifest row of an input an earlier run finished, or ``None`` (also for one that
        timed out or killed its worker: those are tried again)."""
        if not self.resume:
            return None
        part = self.read(key)
        if part is None:
            return None
        try:
            row = decode_part(part)[0]
        except ValueError:  # a whole record whose part does not decode: computed again, as before
            return None
        return None if row[1] == "failed" and str(row[2]).startswith(TRANSIENT) else row

    def write(self, outcome: Outcome) -> None:
        """Append the outcome's part to the journal, then point its input's index entry at it."""
        assert self._journal is not None and self._index is not None
        record = frame(outcome.key, encode_part(outcome))
        offset = os.fstat(self._journal.fileno()).st_size
        _write_all(self._journal, record)
        self._index.seek(key_position(outcome.key) * _ENTRY.size)
        _write_all(self._index, _ENTRY.pack(offset, len(record)))

    def keys(self) -> Iterator[str]:
        assert self._order is not None
        self._order.close()
        with open(self.dir / "order", encoding="utf-8") as order:
            for line in order:
                yield line.rstrip("\n")

    def merge(self, fmt: str) -> Summary:
        """Write tables, findings and manifest from the parts, in input order; then drop the parts."""
        summary = Summary()
        sinks: list[Sink] = [open_sink(self.outdir, self.dir, name, columns, fmt) for name, columns in
                             (("tables", tidy_columns()), ("findings", FINDING_COLUMNS),
                              ("manifest", MANIFEST_COLUMNS))]
        tables, findings, manifest = sinks
        for key in self.keys():
            part = self.read(key)
            if part is None:
                raise OSError(f"{self.dir / JOURNAL}: no whole part for input {key}")
            row, table_part, finding_part = decode_part(part)
            summary.add(row)
            tables.add_part(table_part)
            findings.add_part(finding_part)
            manifest.add_rows([row])
        for sink in sinks:
            sink.close()
        self._close_files()
        shutil.rmtree(self.dir)
        return summary

    def _close_files(self) -> None:
        for handle in (self._order, self._journal, self._index):
            if handle is not None:
                handle.close()

    def close(self) -> None:
        """Release the files and the lock, however the run ended."""
        self._close_files()
        if self._lock is not None:
            self._lock.close()
