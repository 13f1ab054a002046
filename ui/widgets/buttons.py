"""A touch button: big, never fires twice for one tap, named for tests and screen readers."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, Qt, Signal
from PySide6.QtWidgets import QPushButton, QSizePolicy, QVBoxLayout, QWidget

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


class CardButton(TouchButton):
    """A big tappable card: a title in large type over a line of detail."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        from ui.widgets.common import make_label

        super().__init__(object_name, "choice", parent)
        self.title = make_label("choiceTitle", f"{object_name}Title", wrap=False)
        self.detail = make_label("choiceDetail", f"{object_name}Detail")
        column = QVBoxLayout(self)
        column.setContentsMargins(36, 14, 36, 14)
        column.setSpacing(4)
        for label in (self.title, self.detail):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
            column.addWidget(label)
        self.setMinimumHeight(150)

    def set_lines(self, title: str, detail: str) -> None:
        self.title.setText(title)
        self.detail.setText(detail)
        self.setAccessibleName(f"{title} {detail}")
