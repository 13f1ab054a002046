"""A big tappable card of text: a wrapped title, an optional body, a line of detail. As tall as
its text at the width it gets (long English titles and large text wrap instead of being cut)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from ui.widgets.buttons import TouchButton
from ui.widgets.common import make_label, set_style_property


class TextButton(TouchButton):
    """Labels ``<name>Title``, ``<name>Body`` (hidden unless expanded), ``<name>Date`` (the
    detail line)."""

    def __init__(self, object_name: str, title_role: str = "newsTitle",
                 detail_role: str = "muted", parent: QWidget | None = None) -> None:
        super().__init__(object_name, "choice", parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.title = make_label(title_role, f"{object_name}Title")
        self.body = make_label("body", f"{object_name}Body")
        self.detail = make_label(detail_role, f"{object_name}Date")
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 12, 24, 12)
        column.setSpacing(4)
        for label in (self.title, self.body, self.detail):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
            column.addWidget(label)
        self.body.hide()

    def set_texts(self, title: str, detail: str, body: str = "") -> None:
        self.title.setText(title)
        self.detail.setText(detail)
        self.body.setText(body)
        self.setAccessibleName(f"{title} {detail}")

    def set_expanded(self, expanded: bool) -> None:
        """Show the body under the title (the featured announcement)."""
        self.body.setVisible(expanded and bool(self.body.text()))
        set_style_property(self, "featured", expanded)
        self.updateGeometry()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        return max(layout.totalHeightForWidth(width) if layout else 0, self.minimumHeight())

    def sizeHint(self) -> QSize:
        layout = self.layout()
        return layout.totalSizeHint() if layout else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        # Wrapping labels may be narrow (not the QSS minimum width of buttons), but every
        # line they wrap into must fit.
        layout = self.layout()
        height = layout.totalMinimumSize().height() if layout else 0
        return QSize(120, max(height, super().minimumSizeHint().height()))
