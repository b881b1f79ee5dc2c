"""One base exception for everything the extractor refuses, with messages that name the input.

Every failure a user can meet is an ``ExtractorError`` subclass whose ``str()`` is one line:
``FILE[:LINE]: what was wrong``. The command line prints that line and exits 3; the batch runner
records it in the manifest and goes on.
"""

from __future__ import annotations


class ExtractorError(Exception):
    """Base of every error the extractor raises on purpose."""

    def __init__(self, source: str, message: str, line: int | None = None) -> None:
        self.source = source
        self.line = line
        self.reason = " ".join(message.split())
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {self.reason}")


class InputNotFoundError(ExtractorError):
    """The input path does not exist or cannot be opened."""


class UnreadableInputError(ExtractorError):
    """The bytes are not a filing: binary data, a broken compressed stream, an unknown encoding."""


class ContainerError(ExtractorError):
    """The SEC container structure is broken beyond recovery."""


class SeveralSubmissionsError(ExtractorError):
    """One filing was asked for, but the input holds several concatenated submissions."""


class ArchiveError(ExtractorError):
    """An archive member was refused: unsafe name, link, device, bomb or nesting too deep."""


class OutputError(ExtractorError):
    """An output could not be written."""


class InternalError(ExtractorError):
    """A stage failed on input it should have coped with (a bug): reported like any refusal.

    For the orchestrator's last-resort guard, so that a reader's unexpected exception still
    reaches the user as one line naming the file (exit 3) instead of a traceback.
    """

    def __init__(self, source: str, stage: str, exc: BaseException, line: int | None = None) -> None:
        self.stage = stage
        super().__init__(source, f"internal error in {stage}: {type(exc).__name__}: {exc}", line)
