"""A tappable entry box: shows what the keypad typed, with a caret when it has the focus.

Not a QLineEdit: there is nothing to select, no system keyboard and no context menu, and the
text is laid out for reading (an ID number in groups of 6, 8 and 4).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QWidget

from ui.widgets.buttons import MIN_TOUCH_PX
from ui.widgets.common import set_style_property


class EntryBox(QFrame):
    tapped = Signal()

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setProperty("entry", True)
        self.setProperty("focused", False)
        self.setProperty("invalid", False)
        self.setMinimumHeight(MIN_TOUCH_PX + 4)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._text = QLabel(self)
        self._text.setObjectName(f"{object_name}Text")
        self._text.setProperty("role", "entry")
        self._text.setTextFormat(Qt.TextFormat.PlainText)
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 0, 14, 0)  # a full ID number fits at 1280 px
        layout.addWidget(self._text, 1)
        self._placeholder = ""
        self._value = ""

    def value(self) -> str:
        return self._value

    def set_placeholder(self, text: str) -> None:
        self._placeholder = text
        self._refresh()

    def set_value(self, shown: str) -> None:
        if shown != self._value:
            self._value = shown
            self._refresh()

    def set_focused(self, focused: bool) -> None:
        if self.property("focused") != focused:
            set_style_property(self, "focused", focused)
            self._refresh()

    def set_invalid(self, invalid: bool) -> None:
        set_style_property(self, "invalid", invalid)

    def _refresh(self) -> None:
        caret = "▏" if self.property("focused") else ""
        set_style_property(self._text, "placeholder", not self._value)
        self._text.setText(self._value + caret if self._value else self._placeholder)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.tapped.emit()
        event.accept()
