"""Shared paths: the repository's fixtures and the read-only corpus beside the checkout."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEED = FIXTURES / "met-aim-small-cap-growth-497-2006.txt"
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture
def seed_path() -> Path:
    return SEED


@pytest.fixture
def corpus() -> Path:
    """The shared corpus folder; tests that need it skip when it is absent."""
    if not (CORPUS / "truth").is_dir():
        pytest.skip("../shared/corpus is not present")
    return CORPUS
