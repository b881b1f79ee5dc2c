"""Per-input part files in ``OUTDIR/.parts`` and their merge into the final outputs.

Each input's outcome is one file, written to a temporary name and renamed into place, so a
killed run leaves only whole parts, and ``--resume`` can trust any part it finds. The merge walks
the inputs in enumeration order (the ``order`` file), never in completion order, so the outputs
are the same bytes however the work was scheduled or interrupted: tables and findings exactly; the
manifest too except its ``seconds`` column, which measures each input's processing in the run that
did it and so is kept out of the identity. Final files are renamed into place too, the manifest
last, and removed when a run starts: present outputs are complete outputs of the last run.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from .formats import FINDING_COLUMNS, MANIFEST_COLUMNS, tidy_columns
from .options import FORMATS, BatchUsageError
from .sinks import Sink, open_sink
from .work import TRANSIENT, Outcome

PARTS = ".parts"
OUTPUTS = ("tables", "findings", "manifest")
"""Written in this order: a manifest present means the others are too."""
MAGIC = b"edgar-extract part 1\n"


def part_key(index: int, name: str, content: bytes) -> str:
    """Enumeration position plus a digest of the name and content: the same across runs over the
    same inputs, and different when an input changed in between, so resume never reuses a stale
    part. (Hashing runs at about 1 GB/s, far faster than the pipeline.)"""
    digest = hashlib.sha1(name.encode("utf-8", "surrogateescape"))
    digest.update(b"\0")
    digest.update(content)
    return f"{index:09d}-{digest.hexdigest()[:16]}"


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
    """The ``.parts`` folder of one output folder."""

    def __init__(self, outdir: Path, fingerprint: dict[str, object], resume: bool) -> None:
        self.outdir = outdir
        self.dir = outdir / PARTS
        self.fingerprint = fingerprint
        self.resume = resume
        self._order: IO[str] | None = None
        self._lock: IO[str] | None = None

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
        self._order = open(self.dir / "order", "w", encoding="utf-8")  # noqa: SIM115 - closed in keys()

    def path(self, key: str) -> Path:
        return self.dir / f"{key}.part"

    def record(self, key: str) -> None:
        assert self._order is not None
        self._order.write(key + "\n")

    def done_row(self, key: str) -> list[object] | None:
        """The manifest row of an input an earlier run finished, or ``None`` (also for one that
        timed out or killed its worker: those are tried again)."""
        if not self.resume:
            return None
        try:
            row = decode_part(self.path(key).read_bytes())[0]
        except (OSError, ValueError):
            return None
        return None if row[1] == "failed" and str(row[2]).startswith(TRANSIENT) else row

    def write(self, outcome: Outcome) -> None:
        write_atomic(self.path(outcome.key), encode_part(outcome))

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
            row, table_part, finding_part = decode_part(self.path(key).read_bytes())
            summary.add(row)
            tables.add_part(table_part)
            findings.add_part(finding_part)
            manifest.add_rows([row])
        for sink in sinks:
            sink.close()
        shutil.rmtree(self.dir)
        return summary

    def close(self) -> None:
        """Release the order file and the lock, however the run ended."""
        for handle in (self._order, self._lock):
            if handle is not None:
                handle.close()
