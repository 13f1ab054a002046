"""The Qt-free core of the prison-affairs disclosure kiosk.

Nothing under ``kiosk/`` may import PySide6 (``tests/unit/test_boundaries.py`` enforces it):
the core is importable and testable with no GUI, the way Electrum keeps its wallet core.
"""

from __future__ import annotations

from functools import cache


@cache
def version() -> str:
    """The version from the package metadata (the one place it is kept).

    Read on first use, not at import: ``importlib.metadata`` costs tens of milliseconds, and
    every module of the kiosk imports this package before the first frame is painted.
    """
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed_version

    try:
        return installed_version("prison-kiosk")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0+source"


def __getattr__(name: str) -> str:
    if name == "__version__":  # ``from kiosk import __version__`` still works
        return version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
