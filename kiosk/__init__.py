"""The Qt-free core of the prison-affairs disclosure kiosk.

Nothing under ``kiosk/`` may import PySide6 (``tests/unit/test_boundaries.py`` enforces it):
the core is importable and testable with no GUI, the way Electrum keeps its wallet core.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("prison-kiosk")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
