"""The look: Fusion style, the bundled fonts and ``resources/styles/kiosk.qss``."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from kiosk import log
from kiosk.resources import resource
from ui.fonts import kiosk_font

STYLE_SHEET = "styles/kiosk.qss"


def style_sheet() -> str:
    path = resource(STYLE_SHEET)
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        log.ui.error("cannot read the style sheet %s: %s", path, exc.strerror)
        return ""


def apply_theme(app: QApplication) -> None:
    app.setStyle("Fusion")
    app.setFont(kiosk_font())
    app.setStyleSheet(style_sheet())
