"""The look: Fusion style, the bundled fonts and ``resources/styles/kiosk.qss``."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from kiosk import log
from kiosk.resources import resource
from ui.fonts import kiosk_font

STYLE = "Fusion"
STYLE_SHEET = "styles/kiosk.qss"


def style_arguments() -> list[str]:
    """Arguments that make a new ``QApplication`` use :data:`STYLE` (Qt's ``-style`` option).
    ``setStyle()`` would do the same but hands Python the style object, and PySide makes the
    ``QStyle`` type's enums for it: about 10 ms before the first frame."""
    return ["-style", STYLE]


def style_sheet() -> str:
    path = resource(STYLE_SHEET)
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        log.ui.error("cannot read the style sheet %s: %s", path, exc.strerror)
        return ""


def apply_theme(app: QApplication, *, styled: bool = False) -> None:
    """Style, font and style sheet; ``styled``: the application was made with
    :func:`style_arguments`, so its style is set already."""
    if not styled:
        app.setStyle(STYLE)
    app.setFont(kiosk_font())
    app.setStyleSheet(style_sheet())
