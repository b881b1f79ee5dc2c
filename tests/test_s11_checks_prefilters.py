"""Plain searches that run before a pattern (the validator's cap sentences, CDSC schedule words
and statement totals) give the pattern's own verdict: on text that matches, on text that holds
only the words, and on text whose case or non-ASCII letters a lower-cased search does not see."""

from __future__ import annotations

import pytest

from extractor.checks.caps import _CAP_WORDS, _capped
from extractor.checks.schedules import _about
from extractor.checks.totals import _TOTAL, _TOTAL_STARTS

SENTENCES = [
    "The adviser has agreed to limit total annual fund operating expenses to 1.10%.",
    "Expenses will not exceed 0.85% of average daily net assets.",
    "EXPENSES ARE CAPPED AT 1.25% THROUGH JUNE 30.",
    "to the extent that total expenses exceed 1.00%, the adviser reimburses the fund",
    "The cap is set at 2 percent.",
    "Management fees are paid monthly.",
    "The capital gains are distributed.",
    "Limitations apply.",
    "Expenses will not exc\u0130ed 0.85%.",
    "The adviser agreed to l\u0130mit expenses to 1.10%.",
    "",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_capped_is_the_pattern(sentence: str) -> None:
    assert _capped(sentence) == (_CAP_WORDS.search(sentence) is not None)


def test_capped_verdicts() -> None:
    assert [_capped(s) for s in SENTENCES[:8]] == [True, True, True, True, True, False, False, False]
    assert _capped("The adviser agreed to l\u0130mit expenses to 1.10%.")  # the pattern decides


def test_schedule_words() -> None:
    assert _about("contingent deferred sales charge")
    assert _about("class b cdsc")
    assert not _about("management fee other expenses")
    assert not _about("")


LABELS = ["total", "totals", "total return", "grand total", "subtotal", "sub total", "net total",
          "total assets", "totally", "", "less: total", "grand totals"]


@pytest.mark.parametrize("label", LABELS)
def test_total_starts_hold_every_total(label: str) -> None:
    matched = _TOTAL.search(label) is not None
    assert not matched or label.startswith(_TOTAL_STARTS)


def test_total_verdicts() -> None:
    assert [_TOTAL.search(label) is not None for label in LABELS] == [
        True, True, False, True, True, False, False, True, False, False, False, True]
