"""Final output files, written under a temporary name and renamed when complete.

A Parquet sink re-batches the parts into row groups of a fixed size, so the file does not
depend on where one input's rows ended and the next began, and memory stays at one row group.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from .formats import Row, arrow_table, csv_body, csv_header, schema

if TYPE_CHECKING:
    import pyarrow as pa

ROW_GROUP = 65536


class Sink(Protocol):
    def add_part(self, body: bytes) -> None: ...
    def add_rows(self, rows: Sequence[Row]) -> None: ...
    def close(self) -> None: ...


class CsvSink:
    def __init__(self, target: Path, tmp: Path, columns: Sequence[str]) -> None:
        self.target, self.tmp = target, tmp
        self.file = open(tmp, "wb")  # noqa: SIM115 - closed in close()
        self.file.write(csv_header(columns))

    def add_part(self, body: bytes) -> None:
        self.file.write(body)

    def add_rows(self, rows: Sequence[Row]) -> None:
        self.file.write(csv_body(rows))

    def close(self) -> None:
        self.file.close()
        os.replace(self.tmp, self.target)


class ParquetSink:
    def __init__(self, target: Path, tmp: Path, columns: Sequence[str]) -> None:
        import pyarrow.parquet as pq  # only Parquet runs pay for pyarrow

        self.target, self.tmp, self.columns = target, tmp, list(columns)
        self.schema = schema(columns)
        self.writer = pq.ParquetWriter(tmp, self.schema)
        self.pending: list[pa.Table] = []
        self.rows = 0
        self.loose: list[Row] = []  # rows not yet converted: one conversion per thousand rows

    def add_part(self, body: bytes) -> None:
        if body:
            import pyarrow as pa

            self._convert()
            self._add(pa.ipc.open_stream(body).read_all())

    def add_rows(self, rows: Sequence[Row]) -> None:
        self.loose.extend(rows)
        if len(self.loose) >= 1024:
            self._convert()

    def _convert(self) -> None:
        if self.loose:
            table, self.loose = arrow_table(self.loose, self.columns), []
            self._add(table)

    def _add(self, table: pa.Table) -> None:
        self.pending.append(table)
        self.rows += table.num_rows
        if self.rows >= ROW_GROUP:
            self._flush(final=False)

    def _flush(self, final: bool) -> None:
        import pyarrow as pa

        table = pa.concat_tables(self.pending).combine_chunks() if self.pending else self.schema.empty_table()
        whole = table.num_rows if final else table.num_rows - table.num_rows % ROW_GROUP
        if whole:
            self.writer.write_table(table.slice(0, whole), row_group_size=ROW_GROUP)
        rest = table.slice(whole)
        self.pending = [rest] if rest.num_rows else []
        self.rows = rest.num_rows

    def close(self) -> None:
        self._convert()
        self._flush(final=True)
        self.writer.close()
        os.replace(self.tmp, self.target)


def open_sink(outdir: Path, workdir: Path, name: str, columns: Sequence[str], fmt: str) -> Sink:
    target = outdir / f"{name}.{fmt}"
    tmp = workdir / f"{name}.{fmt}.tmp"
    return CsvSink(target, tmp, columns) if fmt == "csv" else ParquetSink(target, tmp, columns)
