"""The batch runner: many inputs and archives into tidy tables, findings and a manifest.

``edgar-extract batch`` calls :func:`run_batch_command`; Python callers (and the tests) build
:class:`BatchOptions` and call :func:`run_batch`, which can also take a Dask client.

How a run flows (one module each): ``inputs`` expands paths, folders and globs in a fixed order;
``archives`` streams their members through the bomb guards of ``streams``; ``runner`` numbers
every input, skips those ``--resume`` finds done, and feeds the rest to an engine (``engines``:
inline, process pool or Dask), all running ``work.process`` on one input at a time; the main
process writes each outcome as a part file and ``parts`` merges them, in input order, into the
outputs (``formats``, ``sinks``). Every input ends up as exactly one manifest row.
"""

from __future__ import annotations

import argparse
import sys

from .options import BatchOptions, BatchUsageError, Limits, Settings, options_from_args
from .parts import Summary
from .runner import run_batch

__all__ = ["BatchOptions", "BatchUsageError", "Limits", "Settings", "Summary", "exit_code", "run_batch",
           "run_batch_command"]

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_UNREADABLE, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


def exit_code(summary: Summary) -> int:
    """0 done; 1 an error finding; 3 only when there were inputs and none could be read at all."""
    if summary.inputs and not summary.readable:
        return EXIT_UNREADABLE
    return EXIT_FINDINGS if summary.errors else EXIT_OK


def closing_line(summary: Summary, options: BatchOptions) -> str:
    counts = ", ".join(f"{n} {status}" for status, n in sorted(summary.statuses.items()))
    return (f"{summary.inputs} input(s): {counts or 'none'}; {summary.tables} table(s), "
            f"{summary.findings} finding(s), {summary.errors} error(s) -> {options.outdir}")


def run_batch_command(args: argparse.Namespace) -> int:
    """Run ``edgar-extract batch`` with parsed arguments; returns the exit code."""
    try:
        options = options_from_args(args, progress=sys.stderr.isatty())
        summary = run_batch(options)
    except BatchUsageError as exc:
        print(f"edgar-extract: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:  # inputs' errors are recorded per input: this is the output folder failing
        print(f"edgar-extract: error: writing to {args.output}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(f"edgar-extract: interrupted; finished inputs are kept in {args.output}/.parts: "
              f"run again with --resume to go on", file=sys.stderr)
        return EXIT_INTERRUPTED
    print(closing_line(summary, options), file=sys.stderr)
    return exit_code(summary)
