"""Hostile archives: unsafe names, links and devices refused, bombs stopped, nesting bounded,
broken archives recorded, and every member accounted for in the manifest."""

from __future__ import annotations

import gzip
import io
import random
import stat
import tarfile
import zipfile
from pathlib import Path

import pytest
from test_batch import batch, manifest, tar_bytes, variant, zip_bytes

from extractor.batch import Limits

MB = 1024 * 1024


def statuses(outdir: Path) -> list[tuple[str, str, str]]:
    return [(r["input"].split("!", 1)[-1], r["status"], r["reason"]) for r in manifest(outdir)]


def hostile_tar() -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as tar:
        def add(name: str, data: bytes = b"", **fields: object) -> None:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            for key, value in fields.items():
                setattr(info, key, value)
            tar.addfile(info, io.BytesIO(data) if data else None)

        add("good.txt", variant(1))
        add("../escape.txt", variant(2))
        add("/etc/cron.d/evil", variant(3))
        add("sub/../../up.txt", variant(4))
        add("link", type=tarfile.SYMTYPE, linkname="/etc/passwd")
        add("hard", type=tarfile.LNKTYPE, linkname="good.txt")
        add("dev", type=tarfile.CHRTYPE, devmajor=1, devminor=3)
        add("blk", type=tarfile.BLKTYPE)
        add("fifo", type=tarfile.FIFOTYPE)
        add("folder", type=tarfile.DIRTYPE)
        add("bell\x07name.txt", variant(5))
        add("last.txt", variant(6))
    return out.getvalue()


def test_unsafe_tar_members_are_refused_and_recorded(tmp_path: Path) -> None:
    (tmp_path / "hostile.tar.gz").write_bytes(hostile_tar())
    summary = batch(tmp_path / "out", tmp_path / "hostile.tar.gz")
    assert statuses(tmp_path / "out") == [
        ("good.txt", "ok", ""),
        ("../escape.txt", "refused", "member name holds '..'"),
        ("/etc/cron.d/evil", "refused", "member name is an absolute path"),
        ("sub/../../up.txt", "refused", "member name holds '..'"),
        ("link", "refused", "symbolic link to '/etc/passwd' refused"),
        ("hard", "refused", "hard link to 'good.txt' refused"),
        ("dev", "refused", "device file refused"),
        ("blk", "refused", "device file refused"),
        ("fifo", "refused", "FIFO refused"),
        ("bell\\x07name.txt", "refused", "member name holds control characters"),
        ("last.txt", "ok", ""),
    ]
    assert summary.statuses == {"ok": 2, "refused": 9}
    assert not any(p.name in ("escape.txt", "up.txt", "link") for p in tmp_path.rglob("*"))


def test_unsafe_zip_members_are_refused_and_recorded(tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("ok.txt", variant(1))
        archive.writestr("../../escape.txt", variant(2))
        archive.writestr("C:/windows/evil.txt", variant(3))
        archive.writestr("..\\back.txt", variant(4))
        link = zipfile.ZipInfo("link")
        link.create_system = 3
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
        device = zipfile.ZipInfo("dev")
        device.create_system = 3
        device.external_attr = (stat.S_IFCHR | 0o600) << 16
        archive.writestr(device, "")
    (tmp_path / "hostile.zip").write_bytes(out.getvalue())
    batch(tmp_path / "out", tmp_path / "hostile.zip")
    assert statuses(tmp_path / "out") == [
        ("ok.txt", "ok", ""),
        ("../../escape.txt", "refused", "member name holds '..'"),
        ("C:/windows/evil.txt", "refused", "member name is an absolute path"),
        ("..\\back.txt", "refused", "member name holds '..'"),
        ("link", "refused", "symbolic link refused"),
        ("dev", "refused", "device file refused"),
    ]


def zeros_gz(size: int) -> bytes:
    return gzip.compress(b"\0" * size, compresslevel=9)


@pytest.mark.parametrize("kind", ["gz-member", "zip-member", "top-level-gz", "tar.gz-member"])
def test_bombs_are_stopped_by_the_ratio_limit(tmp_path: Path, kind: str) -> None:
    bomb = b"\0" * (40 * MB)
    if kind == "gz-member":
        members = {"ok.txt": variant(1), "bomb.txt.gz": zeros_gz(40 * MB), "after.txt": variant(2)}
        data, name = tar_bytes(members), "a.tar"
    elif kind == "zip-member":
        data, name = zip_bytes({"ok.txt": variant(1), "bomb.txt": bomb, "after.txt": variant(2)}), "a.zip"
    elif kind == "top-level-gz":
        data, name = zeros_gz(40 * MB), "bomb.txt.gz"
    else:
        data, name = tar_bytes({"ok.txt": variant(1), "bomb.txt": bomb, "after.txt": variant(2)}, "w:gz"), "a.tar.gz"
    assert len(data) < MB
    (tmp_path / name).write_bytes(data)
    batch(tmp_path / "out", tmp_path / name)
    rows = statuses(tmp_path / "out")
    bombs = [r for r in rows if "bomb" in r[0]]
    assert len(bombs) == 1 and bombs[0][1] == "refused"
    assert "decompression bomb" in bombs[0][2] and "--max-ratio" in bombs[0][2]
    assert [r[1] for r in rows if r not in bombs] == ["ok"] * (len(rows) - 1)
    assert len(rows) == (1 if kind == "top-level-gz" else 3)


def test_a_stream_that_keeps_inflating_stops_the_archive(tmp_path: Path) -> None:
    (tmp_path / "a.tar.gz").write_bytes(tar_bytes({"ok.txt": variant(1), "bomb.txt": bytes(60 * MB),
                                                   "after.txt": variant(2)}, "w:gz"))
    batch(tmp_path / "out", tmp_path / "a.tar.gz", limits=Limits(max_member_bytes=2 * MB))
    rows = statuses(tmp_path / "out")
    assert [r[:2] for r in rows] == [("ok.txt", "ok"), ("bomb.txt", "refused"), (str(tmp_path / "a.tar.gz"), "refused")]
    assert "--max-member-bytes" in rows[1][2] and "decompression bomb" in rows[2][2]


def test_size_and_ratio_limits_are_settable(tmp_path: Path) -> None:
    big = variant(1) * 40  # about 250 kB of text, a ratio near 40
    (tmp_path / "a.zip").write_bytes(zip_bytes({"big.txt": big, "small.txt": variant(2)}))
    batch(tmp_path / "size", tmp_path / "a.zip", limits=Limits(max_member_bytes=100_000))
    assert [r[1:] for r in statuses(tmp_path / "size")] == [
        ("refused", f"{len(big)} bytes or more, over the size limit 100000 (--max-member-bytes)"), ("ok", "")]
    batch(tmp_path / "ratio", tmp_path / "a.zip", limits=Limits(max_ratio=5, ratio_floor=0))
    assert [r[1] for r in statuses(tmp_path / "ratio")] == ["refused", "ok"]
    batch(tmp_path / "roomy", tmp_path / "a.zip", limits=Limits(max_ratio=1000, ratio_floor=0))
    assert [r[1] for r in statuses(tmp_path / "roomy")] == ["ok", "ok"]


def test_a_plain_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_bytes(variant(1))
    batch(tmp_path / "out", tmp_path / "big.txt", limits=Limits(max_member_bytes=1000))
    assert statuses(tmp_path / "out")[0][1] == "refused"


def test_nesting_deeper_than_the_limit_is_refused(tmp_path: Path) -> None:
    data = variant(1)
    for _ in range(5):
        data = gzip.compress(data)
    (tmp_path / "deep.gz").write_bytes(data)
    batch(tmp_path / "ok", tmp_path / "deep.gz")
    assert statuses(tmp_path / "ok")[0][1] == "ok"
    batch(tmp_path / "out", tmp_path / "deep.gz", limits=Limits(max_depth=3))
    assert statuses(tmp_path / "out") == [(str(tmp_path / "deep.gz"), "refused", "archive layers nested deeper than 3")]
    inner = zip_bytes({"doc.txt": variant(2)})
    for n in range(4):
        inner = zip_bytes({f"level{n}.zip": inner})
    (tmp_path / "russian.zip").write_bytes(inner)
    batch(tmp_path / "zips", tmp_path / "russian.zip", limits=Limits(max_depth=3))
    assert statuses(tmp_path / "zips") == [
        ("level3.zip!level2.zip!level1.zip!level0.zip", "refused", "archive layers nested deeper than 3")]


def test_truncated_and_corrupt_archives_keep_what_was_read(tmp_path: Path) -> None:
    noise = [random.Random(n).randbytes(4000).hex().encode() for n in range(1, 6)]  # members compress alike
    whole = tar_bytes({f"m{n}.txt": variant(n) + noise[n - 1] for n in range(1, 6)}, "w:gz")
    (tmp_path / "a-cut.tar.gz").write_bytes(whole[: len(whole) * 2 // 3])
    (tmp_path / "b-corrupt.zip").write_bytes(b"PK\x03\x04" + bytes(2000))
    (tmp_path / "c-bad.gz").write_bytes(b"\x1f\x8b\x08\x00" + bytes(100))
    mangled = bytearray(zip_bytes({"one.txt": variant(1), "two.txt": variant(2)}))
    mangled[60:90] = bytes(30)  # inside the first member's deflate data
    (tmp_path / "d-member.zip").write_bytes(bytes(mangled))
    (tmp_path / "e-good.txt").write_bytes(variant(7))
    batch(tmp_path / "out", tmp_path)
    rows = [(r["input"].removeprefix(f"{tmp_path}/"), r["status"]) for r in manifest(tmp_path / "out")]
    done = [r for r in rows if r[0].startswith("a-cut") and r[1] == "ok"]
    assert done == [(f"a-cut.tar.gz!m{n}.txt", "ok") for n in range(1, len(done) + 1)] and 1 <= len(done) < 5
    assert rows[len(done)][0].startswith("a-cut.tar.gz") and rows[len(done)][1] == "failed"
    assert rows[len(done) + 1:] == [("b-corrupt.zip", "failed"), ("c-bad.gz", "failed"),
                                    ("d-member.zip!one.txt", "failed"), ("d-member.zip!two.txt", "ok"),
                                    ("e-good.txt", "ok")]


def test_every_member_of_a_large_mixed_archive_is_accounted_for(tmp_path: Path) -> None:
    members = {}
    for n in range(60):
        members[f"f{n:02d}.txt"] = [variant(n), bytes(range(256)) * 4, b"", b"no tables here\n"][n % 4]
    (tmp_path / "many.zip").write_bytes(zip_bytes(members))
    summary = batch(tmp_path / "out", tmp_path / "many.zip", jobs=2)
    rows = manifest(tmp_path / "out")
    assert [r["input"].split("!")[1] for r in rows] == list(members)
    assert summary.inputs == 60 and sum(summary.statuses.values()) == 60
    assert [r["status"] for r in rows[:4]] == ["ok", "failed", rows[2]["status"], "no-tables"]
    assert all(r["status"] in ("ok", "failed", "no-tables") for r in rows)
