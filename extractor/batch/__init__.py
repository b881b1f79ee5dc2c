"""The batch runner: many inputs and archives into tidy tables, findings and a manifest."""

from __future__ import annotations

import argparse


def run_batch_command(args: argparse.Namespace) -> int:
    """Run ``edgar-extract batch`` with parsed arguments; returns the exit code."""
    raise NotImplementedError("batch is not built yet")
