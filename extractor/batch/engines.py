"""Where :func:`~.work.process_chunk` runs: in this process, a local process pool, or Dask.

All three take the same lazy stream of work items and yield outcomes as they finish. Work in
flight is bounded (a few chunks per worker, and a byte budget), so the archive reader never runs
ahead of the workers and memory stays flat however large the archive is.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, wait
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from pebble import ProcessExpired, ProcessPool

from .options import Settings
from .work import WORKER_DIED, Outcome, WorkItem, failed, process, process_chunk, timed_out

LOST = (ProcessExpired, FutureTimeout, BrokenProcessPool)
"""How a chunk's future fails when its worker died or was killed at the hard limit."""
CHUNK_ITEMS = 8
CHUNK_BYTES = 4 * 1024 * 1024
IN_FLIGHT_PER_WORKER = 2
BYTE_BUDGET_PER_WORKER = 32 * 1024 * 1024


def chunks(items: Iterable[WorkItem]) -> Iterator[list[WorkItem]]:
    """Groups of a few inputs (at most ``CHUNK_ITEMS`` or about ``CHUNK_BYTES``)."""
    chunk: list[WorkItem] = []
    size = 0
    for item in items:
        chunk.append(item)
        size += len(item.data)
        if len(chunk) >= CHUNK_ITEMS or size >= CHUNK_BYTES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


GC_FIRST_GENERATION = 20_000


def run_inline(items: Iterable[WorkItem], settings: Settings) -> Iterator[Outcome]:
    """One job: no pool, no pickling; also what the tests monkeypatch."""
    previous = gc.get_threshold()
    gc.set_threshold(GC_FIRST_GENERATION, *previous[1:])
    try:
        for item in items:
            yield process(item, settings)
    finally:
        gc.set_threshold(*previous)


def start_worker() -> None:
    """Pool initializer. The pipeline makes many small objects that live for one filing and are
    freed by reference counting; at the default first-generation threshold (700) the cycle
    collector runs thousands of times a filing to find almost nothing (about 5% of the time), so
    the worker raises it and freezes what start-up made, which later collections then skip."""
    gc.freeze()
    gc.set_threshold(GC_FIRST_GENERATION, *gc.get_threshold()[1:])
    exit_with_parent()


def exit_with_parent() -> None:
    """A worker exits when the run that started it dies, even by SIGKILL. Every worker holds both
    ends of the pool's queue, so it would otherwise wait forever."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        parent.join()
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def pool_context() -> Any:
    """Forkserver where there is one (fast, and safe with threads), else spawn."""
    if sys.platform.startswith("linux"):
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["extractor.batch.work"])
        return context
    return multiprocessing.get_context("spawn")


Submit = Callable[[list[WorkItem]], "Future[list[Outcome]]"]


def bounded(items: Iterable[WorkItem], submit: Submit, slots: int,
            on_broken: Callable[[list[WorkItem]], list[Outcome]] | None = None) -> Iterator[Outcome]:
    """Submit chunks while fewer than ``slots`` (and the byte budget) are in flight; yield results."""
    pending: dict[Future[list[Outcome]], list[WorkItem]] = {}
    budget = slots * BYTE_BUDGET_PER_WORKER // IN_FLIGHT_PER_WORKER
    in_flight = 0

    def collect() -> Iterator[Outcome]:
        nonlocal in_flight
        done, _ = wait(list(pending), return_when=FIRST_COMPLETED)
        for future in done:
            chunk = pending.pop(future)
            in_flight -= sum(len(i.data) for i in chunk)
            try:
                yield from future.result()
            except LOST:
                if on_broken is None:
                    raise
                yield from on_broken(chunk)

    for chunk in chunks(items):
        size = sum(len(i.data) for i in chunk)
        while pending and (len(pending) >= slots or in_flight + size > budget):
            yield from collect()
        pending[submit(chunk)] = chunk
        in_flight += size
    while pending:
        yield from collect()


HARD_LIMIT_MARGIN = 5.0
"""Seconds past a chunk's summed ``--timeout`` before the pool kills its worker."""


class LocalPool:
    """A process pool (pebble's) that outlives any one input. A worker enforces ``--timeout`` on
    each input itself, but its alarm only lands between Python bytecodes: a long call into C, or
    into the compiled build, runs on through it. So the pool also kills a worker whose chunk runs
    past the sum of its inputs' limits, as it does nothing for a worker that died. Either way the
    chunk is tried again one input at a time, and only the input that fails alone is recorded."""

    def __init__(self, jobs: int, settings: Settings) -> None:
        self.jobs = jobs
        self.settings = settings
        self.pool = ProcessPool(max_workers=jobs, initializer=start_worker, context=pool_context())

    def hard_limit(self, chunk: list[WorkItem]) -> float | None:
        return len(chunk) * self.settings.timeout + HARD_LIMIT_MARGIN if self.settings.timeout else None

    def submit(self, chunk: list[WorkItem]) -> Future[list[Outcome]]:
        return self.pool.schedule(process_chunk, args=(chunk, self.settings), timeout=self.hard_limit(chunk))

    def retry(self, chunk: list[WorkItem]) -> list[Outcome]:
        """The inputs of a lost chunk, each alone (side by side: a worker's end is its task's alone)."""
        futures = [(item, self.submit([item])) for item in chunk]
        out = []
        for item, future in futures:
            try:
                out.extend(future.result())
            except LOST as exc:
                reason = timed_out(self.settings) if isinstance(exc, FutureTimeout) else WORKER_DIED
                out.append(failed(item, reason))
        return out

    def run(self, items: Iterable[WorkItem]) -> Iterator[Outcome]:
        try:
            yield from bounded(items, self.submit, self.jobs * IN_FLIGHT_PER_WORKER, self.retry)
        except BaseException:  # an error, Ctrl-C, or the consumer stopping early: no waiting for work
            self.pool.stop()  # type: ignore[no-untyped-call]  # pebble leaves these two unannotated
            raise
        else:
            self.pool.close()  # type: ignore[no-untyped-call]
        finally:
            self.pool.join()


def run_local(items: Iterable[WorkItem], settings: Settings, jobs: int) -> Iterator[Outcome]:
    if jobs == 1:
        return run_inline(items, settings)
    return LocalPool(jobs, settings).run(items)


def run_dask(items: Iterable[WorkItem], settings: Settings, client: Any) -> Iterator[Outcome]:
    """The same chunks on a Dask cluster. Results come back to this process, which writes them,
    so the workers need no access to the output folder; a chunk lost with its worker (Dask gives
    up after its own retries) is recorded as failed, input by input."""
    from distributed import as_completed

    slots = max(1, sum(client.nthreads().values())) * IN_FLIGHT_PER_WORKER
    # this client's loop, not the default client's: a process may hold several clients
    finished = as_completed(loop=client.loop, raise_errors=False)  # type: ignore[no-untyped-call]
    pending: dict[Any, list[WorkItem]] = {}

    def results(future: Any) -> list[Outcome]:
        chunk = pending.pop(future)
        try:
            outcomes: list[Outcome] = future.result()
        except Exception as exc:  # KilledWorker and the like: the chunk's inputs, not the run, fail
            reason = " ".join(f"{type(exc).__name__}: {exc}".split())
            outcomes = [failed(i, reason) for i in chunk]
        future.release()
        return outcomes

    for chunk in chunks(items):
        while len(pending) >= slots:
            yield from results(next(finished))
        future = client.submit(process_chunk, chunk, settings, pure=False)
        pending[future] = chunk
        finished.add(future)  # type: ignore[no-untyped-call]
    while pending:
        yield from results(next(finished))
