"""Column layouts and the two encodings of an output part: CSV body text or an Arrow IPC stream.

A part is encoded in the worker, in the final format, so the merge only concatenates (CSV) or
re-batches (Parquet) and costs next to nothing. Parquet columns get a fixed type, so parts from
different inputs always agree; a column the writers add later is stored as text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

import pyarrow as pa

from ..writers import TIDY_COLUMNS, findings_frame

Row = Sequence[Any]

INT_COLUMNS = frozenset({"table_line", "row", "row_line", "column_index", "document", "line", "tables",
                         "findings", "errors", "bytes"})
FLOAT_COLUMNS = frozenset({"value", "xbrl_value", "seconds"})
FINDING_COLUMNS = [str(c) for c in findings_frame([]).columns]
MANIFEST_COLUMNS = ["input", "status", "reason", "tables", "findings", "errors", "bytes", "seconds"]


def arrow_type(column: str) -> pa.DataType:
    if column in INT_COLUMNS:
        return pa.int64()
    if column in FLOAT_COLUMNS:
        return pa.float64()
    return pa.string()


def schema(columns: Sequence[str]) -> pa.Schema:
    return pa.schema([(c, arrow_type(c)) for c in columns])


def coerce(value: Any, kind: pa.DataType) -> Any:
    """A value of the column's type; anything unexpected becomes text rather than failing."""
    if value is None:
        return None
    if kind == pa.string():
        return value if isinstance(value, str) else str(value)
    if kind == pa.int64():
        return int(value) if isinstance(value, int) else None
    return float(value) if isinstance(value, (int, float)) else None


def csv_header(columns: Sequence[str]) -> bytes:
    return csv_body([list(columns)])


def csv_body(rows: Sequence[Row]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8")


def arrow_table(rows: Sequence[Row], columns: Sequence[str]) -> pa.Table:
    target = schema(columns)
    arrays = [pa.array([coerce(row[i], field.type) for row in rows], type=field.type)
              for i, field in enumerate(target)]
    return pa.Table.from_arrays(arrays, schema=target)


def ipc_body(rows: Sequence[Row], columns: Sequence[str]) -> bytes:
    sink = io.BytesIO()
    table = arrow_table(rows, columns)
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue()


def encode(rows: Sequence[Row], columns: Sequence[str], fmt: str) -> bytes:
    """One part's rows in the run's format; no rows encode as nothing."""
    if not rows:
        return b""
    return csv_body(rows) if fmt == "csv" else ipc_body(rows, columns)


def tidy_columns() -> list[str]:
    return list(TIDY_COLUMNS)
