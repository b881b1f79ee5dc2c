"""Cell values: numbers as written, units, nulls and footnote markers."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.values import parse_cell, parse_number, split_markers

D = Decimal


@pytest.mark.parametrize(
    ("text", "value", "unit", "markers"),
    [
        ("0.88 %", D("0.88"), "percent", ()),
        ("0.25%", D("0.25"), "percent", ()),
        (".25", D("0.25"), None, ()),
        (".67 %", D("0.67"), "percent", ()),
        ("$1,206", D("1206"), "usd", ()),
        ("$ 1,206", D("1206"), "usd", ()),
        ("$      3.53(2)", D("3.53"), "usd", ("(2)",)),
        ("$.50", D("0.50"), "usd", ()),
        ("(0.10)", D("-0.10"), None, ()),
        ("(0.19)%", D("-0.19"), "percent", ()),
        ("(17.34)%", D("-17.34"), "percent", ()),
        ("(28%)", D("-28"), "percent", ()),
        ("(2,855 )", D("-2855"), None, ()),
        ("(163 )", D("-163"), None, ()),
        ("$(1,234)", D("-1234"), "usd", ()),
        ("($1,234)", D("-1234"), "usd", ()),
        ("(1)", D("-1"), None, ()),
        ("-16.5", D("-16.5"), None, ()),
        ("-10.1%", D("-10.1"), "percent", ()),
        ("-27.0%", D("-27.0"), "percent", ()),
        ("\u22120.10%", D("-0.10"), "percent", ()),
        ("- 0.5", D("-0.5"), None, ()),
        ("+1.5", D("1.5"), None, ()),
        ("15.7x", D("15.7"), None, ()),
        ("3.6x", D("3.6"), None, ()),
        ("1.20", D("1.20"), None, ()),
        ("1,234,567.89", D("1234567.89"), None, ()),
        ("0", D("0"), None, ()),
        ("(0.00)", D("0.00"), None, ()),
        ("3,615<F2>", D("3615"), None, ("<F2>",)),
        ("744,322(2)", D("744322"), None, ("(2)",)),
        ("1.39/4/", D("1.39"), None, ("/4/",)),
        ("$20,300/3/", D("20300"), "usd", ("/3/",)),
        ("0.25%*", D("0.25"), "percent", ("*",)),
        ("2.5%**", D("2.5"), "percent", ("**",)),
        ("5.75%/2/", D("5.75"), "percent", ("/2/",)),
        ("1.00%(a)", D("1.00"), "percent", ("(a)",)),
        ("0.50%[1]", D("0.50"), "percent", ("[1]",)),
        ("3.0%#", D("3.0"), "percent", ("#",)),
        ("$1,206\u2020", D("1206"), "usd", ("\u2020",)),
        ("0.25%\u00b9", D("0.25"), "percent", ("\u00b9",)),
        ("0.75 % (1)", D("0.75"), "percent", ("(1)",)),
        ("(0.10)%(2)", D("-0.10"), "percent", ("(2)",)),
        ("1.5<F1><F2>", D("1.5"), None, ("<F1>", "<F2>")),
        ("*0.25%", D("0.25"), "percent", ("*",)),
        ("<F1> 12", D("12"), None, ("<F1>",)),
        ("None", None, None, ()),
        ("none", None, None, ()),
        ("N/A", None, None, ()),
        ("n/a", None, None, ()),
        ("--", None, None, ()),
        ("-0-", None, None, ()),
        ("\u2014", None, None, ()),
        ("\u2013", None, None, ()),
        ("NM", None, None, ()),
        ("", None, None, ()),
        ("   ", None, None, ()),
        ("$      --", None, None, ()),
        ("$            --", None, None, ()),
        ("--%", None, None, ()),
        ("-/5/", None, None, ("/5/",)),
        ("None(2)", None, None, ("(2)",)),
        ("- (4)", None, None, ("(4)",)),
        ("-(1)", None, None, ("(1)",)),
        ("\u2013(2)", None, None, ("(2)",)),
        ("--(1)", None, None, ("(1)",)),
        ("$ (1)", D("-1"), "usd", ()),
        ("1.50 (5),(6)", D("1.50"), None, ("(5)", "(6)")),
        ("0.25%(a), (b)", D("0.25"), "percent", ("(a)", "(b)")),
        ("1,234,(5)", None, None, ("(5)",)),
        ("N/A(3)", None, None, ("(3)",)),
        ("#", None, None, ("#",)),
        ("\u2020", None, None, ("\u2020",)),
        ("[1]", None, None, ("[1]",)),
        ("(a)", None, None, ("(a)",)),
        ("*", None, None, ("*",)),
        ("00253CFD4", None, None, ()),
        ("037833100", None, None, ()),
        ("12/31/97", None, None, ()),
        ("1997-12-31", None, None, ()),
        ("Jan. 1, 1997", None, None, ()),
        ("$ 29.75-$12.75", None, None, ()),
        ("$  29.75-$12.75", None, None, ()),
        ("29 3/4", None, None, ()),
        ("12 34", None, None, ()),
        ("12b-1", None, None, ()),
        ("1,2345", None, None, ()),
        ("1.2.3", None, None, ()),
        ("1e5", None, None, ()),
        ("(0.10", None, None, ()),
        ("0.10)", None, None, ()),
        ("$", None, None, ()),
        ("%", None, None, ()),
        ("COM", None, None, ()),
    ],
)
def test_parse_cell(text: str, value: Decimal | None, unit: str | None, markers: tuple[str, ...]) -> None:
    cell = parse_cell(text)
    assert (cell.value, cell.unit, cell.footnotes) == (value, unit, markers)
    if value is not None:
        assert str(cell.value) == str(value)  # digits as written: 1.20 stays 1.20


def test_text_is_kept_as_written_and_trimmed() -> None:
    cell = parse_cell("  $   1,206 \n")
    assert (cell.text, cell.value, cell.unit) == ("$   1,206", Decimal("1206"), "usd")
    assert parse_cell("0.88 %").text == "0.88 %"


def test_long_text_is_prose() -> None:
    assert parse_cell("1" * 81).value is None
    assert parse_cell("1" * 80).value == Decimal("1" * 80)


def test_split_markers_keeps_inner_text() -> None:
    assert split_markers("Other Expenses(3)") == ("Other Expenses", ("(3)",))
    assert split_markers("CLASS 529-E/1/") == ("CLASS 529-E", ("/1/",))
    assert split_markers("12") == ("12", ())


def test_parse_number_without_markers() -> None:
    assert parse_number("$ 1,206") == (Decimal("1206"), "usd")
    assert parse_number("1,206(2)") == (None, None)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=120))
def test_never_raises(text: str) -> None:
    cell = parse_cell(text)
    assert cell.value is None or cell.value.is_finite()


_CELL_ALPHABET = st.sampled_from(list("0123456789.,$%()-+x */<>F[]#abNn \u2014\u2020\u2212"))


@settings(max_examples=500, deadline=None)
@given(st.text(_CELL_ALPHABET, max_size=30))
def test_never_raises_on_number_like_text(text: str) -> None:
    cell = parse_cell(text)
    assert cell.text == text.strip()


_DECIMALS = st.builds(
    lambda n, places: Decimal(n).scaleb(-places), st.integers(-10**12, 10**12), st.integers(0, 4)
)


def _notations(d: Decimal) -> list[tuple[str, str | None]]:
    plain = f"{abs(d)}"
    commas = f"{abs(d):,}"
    sign = "-" if d < 0 else ""
    forms = [(f"{sign}{plain}", None), (f"{sign}{commas}", None), (f"{sign}{plain}%", "percent"),
             (f"{sign}{plain} %", "percent"), (f"{sign}${commas}", "usd"), (f"{sign}$ {commas}", "usd"),
             (f"{sign}{commas}*", None), (f"{sign}{plain}%(1)", "percent"), (f"{sign}{commas}<F2>", None)]
    if d < 0:
        forms += [(f"({commas})", None), (f"({plain})%", "percent"), (f"$({commas})", "usd"),
                  (f"({commas} )", None)]
    return forms


@settings(max_examples=300, deadline=None)
@given(_DECIMALS)
def test_common_notations_round_trip(d: Decimal) -> None:
    for text, unit in _notations(d):
        cell = parse_cell(text)
        assert (cell.value, cell.unit) == (d, unit), text
        assert str(cell.value) == str(d) or d == 0, text
