"""One batch run: inputs in order, finished parts skipped on resume, work out, parts in, merge.

The main process reads archives and writes every file; workers only compute. That keeps the
output folder private to one process (no locking) and lets Dask workers run on other machines.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .archives import Member, Rejected
from .engines import run_dask, run_local
from .inputs import entries, resolve_inputs
from .options import BatchOptions, BatchUsageError
from .parts import PartStore, Summary, part_key
from .progress import Progress
from .work import Outcome, WorkItem

PROBLEMS = ("failed", "refused")


def run_batch(options: BatchOptions, client: Any = None) -> Summary:
    """Run a batch and write its outputs; ``client`` is a Dask client for ``engine == "dask"``
    (one is made from ``options.scheduler`` or a local cluster when it is ``None``)."""
    paths = resolve_inputs(options.inputs)
    try:
        options.outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BatchUsageError(f"{options.outdir}: cannot make the output folder: {exc.strerror or exc}") from exc
    store = PartStore(options.outdir, options.fingerprint(), options.resume)
    try:
        store.open()
        progress = Progress(options.progress)
        try:
            for outcome in execute(options, work_items(options, paths, store, progress), client):
                store.write(outcome)
                note(progress, outcome)
        finally:
            progress.close()
        return store.merge(options.settings.fmt)
    finally:
        store.close()


def work_items(options: BatchOptions, paths: list[str], store: PartStore,
               progress: Progress) -> Iterator[WorkItem]:
    """Inputs still to compute; decided ones (refused, broken, done before) are written here."""
    for index, entry in enumerate(entries(paths, options.limits, exclude=options.outdir)):
        content = entry.data if isinstance(entry, Member) else f"{entry.status}: {entry.reason}".encode()
        key = part_key(index, entry.name, content)
        store.record(key)
        row = store.done_row(key)
        if row is not None:
            progress.advance(str(row[1]), int(str(row[6])))
            continue
        if isinstance(entry, Rejected):
            outcome = Outcome(key, entry.name, entry.status, entry.reason, nbytes=entry.nbytes)
            store.write(outcome)
            note(progress, outcome)
            continue
        assert isinstance(entry, Member)
        yield WorkItem(key, entry.name, entry.data)


def execute(options: BatchOptions, items: Iterator[WorkItem], client: Any) -> Iterator[Outcome]:
    if options.engine != "dask":
        yield from run_local(items, options.settings, options.jobs)
        return
    if client is not None:
        yield from run_dask(items, options.settings, client)
        return
    with dask_client(options) as own:
        yield from run_dask(items, options.settings, own)


def dask_client(options: BatchOptions) -> Any:
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise BatchUsageError("--engine dask needs Dask: pip install 'edgar-extract[dask]'") from exc
    if options.scheduler:
        return Client(options.scheduler)  # type: ignore[no-untyped-call]
    cluster = LocalCluster(n_workers=options.jobs, threads_per_worker=1, processes=True,  # type: ignore[no-untyped-call]
                           dashboard_address=":0")
    client = Client(cluster)  # type: ignore[no-untyped-call]
    return _Owned(client, cluster)


class _Owned:
    """A client and the local cluster it was made for, closed together."""

    def __init__(self, client: Any, cluster: Any) -> None:
        self.client, self.cluster = client, cluster

    def __enter__(self) -> Any:
        return self.client

    def __exit__(self, *exc: object) -> None:
        self.client.close()
        self.cluster.close()


def note(progress: Progress, outcome: Outcome) -> None:
    progress.advance(outcome.status, outcome.nbytes)
    if outcome.status in PROBLEMS:
        progress.report(f"{outcome.name}: {outcome.status}: {outcome.reason}")
        if outcome.trace:
            progress.report(outcome.trace.rstrip())
