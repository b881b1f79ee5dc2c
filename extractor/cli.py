"""The ``edgar-extract`` command line: ``tables``, ``check`` and ``batch``.

Exit codes (see the output contract): 0 success, 1 an error finding, 2 usage error,
3 an input that could not be read or parsed at all.
"""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from .buildinfo import describe
from .container import read_source
from .errors import ExtractorError
from .model import Filing
from .pipeline import Stages, run_stages, submissions
from .writers import filing_dict, findings_frame, render_text, table_dict, tidy_frame, wide_csv

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_UNREADABLE = 0, 1, 2, 3
KINDS = ("fees", "expense_example", "other", "all")
T = TypeVar("T")


class UsageError(Exception):
    """A bad flag or argument: exit 2."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse would exit 2 itself; keep one path
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="edgar-extract",
        description="Read SEC EDGAR filings, rebuild their tables, extract and cross-check fee tables.",
    )
    parser.add_argument("--version", action="version", version=describe(),
                        help="print the version and whether the compiled build is in use, then exit")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)

    tables = sub.add_parser("tables", help="print or write every table of each filing",
                            description="Print or write every table of each filing.")
    tables.add_argument("files", nargs="+", metavar="FILE", help="filing (.txt, .htm, .gz) or - for stdin")
    tables.add_argument("--format", choices=("text", "json", "csv", "tidy-csv", "parquet"), default="text",
                        help="text (default), json (output contract; JSON Lines for several files), "
                             "csv (wide, as printed), tidy-csv (one value a row), parquet (tidy)")
    tables.add_argument("--kind", choices=KINDS, default="all", help="only tables of this kind")
    tables.add_argument("-o", "--output", metavar="PATH", help="write here instead of standard output")
    tables.add_argument("--debug-stage", choices=("tokens", "tables", "classified", "findings"),
                        help="print one stage's output and stop")
    tables.add_argument("--debug", action="store_true", help="show tracebacks for failures")

    check = sub.add_parser("check", help="cross-check fee tables and examples; one line per finding",
                           description="Cross-check fee tables and expense examples.")
    check.add_argument("files", nargs="+", metavar="FILE")
    check.add_argument("--format", choices=("text", "json", "csv"), default="text")
    check.add_argument("--fail-on", choices=("warning", "error", "never"), default="error",
                       help="exit 1 when a finding of this severity or worse is found (default: error)")
    check.add_argument("-o", "--output", metavar="PATH")
    check.add_argument("--debug", action="store_true", help="show tracebacks for failures")

    batch = sub.add_parser("batch", help="process files, folders and archives into OUTDIR",
                           description="Process whole filing archives into tidy tables, findings and a "
                                       "manifest with one row per input.")
    batch.add_argument("inputs", nargs="+", metavar="INPUT",
                       help="files, folders (recursive), globs, .gz, .zip, .tar, .tar.gz, daily feed "
                            "archives; concatenated submissions are one input each")
    batch.add_argument("-o", "--output", metavar="OUTDIR", required=True)
    batch.add_argument("--jobs", type=int, default=None, help="worker processes (default: cores)")
    batch.add_argument("--kind", choices=KINDS, default="all")
    batch.add_argument("--form", default=None, help="comma-separated form types to keep, e.g. 485BPOS,497")
    batch.add_argument("--format", choices=("csv", "parquet"), default="csv")
    batch.add_argument("--resume", action="store_true", help="skip inputs already done by an earlier run")
    batch.add_argument("--engine", choices=("local", "dask"), default="local")
    batch.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address (engine dask)")
    batch.add_argument("--max-member-bytes", type=int, default=None,
                       help="size limit per member or submission, decompressed")
    batch.add_argument("--max-ratio", type=float, default=None, help="compression ratio limit per member")
    batch.add_argument("--no-progress", action="store_true", help="no progress bar")
    batch.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                       help="time one input may take before it is recorded as failed (default 600; 0: no limit)")
    batch.add_argument("--debug", action="store_true", help="show tracebacks for failures")
    return parser


def kinds_of(kind: str) -> list[str] | None:
    return None if kind == "all" else [kind]


def load_or_report(path: str, debug: bool) -> tuple[list[Stages], bool]:
    """The stages of each submission of one input (``PATH!1``, ``PATH!2``, ... when several were
    concatenated), and whether any of them failed, after one line on standard error saying why.

    A bug of ours on a strange input is reported like an unreadable file (exit 3), never as a
    traceback, so one bad file in a long list, or one bad submission in a concatenation, leaves
    the others' output intact.
    """
    loaded: list[Stages] = []
    parts = _reported(path, debug, lambda: submissions(read_source(path), path))
    for name, data in parts or ():
        stages = _reported(name, debug, partial(run_stages, data, name))
        if stages is not None:
            loaded.append(stages)
    return loaded, parts is None or len(loaded) < len(parts)


def _reported(source: str, debug: bool, step: Callable[[], T]) -> T | None:
    """``step()``, or ``None`` after one line on standard error naming ``source``."""
    try:
        return step()
    except ExtractorError as exc:
        if debug:
            traceback.print_exc()
        print(exc, file=sys.stderr)
    except (Exception, RecursionError) as exc:  # the last line of defence
        if debug:
            traceback.print_exc()
        reason = " ".join(str(exc).split())[:200]
        print(f"{source}: internal error {type(exc).__name__}: {reason} (run with --debug for details)",
              file=sys.stderr)
    return None


def emit(text: str | bytes, output: str | None) -> None:
    if output is None:
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
        else:
            sys.stdout.write(text)
        return
    target = Path(output)
    if isinstance(text, bytes):
        target.write_bytes(text)
    else:
        target.write_text(text, encoding="utf-8")


def debug_stage(stages: Stages, stage: str) -> str:
    if stage == "tokens":
        from .text.tokenizer import tokenize

        out: list[str] = []
        for doc in stages.documents:
            if doc.skipped or doc.is_html:
                continue
            out.extend(f"{t.line:>6} {t.kind.name:<10} {t.text}" for t in tokenize(doc.text, doc.text_line))
        return "\n".join(out) + "\n"
    if stage == "findings":
        return json.dumps([filing_dict(stages.filing())["findings"]], indent=1) + "\n"
    tables = stages.tables if stage == "tables" else stages.classified
    return json.dumps([table_dict(t) for t in tables], indent=1) + "\n"


def filter_kind(filing: Filing, kind: str) -> dict[str, Any]:
    out = filing_dict(filing)
    if kind != "all":
        keep = {t["id"] for t in out["tables"] if t["kind"] == kind}
        out["tables"] = [t for t in out["tables"] if t["id"] in keep]
        out["findings"] = [f for f in out["findings"] if f["table"] in keep]
    return out


def cmd_tables(args: argparse.Namespace) -> int:
    filings: list[Filing] = []
    status = EXIT_OK
    chunks: list[str] = []
    loaded = [load_or_report(path, args.debug) for path in args.files]
    several = len(args.files) > 1 or sum(len(each) for each, _ in loaded) > 1
    for stages in (s for each, _ in loaded for s in each):
        if args.debug_stage:
            chunks.append(debug_stage(stages, args.debug_stage))
            continue
        filing = stages.filing()
        filings.append(filing)
        if args.format == "json":
            chunks.append(json.dumps(filter_kind(filing, args.kind), indent=None if several else 1))
            chunks.append("\n")
        elif args.format == "csv":
            chunks.append(wide_csv(filing, kinds_of(args.kind)))
        elif args.format == "text":
            chunks.append(render_text(filing, kinds_of(args.kind)) + "\n")
        if any(f.severity == "error" for f in filing.findings) and status == EXIT_OK:
            status = EXIT_FINDINGS
    if any(failed for _, failed in loaded):
        status = EXIT_UNREADABLE
    if args.format in ("tidy-csv", "parquet") and not args.debug_stage:
        import pandas as pd

        frames = [tidy_frame(f, kinds_of(args.kind)) for f in filings]
        frame = pd.concat(frames, ignore_index=True) if frames else tidy_frame(Filing("", *_empty()))
        if args.format == "parquet":
            if not args.output:
                raise UsageError("--format parquet needs -o PATH")
            frame.to_parquet(args.output, index=False)
            return status
        chunks.append(frame.to_csv(index=False, lineterminator="\n"))
    emit("".join(chunks), args.output)
    return status


def _empty() -> tuple[Any, tuple[()]]:
    from .model import Header

    return Header(), ()


SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


def cmd_check(args: argparse.Namespace) -> int:
    filings: list[Filing] = []
    status = EXIT_OK
    for path in args.files:
        loaded, failed = load_or_report(path, args.debug)
        if failed:
            status = EXIT_UNREADABLE
        filings.extend(stages.filing() for stages in loaded)
    findings = [(f, x) for f in filings for x in f.findings]
    if args.format == "json":
        text = json.dumps([{"file": f.source, **filing_dict(f)["findings"][i]}
                           for f in filings for i in range(len(f.findings))], indent=1) + "\n"
    elif args.format == "csv":
        text = findings_frame(filings).to_csv(index=False, lineterminator="\n")
    else:
        lines = [f"{f.source}:{x.line}: {x.severity} {x.check}: {x.message}" for f, x in findings]
        counts = {s: sum(1 for _, x in findings if x.severity == s) for s in ("error", "warning", "info")}
        tables = sum(len(f.tables) for f in filings)
        lines.append(f"{len(filings)} file(s), {tables} table(s): {counts['error']} error(s), "
                     f"{counts['warning']} warning(s), {counts['info']} info")
        text = "\n".join(lines) + "\n"
    emit(text, args.output)
    if status == EXIT_OK and args.fail_on != "never":
        floor = SEVERITY_RANK[args.fail_on]
        if any(SEVERITY_RANK[x.severity] >= floor for _, x in findings):
            status = EXIT_FINDINGS
    return status


def cmd_batch(args: argparse.Namespace) -> int:
    from .batch import run_batch_command

    return run_batch_command(args)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handlers = {"tables": cmd_tables, "check": cmd_check, "batch": cmd_batch}
    try:
        return handlers[args.command](args)
    except UsageError as exc:
        print(f"edgar-extract: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ExtractorError as exc:
        if args.debug:
            traceback.print_exc()
        print(exc, file=sys.stderr)
        return EXIT_UNREADABLE
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
