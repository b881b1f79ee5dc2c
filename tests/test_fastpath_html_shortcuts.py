"""The HTML reader's shortcuts: each one gives what the full path gives."""

from __future__ import annotations

from conftest import CORPUS, FIXTURES

from extractor.container import decode_bytes, parse_container
from extractor.html.dom import parse_document
from extractor.html.reader import _TABLE_TAG, read_html_tables
from extractor.model import Document

_CORPUS_FILINGS = CORPUS / "filings"


def _html_texts() -> list[str]:
    """The HTML documents of the fixtures, and of the corpus's HTML filings when it is present."""
    paths = sorted(FIXTURES.iterdir())
    if _CORPUS_FILINGS.is_dir():
        paths += sorted(p for p in _CORPUS_FILINGS.iterdir() if p.suffix in (".htm", ".html"))
    texts: list[str] = []
    for path in paths:
        text = decode_bytes(path.read_bytes(), str(path))
        texts.extend(doc.text for doc in parse_container(text, str(path))[1] if doc.is_html)
    return texts


def _variants(text: str) -> list[str]:
    """``text`` and copies whose table tags are spelled otherwise, or are not table tags at all."""
    return [
        text,
        text.replace("<table", "<TABLE").replace("</table", "</TABLE"),
        text.replace("<table", "<TaBlE"),
        text.replace("<table", "<tbl").replace("</table", "</tbl"),
        text.replace("<table", "< table"),
        text.replace("<table", "<!-- table --><div").replace("</table", "</div"),
    ]


def test_every_document_with_a_table_element_has_a_table_tag() -> None:
    texts = [variant for text in _html_texts() for variant in _variants(text)]
    assert len(texts) > 40
    with_tables = 0
    for text in texts:
        root = parse_document(text)
        if root is not None and next(root.iter("{*}table"), None) is not None:
            with_tables += 1
            assert _TABLE_TAG.search(text) is not None
    assert with_tables > 10


def test_prefixed_xhtml_table_tag_is_found() -> None:
    text = (
        '<?xml version="1.0"?><h:html xmlns:h="http://www.w3.org/1999/xhtml"><h:body>'
        "<h:table><h:tr><h:td>Fee</h:td><h:td>1.00%</h:td></h:tr></h:table></h:body></h:html>"
    )
    root = parse_document(text)
    assert root is not None and next(root.iter("{*}table"), None) is not None
    assert _TABLE_TAG.search(text) is not None


def test_document_without_table_tag_reads_no_table() -> None:
    text = (
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL">'
        '<body><p>Fee <ix:nonFraction name="rr:ManagementFeesOverAssets" contextRef="c1" unitRef="u" '
        'format="ixt:num-dot-decimal" scale="-2">0.50</ix:nonFraction>%</p></body></html>'
    )
    assert _TABLE_TAG.search(text) is None
    assert read_html_tables(Document(None, None, None, 1, text=text, is_html=True)) == []
