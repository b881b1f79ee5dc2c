"""Command-line inputs (files, folders, globs) into a deterministic stream of named entries.

Paths are checked before anything runs, so a typo exits 2 at once instead of after an hour.
Folders are walked in sorted order, so the input order (and the output order) is the same on
every run; the output folder itself is never walked into.
"""

from __future__ import annotations

import glob
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from .archives import Entry, Rejected, from_file
from .options import BatchUsageError, Limits

GLOB_CHARS = frozenset("*?[")


def resolve_inputs(inputs: tuple[str, ...]) -> list[str]:
    """Each argument as paths: itself if it exists, else its glob matches; none is a usage error."""
    paths: list[str] = []
    for arg in inputs:
        if os.path.lexists(arg):
            paths.append(arg)
        elif GLOB_CHARS & set(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                raise BatchUsageError(f"{arg}: no file matches this pattern")
            paths.extend(matches)
        else:
            raise BatchUsageError(f"{arg}: no such file or folder")
    return paths


def walk(paths: list[str], exclude: Path | None = None) -> Iterator[str | Rejected]:
    """Files under ``paths``, folders recursively in sorted order, ``exclude`` skipped; a folder
    that cannot be listed is reported, not silently left out."""
    skip = exclude.resolve() if exclude is not None else None
    for path in paths:
        if not os.path.isdir(path):
            yield path
            continue
        errors: list[OSError] = []
        for root, dirs, files in os.walk(path, onerror=errors.append):
            while errors:
                error = errors.pop(0)
                yield Rejected(str(error.filename or root), "failed", f"cannot list folder: {error.strerror or error}")
            dirs[:] = sorted(d for d in dirs if Path(root, d).resolve() != skip)
            for name in sorted(files):
                yield os.path.join(root, name)
        for error in errors:
            yield Rejected(str(error.filename or path), "failed", f"cannot list folder: {error.strerror or error}")


def entries(paths: list[str], limits: Limits, exclude: Path | None = None) -> Iterator[Entry]:
    """Every input of every path, archive members expanded, in a deterministic order."""
    for path in walk(paths, exclude):
        if isinstance(path, Rejected):
            yield path
        else:
            yield from file_entries(path, limits)


def file_entries(path: str, limits: Limits) -> Iterator[Entry]:
    """One file's entries; nothing it holds can stop the files after it."""
    try:
        info = os.stat(path)
    except OSError as exc:
        yield Rejected(path, "failed", f"cannot read: {exc.strerror or exc}")
        return
    if not stat.S_ISREG(info.st_mode):
        yield Rejected(path, "refused", "not a regular file")
        return
    try:
        with open(path, "rb") as f:
            yield from from_file(f, path, limits)
    except OSError as exc:
        yield Rejected(path, "failed", f"cannot read: {exc.strerror or exc}")
    except Exception as exc:  # a bug in archive handling must not end the run: record and go on
        yield Rejected(path, "failed", f"{type(exc).__name__}: {' '.join(str(exc).split())}")
