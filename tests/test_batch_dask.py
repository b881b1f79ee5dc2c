"""The Dask engine runs the same per-input function and must give the local engine's bytes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_batch import batch, broken_total, manifest, outputs, tar_bytes, variant, zip_bytes

from extractor import pipeline
from extractor.batch import Settings

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=":0") as cluster, distributed.Client(cluster) as dask_client:
        yield dask_client


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_dask_gives_the_same_outputs_as_the_local_pool(tmp_path: Path, client: Any, fmt: str) -> None:
    src = tmp_path / "in"
    src.mkdir()
    members = {f"{n:02d}.txt": variant(n) for n in range(20)}
    members["03.txt"] = broken_total()
    members["04.bin"] = bytes(range(256)) * 4
    (src / "feed.tar.gz").write_bytes(tar_bytes(members, "w:gz"))
    (src / "more.zip").write_bytes(zip_bytes({"a.txt": variant(50), "/abs.txt": variant(51)}))
    settings = Settings(fmt=fmt)
    local = batch(tmp_path / "local", src, settings=settings, jobs=2)
    given = batch(tmp_path / "given", src, settings=settings, engine="dask", _client=client)
    assert local.inputs == given.inputs == 23
    assert local.statuses == given.statuses == {"ok": 21, "failed": 1, "refused": 1} and local.errors >= 1
    assert outputs(tmp_path / "given", fmt) == outputs(tmp_path / "local", fmt)
    if fmt == "csv":  # the command line's own cluster: worker processes, not threads
        batch(tmp_path / "own", src, settings=settings, engine="dask", jobs=1)
        assert outputs(tmp_path / "own", fmt) == outputs(tmp_path / "local", fmt)
    else:  # --scheduler ADDRESS: a client of its own, connected to a running cluster
        batch(tmp_path / "address", src, settings=settings, engine="dask", scheduler=client.scheduler.address)
        assert outputs(tmp_path / "address", fmt) == outputs(tmp_path / "local", fmt)


def test_a_stuck_input_times_out_on_dask_worker_threads(tmp_path: Path, client: Any,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    real = pipeline.extract_bytes

    def stuck(data: bytes, source: str) -> Any:
        while source.endswith("stuck.txt"):  # a reader caught in a loop, in one of Dask's threads
            pass
        return real(data, source)

    monkeypatch.setattr(pipeline, "extract_bytes", stuck)  # the in-process cluster shares this module
    (tmp_path / "a.tar").write_bytes(tar_bytes({"one.txt": variant(1), "stuck.txt": variant(2),
                                                "two.txt": variant(3)}))
    summary = batch(tmp_path / "out", tmp_path / "a.tar", settings=Settings(timeout=0.3), engine="dask",
                    _client=client)
    assert summary.statuses == {"ok": 2, "failed": 1}
    rows = {Path(r["input"]).name.split("!")[-1]: r for r in manifest(tmp_path / "out")}
    assert rows["stuck.txt"]["reason"] == "took longer than 0.3 s (--timeout)"
    assert rows["one.txt"]["status"] == rows["two.txt"]["status"] == "ok"
