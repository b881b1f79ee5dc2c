"""Shared paths (the repository's fixtures and the read-only corpus beside the checkout) and the
fixtures' expense examples with what the validator reads beside them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from extractor.buildinfo import compiled, describe
from extractor.checks.series import Inputs, Series, class_inputs, document_context, example_series, lookup_series
from extractor.model import Table
from extractor.pipeline import extract

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEED = FIXTURES / "met-aim-small-cap-growth-497-2006.txt"
CORPUS = ROOT.parent / "shared" / "corpus"


def skip_if_compiled() -> None:
    """For a test that replaces a reader function to watch its inputs: compiled modules call each
    other directly, so the replacement would never be called."""
    if compiled():
        pytest.skip("watches reader calls through monkeypatch, which the compiled build bypasses")


def pytest_report_header() -> str:
    """Which build the tests import: CI runs them on the pure and on the compiled build."""
    import extractor

    return f"{describe()} from {Path(extractor.__file__).parent}"


@pytest.fixture
def seed_path() -> Path:
    return SEED


@pytest.fixture
def corpus() -> Path:
    """The shared corpus folder; tests that need it skip when it is absent."""
    if not (CORPUS / "truth").is_dir():
        pytest.skip("../shared/corpus is not present")
    return CORPUS


def fixture_examples() -> Iterator[tuple[Table, list[Table]]]:
    """Every expense example of the fixtures with the other tables of its document."""
    for path in sorted(FIXTURES.iterdir()):
        tables = list(extract(path).tables)
        for table in (t for t in tables if t.kind == "expense_example"):
            yield table, [t for t in tables if t is not table and t.document == table.document]


def fixture_example_series() -> Iterator[tuple[Table, list[Table], dict[str, Inputs], str, Series, Inputs]]:
    """(table, related, inputs, context, series, known) for every example series of the fixtures
    whose fee-table inputs are known."""
    for table, related in fixture_examples():
        inputs, _ = class_inputs(table, related)
        context = document_context(table, related)
        for series in example_series(table):
            known = lookup_series(inputs, series)
            if known is not None:
                yield table, related, inputs, context, series, known
