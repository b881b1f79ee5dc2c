"""``fee_concept`` skips its rules for labels without any of the words they need: the skip must
never change a concept. Checked on every row label and column header of the fixtures, their
single words and word pairs, and labels made to sit at the edges of the rules."""

from __future__ import annotations

import ast
import itertools
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.classify import labels as rules
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


def _rule_patterns() -> list[str]:
    """Every pattern the rules of ``extractor/classify/labels.py`` test a label with: the second
    argument of each ``_has`` call in its source, a literal, a module constant, or a sum of them."""
    tree = ast.parse((Path(rules.__file__).parent / "labels.py").read_text(encoding="utf-8"))

    def value(node: ast.expr) -> str:
        if isinstance(node, ast.Name):
            return str(getattr(rules, node.id))
        if isinstance(node, ast.BinOp):
            return value(node.left) + value(node.right)
        return str(ast.literal_eval(node))

    return sorted({value(node.args[1]) for node in ast.walk(tree)
                   if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "_has"})


def _branches(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern, so that each is drawn as often as any other
    (``from_regex`` picks among a pattern's own alternatives, which makes one of thirteen rare)."""
    branches, depth, start, escaped = [], 0, 0, False
    for i, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            branches.append(pattern[start:i])
            start = i + 1
    return [*branches, pattern[start:]]


RULE_PATTERNS = _rule_patterns()
RULE_BRANCHES = sorted({b for p in RULE_PATTERNS for b in _branches(p)})
_LABEL_CHARS = st.sampled_from("abcdefghijklmnopqrstuvwxyz0123456789 -()/&%$,:'")
_RULE_PIECE = st.one_of([st.from_regex(re.compile(b), fullmatch=True, alphabet=_LABEL_CHARS) for b in RULE_BRANCHES])


def test_rule_patterns_are_found() -> None:
    assert len(RULE_PATTERNS) >= 25
    assert rules._WAIVER in RULE_PATTERNS
    assert any("wire" in p for p in RULE_PATTERNS)
    assert "contractual (?:fee|expense)" in RULE_BRANCHES
    assert len(RULE_BRANCHES) > 2 * len(RULE_PATTERNS)


@settings(max_examples=4000, deadline=None, derandomize=True)
@given(st.lists(_RULE_PIECE, min_size=1, max_size=3))
def test_word_test_never_changes_a_concept_of_rule_made_labels(pieces: list[str]) -> None:
    """Labels made of one to three pieces, each matching one alternative of a rule's pattern.

    A rule whose words the word test lacks fails here without anyone writing a label for it:
    each of the test's words, left out in turn, fails this test, except "reinvest", "unitary"
    and "administrat", whose rules also need "charge", "fee" or "expense" (measured with 4,000
    examples; with 2,000, "ratio" or "contractual" could go unnoticed)."""
    label = " ".join(pieces)
    text = normalize(label)[:MAX_LABEL]
    if text:
        assert fee_concept(label) == concept_of_text(text), label
