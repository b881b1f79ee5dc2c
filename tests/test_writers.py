"""Writers: the contract JSON, the wide and tidy frames, CSV and Parquet, from model objects."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pandas as pd

from extractor.model import Cell, Document, Filing, Finding, Header, Row, ShareClass, Table, XbrlFact
from extractor.writers import filing_dict, number, render_text, tidy_frame, wide_csv


def sample_filing() -> Filing:
    fee = Table(
        id="t1", line=23, section=0, end_line=57, document=1, kind="fees",
        columns=("Class A", "Class B"),
        rows=(
            Row(33, "Management Fee", (Cell("0.88 %", Decimal("0.88"), "percent"),
                                       Cell("0.88%", Decimal("0.88"), "percent")),
                concept="ManagementFeesOverAssets"),
            Row(36, "12b-1 Fees", (Cell("None"), Cell("0.25%*", Decimal("0.25"), "percent", ("*",),
                                                      XbrlFact("rr:DistributionAndService12b1FeesOverAssets",
                                                               Decimal("0.0025"), "C000000002"))),
                concept="DistributionAndService12b1FeesOverAssets"),
        ),
    )
    example = Table(id="t2", line=75, document=1, kind="expense_example", columns=("Class A", "Class B"),
                    rows=(Row(88, "10 Years", (Cell("$1,206", Decimal("1206"), "usd"),
                                               Cell("$1,507", Decimal("1507"), "usd")),
                              concept="ExpenseExampleYear10"),))
    header = Header("0000908737-06-000800", "497", "MET INVESTORS SERIES TRUST", "0001126087", "2006-11-13",
                    (ShareClass("S000001", "Small Cap", "C000000001", "Class A", "MAAX"),
                     ShareClass("S000001", "Small Cap", "C000000002", "Class B", None)))
    finding = Finding("component_sum", "error", "t1", 42, "Total", "Class B", "1.20", "1.21",
                      "Class B: 0.88 + 0.25 + 0.07 = 1.20, but the total row shows 1.21")
    return Filing("f.txt", header, (Document(1, "497", "f.txt", 1),), (fee, example), (finding,))


def test_numbers_are_written_as_in_the_text() -> None:
    assert number(Decimal("1206")) == 1206 and isinstance(number(Decimal("1206")), int)
    assert number(Decimal("0.88")) == 0.88
    assert number(Decimal("-0.10")) == -0.10
    assert number(Decimal("1.20")) == 1.2 and isinstance(number(Decimal("1.20")), float)
    assert number(None) is None


def test_contract_json_shape() -> None:
    out = filing_dict(sample_filing())
    assert out["filing"]["accession_number"] == "0000908737-06-000800"
    assert out["filing"]["series"][0] == {"series_id": "S000001", "series_name": "Small Cap",
                                          "class_id": "C000000001", "class_name": "Class A", "ticker": "MAAX"}
    assert out["documents"] == [{"sequence": 1, "type": "497", "filename": "f.txt", "line": 1}]
    table = out["tables"][0]
    assert (table["id"], table["line"], table["section"], table["kind"]) == ("t1", 23, 0, "fees")
    assert table["columns"] == ["Class A", "Class B"]
    assert table["rows"][0]["cells"][0] == {"text": "0.88 %", "value": 0.88, "unit": "percent", "footnotes": []}
    assert table["rows"][1]["cells"][0] == {"text": "None", "value": None, "unit": None, "footnotes": []}
    assert table["rows"][1]["cells"][1]["xbrl"] == {
        "concept": "rr:DistributionAndService12b1FeesOverAssets", "class_id": "C000000002", "value": 0.0025}
    assert out["findings"][0]["expected"] == "1.20" and out["findings"][0]["found"] == "1.21"


def test_to_frame_has_labels_headers_numbers_and_attrs() -> None:
    frame = sample_filing().tables[0].to_frame()
    assert list(frame.columns) == ["Class A", "Class B"]
    assert list(frame.index) == ["Management Fee", "12b-1 Fees"]
    assert frame.loc["12b-1 Fees", "Class B"] == 0.25
    assert pd.isna(frame.loc["12b-1 Fees", "Class A"])
    assert frame.attrs["line"] == 23 and frame.attrs["kind"] == "fees"


def test_tidy_frame_one_value_a_row_with_class_ids() -> None:
    frame = tidy_frame(sample_filing())
    assert len(frame) == 6
    b_fee = frame[(frame["label"] == "12b-1 Fees") & (frame["column"] == "Class B")].iloc[0]
    assert b_fee["value"] == 0.25 and b_fee["class_id"] == "C000000002" and b_fee["series_id"] == "S000001"
    assert b_fee["xbrl_concept"] == "rr:DistributionAndService12b1FeesOverAssets"
    assert b_fee["concept"] == "DistributionAndService12b1FeesOverAssets"
    fees_only = tidy_frame(sample_filing(), ["fees"])
    assert set(fees_only["kind"]) == {"fees"} and len(fees_only) == 4


def test_wide_csv_and_parquet_round_trip(tmp_path: Path) -> None:
    text = wide_csv(sample_filing())
    assert "label,Class A,Class B" in text and "Management Fee,0.88 %,0.88%" in text
    target = tmp_path / "t.parquet"
    tidy_frame(sample_filing()).to_parquet(target, index=False)
    back = pd.read_parquet(target)
    assert back["value"].tolist()[:2] == [0.88, 0.88]


def test_text_view_shows_grid_and_findings() -> None:
    text = render_text(sample_filing())
    assert "t1  line 23  fees" in text
    assert "Management Fee" in text and "$1,507" in text
    assert "f.txt:42: error component_sum: Class B: 0.88 + 0.25 + 0.07 = 1.20" in text
