"""What every screen has: a way to send events, a render from the state, retranslation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.flow.kiosk_state import KioskState
from kiosk.settings import Settings
from ui.workers import WorkerPool

if TYPE_CHECKING:  # the flow's events are imported after the first frame
    from kiosk.flow.events import Event

Send = Callable[["Event"], None]


@dataclass(frozen=True)
class ScreenContext:
    """What screens may read besides the state: settings and the clock (no I/O parts), and the
    worker pool for CPU work kept off the GUI thread (the slip preview's render)."""

    settings: Settings
    clock: Callable[[], datetime]
    reader_present: bool = False
    pool: WorkerPool | None = None


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
        self._columns: list[QBoxLayout] = []

    def columns(self) -> QBoxLayout:
        """Side by side on a landscape screen, one above the other on a portrait one."""
        box = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._columns.append(box)
        return box

    def resizeEvent(self, event: QResizeEvent) -> None:
        portrait = event.size().height() > event.size().width()
        direction = (QBoxLayout.Direction.TopToBottom if portrait
                     else QBoxLayout.Direction.LeftToRight)
        for box in self._columns:
            box.setDirection(direction)
        super().resizeEvent(event)

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
