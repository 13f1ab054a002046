"""One way to find the files shipped with the program, in a source tree and a frozen build alike.

PyInstaller one-folder builds unpack nothing: data files sit under ``sys._MEIPASS`` with the same
relative paths that ``kiosk.spec`` lists, so every lookup goes through :func:`project_file`.
"""

from __future__ import annotations

import sys
from pathlib import Path


def project_root() -> Path:
    """The folder that holds ``resources/`` and ``settings.ini``."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def project_file(relative: str) -> Path:
    return project_root() / relative


def resource(relative: str) -> Path:
    """A file under ``resources/`` (fonts, images, style sheets, translations)."""
    return project_root() / "resources" / relative
