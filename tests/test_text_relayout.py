"""Layouts the re-layout scorer turned up: headers centred over columns wider than their values.

Each case is a small synthetic table in the shape that failed; the assertions name the headers
and the cell values a reader of the text would write down.
"""

from __future__ import annotations

from decimal import Decimal

from extractor.model import Document, Table
from extractor.text import read_text_tables
from extractor.text.layout import _flush_side, _widen_flush


def read(text: str) -> list[Table]:
    return read_text_tables(Document(1, None, None, 1, text=text, text_line=1))


def values(table: Table) -> list[list[Decimal | None]]:
    return [[c.value for c in row.cells] for row in table.rows]


LEFT_ALIGNED = """\
<TABLE>
<CAPTION>
                                        DECEMBER 25,                       SEPTEMBER 24,
                                            1992       MARCH 26, 1993          1993
</CAPTION>
Domestic                              1,095,369        1,040,090        1,251,718
International                         904,923          933,804          889,071
Total net sales                       2,000,292        1,973,894        2,140,789
Cost of sales                         1,189,367        1,213,131        1,590,361
</TABLE>
"""


def test_headers_centred_over_left_aligned_values() -> None:
    """Values flush left fill the left part of a column; its centred header stands partly over
    the gutter to the right, and still belongs to that column, not the next or the caption."""
    (table,) = read(LEFT_ALIGNED)
    assert table.columns == ("DECEMBER 25, 1992", "MARCH 26, 1993", "SEPTEMBER 24, 1993")
    assert table.caption == ""
    assert [r.label for r in table.rows] == ["Domestic", "International", "Total net sales", "Cost of sales"]
    assert values(table)[1] == [Decimal("904923"), Decimal("933804"), Decimal("889071")]


GROUP_UNDERLINE = """\
<TABLE>
<CAPTION>
                                                 1997                            1996
                                -------------------------------------  ------------------------
                                  NOTIONAL                CREDIT RISK    NOTIONAL
                                 PRINCIPAL    FAIR VALUE     AMOUNT     PRINCIPAL    FAIR VALUE
                                -----------  -----------  -----------  -----------  -----------
</CAPTION>
<S>                               <C>          <C>          <C>          <C>          <C>
Swaps                           340          (4)          None         315          (13)
Interest rate collars           105          N/A          N/A          80           N/A
Purchased floors                455          (1)          --           475          1
Spot/Forward contracts          741          1            7            2,035        9
</TABLE>
"""


def test_group_underline_reaching_into_the_next_column() -> None:
    """Tags two to the right of left-aligned values: the 1997 underline ends two characters
    into the range of the first 1996 column, which is not one of its columns."""
    (table,) = read(GROUP_UNDERLINE)
    assert table.columns == (
        "1997 NOTIONAL PRINCIPAL",
        "1997 FAIR VALUE",
        "1997 CREDIT RISK AMOUNT",
        "1996 NOTIONAL PRINCIPAL",
        "1996 FAIR VALUE",
    )
    assert values(table)[0] == [Decimal("340"), Decimal("-4"), None, Decimal("315"), Decimal("-13")]
    assert values(table)[3] == [Decimal("741"), Decimal("1"), Decimal("7"), Decimal("2035"), Decimal("9")]


TEXT_COLUMN = """\
<TABLE>
<CAPTION>
 PRINCIPAL
 AMOUNT IN                                                                    COUPON      MATURITY
 THOUSANDS                                                                     RATE         DATE
-----------                                                                 ----------   ----------
<S>         <C>                                                              <C>          <C>          <C>
 EUR 1,500  Northern Water Authority Bonds ................................. 4.50%        01/04/13      $  1,548,574
     1,025  Eastern Port Revenue Notes ..................................... 5.25         04/25/08         1,074,813
       375  City of Lakeside General Obligation ............................ 6.125        01/22/11           401,744
       405  State Highway Trust ............................................ 5.125        07/17/12           418,285
</TABLE>
"""


def test_header_over_a_column_of_text_cells_stays_there() -> None:
    """A column of dates holds no values, so there is no gutter beside it to share out: the
    right-aligned amounts after it do not take its header."""
    (table,) = read(TEXT_COLUMN)
    assert table.columns == ("PRINCIPAL AMOUNT IN THOUSANDS", "", "COUPON RATE", "MATURITY DATE", "")
    assert [row.cells[3].text for row in table.rows] == ["01/04/13", "04/25/08", "01/22/11", "07/17/12"]
    assert [row.cells[4].value for row in table.rows] == [
        Decimal("1548574"), Decimal("1074813"), Decimal("401744"), Decimal("418285")
    ]


def test_flush_side_needs_a_shared_edge_on_one_side_only() -> None:
    assert _flush_side([36, 36, 36, 36], [38, 39, 39, 41]) == "left"
    assert _flush_side([40, 38, 39, 37], [44, 44, 44, 44]) == "right"
    assert _flush_side([36, 36, 36], [39, 39, 39]) == ""
    assert _flush_side([36, 36], [38, 40]) == ""


def test_widen_flush_takes_half_the_gutter_beside_columns_with_values() -> None:
    ranges = [(10, 15), (25, 30), (40, 45)]
    assert _widen_flush(ranges, ["left", "right", ""], [True, True, True]) == [(10, 20), (21, 30), (40, 45)]
    assert _widen_flush(ranges, ["left", "", "right"], [True, False, True]) == ranges


CAPS_WRAPPED = """\
<TABLE>
<S>                                   <C>             <C>
PRIOR NUMBER OF LOANS:                    5,831.0         2,570.0
CURRENT NUMBER OF LOANS:                  5,796.0         2,549.0
NUMBER OF LOANS PURCHASED
FROM Substitution Pool                        0.0             3.0
CURRENT PRINCIPAL BAL. OF
LOANS PURCHASED FROM POOL
SUBSTITUTION                                  0.0            12.5
NUMBER OF LOANS PAID IN FULL                 35.0            21.0
</TABLE>
"""


def test_upper_case_label_runs_on_at_a_connecting_word() -> None:
    """In capitals no lower-case start says a line runs on; a line opening with "FROM" does,
    and the case change after it is inside one label, not a heading above a row."""
    (table,) = read(CAPS_WRAPPED)
    assert [r.label for r in table.rows] == [
        "PRIOR NUMBER OF LOANS:",
        "CURRENT NUMBER OF LOANS:",
        "NUMBER OF LOANS PURCHASED FROM Substitution Pool",
        "CURRENT PRINCIPAL BAL. OF LOANS PURCHASED FROM POOL SUBSTITUTION",
        "NUMBER OF LOANS PAID IN FULL",
    ]
    assert values(table)[2:4] == [[Decimal("0.0"), Decimal("3.0")], [Decimal("0.0"), Decimal("12.5")]]


NUMBER_IN_LABEL = """\
<TABLE>
                                          1997             1996
Long-term debt                                  951              949

Common stock, no par value;                     498              439
320,000,000 shares authorized;
127,949,220 shares issued and
outstanding in 1997 (124,496,972
shares in 1996)

Retained earnings                               589            1,634

Total shareholders' equity                    1,200            2,058
</TABLE>
"""


def test_number_inside_a_wrapped_label_makes_no_column() -> None:
    """Without a tag line the columns come from the data; a number that one wrapped label line
    holds, alone on its line and left of the columns the other rows fill, is not a column."""
    (table,) = read(NUMBER_IN_LABEL)
    assert table.columns == ("1997", "1996")
    assert [r.label for r in table.rows][1] == (
        "Common stock, no par value; 320,000,000 shares authorized; 127,949,220 shares issued and "
        "outstanding in 1997 (124,496,972 shares in 1996)"
    )
    assert values(table) == [
        [Decimal("951"), Decimal("949")],
        [Decimal("498"), Decimal("439")],
        [Decimal("589"), Decimal("1634")],
        [Decimal("1200"), Decimal("2058")],
    ]


NAME_WITH_INITIAL = """\
<TABLE>
                                   BENEFITS        ANNUAL
                                   ACCRUED        BENEFITS
<S>                            <C>             <C>
Jane Q. Public
..............                 19,842          47,838
Dr. Alan B.
Smithson .....                 20,125          70,050
Mary E. Rivers
..........                     36,265          62,646
</TABLE>
"""


def test_label_broken_after_an_initial_runs_on() -> None:
    """"Dr. Alan B." holds two dots and ends in one, as leaders do; it ends in an initial, so
    the name goes on on the next line."""
    (table,) = read(NAME_WITH_INITIAL)
    assert [r.label for r in table.rows] == ["Jane Q. Public", "Dr. Alan B. Smithson", "Mary E. Rivers"]
    assert values(table) == [
        [Decimal("19842"), Decimal("47838")],
        [Decimal("20125"), Decimal("70050")],
        [Decimal("36265"), Decimal("62646")],
    ]


PAGE_BREAK = """\
<TABLE>
<CAPTION>
                                                   CLASS R-5
</CAPTION>
Maximum sales charge imposed on                              --
purchases (as a percentage of
offering price)

Maximum sales charge imposed on                            None
reinvested dividends


                                                       3
<PAGE>

                                                   CLASS R-5
Maximum deferred sales charge                              None

Redemption or exchange fees                                  --
</TABLE>
"""


def test_header_repeated_after_a_page_break_is_no_label() -> None:
    """The header wider than its values starts left of the column, where labels lie; repeated
    after ``<PAGE>`` it is the header again, not the start of the next row's label."""
    (table,) = read(PAGE_BREAK)
    assert table.columns == ("CLASS R-5",)
    assert [r.label for r in table.rows] == [
        "Maximum sales charge imposed on purchases (as a percentage of offering price)",
        "Maximum sales charge imposed on reinvested dividends",
        "Maximum deferred sales charge",
        "Redemption or exchange fees",
    ]
    assert [r.cells[0].text for r in table.rows] == ["--", "None", "None", "--"]


def test_rule_with_a_stray_letter_repeats_no_header() -> None:
    text = PAGE_BREAK.replace("                                                   CLASS R-5\nMaximum deferred",
                              "                                           -----R-----\nMaximum deferred")
    (table,) = read(text)
    assert table.rows[2].label.startswith("-----R-----")


YEARS_REPEATED = """\
<TABLE>
                                           AS OF AND FOR THE QUARTER       AS OF AND FOR THE YEAR
                                                      ENDED                   ENDED SEPTEMBER
                                          ------------------------------  ------------------------
                                           DECEMBER 31,   SEPTEMBER 24,
                                               1993            1993          25, 1992    27, 1991
Short-term borrowings ..................            752             823          184         149

Inventory ..............................          1,339           1,507          580         672


                                                 38
<PAGE>

                                           AS OF AND FOR THE QUARTER       AS OF AND FOR THE YEAR
                                                      ENDED                   ENDED SEPTEMBER
                                          ------------------------------  ------------------------
                                           DECEMBER 31,   SEPTEMBER 24,
                                               1993            1993          25, 1992    27, 1991
Working capital ........................          1,880           1,823        2,133       1,647
</TABLE>
"""


def test_header_years_repeated_after_a_page_break_are_no_row() -> None:
    """The year line of the repeated header reads as numbers; without a label, and repeating the
    headers' own words column by column, it is the header again, not a row of values."""
    (table,) = read(YEARS_REPEATED)
    assert [r.label for r in table.rows] == ["Short-term borrowings", "Inventory", "Working capital"]
    assert values(table)[2] == [Decimal("1880"), Decimal("1823"), Decimal("2133"), Decimal("1647")]
    assert table.columns[2] == "AS OF AND FOR THE YEAR ENDED SEPTEMBER 25, 1992"


WIDE_HEADERS = """\
<TABLE>
<CAPTION>
                                                       1997                          1996
                                               -------------------           -------------------
                                             CARRYING                      CARRYING
                                              AMOUNT       FAIR VALUE       AMOUNT       FAIR VALUE
</CAPTION>
<S>                                            <C>            <C>            <C>            <C>
Ten-year unsecured notes                        300            269            300            259
Convertible subordinated notes                  661            656            661            656
Other                                             3              3              3              3
</TABLE>
"""


def test_group_underline_measured_against_the_values() -> None:
    """Headers wider than their narrow columns of values: the group underline, drawn from the
    tags, covers the values of the columns it groups, however far their headers spread."""
    (table,) = read(WIDE_HEADERS)
    assert table.columns == ("1997 CARRYING AMOUNT", "1997 FAIR VALUE", "1996 CARRYING AMOUNT", "1996 FAIR VALUE")
    assert values(table)[0] == [Decimal("300"), Decimal("269"), Decimal("300"), Decimal("259")]


HEADER_LEFT_OF_TAGS = """\
<TABLE>
                                                                        BALANCE AS OF                 BALANCE AS OF
                                          NET ADDITIONS     SPENDING    SEPTEMBER 27,     SPENDING    SEPTEMBER 26,
                                           DURING 1996    DURING 1996        1996       DURING 1997        1997
<S>                                            <C>            <C>            <C>            <C>            <C>
Payments to employees involuntarily
terminated                                     $ 81           $ 48           $ 33           $ 88           $ 76
Payments on canceled contracts                 25             3              22             11             40
</TABLE>
"""


def test_header_line_with_years_starting_left_of_the_tags() -> None:
    """A header wider than its column starts a few characters left of the first tag; its line
    holds years, but mostly words over the columns, so it is header, not a row above the tags."""
    (table,) = read(HEADER_LEFT_OF_TAGS)
    assert table.columns == (
        "NET ADDITIONS DURING 1996",
        "SPENDING DURING 1996",
        "BALANCE AS OF SEPTEMBER 27, 1996",
        "SPENDING DURING 1997",
        "BALANCE AS OF SEPTEMBER 26, 1997",
    )
    assert [r.label for r in table.rows] == ["Payments to employees involuntarily terminated",
                                             "Payments on canceled contracts"]
    assert values(table)[1] == [Decimal("25"), Decimal("3"), Decimal("22"), Decimal("11"), Decimal("40")]


UNTAGGED_PAGE_BREAK = """\
<TABLE>
                                         NET ADDITIONS    SPENDING DURING    NET ADDITIONS    SPENDING DURING
                                          DURING 1996           1996          DURING 1997           1997
                                        ----------------  ----------------  ----------------  ----------------
Payments to employees involuntarily
terminated                              81                48                131               88
Payments on canceled or vacated
facility leases                         19                4                 19                9

                                              30
<PAGE>

                                         NET ADDITIONS    SPENDING DURING    NET ADDITIONS    SPENDING DURING
                                          DURING 1996           1996          DURING 1997           1997
                                        ----------------  ----------------  ----------------  ----------------
Payments on canceled contracts          25                3                 29                11
                                        179               62                217               154
</TABLE>
"""


def test_repeated_header_years_make_no_inferred_column() -> None:
    """Without a tag line the columns come from the data; the header repeated after the page
    break starts over the values, so its years are not values and make no column."""
    (table,) = read(UNTAGGED_PAGE_BREAK)
    assert table.columns == (
        "NET ADDITIONS DURING 1996", "SPENDING DURING 1996", "NET ADDITIONS DURING 1997", "SPENDING DURING 1997"
    )
    assert [r.label for r in table.rows][:3] == [
        "Payments to employees involuntarily terminated",
        "Payments on canceled or vacated facility leases",
        "Payments on canceled contracts",
    ]
    assert values(table)[3] == [Decimal("179"), Decimal("62"), Decimal("217"), Decimal("154")]


STACK_UNDER_GROUP_RULE = """\
<TABLE>
<CAPTION>
                                               INCOME FROM                            DISTRIBUTIONS
                                        ------------------------------          ------------------------------
                                                                  INCOME FROM
                                         Net          Gains        INVESTMENT      From net        From
                                      investment   on securities   Total from     investment      capital
                                        income     (realized)      operations       income         gains
</CAPTION>
<S>                                   <C>          <C>             <C>            <C>            <C>
Year ended 12/31/2002                      0.42        (5.14)          (4.72)         (0.50)           --
Year ended 12/31/2001                      0.40        (3.34)          (2.94)         (0.40)        (0.37)
Year ended 12/31/2000                      0.42          0.90            1.32         (0.40)        (2.35)
</TABLE>
"""


def test_lone_piece_under_a_group_rule_with_text_below_is_a_header() -> None:
    """The top line of a column's own header stack, alone on its line under a group underline
    and centred on the table, is no unit note ("(IN MILLIONS)"): header text stands right
    under it."""
    (table,) = read(STACK_UNDER_GROUP_RULE)
    assert table.columns[2] == "INCOME FROM INVESTMENT Total from operations"
    assert table.caption == ""
    assert values(table)[0] == [Decimal("0.42"), Decimal("-5.14"), Decimal("-4.72"), Decimal("-0.50"), None]


ONE_COLUMN_UNTAGGED = """\
<TABLE>
                                              CREDIT RISK
                                                 AMOUNT
Swaps ...................................              None

Purchased floors ........................                 1

Spot/Forward contracts ..................                16
</TABLE>
"""


def test_header_over_the_values_is_no_wrapped_label() -> None:
    """Without a tag line, label lines right above the first row are its wrapped label only if
    they start within that row's label; header text stands right of it, over the values."""
    (table,) = read(ONE_COLUMN_UNTAGGED)
    assert table.columns == ("CREDIT RISK AMOUNT",)
    assert [r.label for r in table.rows] == ["Swaps", "Purchased floors", "Spot/Forward contracts"]
    assert [r.cells[0].value for r in table.rows] == [None, Decimal("1"), Decimal("16")]


def test_only_wordy_lines_over_the_values_count_as_repeated_headers() -> None:
    from extractor.text.chunks import chunk_line
    from extractor.text.columns import _header_like

    header = chunk_line("                                          DURING 1996           1996          DURING 1997")
    row = chunk_line("                                        Year ended 2002    22.23      (17.34)%     15,201")
    assert _header_like(header, 38)
    assert not _header_like(row, 38)
    assert not _header_like(header, 50)
