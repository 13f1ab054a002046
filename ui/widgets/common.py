"""Small builders shared by the screens: labels with a style role, notices, cards."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget


def repolish(widget: QWidget) -> None:
    """Re-apply the style sheet after a dynamic property changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def set_style_property(widget: QWidget, name: str, value: object) -> None:
    """Set a property the style sheet selects on, and re-apply the sheet if that changed how
    the widget looks: only when the value changed, and only on a widget already polished (one
    not yet shown is polished with the new value when it is). Re-polishing against the style
    sheet is the costly part, and the screens set these properties on every state."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    if widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        repolish(widget)


class WrapLabel(QLabel):
    """A word-wrapped label that asks for the height its lines need at its actual width.

    Qt's box layouts size a wrapped label from a guessed width; in a card beside another card,
    or once the text grows (English, large text), the guess is too short and the last line is
    cut off. Each resize sets the minimum height to what the width needs, so the layout makes
    room (or the page around it scrolls).
    """

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()

    def _fit(self) -> None:
        if not self.text():
            needed = 0
        elif self.width() < 8 * max(self.font().pixelSize(), 1) or not self.isVisible():
            return  # a passing width while a layout settles: its height would be absurd
        else:
            needed = max(self.heightForWidth(self.width()), 0)
        if needed != self.minimumHeight():
            self.setMinimumHeight(needed)


def make_label(
    role: str = "body",
    object_name: str | None = None,
    *,
    wrap: bool = True,
    align: Qt.AlignmentFlag | None = None,
    parent: QWidget | None = None,
) -> QLabel:
    label = WrapLabel(parent) if wrap else QLabel(parent)
    label.setProperty("role", role)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    if object_name:
        label.setObjectName(object_name)
    if align is not None:
        label.setAlignment(align)
    return label


class NoticeLabel(QLabel):
    """A framed message: ``error`` (red), ``warning`` (amber) or ``info`` (blue).

    Hidden while empty."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setProperty("notice", "info")
        self.hide()

    def show_text(self, text: str | None, severity: str = "error") -> None:
        if not text:
            self.clear()
            self.hide()
            return
        set_style_property(self, "notice", severity)
        self.setText(text)
        self.setAccessibleName(text)
        self.show()


class Card(QFrame):
    """A white panel with rounded corners; add content to ``column``."""

    def __init__(self, object_name: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("card", True)
        if object_name:
            self.setObjectName(object_name)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(28, 22, 28, 22)
        self.column.setSpacing(14)


def make_card(object_name: str | None = None, parent: QWidget | None = None) -> Card:
    return Card(object_name, parent)
