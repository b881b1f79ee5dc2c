"""Which build of edgar-extract is running: pure Python, or the readers compiled with mypyc.

The compiled build (``HATCH_BUILD_HOOK_ENABLE_MYPYC=1 pip install .``) gives the same output
about 1.3x faster; ``edgar-extract --version`` and the test run's header say which one is in use.
"""

from __future__ import annotations

from importlib import metadata

from . import values


def compiled() -> bool:
    """True when the hot modules were loaded from mypyc extension modules, not ``.py`` files."""
    return not (values.__file__ or "").endswith(".py")


def describe() -> str:
    """``edgar-extract 0.1.0 (compiled with mypyc)``, or ``(pure Python)``."""
    try:
        version = metadata.version("edgar-extract")
    except metadata.PackageNotFoundError:
        version = "unknown version"
    return f"edgar-extract {version} ({'compiled with mypyc' if compiled() else 'pure Python'})"
