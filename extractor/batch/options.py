"""What one batch run was asked to do, checked once, so later stages never re-validate flags."""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_MAX_MEMBER_BYTES = 256 * 1024 * 1024
"""Largest input or archive member read into memory; EDGAR submissions above this are rare."""
DEFAULT_MAX_RATIO = 100.0
"""SGML text compresses 5-15x; a ratio far above that is a decompression bomb, not a filing."""
DEFAULT_MAX_DEPTH = 6
"""Decoding layers (gzip, tar, zip) allowed around one input: a feed tar.gz of zips is 4."""
DEFAULT_TIMEOUT = 600.0
"""Seconds one input may take; real filings take seconds, a reader caught in a loop takes forever."""
FORMATS = ("csv", "parquet")


class BatchUsageError(Exception):
    """A bad flag or input path: the command exits 2 before reading anything."""


@dataclass(frozen=True, slots=True)
class Limits:
    """Archive-safety limits; ``max_ratio`` applies once a member is past ``ratio_floor`` bytes."""

    max_member_bytes: int = DEFAULT_MAX_MEMBER_BYTES
    max_ratio: float = DEFAULT_MAX_RATIO
    max_depth: int = DEFAULT_MAX_DEPTH
    ratio_floor: int = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Settings:
    """What a worker needs to turn one input into its outcome; small and picklable."""

    kinds: tuple[str, ...] | None = None
    forms: frozenset[str] | None = None
    fmt: str = "csv"
    debug: bool = False
    timeout: float | None = DEFAULT_TIMEOUT


@dataclass(frozen=True, slots=True)
class BatchOptions:
    inputs: tuple[str, ...]
    outdir: Path
    settings: Settings = Settings()
    limits: Limits = Limits()
    jobs: int = 1
    engine: str = "local"
    scheduler: str | None = None
    resume: bool = False
    progress: bool = False

    def fingerprint(self) -> dict[str, object]:
        """The options that shape the outputs: a resumed run must match them exactly."""
        s, lim = self.settings, self.limits
        return {
            "kinds": list(s.kinds) if s.kinds else None, "forms": sorted(s.forms) if s.forms else None,
            "format": s.fmt, "max_member_bytes": lim.max_member_bytes, "max_ratio": lim.max_ratio,
            "max_depth": lim.max_depth,
        }


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def parse_forms(text: str | None) -> frozenset[str] | None:
    if text is None:
        return None
    forms = frozenset(f.strip().upper() for f in text.split(",") if f.strip())
    if not forms:
        raise BatchUsageError("--form needs at least one form type, e.g. 485BPOS,497")
    return forms


def options_from_args(args: argparse.Namespace, progress: bool) -> BatchOptions:
    """Validate the parsed ``batch`` flags into :class:`BatchOptions`."""
    jobs = default_jobs() if args.jobs is None else args.jobs
    if jobs < 1:
        raise BatchUsageError(f"--jobs must be at least 1, not {jobs}")
    max_bytes = DEFAULT_MAX_MEMBER_BYTES if args.max_member_bytes is None else args.max_member_bytes
    max_ratio = DEFAULT_MAX_RATIO if args.max_ratio is None else args.max_ratio
    if max_bytes < 1:
        raise BatchUsageError(f"--max-member-bytes must be positive, not {max_bytes}")
    if not max_ratio > 0:
        raise BatchUsageError(f"--max-ratio must be positive, not {max_ratio}")
    if args.scheduler and args.engine != "dask":
        raise BatchUsageError("--scheduler needs --engine dask")
    timeout = DEFAULT_TIMEOUT if getattr(args, "timeout", None) is None else args.timeout
    if timeout < 0:
        raise BatchUsageError(f"--timeout must be 0 (no limit) or more, not {timeout:g}")
    kinds = None if args.kind == "all" else (args.kind,)
    settings = Settings(kinds=kinds, forms=parse_forms(args.form), fmt=args.format, debug=bool(args.debug),
                        timeout=timeout or None)
    return BatchOptions(
        inputs=tuple(args.inputs), outdir=Path(args.output), settings=settings,
        limits=Limits(max_member_bytes=max_bytes, max_ratio=max_ratio), jobs=jobs, engine=args.engine,
        scheduler=args.scheduler, resume=bool(args.resume), progress=progress and not args.no_progress,
    )
