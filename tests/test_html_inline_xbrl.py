"""Inline XBRL facts as generators nest them: one shown number tagged with two facts, the inner
``ix:nonFraction`` inside the outer one's ``<span>`` markup. Each fact of the nest states the
shown number, so a wrong one is reported whichever of them it is. One synthetic case per rule."""

from __future__ import annotations

from decimal import Decimal

from extractor import extract_bytes

_NESTED = """<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"
 xmlns:ixt="http://www.xbrl.org/inlineXBRL/transformation/2020-02-12"
 xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:xbrldi="http://xbrl.org/2006/xbrldi"
 xmlns:rr="http://xbrl.sec.gov/rr/2023" xmlns:x="http://example.com/x">
<head><title>Fund</title></head><body>
<div style="display:none"><ix:header><ix:resources>
<xbrli:context id="cA"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">1</xbrli:identifier>
<xbrli:segment><xbrldi:explicitMember dimension="rr:ProspectusShareClassAxis">x:C000000011Member</xbrldi:explicitMember>
</xbrli:segment></xbrli:entity><xbrli:period><xbrli:instant>2024-01-01</xbrli:instant></xbrli:period></xbrli:context>
</ix:resources></ix:header></div>
<table>
<tr><td></td><td>Class A</td></tr>
<tr><td>Management fees</td><td><ix:nonFraction name="rr:ManagementFeesOverAssets" contextRef="cA" unitRef="pure"
 scale="-2" decimals="4" format="ixt:num-dot-decimal">0.60</ix:nonFraction>%</td></tr>
<tr><td>Other expenses</td><td><ix:nonFraction name="rr:OtherExpensesOverAssets" contextRef="cA" unitRef="pure"
 scale="-2" decimals="4" format="ixt:num-dot-decimal">0.15</ix:nonFraction>%</td></tr>
<tr><td>Total annual fund operating expenses</td><td><ix:nonFraction name="rr:ExpensesOverAssets" contextRef="cA"
 unitRef="pure" scale="-2" decimals="4" format="ixt:num-dot-decimal"><span style="font-family:Arial"><ix:nonFraction
 name="rr:NetExpensesOverAssets" contextRef="cA" unitRef="pure" scale="INNER_SCALE" decimals="4"
 format="ixt:num-dot-decimal">0.75</ix:nonFraction></span></ix:nonFraction>%</td></tr>
</table></body></html>"""


def test_a_wrong_fact_nested_in_a_right_one_is_reported() -> None:
    """The inner fact of a nest was never read: only the outer one was attached to the cell, so an
    inner fact tagged 0.000075 for a shown 0.75% went unreported. A consistent nest gives no
    finding and carries its outer fact."""
    right = extract_bytes(_NESTED.replace("INNER_SCALE", "-2").encode(), "nested.htm")
    assert [f for f in right.findings if f.check.startswith("xbrl")] == []
    total = right.tables[0].rows[2].cells[0]
    assert total.xbrl is not None
    assert (total.xbrl.concept, total.xbrl.value) == ("rr:ExpensesOverAssets", Decimal("0.0075"))
    wrong = extract_bytes(_NESTED.replace("INNER_SCALE", "-4").encode(), "nested.htm")
    mismatches = [f for f in wrong.findings if f.check == "xbrl_mismatch"]
    assert [(f.row, f.found) for f in mismatches] == [("Total annual fund operating expenses", "0.75")]
    assert "rr:NetExpensesOverAssets" in mismatches[0].message
