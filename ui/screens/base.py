"""What every screen has: a way to send events, a render from the state, retranslation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.flow.events import Event
from kiosk.flow.state import KioskState
from kiosk.settings import Settings

Send = Callable[[Event], None]


@dataclass(frozen=True)
class ScreenContext:
    """What screens may read besides the state: settings and the clock (no I/O parts)."""

    settings: Settings
    clock: Callable[[], datetime]
    reader_present: bool = False


class Screen(QWidget):
    """A full page of the kiosk. Screens that show personal data set ``personal = True``: the
    main window destroys them when a visit ends and builds new ones for the next visit."""

    personal = False

    def __init__(self, object_name: str, send: Send, context: ScreenContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setProperty("screen", True)
        self.send = send
        self.context = context
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(40, 24, 40, 24)
        self.body.setSpacing(18)

    def show_state(self, state: KioskState) -> None:
        """Show ``state``; called after every change while this screen is current."""

    def retranslate(self) -> None:
        """Set every text from the translation catalogue (at start and on a language change)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def footer_row(*widgets: QWidget, stretch_before: bool = True) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setSpacing(24)
    if stretch_before:
        row.addStretch(1)
    for widget in widgets:
        row.addWidget(widget)
    return row
