"""Archive members as a stream of inputs: gzip (bzip2, xz), tar (plain or compressed), zip, nested.

Nothing is unpacked to disk. Tar is read in stream mode, so a daily feed ``.nc.tar.gz`` of any
size holds one member in memory at a time; zip needs a seekable file (the file itself, or the
bounded bytes of a nested member). The kind of each layer is sniffed from its first bytes, not its
name, and each layer adds one to the depth. Names, links and devices are refused before any data
is read; data is only ever read through :mod:`.streams`, which stops bombs.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import stat
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from typing import IO, cast

from ..container.submissions import may_hold_several
from ..errors import ArchiveError
from .options import Limits
from .streams import Counting, Guard, Prefixed, Readable, read_bounded, shown, too_big, unsafe_name
from .submissions import split_submissions

HEAD = 512
GZIP_MAGIC = b"\x1f\x8b"
BZIP2_MAGIC = b"BZh"
XZ_MAGIC = b"\xfd7zXZ\x00"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
BROKEN = (OSError, EOFError, zlib.error, lzma.LZMAError, tarfile.TarError, zipfile.BadZipFile, ValueError,
          NotImplementedError, RuntimeError)
"""What the standard library raises on corrupt or truncated archive data."""


@dataclass(frozen=True, slots=True)
class Member:
    """One input's name (``archive!member``) and its bytes, decompressed."""

    name: str
    data: bytes


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input decided without running the pipeline: ``refused`` (unsafe) or ``failed`` (broken)."""

    name: str
    status: str
    reason: str
    nbytes: int = 0


Entry = Member | Rejected


def is_tar(head: bytes) -> bool:
    """A valid tar header block (checksum and all), with or without the ustar magic."""
    if len(head) < HEAD:
        return False
    try:
        tarfile.TarInfo.frombuf(head[:HEAD], "utf-8", "surrogateescape")
    except tarfile.HeaderError:
        return False
    return True


def is_archive(head: bytes) -> bool:
    return compression(head) is not None or head[:4] in ZIP_MAGICS or is_tar(head)


def compression(head: bytes) -> Callable[[IO[bytes]], Readable] | None:
    """The stream decompressor for data starting with ``head``: gzip, and bzip2 or xz for good measure."""
    if head[:2] == GZIP_MAGIC:
        return lambda raw: gzip.GzipFile(fileobj=raw, mode="rb")
    if head[:3] == BZIP2_MAGIC and head[3:4].isdigit():
        return bz2.BZ2File
    if head[:6] == XZ_MAGIC:
        return lzma.LZMAFile
    return None


def from_file(f: IO[bytes], name: str, limits: Limits) -> Iterator[Entry]:
    """Entries of a seekable file on disk (the top of the nesting)."""
    head = f.read(HEAD)
    f.seek(0)
    yield from layer(f, head, name, 0, limits)


def from_bytes(data: bytes, name: str, depth: int, limits: Limits) -> Iterator[Entry]:
    """Entries of a member already in memory: itself, or what its archive layers hold."""
    head = data[:HEAD]
    if is_archive(head):
        yield from layer(io.BytesIO(data), head, name, depth, limits)
    elif may_hold_several(data):
        yield from submissions(io.BytesIO(data), name, limits)
    else:
        yield Member(name, data)


def layer(f: Readable, head: bytes, name: str, depth: int, limits: Limits,
          consumed: Callable[[], int] | None = None) -> Iterator[Entry]:
    """One layer, positioned at its start, dispatched on its sniffed kind; ``consumed`` is set
    when ``f`` is decompressed output (counting the compressed bytes behind it)."""
    if depth > limits.max_depth:
        yield Rejected(name, "refused", f"archive layers nested deeper than {limits.max_depth}")
        return
    try:
        opener = compression(head)
        if opener is not None:
            yield from decompress(f, opener, name, depth, limits)
        elif head[:4] in ZIP_MAGICS:
            seekable = f if isinstance(f, (io.BytesIO, io.BufferedReader)) else None
            yield from unzip(seekable or io.BytesIO(read_bounded(f, limits, name, consumed)), name, depth, limits)
        elif is_tar(head):
            yield from untar(f, name, depth, limits, consumed)
        else:
            yield from submissions(f, name, limits, consumed)
    except ArchiveError as exc:
        yield Rejected(name, "refused", exc.reason)
    except BROKEN as exc:
        yield Rejected(name, "failed", f"broken archive data: {type(exc).__name__}: {exc}")


def submissions(f: Readable, name: str, limits: Limits, consumed: Callable[[], int] | None = None
                ) -> Iterator[Entry]:
    """Plain data: one input per submission it holds (see :mod:`.submissions`)."""
    for part, data, size in split_submissions(f, name, limits, consumed):
        if data is None:
            yield Rejected(part, "refused", too_big(size, limits, part).reason, size)
        else:
            yield Member(part, data)


def decompress(f: Readable, opener: Callable[[IO[bytes]], Readable], name: str, depth: int,
               limits: Limits) -> Iterator[Entry]:
    """A compressed stream: decompressed on the fly, guarded by the ratio limit as a whole."""
    raw = Counting(f)
    plain = Guard(opener(cast(IO[bytes], raw)), lambda: raw.count, limits, name)
    head = plain.read(HEAD)
    yield from layer(Prefixed(head, plain), head, name, depth + 1, limits, lambda: raw.count)


def untar(f: Readable, name: str, depth: int, limits: Limits,
          consumed: Callable[[], int] | None) -> Iterator[Entry]:
    """Tar in stream mode: one member at a time, links and devices refused, never followed."""
    with tarfile.open(fileobj=cast(IO[bytes], f), mode="r|") as archive:
        done = 0
        while True:
            try:
                info = archive.next()
            except BROKEN as exc:
                yield Rejected(name, "failed", f"archive broken after {done} member(s): {type(exc).__name__}: {exc}")
                return
            archive.members = []  # type: ignore[attr-defined]  # stream mode keeps every header: memory grows
            if info is None:
                return
            done += 1
            broken = yield from tar_member(archive, info, name, depth, limits, consumed)
            if broken:
                return


def tar_member(archive: tarfile.TarFile, info: tarfile.TarInfo, name: str, depth: int, limits: Limits,
               consumed: Callable[[], int] | None) -> Generator[Entry, None, bool]:
    """One tar member's entries; returns True when the stream broke inside it."""
    member = f"{name}!{shown(info.name)}"
    problem = unsafe_name(info.name) or tar_type_problem(info)
    if problem:
        yield Rejected(member, "refused", problem, info.size)
        return False
    if info.isdir():
        return False
    if info.size > limits.max_member_bytes:
        yield Rejected(member, "refused", too_big(info.size, limits, member).reason, info.size)
        return False
    try:
        data = read_bounded(cast(IO[bytes], archive.extractfile(info)), limits, member, since(consumed))
    except ArchiveError as exc:
        yield Rejected(member, "refused", exc.reason, info.size)
        return False
    except tarfile.StreamError as exc:  # e.g. a sparse member, unreadable in stream mode: the rest is fine
        yield Rejected(member, "failed", f"member cannot be read from a stream: {exc}", info.size)
        return False
    except BROKEN as exc:
        yield Rejected(member, "failed", f"archive truncated in this member: {type(exc).__name__}: {exc}",
                       info.size)
        return True
    yield from from_bytes(data, member, depth + 1, limits)
    return False


def since(consumed: Callable[[], int] | None) -> Callable[[], int] | None:
    """Compressed bytes consumed from now on: a member's own share of the stream."""
    if consumed is None:
        return None
    start = consumed()
    return lambda: consumed() - start


def constant(n: int) -> Callable[[], int]:
    return lambda: n


def tar_type_problem(info: tarfile.TarInfo) -> str | None:
    if info.issym():
        return f"symbolic link to {shown(info.linkname)!r} refused"
    if info.islnk():
        return f"hard link to {shown(info.linkname)!r} refused"
    if info.ischr() or info.isblk():
        return "device file refused"
    if info.isfifo():
        return "FIFO refused"
    if not (info.isreg() or info.isdir()):
        return f"member of unsupported type {info.type!r} refused"
    return None


def zip_type_problem(info: zipfile.ZipInfo) -> str | None:
    mode = info.external_attr >> 16
    if info.create_system != 3 or not mode:  # only Unix entries carry a file type
        return None
    if stat.S_ISLNK(mode):
        return "symbolic link refused"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device file refused"
    if stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode):
        return "FIFO or socket refused"
    return None


def unzip(f: IO[bytes], name: str, depth: int, limits: Limits) -> Iterator[Entry]:
    """Zip members in central-directory order; a broken member fails alone."""
    with zipfile.ZipFile(f) as archive:
        for info in archive.infolist():
            member = f"{name}!{shown(info.filename)}"
            problem = unsafe_name(info.filename) or zip_type_problem(info)
            if problem:
                yield Rejected(member, "refused", problem, info.file_size)
                continue
            if info.is_dir():
                continue
            if info.flag_bits & 0x1:
                yield Rejected(member, "failed", "encrypted member", info.file_size)
                continue
            if info.file_size > limits.max_member_bytes:
                yield Rejected(member, "refused", too_big(info.file_size, limits, member).reason, info.file_size)
                continue
            packed = info.compress_size
            try:
                with archive.open(info) as stream:
                    data = read_bounded(stream, limits, member, constant(packed) if info.compress_type else None)
            except ArchiveError as exc:
                yield Rejected(member, "refused", exc.reason, info.file_size)
                continue
            except BROKEN as exc:
                yield Rejected(member, "failed", f"broken member: {type(exc).__name__}: {exc}", info.file_size)
                continue
            yield from from_bytes(data, member, depth + 1, limits)
