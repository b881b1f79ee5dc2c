"""Byte streams that count and bound what they let through: the defence against bombs.

Every read of archive data goes through :func:`read_bounded` (one member) or :class:`Guard` (a
whole compressed stream), so no input can make the runner hold more than ``max_member_bytes``
of it or inflate past ``max_ratio`` of what it consumed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Protocol

from ..errors import ArchiveError
from .options import Limits

CHUNK = 1024 * 1024
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def shown(name: str) -> str:
    """A member name safe for one-line messages and CSV: control characters escaped."""
    return CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", name)


def unsafe_name(name: str) -> str | None:
    """Why an archive member name is refused, or ``None``; such names could escape if unpacked."""
    if not name:
        return "member has an empty name"
    if CONTROL.search(name):
        return "member name holds control characters"
    norm = name.replace("\\", "/")
    if norm.startswith("/") or re.match(r"[A-Za-z]:", norm):
        return "member name is an absolute path"
    if ".." in norm.split("/"):
        return "member name holds '..'"
    return None


class Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


class Counting:
    """Counts the (compressed) bytes a decompressor pulls from the stream below it."""

    def __init__(self, raw: Readable) -> None:
        self.raw = raw
        self.count = 0

    def read(self, size: int = -1, /) -> bytes:
        data = self.raw.read(size)
        self.count += len(data)
        return data


class Prefixed:
    """``head`` followed by the rest of ``rest``: lets a sniffed stream be read from its start."""

    def __init__(self, head: bytes, rest: Readable) -> None:
        self.head = head
        self.rest = rest

    def read(self, size: int = -1, /) -> bytes:
        if not self.head:
            return self.rest.read(size)
        if size < 0:
            data, self.head = self.head + self.rest.read(), b""
            return data
        data, self.head = self.head[:size], self.head[size:]
        return data


class Guard:
    """Stops a whole decompressed stream (a ``.tar.gz``, say) once it has inflated past the size
    limit at more than the ratio limit. Members are checked on their own by :func:`read_bounded`;
    this catches the rest: skipping a refused bomb member, or padding and headers that inflate."""

    def __init__(self, stream: Readable, consumed: Callable[[], int], limits: Limits, name: str) -> None:
        self.stream = stream
        self.consumed = consumed
        self.limits = limits
        self.name = name
        self.out = 0

    def read(self, size: int = -1, /) -> bytes:
        data = self.stream.read(size)
        self.out += len(data)
        check_ratio(self.out, self.consumed(), self.limits, self.name, self.limits.max_member_bytes)
        return data


def check_ratio(out: int, consumed: int, limits: Limits, name: str, floor: int | None = None) -> None:
    """Refuse output over ``max_ratio`` times its input once past ``floor`` bytes (small outputs
    may have any ratio: a short run of tar padding compresses a thousandfold)."""
    if out > (limits.ratio_floor if floor is None else floor) and out > limits.max_ratio * max(consumed, 1):
        raise ArchiveError(name, f"decompression bomb: {out} bytes out of {consumed} compressed, "
                                 f"over the ratio limit {limits.max_ratio:g} (--max-ratio)")


def too_big(size: int, limits: Limits, name: str) -> ArchiveError:
    return ArchiveError(name, f"{size} bytes or more, over the size limit {limits.max_member_bytes} "
                              f"(--max-member-bytes)")


def read_bounded(stream: Readable, limits: Limits, name: str,
                 consumed: Callable[[], int] | None = None) -> bytes:
    """All of ``stream``, refused as soon as it passes the size limit or (if compressed) the ratio."""
    buffer = bytearray()
    while True:
        chunk = stream.read(CHUNK)
        if not chunk:
            return bytes(buffer)
        if len(buffer) + len(chunk) > limits.max_member_bytes:
            raise too_big(len(buffer) + len(chunk), limits, name)
        buffer += chunk
        if consumed is not None:
            check_ratio(len(buffer), consumed(), limits, name)
