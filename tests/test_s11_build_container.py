"""The container's cheaper tests give what the passes they replace gave: the characters an HTML
parser refuses are found by one ``in`` each (not by encoding the text and deleting every other
byte), and the input's lines are counted only for a ``<TEXT>`` tag on its last line."""

from __future__ import annotations

import pytest

from extractor.container import html_text, parse_container

_XML_BYTES = bytes(b for b in range(256) if b not in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)))


def _reference_html_text(text: str) -> str:
    """``html_text`` as it was: the UTF-8 bytes with every byte but the refused controls deleted."""
    refused = (text.encode("utf-8", "surrogatepass").translate(None, _XML_BYTES)
               or "\ufffe" in text or "\uffff" in text)
    return text.translate({c: " " for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF)}) \
        if refused else text


@pytest.mark.parametrize("wide", ["", "\u2019", "\U0001f600"])
def test_html_text_refuses_the_same_characters(wide: str) -> None:
    """Every character of the first planes and the edges of the others, alone in texts of each
    width (latin-1, two-byte and four-byte characters around it)."""
    points = [*range(0x0000, 0x3000), *range(0xD7F0, 0xE010), *range(0xFFF0, 0x10010), 0x10FFFF]
    for point in points:
        text = f"<p>a{wide}{chr(point)}b</p>\n"
        assert html_text(text) == _reference_html_text(text), hex(point)


def test_html_text_keeps_a_clean_text_itself() -> None:
    text = "<html>\n<p>caf\u00e9 \u2019</p>\t\r\n</html>"
    assert html_text(text) is text
    assert html_text("a\x00b\x0bc\x1fd\ufffee\uffff") == "a b c d e "


def _text_lines(text: str) -> list[int]:
    return [doc.text_line for doc in parse_container(text, "x")[1]]


@pytest.mark.parametrize("text, expected", [
    ("<DOCUMENT>\n<TYPE>A\n<TEXT>\nbody\n</TEXT>\n</DOCUMENT>\n", [4]),
    ("<DOCUMENT>\n<TYPE>A\n<TEXT>", [3]),  # <TEXT> on the last line: the text starts past the end
    ("<DOCUMENT>\n<TYPE>A\n<TEXT>\n", [4]),  # ... or on the empty line after the last line end
    ("<DOCUMENT>\n<TYPE>A\n<TEXT>body", [3]),
    ("<DOCUMENT>\n<TYPE>A\nbody without a tag", [3]),
    ("<DOCUMENT>\n<TYPE>A\n", [1]),  # no text at all: the document's own line
    ("<DOCUMENT>\n<TYPE>A\n<TEXT>\none\n</TEXT>\n</DOCUMENT>\n<DOCUMENT>\n<TYPE>B\n<TEXT>", [4, 9]),
])
def test_first_text_line(text: str, expected: list[int]) -> None:
    """The lines the code gave when it counted every input's lines (checked against it)."""
    assert _text_lines(text) == expected
