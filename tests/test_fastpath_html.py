"""The HTML reader's fast paths agree with the general rules they skip, on real cells and documents."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import CORPUS, FIXTURES

from extractor.container import decode_bytes, parse_container
from extractor.html import around, dom
from extractor.html.cells import _clean, _set_apart, _Walker
from extractor.html.dom import TAG_NAMES, Element, local_name, parse_document
from extractor.html.style import style_of

_CORPUS_FILINGS = CORPUS / "filings"
_STRAY_MARKS = (
    "<html><body><p>Before \U000f0001 the \U00100003 table.</p>"
    "<table><tr><td>Fee</td><td>1.00%</td></tr></table><p>After it.</p></body></html>"
)


def _html_texts() -> Iterator[str]:
    paths = sorted(FIXTURES.iterdir())
    if _CORPUS_FILINGS.is_dir():
        paths += sorted(p for p in _CORPUS_FILINGS.iterdir() if p.suffix in (".htm", ".html"))
    for path in paths:
        text = decode_bytes(path.read_bytes(), str(path))
        yield from (doc.text for doc in parse_container(text, str(path))[1] if doc.is_html)
    yield _STRAY_MARKS


def _roots() -> list[Element]:
    roots = [parse_document(text) for text in _html_texts()]
    return [root for root in roots if root is not None]


@pytest.fixture(scope="module")
def roots() -> list[Element]:
    return _roots()


def test_unflagged_cells_read_as_pieces_joined(roots: list[Element]) -> None:
    """A cell with no raised or smaller piece: joining its pieces gives what setting markers apart gives."""
    unflagged = 0
    for root in roots:
        for td in root.iter("{*}td", "{*}th"):
            walker = _Walker()
            walker.walk(td, False, False, style_of(td.get("style")).font_size(None), 0)
            if walker.flagged:
                continue
            unflagged += 1
            joined = _clean("".join(text for text, _, _ in walker.pieces))
            assert _set_apart(walker.pieces) == (joined, (), ())
            assert not any(raised or small for _, raised, small in walker.pieces)
    assert unflagged > 10


def test_cached_tag_names_are_local_names(roots: list[Element]) -> None:
    for root in roots:
        for el in root.iter():
            local_name(el)
        for el in root.iter():
            assert (TAG_NAMES.get(el.tag) or local_name(el)) == local_name(el)  # type: ignore[call-overload]


def _unmark_by_second_search(marked: str) -> tuple[str, dict[int, int], dict[int, int]]:
    """``around.unmark`` as it was: the marks found, then removed by a second search."""
    starts: dict[int, int] = {}
    ends: dict[int, int] = {}
    for k, m in enumerate(around._MARK.finditer(marked)):
        code = ord(m.group())
        if code >= around._ENDS:
            ends[code - around._ENDS] = m.start() - k
        else:
            starts[code - around._STARTS] = m.start() - k
    return around._MARK.sub("", marked), starts, ends


def _texts_by_second_search(root: Element, tables: list[Element], limit: int) -> list[str]:
    flat, starts, ends = _unmark_by_second_search(around.marked_text(root, tables))
    return around.windows(flat, starts, ends, len(tables), limit)


def test_marks_cut_out_while_found_as_by_a_second_search() -> None:
    texts = list(_html_texts())
    for text in texts:
        mine, theirs = parse_document(text), parse_document(text)
        if mine is None or theirs is None:
            continue
        got = around.texts_around(mine, list(mine.iter("{*}table")), 400)
        assert got == _texts_by_second_search(theirs, list(theirs.iter("{*}table")), 400)


_PLANES = (
    "<html><body><p>\U000e0001 tag \U000dffff \U000f0000x\U0010ffff \U000fffff\U00100000 \U0001f600</p>"
    "<table><tr><td>Fee</td><td>1.00%</td></tr></table><p>\u00e9t\u00e9 \U000effff</p></body></html>"
)


def test_marks_found_in_utf8_as_in_the_decoded_text() -> None:
    """The marks found byte by byte in libxml2's UTF-8 give the text and places that the search of
    the decoded text gives, with stray private-use characters of planes 15 and 16 (marks too) and
    characters of the planes before them (no marks) in the prose."""
    for text in [*_html_texts(), _PLANES]:
        root = parse_document(text)
        if root is None:
            continue
        marked = around.marked_text(root, list(root.iter("{*}table")))
        flat, starts, ends = around.unmark_utf8(marked.encode("utf-8"))
        assert (flat, starts, ends) == around.unmark(marked)
    flat, starts, ends = around.unmark_utf8(("\U000f0000x\U000e0001\U00100000" * 3).encode("utf-8"))
    assert (flat, starts, ends) == ("x\U000e0001" * 3, {0: 4}, {0: 6})


def test_stray_private_use_characters_count_as_marks() -> None:
    root = parse_document(_STRAY_MARKS)
    assert root is not None
    assert around.texts_around(root, list(root.iter("{*}table")), 400) == ["Before the table. After it."]


_STARTS = [
    "", " ", "\n\t ", "\u00a0\u2003\n", "\x1c\x1d ", "<XBRL>", "  <xbrl>\n", "\n<XbRl>", " <XBRL ", "<XBR",
    "\ufeff<XBRL>", "<?xml version='1.0'?>", "\n\n <?xml version=\"1.0\"\n encoding='ASCII'?>\n",
    "<?xml" + "v" * 199 + "?>", "<?xml" + "v" * 200 + "?>", "<?xml" + "v" * 201 + "?>", "<?xml >?>",
    "x<?xml version='1.0'?>", "<?XML version='1.0'?>", "\u2028<?xml?>",
]


@pytest.mark.parametrize("start", _STARTS)
@pytest.mark.parametrize("rest", ["", "<html>\n<body>\n<XBRL>\n</body></html>\n</XBRL>", " " * 300 + "<?xml?>"])
def test_start_patterns_matched_near_the_start_as_over_the_whole_text(start: str, rest: str) -> None:
    """The wrapper and the XML declaration, matched up to the end of the leading blanks, as when
    the patterns were given the whole text."""
    text = start + rest
    wrapper = dom._WRAPPER.match(text)
    near = dom._WRAPPER.match(text, 0, dom._blank_end(text) + len("<XBRL>"))
    assert (near and (near.span(), near.group())) == (wrapper and (wrapper.span(), wrapper.group()))
    by_sub = dom._XML_DECLARATION.sub(lambda m: "\n" * m.group().count("\n"), text, count=1)
    assert dom._without_declaration(text) == by_sub
    assert (not text.strip()) == (not text or text.isspace())


def _cut_whole(text: str, limit: int, before: bool) -> str:
    """``around._cut`` as it was: every word of the window split first."""
    return around._cut_words(text.split(), limit, before)


def _windows() -> Iterator[str]:
    for text in _html_texts():
        for start in range(0, len(text), 997):
            yield text[start : start + 2400]
    words = ["a", "bb", "ccc", "dddddddddd", "e" * 40, "\u00e9t\u00e9", "x" * 450]
    for spacing in (" ", "\n      ", "\u00a0", " " * 30, "\u2003\n"):
        for n in (1, 5, 40, 200, 800):
            yield spacing.join(words[i % len(words)] for i in range(n))
            yield spacing * 500 + spacing.join(words[(i * 3) % len(words)] for i in range(n)) + spacing * 700


@pytest.mark.parametrize("limit", [1, 7, 40, 400])
def test_cut_near_the_table_as_over_the_whole_window(limit: int) -> None:
    for window in _windows():
        for before in (True, False):
            assert around._cut(window, limit, before) == _cut_whole(window, limit, before), (window[:80], before)
