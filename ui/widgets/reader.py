"""A card over the screen that reads a longer text in full: an announcement, the explanation of
how points work. Closed by its big button (or by the screen going away)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.widgets.buttons import TouchButton
from ui.widgets.common import make_card, make_label
from ui.widgets.scroll import kinetic_scroll_area

MAX_WIDTH_PX = 1200


class ReaderOverlay(QWidget):
    """Covers its parent; ``close_button`` is named ``<name>Close``, texts ``<name>Title``,
    ``<name>Meta`` and ``<name>Body<N>``."""

    def __init__(self, object_name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setProperty("overlay", "reader")  # dims the screen behind (style sheet)
        self._name = object_name
        card = make_card(f"{object_name}Card", self)
        self._card = card
        self._title = make_label("title", f"{object_name}Title")
        self._meta = make_label("muted", f"{object_name}Meta")
        self._body = QWidget()
        self._body_layout = QVBoxLayout(self._body)
        self._body_layout.setContentsMargins(0, 0, 12, 0)
        self._body_layout.setSpacing(16)
        self.close_button = TouchButton(f"{object_name}Close", "primary")
        self.close_button.setMinimumWidth(320)
        card.column.addWidget(self._title)
        card.column.addWidget(self._meta)
        card.column.addWidget(kinetic_scroll_area(self._body, f"{object_name}Scroll"), 1)
        card.column.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignHCenter)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 30, 40, 30)
        outer.addWidget(card, 1, Qt.AlignmentFlag.AlignHCenter)
        parent.installEventFilter(self)
        self.hide()

    def show_text(self, title: str, meta: str, paragraphs: list[str], close: str) -> None:
        self._title.setText(title)
        self._meta.setText(meta)
        self._meta.setVisible(bool(meta))
        while self._body_layout.count():
            item = self._body_layout.takeAt(0)
            old = item.widget() if item is not None else None
            if old is not None:
                old.hide()
                old.deleteLater()
        for index, text in enumerate(paragraphs):
            label = make_label("readerBody", f"{self._name}Body{index}")
            label.setText(text)
            self._body_layout.addWidget(label)
        self._body_layout.addStretch(1)
        self.close_button.set_label(close)
        host = self.parentWidget()
        assert host is not None
        self._cover(host)
        self.raise_()
        self.show()

    def _cover(self, host: QWidget) -> None:
        self.setGeometry(host.rect())
        # Lines a reader can follow: wide, but not the whole width of a large screen.
        self._card.setFixedWidth(max(min(MAX_WIDTH_PX, host.width() - 80), 300))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        host = self.parentWidget()
        if watched is host and host is not None and event.type() == QEvent.Type.Resize:
            self._cover(host)
        return False

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()  # nothing underneath is tapped by mistake
