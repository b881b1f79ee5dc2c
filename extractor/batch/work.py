"""The per-input function: the one piece of code that both the process pool and Dask run.

It never raises: whatever the pipeline does with an input (an ``ExtractorError``, any other
exception, even ``RecursionError``) ends up as an :class:`Outcome` with a status and a one-line
reason, so one bad filing can never stop a run.
"""

from __future__ import annotations

import ctypes
import dataclasses
import signal
import threading
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from .. import pipeline
from ..container import decode_bytes, parse_container
from ..errors import ArchiveError, ExtractorError
from ..model import Filing
from ..writers import finding_dict
from .formats import FINDING_COLUMNS, encode, encode_tidy
from .options import Settings


@dataclass(frozen=True, slots=True)
class WorkItem:
    key: str
    name: str
    data: bytes


@dataclass(frozen=True, slots=True)
class Outcome:
    """One manifest row plus the encoded table and finding rows of that input."""

    key: str
    name: str
    status: str
    reason: str = ""
    tables: int = 0
    findings: int = 0
    errors: int = 0
    nbytes: int = 0
    seconds: float = 0.0
    table_part: bytes = b""
    finding_part: bytes = b""
    trace: str = ""

    def manifest_row(self) -> list[object]:
        return [self.name, self.status, self.reason, self.tables, self.findings, self.errors, self.nbytes,
                round(self.seconds, 3)]


TIMED_OUT = "took longer than"
WORKER_DIED = "the worker process died on this input"
TRANSIENT = (TIMED_OUT, WORKER_DIED)
"""Reasons that may not recur (a busier machine, a larger --timeout): --resume tries these again."""


def failed(item: WorkItem, reason: str = "") -> Outcome:
    """``item`` recorded as failed: the start of every outcome, and the whole of a lost one."""
    return Outcome(item.key, item.name, "failed", reason, nbytes=len(item.data))


def timed_out(settings: Settings) -> str:
    """The reason recorded for an input that ran past ``--timeout``, however it was stopped."""
    return f"{TIMED_OUT} {settings.timeout:g} s (--timeout)"


class InputTimeout(BaseException):
    """Raised in the middle of the pipeline by the timer; a BaseException so that no reader's
    ``except Exception`` can swallow it."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Interrupt the block after ``seconds`` with :class:`InputTimeout`: by SIGALRM in a process's
    main thread (pool workers, one-job runs), by an asynchronous exception in any other thread
    (Dask's workers). Either lands at the next Python bytecode the block runs: a single long call
    into C, or into modules of the compiled build, finishes first."""
    if not seconds:
        yield
    elif threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _alarm(seconds):
            yield
    else:
        with _thread_alarm(seconds):
            yield


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        raise InputTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _thread_alarm(seconds: float) -> Iterator[None]:
    """A timer thread raises :class:`InputTimeout` in this thread (``PyThreadState_SetAsyncExc``).
    The lock makes the timer and the block's end exclusive; an exception the timer set but that
    had not landed when the block ended is withdrawn, so it can never strike the caller's code."""
    target = ctypes.c_ulong(threading.get_ident())
    lock = threading.Lock()
    state = {"running": True, "fired": False}

    def expire() -> None:
        with lock:
            if state["running"]:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, ctypes.py_object(InputTimeout))
                state["fired"] = True

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["running"] = False
            timer.cancel()
            if state["fired"]:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, None)


def one_line(text: str) -> str:
    return " ".join(text.split())


def form_of(data: bytes, name: str) -> str | None:
    """The form type from the SEC header alone, to skip unwanted filings before reading tables."""
    header, _ = parse_container(decode_bytes(data, name), name)
    return header.form_type


def process(item: WorkItem, settings: Settings) -> Outcome:
    """Run the pipeline on one input and encode its rows; every failure becomes an outcome."""
    start = time.perf_counter()
    base = failed(item)
    try:
        with time_limit(settings.timeout):
            outcome = run_pipeline(base, item, settings)
    except InputTimeout:
        outcome = dataclasses.replace(base, reason=timed_out(settings))
    except ArchiveError as exc:
        outcome = dataclasses.replace(base, status="refused", reason=exc.reason)
    except ExtractorError as exc:
        where = f"line {exc.line}: " if exc.line is not None else ""
        outcome = dataclasses.replace(base, reason=where + exc.reason)
    except Exception as exc:  # anything else is a bug upstream, but still only this input's problem
        outcome = dataclasses.replace(base, reason=one_line(f"{type(exc).__name__}: {exc}"),
                                      trace=traceback.format_exc() if settings.debug else "")
    return dataclasses.replace(outcome, seconds=time.perf_counter() - start)


def run_pipeline(base: Outcome, item: WorkItem, settings: Settings) -> Outcome:
    if settings.forms is not None:
        form = form_of(item.data, item.name)
        if (form or "").strip().upper() not in settings.forms:
            return dataclasses.replace(base, status="skipped-form", reason=f"form {form or 'unknown'}")
    return encode_filing(base, pipeline.extract_bytes(item.data, item.name), settings)


def encode_filing(base: Outcome, filing: Filing, settings: Settings) -> Outcome:
    kept = [t for t in filing.tables if settings.kinds is None or t.kind in settings.kinds]
    ids = {t.id for t in kept}
    findings = [f for f in filing.findings if f.table in ids or settings.kinds is None]
    finding_rows = [[{"file": filing.source, **finding_dict(f)}.get(c) for c in FINDING_COLUMNS]
                    for f in findings]
    if kept:
        status, reason = "ok", ""
    else:
        status = "no-tables"
        reason = (f"no {'/'.join(settings.kinds)} table among {len(filing.tables)}"
                  if settings.kinds and filing.tables else "no tables")
    return dataclasses.replace(
        base, status=status, reason=reason, tables=len(kept), findings=len(findings),
        errors=sum(1 for f in findings if f.severity == "error"),
        table_part=encode_tidy(filing, settings.kinds, settings.fmt),
        finding_part=encode(finding_rows, FINDING_COLUMNS, settings.fmt),
    )


def process_chunk(items: list[WorkItem], settings: Settings) -> list[Outcome]:
    """A few inputs per task, so that tiny filings do not pay a round trip each."""
    return [process(item, settings) for item in items]
