"""Column layouts and the two encodings of an output part: CSV body text or an Arrow IPC stream.

A part is encoded in the worker, in the final format, so the merge only concatenates (CSV) or
re-batches (Parquet) and costs next to nothing. Parquet columns get a fixed type, so parts from
different inputs always agree; a column the writers add later is stored as text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ..model import Filing, Finding
from ..writers import TIDY_COLUMNS, finding_dict, tidy_csv, tidy_rows

if TYPE_CHECKING:
    import pyarrow as pa

Row = Sequence[Any]

INT_COLUMNS = frozenset({"table_line", "row", "row_line", "column_index", "document", "line", "tables",
                         "findings", "errors", "bytes"})
FLOAT_COLUMNS = frozenset({"value", "xbrl_value", "seconds"})
FINDING_COLUMNS = ["file", *finding_dict(Finding("", "info", "", 0, "", "", "", "", ""))]
"""The columns of ``writers.findings_frame``, known without importing pandas in every worker."""
MANIFEST_COLUMNS = ["input", "status", "reason", "tables", "findings", "errors", "bytes", "seconds"]


def column_kind(column: str) -> str:
    return "int" if column in INT_COLUMNS else "float" if column in FLOAT_COLUMNS else "str"


def schema(columns: Sequence[str]) -> pa.Schema:
    import pyarrow as pa  # only Parquet runs pay for pyarrow (about 60 MB a process)

    types = {"int": pa.int64(), "float": pa.float64(), "str": pa.string()}
    return pa.schema([(c, types[column_kind(c)]) for c in columns])


def coerce(value: Any, kind: str) -> Any:
    """A value of the column's kind; anything unexpected becomes text (or null) rather than failing."""
    if value is None:
        return None
    if kind == "str":
        return value if isinstance(value, str) else str(value)
    if kind == "int":
        return int(value) if isinstance(value, int) else None
    return float(value) if isinstance(value, (int, float)) else None


def csv_header(columns: Sequence[str]) -> bytes:
    return csv_body([list(columns)])


def csv_body(rows: Sequence[Row]) -> bytes:
    return csv_text(rows).encode("utf-8")


def csv_text(rows: Sequence[Row]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def arrow_table(rows: Sequence[Row], columns: Sequence[str]) -> pa.Table:
    import pyarrow as pa

    target = schema(columns)
    arrays = [pa.array([coerce(row[i], column_kind(field.name)) for row in rows], type=field.type)
              for i, field in enumerate(target)]
    return pa.Table.from_arrays(arrays, schema=target)


def ipc_body(rows: Sequence[Row], columns: Sequence[str]) -> bytes:
    import pyarrow as pa

    sink = io.BytesIO()
    table = arrow_table(rows, columns)
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue()


def encode_tidy(filing: Filing, kinds: Iterable[str] | None, fmt: str) -> bytes:
    """A filing's tidy rows (of the tables of ``kinds``) in the run's format; no rows encode as
    nothing. CSV is written from the filing's tables directly (``writers.tidy_csv``), without
    the rows as tuples."""
    if fmt == "csv":
        return tidy_csv(filing, kinds).encode("utf-8")
    return encode(tidy_rows(filing, kinds), TIDY_COLUMNS, fmt)


def encode(rows: Sequence[Row], columns: Sequence[str], fmt: str) -> bytes:
    """One part's rows in the run's format; no rows encode as nothing."""
    if not rows:
        return b""
    return csv_body(rows) if fmt == "csv" else ipc_body(rows, columns)


def tidy_columns() -> list[str]:
    return list(TIDY_COLUMNS)
