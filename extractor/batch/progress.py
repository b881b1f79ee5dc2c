"""The progress bar (files, MB/s, failures so far) and the one-line reports on standard error."""

from __future__ import annotations

import sys
import time

from tqdm import tqdm

PROBLEMS = ("failed", "refused")


class Progress:
    """A tqdm bar on a terminal; silent otherwise, except for the one line per failed input."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.start = time.monotonic()
        self.nbytes = 0
        self.problems = 0
        self.bar = tqdm(disable=not enabled, unit=" files", file=sys.stderr, dynamic_ncols=True,
                        mininterval=0.5, bar_format="{n_fmt} files [{elapsed}{postfix}]")

    def advance(self, status: str, nbytes: int) -> None:
        self.nbytes += nbytes
        self.problems += status in PROBLEMS
        if self.enabled:
            rate = self.nbytes / 1e6 / max(time.monotonic() - self.start, 1e-9)
            self.bar.set_postfix_str(f"{rate:.1f} MB/s, {self.problems} failed", refresh=False)
            self.bar.update(1)

    def report(self, line: str) -> None:
        if self.enabled:
            self.bar.write(line, file=sys.stderr)
        else:
            print(line, file=sys.stderr, flush=True)

    def close(self) -> None:
        self.bar.close()
