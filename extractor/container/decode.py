"""Bytes to text: read a source, refuse binary data, decode without losing a byte, unify line ends.

Every later stage reports line numbers of the input file, so decoding must neither add nor drop a
line: ``\\r\\n`` (and ``\\r\\r\\n``, common in old EDGAR files) count as one line end, a lone ``\\r``
as one, and nothing else is treated as a line end.
"""

from __future__ import annotations

import codecs
import re
import sys
from pathlib import Path
from typing import Final

from ..errors import InputNotFoundError, UnreadableInputError

SAMPLE: Final = 65536
"""Bytes looked at to decide whether the input is text at all."""

_MAGIC: Final[tuple[tuple[bytes, str], ...]] = (
    (b"\x89PNG", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\xd0\xcf\x11\xe0", "an OLE document (Excel/Word)"),
    (b"\x7fELF", "an executable"),
    (b"BZh", "a bzip2 stream"),
    (b"\xfd7zXZ\x00", "an xz stream"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
)
# Bytes that plain text holds: printable ASCII, tab, line ends, form feed, escape, and any high byte
# (a legacy code page). NUL is left out and counted separately: a few are tolerated.
_TEXT_BYTES: Final = bytes(range(0x20, 0x7F)) + b"\t\n\r\x0b\x0c\x1b" + bytes(range(0x80, 0x100))
_MAX_CONTROL: Final = 0.05
_MAX_NUL: Final = 0.30


def _byte_chars() -> tuple[str, ...]:
    """cp1252 for every byte, latin-1 for the five bytes cp1252 leaves undefined."""
    chars = []
    for b in range(256):
        try:
            chars.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            chars.append(bytes([b]).decode("latin-1"))
    return tuple(chars)


_BYTE_CHARS: Final = _byte_chars()


def _legacy_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: a byte that is not UTF-8 is read as cp1252 (latin-1 where undefined)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    return "".join(_BYTE_CHARS[b] for b in bad), exc.end


codecs.register_error("edgar-cp1252", _legacy_fallback)

# latin-1 differs from cp1252 only in 0x80-0x9F; this maps those code points to cp1252's characters.
_C1_AS_CP1252: Final = {b: _BYTE_CHARS[b] for b in range(0x80, 0xA0)}
# A UTF-8 lead byte followed by a continuation byte: the file holds some UTF-8.
_UTF8_PAIR: Final = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")


def read_source(path: str) -> bytes:
    """The raw bytes of ``path`` (``-`` is standard input)."""
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise InputNotFoundError(path, exc.strerror or str(exc)) from exc


def _utf16_without_bom(sample: bytes) -> str | None:
    """``utf-16-le``/``-be`` when every other byte of the sample is NUL (ASCII text in UTF-16)."""
    head = sample[:4096]
    if len(head) < 16:
        return None
    even, odd = head[0::2], head[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul > 0.4 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.4 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _refuse_binary(data: bytes, source: str) -> None:
    """Raise :class:`UnreadableInputError` when the bytes are an image, archive or other binary."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise UnreadableInputError(source, f"binary input ({what}), not a filing")
    sample = data[:SAMPLE]
    nul = sample.count(0)
    control = len(sample.translate(None, _TEXT_BYTES)) - nul
    if control > _MAX_CONTROL * len(sample) or nul > _MAX_NUL * len(sample):
        share = (control + nul) / len(sample)
        raise UnreadableInputError(
            source, f"binary input ({share:.0%} control bytes in the first {len(sample)} bytes), not text"
        )


def _wide(data: bytes, codec: str, source: str) -> str:
    """UTF-16/32 text; refused when it is not mostly Latin script (random bytes after a BOM)."""
    text = data.decode(codec, errors="replace")
    sample = text[:8192]
    latin = sum(1 for ch in sample if ch < "\u0250" or ch in "\u2018\u2019\u201c\u201d\u2013\u2014\u2022")
    if latin < 0.5 * len(sample):
        raise UnreadableInputError(source, f"binary input (not {codec} text), not a filing")
    return text


def _decode(data: bytes, source: str) -> str:
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return _wide(data, "utf-32", source)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _wide(data, "utf-16", source)
    wide = _utf16_without_bom(data)
    if wide is not None:
        return _wide(data, wide, source)
    _refuse_binary(data, source)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _UTF8_PAIR.search(data) is None:  # no UTF-8 at all: a legacy file, decoded in one pass
        return data.decode("latin-1").translate(_C1_AS_CP1252)
    return data.decode("utf-8", errors="edgar-cp1252")


def normalise_line_ends(text: str) -> str:
    """``\\n`` for every line end: CRs just before an LF go, a lone CR becomes an LF."""
    if "\r" not in text:
        return text
    parts = text.split("\n")
    for i in range(len(parts) - 1):
        parts[i] = parts[i].rstrip("\r")
    return "\n".join(parts).replace("\r", "\n")


def decode_bytes(data: bytes, source: str) -> str:
    """Text with ``\\n`` line ends and no byte lost; NULs become spaces so columns stay put.

    UTF-8 is tried first; any byte that is not valid UTF-8 is read as cp1252 (latin-1 for the
    five bytes cp1252 leaves undefined), so a mostly-UTF-8 file with one stray legacy byte keeps
    both. UTF-16/32 are read when they carry a byte-order mark (or, for UTF-16, when every other
    byte is NUL). Images, archives and other binary data are refused.
    """
    if not data:
        return ""
    text = _decode(data, source)
    text = text.removeprefix("\ufeff")
    return normalise_line_ends(text).replace("\x00", " ")
