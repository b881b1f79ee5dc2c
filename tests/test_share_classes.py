"""Series and class IDs of the tidy output, matched from the SEC header's list of series and classes.

Submissions of two funds that both have Class A and Class C: a class name alone is ambiguous, so
the series must come from the fund named near the table, or from the one fund with every class
the table names; tickers match outright; a name that stays ambiguous stays unmatched.
"""

from __future__ import annotations

from typing import Any

import pytest
from conftest import FIXTURES

from extractor import extract, extract_bytes
from extractor.model import Header, ShareClass
from extractor.share_classes import ClassIndex, class_key, lookup_key
from extractor.writers import tidy_records

SERIES = {
    "S000000001": ("Alpha Growth Fund", [("C000000011", "Class A", "ALGAX"), ("C000000012", "Class C", "ALGCX")]),
    "S000000002": ("Alpha Growth Fund II", [("C000000021", "Class A", "AGIAX"), ("C000000022", "Class C", None),
                                            ("C000000023", "Institutional Class", "AGIIX")]),
}


def header() -> str:
    out = ["<SERIES-AND-CLASSES-CONTRACTS-DATA>", "<EXISTING-SERIES-AND-CLASSES-CONTRACTS>"]
    for series_id, (name, classes) in SERIES.items():
        out += ["<SERIES>", "<OWNER-CIK>0000012345", f"<SERIES-ID>{series_id}", f"<SERIES-NAME>{name}"]
        for class_id, class_name, ticker in classes:
            out += ["<CLASS-CONTRACT>", f"<CLASS-CONTRACT-ID>{class_id}", f"<CLASS-CONTRACT-NAME>{class_name}"]
            out += [f"<CLASS-CONTRACT-TICKER-SYMBOL>{ticker}"] if ticker else []
            out += ["</CLASS-CONTRACT>"]
        out += ["</SERIES>"]
    out += ["</EXISTING-SERIES-AND-CLASSES-CONTRACTS>", "</SERIES-AND-CLASSES-CONTRACTS-DATA>"]
    return "\n".join(out)


def submission(text: str) -> bytes:
    return (
        "<SUBMISSION>\n<ACCESSION-NUMBER>0000950123-09-000001\n<TYPE>485BPOS\n<FILING-DATE>20090102\n"
        "<FILER>\n<COMPANY-DATA>\n<CONFORMED-NAME>ALPHA TRUST\n<CIK>0000012345\n</COMPANY-DATA>\n</FILER>\n"
        f"{header()}\n<DOCUMENT>\n<TYPE>485BPOS\n<SEQUENCE>1\n<TEXT>\n{text}\n</TEXT>\n</DOCUMENT>\n</SUBMISSION>\n"
    ).encode()


FEES = """
<TABLE>
<S>                                    <C>        <C>
                                       {a:<10} {c}
Management Fees                        0.50%      0.50%
Distribution (12b-1) Fees              0.25%      1.00%
Other Expenses                         0.20%      0.20%
Total Annual Fund Operating Expenses   0.95%      1.70%
</TABLE>
"""


def classes_by_column(text: str) -> dict[str, tuple[Any, Any]]:
    records = tidy_records(extract_bytes(submission(text), "s.txt"))
    return {r["column"]: (r["series_id"], r["class_id"]) for r in records if r["value"] is not None}


def test_the_fund_named_before_the_table_settles_an_ambiguous_class_name() -> None:
    text = "ALPHA GROWTH FUND II\n\nFees and Expenses of the Fund\n" + FEES.format(a="Class A", c="Class C")
    assert classes_by_column(text) == {"Class A": ("S000000002", "C000000021"),
                                       "Class C": ("S000000002", "C000000022")}
    text = "Alpha Growth Fund\n\nFees and Expenses of the Fund\n" + FEES.format(a="Class A", c="Class C")
    assert classes_by_column(text) == {"Class A": ("S000000001", "C000000011"),
                                       "Class C": ("S000000001", "C000000012")}


def test_without_a_fund_name_a_class_name_both_funds_have_stays_unmatched() -> None:
    text = "Fees and Expenses of the Fund\n" + FEES.format(a="Class A", c="Class C")
    assert classes_by_column(text) == {"Class A": (None, None), "Class C": (None, None)}


def test_the_one_fund_with_every_class_the_table_names() -> None:
    text = "Fees and Expenses of the Fund\n" + FEES.format(a="Class A", c="Institutional")
    assert classes_by_column(text) == {"Class A": ("S000000002", "C000000021"),
                                       "Institutional": ("S000000002", "C000000023")}


def test_a_ticker_in_the_header_matches_outright() -> None:
    text = "Fees and Expenses of the Fund\n" + FEES.format(a="A (ALGAX)", c="C (ALGCX)")
    assert classes_by_column(text) == {"A (ALGAX)": ("S000000001", "C000000011"),
                                       "C (ALGCX)": ("S000000001", "C000000012")}


def test_footnote_markers_and_abbreviations() -> None:
    assert [lookup_key(name) for name in ("CLASS A/1/", "Class B(2)", "Class C*", "Class 529-A", "Inst.")] == [
        "a", "b", "c", "529-a", "inst."]
    text = "Alpha Growth Fund II\n" + FEES.format(a="CLASS A/1/", c="Inst.")
    assert classes_by_column(text) == {"CLASS A/1/": ("S000000002", "C000000021"),
                                       "Inst.": ("S000000002", "C000000023")}


def test_an_example_with_a_row_per_class() -> None:
    text = """Alpha Growth Fund
<TABLE>
<S>                  <C>       <C>        <C>        <C>
                     1 Year    3 Years    5 Years    10 Years
Class A              $  667    $  860     $1,069     $1,670
Class C              $  273    $  536     $  923     $2,009
</TABLE>
"""
    records = tidy_records(extract_bytes(submission(text), "s.txt"))
    by_row = {(r["label"], r["column"]): (r["series_id"], r["class_id"]) for r in records}
    assert by_row[("Class A", "10 Years")] == ("S000000001", "C000000011")
    assert by_row[("Class C", "1 Year")] == ("S000000001", "C000000012")


def test_longer_series_names_hide_the_shorter_they_contain() -> None:
    index = ClassIndex(Header(series=tuple(
        ShareClass(series_id, name, class_id, class_name, ticker)
        for series_id, (name, classes) in SERIES.items() for class_id, class_name, ticker in classes)))
    assert index.series_named_in("The Alpha Growth Fund II seeks growth.") == "S000000002"
    assert index.series_named_in("The Alpha Growth Fund seeks growth.") == "S000000001"
    assert index.series_named_in("Alpha Growth Fund and Alpha Growth Fund II") is None


def test_inline_xbrl_facts_name_the_series_when_there_is_no_sec_header() -> None:
    records = tidy_records(extract(FIXTURES / "html-ixbrl-waiver.html"))
    tagged = {(r["column"], r["series_id"], r["class_id"]) for r in records if r["xbrl_class_id"]}
    assert ("Class A", "S000012345", "C000054321") in tagged
    assert all(series_id == "S000012345" for _, series_id, _ in tagged)


@pytest.mark.parametrize("label", ["Management Fees", "Total", "1 Year"])
def test_labels_that_are_not_classes(label: str) -> None:
    index = ClassIndex(Header(series=(ShareClass("S1", "Fund", "C1", "Class A", None),)))
    assert index.candidates(class_key(label), None) == []
