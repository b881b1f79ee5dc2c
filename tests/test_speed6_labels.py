"""``fee_concept`` skips its rules for labels without any of the words they need: the skip must
never change a concept. Checked on every row label and column header of the fixtures, their
single words and word pairs, and labels made to sit at the edges of the rules."""

from __future__ import annotations

import itertools
from pathlib import Path

from extractor.classify.labels import MAX_LABEL, concept_of_text, fee_concept, normalize
from extractor.pipeline import extract

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

EDGE_LABELS = [
    "Other", "Total", "Management", "Advisory", "Investment advisory", "Service (a)", "Distribution",
    "AFFE", "Less: Contractual Management", "Net of waiver management", "Reinvested dividends load",
    "Front-end", "Wire", "Check writing", "Low balance", "Small account", "Recapture", "Repayment",
    "Acquired portfolio", "Underlying fund", "Unitary fee", "Transfer agency", "Administrative services fee",
    "Non-12b-1", "Gross expense ratio", "Net (after waiver)", "Fee", "Charge", "Class A", "Year ended",
    "Shareholder fees", "Annual fund operating expenses (expenses that you pay)", "Ratio",
]


def _labels() -> list[str]:
    found: list[str] = list(EDGE_LABELS)
    for path in sorted(FIXTURES.iterdir()):
        if path.suffix not in (".txt", ".htm", ".html"):
            continue
        for table in extract(path).tables:
            found.extend(table.columns)
            found.extend(row.label for row in table.rows)
    words = [w for label in found for w in normalize(label).split()]
    found.extend(words)
    found.extend(f"{a} {b}" for a, b in itertools.pairwise(words))
    return sorted(set(found))


def test_labels_without_concept_words_are_none() -> None:
    assert fee_concept("") is None
    assert fee_concept("Class A") is None
    assert fee_concept("Management Fees") == "ManagementFeesOverAssets"


def test_word_test_never_changes_a_concept() -> None:
    labels = _labels()
    assert len(labels) > 500
    named = 0
    for label in labels:
        text = normalize(label)[:MAX_LABEL]
        if not text:
            continue
        expected = concept_of_text(text)
        named += expected is not None
        assert fee_concept(label) == expected, label
    assert named > 50
