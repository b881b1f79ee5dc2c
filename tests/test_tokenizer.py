"""The line tokenizer of the plain-text reader: kinds, positions, and that it never fails."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.text.chunks import chunk_line, strip_leaders
from extractor.text.tokenizer import TokenKind, tokenize

SAMPLE = """\
intro text
<TABLE>
<CAPTION>
                    Class A     Class B
</CAPTION>
--------------------------------------
<S>                 <C>         <C>
Management Fee      0.88%       0.88%
\t\tTabbed          1.00%
<PAGE>

<FN>
<F1> A note.
</TABLE>"""


def test_every_line_gets_its_kind() -> None:
    kinds = [t.kind for t in tokenize(SAMPLE)]
    assert kinds == [
        TokenKind.TEXT,
        TokenKind.TABLE_START,
        TokenKind.CAPTION,
        TokenKind.TEXT,
        TokenKind.CAPTION_END,
        TokenKind.RULE,
        TokenKind.COLUMN_TAGS,
        TokenKind.TEXT,
        TokenKind.TEXT,
        TokenKind.PAGE,
        TokenKind.BLANK,
        TokenKind.FOOTNOTE_START,
        TokenKind.FOOTNOTE,
        TokenKind.TABLE_END,
    ]


def test_line_numbers_start_at_first_line() -> None:
    tokens = tokenize(SAMPLE, first_line=40)
    assert [t.line for t in tokens] == list(range(40, 40 + SAMPLE.count("\n") + 1))


def test_tabs_expand_to_eight_and_col_is_first_ink() -> None:
    token = tokenize(SAMPLE)[8]
    assert token.text.startswith(" " * 16 + "Tabbed")
    assert token.col == 16


def test_rules_need_three_dashes_and_may_be_split() -> None:
    assert tokenize("- ------ ------")[0].kind is TokenKind.RULE
    assert tokenize("  ====   ====")[0].kind is TokenKind.RULE
    assert tokenize("--")[0].kind is TokenKind.TEXT
    assert tokenize("-- 12 --")[0].kind is TokenKind.TEXT


def test_tags_are_case_insensitive_and_may_be_indented() -> None:
    kinds = [t.kind for t in tokenize("  <table>\n\t<s>   <c>\n </table>")]
    assert kinds == [TokenKind.TABLE_START, TokenKind.COLUMN_TAGS, TokenKind.TABLE_END]


def test_token_is_frozen() -> None:
    token = tokenize("x")[0]
    try:
        token.line = 3  # type: ignore[misc]
    except AttributeError:
        return
    raise AssertionError("Token must be immutable")


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_and_one_token_per_line(text: str) -> None:
    tokens = tokenize(text, first_line=7)
    assert len(tokens) == text.count("\n") + 1
    assert [t.line for t in tokens] == list(range(7, 7 + len(tokens)))
    assert all("\t" not in t.text for t in tokens)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["<TABLE>", "</TABLE>", "<S>  <C>", "<C>", "----", "<PAGE>", "<FN>", "x 1.0", ""])))
def test_tag_soup_never_raises(lines: list[str]) -> None:
    tokens = tokenize("\n".join(lines))
    assert len(tokens) == max(1, len(lines))


def test_chunks_split_packed_numbers_and_glue_signs() -> None:
    chunks = chunk_line("  I-MF  386,100,000.00 383,371,981.77   $   7,081  0.88 %  (28%) $  9,833")
    assert [c.text for c in chunks] == [
        "I-MF",
        "386,100,000.00",
        "383,371,981.77",
        "$   7,081",
        "0.88 %",
        "(28%)",
        "$  9,833",
    ]
    assert [c.data for c in chunks] == [False, True, True, True, True, True, True]
    assert chunks[1].start == 8 and chunks[1].end == 22


def test_chunks_keep_dates_and_words_together() -> None:
    chunks = chunk_line("Year ended 12/31/2002    none    N/A   --   Class 529-A")
    assert [(c.text, c.data) for c in chunks] == [
        ("Year ended 12/31/2002", False),
        ("none", True),
        ("N/A", True),
        ("--", True),
        ("Class 529-A", False),
    ]


def test_dot_leaders_removed_single_period_kept() -> None:
    assert strip_leaders("Net sales..........") == "Net sales"
    assert strip_leaders("Michael Bozic . . . . .") == "Michael Bozic"
    assert strip_leaders("Apple Computer, Inc.") == "Apple Computer, Inc."


def test_leaders_running_into_a_value_are_cut() -> None:
    chunks = chunk_line("Net sales..........$  7,081   Other.....1,234")
    assert [(c.text, c.data) for c in chunks] == [
        ("Net sales..........", False),
        ("$  7,081", True),
        ("Other.....", False),
        ("1,234", True),
    ]


def test_leaders_then_one_space_then_a_value_are_cut() -> None:
    chunks = chunk_line("Net investment loss ....... $   (236,111)   Net gain ...... 8,129,234")
    assert [(c.start, c.text, c.data) for c in chunks] == [
        (0, "Net investment loss .......", False),
        (28, "$   (236,111)", True),
        (44, "Net gain ......", False),
        (60, "8,129,234", True),
    ]
