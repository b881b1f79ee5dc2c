"""A table longer than the line caches' old bound (8,192 lines) is chunked and placed once per
line: each stage of the reader walks the lines in order, which a bounded LRU cache smaller than
the table turned into a miss on every line of every stage."""

from __future__ import annotations

from extractor.model import Document
from extractor.text import read_text_tables
from extractor.text.chunks import chunk_line
from extractor.text.columns import place_line


def test_each_line_of_a_long_table_is_chunked_and_placed_once() -> None:
    rows = [f"Holding number {n:05d} ..........   {n:>8,}   {2 * n:>9,}" for n in range(10_000)]
    text = "\n".join(["<TABLE>", "<S>                                    <C>        <C>", *rows, "</TABLE>"])
    chunk_line.cache_clear()
    place_line.cache_clear()
    (table,) = read_text_tables(Document(1, None, None, 1, text=text, text_line=1))
    assert len(table.rows) == 10_000
    assert chunk_line.cache_info().misses < 10_100
    assert place_line.cache_info().misses <= 20_000  # under the tag spans, then the refined spans
