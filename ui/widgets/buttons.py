"""A touch button: big, never fires twice for one tap, named for tests and screen readers."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, Qt, Signal
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

MIN_TOUCH_PX = 90
"""15 mm at a 1080p 24-inch panel: the smallest target a finger hits reliably."""
ACTION_DEBOUNCE_MS = 600
KEY_DEBOUNCE_MS = 80


class TouchButton(QPushButton):
    """Emits ``tapped`` at most once per debounce interval; use it instead of ``clicked``.

    Touchscreens bounce, and a tap can arrive as both a touch and a synthesised mouse click: the
    debounce keeps "print" from printing twice. Keypad keys use a short debounce so a family can
    still type "11".
    """

    tapped = Signal()

    def __init__(
        self,
        object_name: str,
        kind: str = "primary",
        parent: QWidget | None = None,
        *,
        debounce_ms: int = ACTION_DEBOUNCE_MS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setProperty("kind", kind)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAutoRepeat(False)
        self.setAutoDefault(False)
        self.setMinimumSize(MIN_TOUCH_PX, MIN_TOUCH_PX)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._debounce_ms = debounce_ms
        self._last = QElapsedTimer()
        self.clicked.connect(self._on_clicked)

    def set_label(self, text: str, accessible: str | None = None) -> None:
        """Set the visible text and the accessible name (the text unless given)."""
        self.setText(text)
        self.setAccessibleName(accessible if accessible is not None else
                               " ".join(text.split()))

    def _on_clicked(self) -> None:
        if self._last.isValid() and self._last.elapsed() < self._debounce_ms:
            return
        self._last.start()
        self.tapped.emit()
