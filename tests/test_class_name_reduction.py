"""One reduction of a share-class name, for the checks and for the tidy output's class IDs.

The checks pair a fee column with an example row by it, the tidy output a header or label with
the SEC header's class names. Both read "Investor Class Shares" as the investor class, the class
after "Class" otherwise, the qualifiers of an example row ("if you sell", "assuming redemption")
as no part of the name; a header over several classes names none of them. The tidy matcher alone
keeps an abbreviation's full stop, which makes the SEC header's list match it by prefix.
"""

from __future__ import annotations

import pytest

from extractor.model import Header, ShareClass
from extractor.share_classes import ClassIndex, class_key, lookup_key


@pytest.mark.parametrize(("name", "key"), [
    ("Class A Shares", "a"),
    ("A", "a"),
    ("CLASS A/1/", "a"),
    ("Class B(2)", "b"),
    ("Class C*", "c"),
    ("CLASS 529-A/2/", "529-a"),
    ("Investor Class Shares", "investor"),
    ("Institutional Class", "institutional"),
    ("Class C (if you sell)", "c"),
    ("Class B - assuming redemption/2/", "b"),
    ("ASSUMING NO REDEMPTION CLASS C", "c"),
    ("Class A (ALGAX)", "a"),
    ("CLASS A CLASS B", "a b"),  # two classes merged into one header: neither
    ("If you do not sell your shares:", ""),
    ("Inst.", "inst"),
])
def test_class_key(name: str, key: str) -> None:
    assert class_key(name) == key


@pytest.mark.parametrize(("name", "key"), [
    ("Inst.", "inst."),
    ("Adv. Class", "adv."),
    ("Class A.", "a"),  # a full stop after a class letter abbreviates nothing
    ("Investor Class Shares", "investor"),
    ("CLASS A CLASS B", "a b"),
])
def test_lookup_key_keeps_an_abbreviation(name: str, key: str) -> None:
    assert lookup_key(name) == key


def test_index_and_tables_reduce_alike() -> None:
    index = ClassIndex(Header(series=(
        ShareClass("S1", "Fund", "C1", "Investor Class Shares", None),
        ShareClass("S1", "Fund", "C2", "Class A", None),
        ShareClass("S1", "Fund", "C3", "Class B", None),
        ShareClass("S1", "Fund", "C4", "Institutional Class", None),
    )))
    assert [s.class_id for s in index.candidates(lookup_key("Investor"), None)] == ["C1"]
    assert [s.class_id for s in index.candidates(lookup_key("Class B - assuming redemption"), None)] == ["C3"]
    assert [s.class_id for s in index.candidates(lookup_key("Inst."), None)] == ["C4"]
    assert index.candidates(lookup_key("CLASS A CLASS B"), None) == []
