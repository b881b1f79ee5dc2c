"""Container: decoding, SEC headers (three formats), documents and the line numbers they keep."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.container import decode_bytes, html_text, parse_container, read_source
from extractor.container.documents import RawDocument, Scan, _Scanner, scan
from extractor.errors import ExtractorError, InputNotFoundError, UnreadableInputError
from extractor.model import Document, ShareClass

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus"


def load(name: str) -> tuple[str, list[Document]]:
    path = FIXTURES / name
    text = decode_bytes(path.read_bytes(), str(path))
    return text, list(parse_container(text, str(path))[1])


def assert_lines_kept(text: str, doc: Document) -> None:
    """Each line of the document's text is the input line its number says (blanked lines aside)."""
    lines = (html_text(text) if doc.is_html else text).split("\n")
    for offset, line in enumerate(doc.text.split("\n")):
        if line:
            assert line in lines[doc.text_line - 1 + offset], (doc.sequence, offset)


# --- full submissions -------------------------------------------------------------------------


def test_sec_document_header() -> None:
    path = FIXTURES / "container-sec-document.txt"
    header, _ = parse_container(path.read_text(), str(path))
    assert header.accession_number == "0000908737-06-000800"
    assert header.form_type == "497"
    assert header.company == "EXAMPLE SERIES TRUST"
    assert header.cik == "0001126087"
    assert header.filed == "2006-11-13"
    assert header.series == (
        ShareClass("S000005072", "Example Small Cap Growth Portfolio", "C000013812", "Class A", "EXSAX"),
        ShareClass("S000005072", "Example Small Cap Growth Portfolio", "C000013813", "Class B", None),
        ShareClass("S000005073", "Example Bond Portfolio", None, None, None),
    )


def test_sec_document_documents() -> None:
    text, docs = load("container-sec-document.txt")
    got = [(d.sequence, d.type, d.filename, d.line, d.text_line, d.is_html, d.skipped) for d in docs]
    assert got == [
        (1, "497", "supplement.txt", 62, 68, False, None),
        (2, "EX-99", "exhibit.htm", 82, 87, True, None),
        (3, "GRAPHIC", "logo.gif", 92, 97, False, "graphic"),
        (4, "EX-27", None, 103, 107, False, "uuencoded data.bin"),
    ]
    assert docs[0].description == "SUPPLEMENT"
    first = docs[0].text.split("\n")
    assert first[73 - 68].startswith("Management Fee")
    assert first[75 - 68 : 79 - 68] == ["", "", "", ""]  # the uuencoded logo, blanked in place
    assert first[79 - 68] == "After the logo."
    assert docs[2].text == ""
    for doc in docs:
        assert_lines_kept(text, doc)


def test_feed_submission() -> None:
    text, docs = load("container-feed.txt")
    header, _ = parse_container(text, "feed.nc")
    assert (header.accession_number, header.form_type, header.company, header.cik, header.filed) == (
        "0000950123-09-000001", "485BPOS", "EXAMPLE FUNDS TRUST", "0000012345", "2009-01-02")
    assert header.series == (
        ShareClass("S000001111", "Example Growth Fund", "C000002222", "Investor Class", "EXGFX"),
        ShareClass("S000001111", None, "C000003333", "Institutional Class", None),
    )
    assert [(d.sequence, d.type, d.line, d.text_line) for d in docs] == [
        (1, "485BPOS", 41, 47), (2, "EX-99.1", 53, 58)]
    assert docs[0].text.split("\n")[49 - 47] == "Management Fees              0.50%"


def test_ims_document_takes_the_filer_not_the_subject() -> None:
    text, docs = load("container-ims.txt")
    header, _ = parse_container(text, "x")
    assert header.accession_number == "0000891618-94-000021"
    assert header.company == "EXAMPLE COMPUTER INC"
    assert header.cik == "0000320193"
    assert header.filed == "1994-01-26"
    assert [(d.sequence, d.type, d.line, d.text_line, d.is_html) for d in docs] == [
        (1, "424B5", 24, 29, False)]
    assert_lines_kept(text, docs[0])


def test_accession_from_the_sec_document_line_when_the_field_is_missing() -> None:
    text = "<SEC-DOCUMENT>0000908737-06-000800.txt : 20061113\n<SEC-HEADER>\nFILED AS OF DATE: 2006\n"
    header, _ = parse_container(text + "</SEC-HEADER>\n", "x")
    assert header.accession_number == "0000908737-06-000800"
    assert header.filed is None  # not a real date


def test_feed_accession_without_dashes_and_short_cik() -> None:
    text = ("<SUBMISSION>\n<ACCESSION-NUMBER>000095012309000001\n<TYPE>8-K\n<FILER>\n<COMPANY-DATA>\n"
            "<CONFORMED-NAME>ACME   CORP\n<CIK>4321\n</COMPANY-DATA>\n</FILER>\n")
    header, docs = parse_container(text, "x")
    assert (header.accession_number, header.form_type, header.company, header.cik) == (
        "0000950123-09-000001", "8-K", "ACME CORP", "0000004321")
    assert len(docs) == 1 and docs[0].line == 1  # a header and no document: one bare document


# --- broken structure -------------------------------------------------------------------------


def _doc(body: str) -> list[Document]:
    return list(parse_container(body, "x")[1])


def test_missing_end_text_stops_at_the_next_document() -> None:
    docs = _doc("<DOCUMENT>\n<TYPE>A\n<TEXT>\none\ntwo\n<DOCUMENT>\n<TYPE>B\n<TEXT>\nthree\n")
    assert [(d.type, d.text, d.text_line) for d in docs] == [("A", "one\ntwo", 4), ("B", "three\n", 9)]


def test_missing_text_tag_starts_the_text_at_the_first_content_line() -> None:
    docs = _doc("<DOCUMENT>\n<TYPE>A\n<SEQUENCE>7\n\n<TABLE>\nrow 1\n</DOCUMENT>\n")
    assert [(d.sequence, d.text, d.text_line) for d in docs] == [(7, "<TABLE>\nrow 1", 5)]


def test_tags_sharing_a_line_with_text() -> None:
    docs = _doc("<DOCUMENT>\n<TYPE>A\n<TEXT><html><body>x\n<p>y</p></body></html></TEXT>\n</DOCUMENT>\n")
    assert docs[0].text == "<html><body>x\n<p>y</p></body></html>"
    assert docs[0].text_line == 3
    assert docs[0].is_html


def test_text_on_one_line() -> None:
    docs = _doc("<DOCUMENT>\n<TYPE>A\n<TEXT>hello</TEXT>\n")
    assert (docs[0].text, docs[0].text_line) == ("hello", 3)


def test_missing_sequence_numbers_by_position() -> None:
    docs = _doc("<DOCUMENT>\n<TYPE>A\n<SEQUENCE>x\n<TEXT>\n</TEXT>\n</DOCUMENT>\n<DOCUMENT>\n<TYPE>B\n")
    assert [(d.sequence, d.type, d.text) for d in docs] == [(1, "A", ""), (2, "B", "")]


def test_truncated_mid_tag() -> None:
    docs = _doc("<DOCUMENT>\n<TYPE>A\n<TEXT>\n<TABLE>\n<S>   <C>\nrow   1.0\n</TAB")
    assert docs[0].text.endswith("</TAB") and docs[0].text_line == 4


def test_end_of_submission_closes_an_open_text() -> None:
    docs = _doc("<SEC-DOCUMENT>x\n<DOCUMENT>\n<TYPE>A\n<TEXT>\nbody\n</SEC-DOCUMENT>\ntrailer\n")
    assert docs[0].text == "body"


def test_document_tag_inside_text_without_type_is_text() -> None:
    docs = _doc("<DOCUMENT>\n<TYPE>A\n<TEXT>\n<DOCUMENT>\nquoted\n</TEXT>\n")
    assert len(docs) == 1 and docs[0].text == "<DOCUMENT>\nquoted"


# --- bare documents and HTML detection --------------------------------------------------------


def test_bare_document() -> None:
    text = "Plain words\n<TABLE>\n<S>  <C>\nFee   1.0%\n</TABLE>\n"
    header, docs = parse_container(text, "a.txt")
    assert header.accession_number is None and header.series == ()
    assert docs == (Document(sequence=1, type=None, filename=None, line=1, text=text, text_line=1),)


def test_empty_input_is_one_empty_bare_document() -> None:
    text = decode_bytes(b"", "empty.txt")
    header, docs = parse_container(text, "empty.txt")
    assert text == "" and header.form_type is None
    assert [(d.sequence, d.line, d.text, d.is_html) for d in docs] == [(1, 1, "", False)]


@pytest.mark.parametrize(
    ("text", "source", "html"),
    [
        ("<html><body>x</body></html>", "a.txt", True),
        ("\n\n<!DOCTYPE html PUBLIC '-//W3C//DTD XHTML 1.0'>\n<html>", "a.txt", True),
        ("<?xml version='1.0'?>\n<html xmlns='http://www.w3.org/1999/xhtml'>", "a", True),
        ("no tags at all", "filing.htm", True),
        ("no tags at all", "filing.HTML.gz", True),
        ("<TABLE CELLSPACING=0 CELLPADDING=0>\n<TR><TD>1</TD></TR>\n</TABLE>", "a.txt", True),
        ("<table>\n<tr><td>1</td></tr></table>", "a.txt", True),
        ("<p>a</p><p>b</p><br><div>c</div><font size=2>d</font>", "a.txt", True),
        ("<TABLE>\n<CAPTION>\n<S>   <C>\nFee   1.0%\n<FN>\n<F1> note\n</TABLE>\n<PAGE>", "a.txt", False),
        ("<TABLE> <S> <C>\n\n<ARTICLE> 5\n</TABLE>", "a.txt", False),
        ("Prose that mentions <B>bold</B> and <R> marks.", "a.txt", False),
    ],
)
def test_html_detection(text: str, source: str, html: bool) -> None:
    assert parse_container(text, source)[1][0].is_html is html


def test_html_text_has_no_characters_a_parser_refuses() -> None:
    text = "<DOCUMENT>\n<TYPE>A\n<TEXT>\n<html><body>\x1b\x0c<p>a\x07b\ufffe</p>\n</TEXT>\n"
    doc = _doc(text)[0]
    assert doc.is_html and doc.text == "<html><body>  <p>a b </p>"
    bare = parse_container("<html>\x00\x0b\t\nx", "a.htm")[1][0]
    assert bare.text == "<html>  \t\nx"


def test_text_documents_keep_form_feeds() -> None:
    assert _doc("<DOCUMENT>\n<TYPE>A\n<TEXT>\n\x0cpage\n")[0].text == "\x0cpage\n"


def test_uuencoded_block_in_a_bare_document_is_blanked() -> None:
    text = "a\nbegin 644 x.jpg\nM86)C9&5F\n`\nend\nb\n"
    doc = parse_container(text, "x")[1][0]
    assert doc.text.split("\n") == ["a", "", "", "", "", "b", ""]


def test_truncated_uuencoded_block_ends_at_prose() -> None:
    doc = _doc("<DOCUMENT>\n<TYPE>A\n<TEXT>\nbegin 644 x.jpg\nM86)C9&5F\nthe text resumes here\n")[0]
    assert doc.text.split("\n") == ["", "", "the text resumes here", ""]
    assert doc.skipped is None


@pytest.mark.parametrize(
    ("meta", "reason"),
    [("<TYPE>PDF", "PDF"), ("<TYPE>ZIP", "zip archive"), ("<TYPE>EX-99\n<FILENAME>a.xlsx", "Excel workbook"),
     ("<TYPE>EX-101.INS\n<FILENAME>x.xml", "XML data")],
)
def test_binary_documents_are_skipped(meta: str, reason: str) -> None:
    doc = _doc(f"<DOCUMENT>\n{meta}\n<TEXT>\n<TABLE>\n</TABLE>\n</TEXT>\n</DOCUMENT>\n")[0]
    assert (doc.skipped, doc.text) == (reason, "")


def test_pdf_tag_skips_the_document() -> None:
    doc = _doc("<DOCUMENT>\n<TYPE>EX-99\n<TEXT>\n<PDF>\nJVBERi0xLjQK\n</PDF>\n</TEXT>\n")[0]
    assert doc.skipped == "PDF"


# --- decoding ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"a\r\nb\r\n", "a\nb\n"),
        (b"a\rb\r\rc", "a\nb\n\nc"),
        (b"a\r\nb\nc\rd", "a\nb\nc\nd"),
        (b"a\r\r\nb\r\n", "a\nb\n"),
        (b"a\r\n\r\nb", "a\n\nb"),
        (b"x\x00y\n", "x y\n"),
        (b"\xef\xbb\xbfBOM\n", "BOM\n"),
        ("caf\u00e9 \u2014 1.0%".encode(), "caf\u00e9 \u2014 1.0%"),
        (b"caf\xe9 \x97 \x93q\x94", "caf\u00e9 \u2014 \u201cq\u201d"),
        (b"x\x81y\x8dz", "x\x81y\x8dz"),
        ("\u00e9".encode() + b" \xe9", "\u00e9 \u00e9"),
        ("\ufeffa\r\nb".encode("utf-16-le"), "a\nb"),
        ("\ufeffa\r\nb".encode("utf-16-be"), "a\nb"),
        ("<DOCUMENT>\r\n<TYPE>8-K\r\n".encode("utf-16-le"), "<DOCUMENT>\n<TYPE>8-K\n"),
    ],
)
def test_decode(data: bytes, text: str) -> None:
    assert decode_bytes(data, "x") == text


def test_line_count_kept_for_every_line_end_style() -> None:
    lines = ["<TABLE>", "<S>  <C>", "Fee  1.0%", "", "</TABLE>"]
    for end in ("\n", "\r\n", "\r"):
        assert decode_bytes(end.join(lines).encode(), "x").split("\n") == lines


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"PK\x03\x04" + bytes(50), "ZIP"),
        (random.Random(7).randbytes(5000), "control bytes"),
        (b"\xff\xfe" + random.Random(8).randbytes(5000), "utf-16"),
    ],
)
def test_binary_input_is_refused(data: bytes, what: str) -> None:
    with pytest.raises(UnreadableInputError) as info:
        decode_bytes(data, "dir/in.bin")
    message = str(info.value)
    assert message.startswith("dir/in.bin: ") and what in message and "\n" not in message


def test_read_source_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputNotFoundError) as info:
        read_source(str(tmp_path / "nope.txt"))
    assert str(info.value).startswith(str(tmp_path / "nope.txt") + ": ")
    with pytest.raises(ExtractorError):
        read_source(str(tmp_path))


# --- properties -------------------------------------------------------------------------------

_PIECES = st.sampled_from([
    "<DOCUMENT>", "</DOCUMENT>", "<TYPE>10-K", "<SEQUENCE>2", "<TEXT>", "</TEXT>", "<SEC-HEADER>",
    "</SEC-HEADER>", "<SUBMISSION>", "<FILER>", "FILER:", "<SERIES>", "<CLASS-CONTRACT>",
    "<SERIES-AND-CLASSES-CONTRACTS-DATA>", "<SERIES-ID>S1", "begin 644 a", "M86)C", "end", "",
    "<TABLE>", "text line", "<html>", "ACCESSION NUMBER: 1", "</SUBMISSION>", "<TEXT>x</TEXT>",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES | st.text(max_size=12), max_size=40))
def test_any_line_soup_parses_and_keeps_line_numbers(pieces: list[str]) -> None:
    text = "\n".join(pieces)
    _, docs = parse_container(text, "x")
    total = len(text.split("\n"))
    assert docs and all(1 <= d.line <= total for d in docs)
    for doc in docs:
        assert doc.text_line >= 1 and doc.text_line + doc.text.count("\n") <= total
        if not doc.skipped:
            assert_lines_kept(text, doc)


class _EveryLine(_Scanner):
    """The scanner as it was: the line rules applied to every line, marker or not."""

    def run(self) -> Scan:
        start = 0
        for i, line in enumerate(self.text.split("\n")):
            self._read(i, start, start + len(line))
            start += len(line) + 1
        return self.out


_MARKER_PIECES = st.sampled_from([
    "<DOCUMENT>", " <DOCUMENT> ", "\u3000<DOCUMENT>", "a <DOCUMENT>", "<DOCUMENT>x", "</DOCUMENT>",
    "\t</DOCUMENT>x", "<TYPE>EX-1", " <TYPE>", "<SEQUENCE>1", "<FILENAME>a.htm", "<TEXT>", "<TEXT>body",
    "</TEXT>", "ab </TEXT> cd", "<TEXT>a</TEXT>", "</TEXT></DOCUMENT>", "<SEC-HEADER>1", "</SEC-HEADER>",
    "<IMS-HEADER>", "</IMS-HEADER>", "<SEC-DOCUMENT>1.txt", "</SEC-DOCUMENT>", "<IMS-DOCUMENT>",
    "</IMS-DOCUMENT>", "<SUBMISSION>", " </SUBMISSION>", "-----END PRIVACY-ENHANCED MESSAGE-----",
    "x -----END PRIVACY-ENHANCED MESSAGE-----", " " * 995 + "<DOCUMENT>", " " * 1000 + "</DOCUMENT>",
    "y" * 1001 + "</TEXT>", "<TYPE>" + "z" * 1000, "text", "", "begin 644 a", "M86)C", "end",
])


@settings(max_examples=500, deadline=None)
@given(st.lists(_MARKER_PIECES | st.text(max_size=8), max_size=40))
def test_scan_jumping_between_markers_reads_every_line_alike(pieces: list[str]) -> None:
    text = "\n".join(pieces)
    jumped, every = scan(text), _EveryLine(text).run()
    assert jumped.header == every.header
    assert jumped.documents == every.documents
    lines = text.split("\n")
    assert [raw.body(text) for raw in jumped.documents] == [_joined_text_lines(raw, lines) for raw in jumped.documents]


def _joined_text_lines(raw: RawDocument, lines: list[str]) -> str:
    """A document's text as it was made: its text lines, the shared tag lines cut, joined."""
    if raw.text_start is None:
        return ""
    body = lines[raw.text_start : raw.text_end if raw.text_end is not None else len(lines)]
    if body and raw.first is not None:
        body[0] = raw.first
    if body and raw.last is not None:
        body[-1] = raw.last
    return "\n".join(body)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_decode_or_are_refused(data: bytes) -> None:
    try:
        text = decode_bytes(data, "x")
    except UnreadableInputError:
        return
    assert "\r" not in text and "\x00" not in text


# --- corpus (skipped when ../shared/corpus is absent) -----------------------------------------


def _corpus_with_metadata() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in (CORPUS / "truth").glob("*.json") if "filing" in json.loads(p.read_text()))


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")
@pytest.mark.parametrize("truth_path", _corpus_with_metadata(), ids=lambda p: p.stem)
def test_corpus_metadata(truth_path: Path) -> None:
    truth = json.loads(truth_path.read_text())
    path = CORPUS / "filings" / truth["file"]
    text = decode_bytes(read_source(str(path)), str(path))
    header, docs = parse_container(text, str(path))
    for key, value in truth["filing"].items():
        assert getattr(header, key) == value, key
    assert [(d.sequence, d.type) for d in docs] == [(d["sequence"], d["type"]) for d in truth["documents"]]
    for doc in docs:
        assert_lines_kept(text, doc)
