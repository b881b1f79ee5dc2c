"""A waiver agreed until a date more than a year after the document's: the example counts it for
the years it runs (net ratio) and the gross ratio after.

The term is the waiver's end date against the date of the document: the date its prose gives
("Prospectus dated ..."), or else the date the filing was made (``validate_tables(filed=...)``).
Where neither date can be read the checks try every term, as they always have.
"""

from __future__ import annotations

from datetime import date

import pytest
from waiver_document import ONE_YEAR, TWO_YEARS, waiver_document

from extractor import extract_bytes
from extractor.checks import validate_tables
from extractor.checks.waiver_term import document_dates, terms_between, waiver_end_dates, waiver_terms

DATED = "Prospectus dated April 28, 2025"
NOTE = "(1) The Adviser has contractually agreed to waive 0.25% of its fee through April 30, 2027."


def example_findings(dated: str, figures: tuple[str, ...], filed: str | None = None) -> list[tuple[str, str]]:
    text = f"{dated}\n\n" + waiver_document(NOTE, figures)
    tables = list(extract_bytes(text.encode(), "waiver.txt").tables)
    return [(f.severity, f.column) for f in validate_tables(tables, filed) if f.check == "expense_example"]


def test_a_two_year_waiver_counted_for_two_years_is_fine() -> None:
    assert example_findings(DATED, TWO_YEARS) == []


def test_a_two_year_waiver_counted_for_one_year_is_a_finding() -> None:
    assert example_findings(DATED, ONE_YEAR) == [("warning", "3 Years"), ("warning", "5 Years"),
                                                 ("warning", "10 Years")]


def test_the_filing_date_stands_in_for_a_prospectus_date() -> None:
    assert example_findings("", ONE_YEAR, filed="2025-04-29") == [
        ("warning", "3 Years"), ("warning", "5 Years"), ("warning", "10 Years")]
    assert example_findings("", TWO_YEARS, filed="2025-04-29") == []


@pytest.mark.parametrize("figures", [TWO_YEARS, ONE_YEAR])
def test_without_a_readable_date_every_term_is_tried_as_before(figures: tuple[str, ...]) -> None:
    assert example_findings("Prospectus dated in the spring", figures) == []
    assert example_findings("", figures, filed="not a date") == []


def test_a_wrong_figure_is_still_an_error_with_a_dated_waiver() -> None:
    assert ("error", "3 Years") in example_findings(DATED, ("$97", "$342", "$613", "$1,415"))


def test_dates_read_from_prose() -> None:
    prose = ("Supplement dated Sept. 5, 2025 to the Prospectus dated April 28, 2025. The Adviser has agreed "
             "to limit expenses until at least February 28, 2027. The fiscal year ended October 31, 2024.")
    assert document_dates(prose) == (date(2025, 9, 5), date(2025, 4, 28))
    assert waiver_end_dates(prose) == (date(2027, 2, 28),)
    assert waiver_end_dates("The Fund commenced operations prior to May 1, 2020.") == ()


@pytest.mark.parametrize(("start", "end", "terms"), [
    (date(2025, 4, 28), date(2026, 4, 30), [1]),
    (date(2025, 5, 1), date(2026, 4, 30), [1]),  # a day short of a year still counts for it
    (date(2025, 4, 28), date(2027, 4, 30), [2]),
    (date(2025, 7, 18), date(2027, 9, 5), [2]),  # a month into the third year: two
    (date(2025, 9, 5), date(2027, 6, 5), [1, 2]),  # a year and three quarters: one or two
    (date(2025, 4, 28), date(2025, 2, 28), None),  # ended before the document: not this waiver's term
    (date(2015, 4, 28), date(2026, 4, 30), None),  # longer than any term tried
])
def test_terms_between(start: date, end: date, terms: list[int] | None) -> None:
    found = terms_between(start, end)
    assert (list(found) if found is not None else None) == terms


def test_several_waivers_allow_every_term_of_each() -> None:
    prose = ("Prospectus dated May 1, 2025. Fund A's adviser has agreed to waive fees through April 30, 2026. "
             "Fund B's adviser has agreed to reimburse expenses through April 30, 2027.")
    assert waiver_terms(prose, None) == frozenset({1, 2})
    assert waiver_terms("The adviser has agreed to waive fees through April 30, 2027.", None) is None
