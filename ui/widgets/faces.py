"""The three rating faces (满意 / 基本满意 / 不满意): a big drawn face over its word, one tap."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from ui.display import colors, scaled_px
from ui.widgets.buttons import TouchButton
from ui.widgets.common import make_label

FACE_PX = 170
MOUTHS = {3: (0.64, 0.86), 2: (0.7, 0.7), 1: (0.76, 0.56)}
"""Score: (height of the mouth's corners, of its middle), as fractions of the face."""


class _Face(QWidget):
    def __init__(self, score: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._score = score
        self.setMinimumSize(120, 120)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)

    def paintEvent(self, event: QPaintEvent) -> None:
        side = min(self.width(), self.height()) - 8
        left = (self.width() - side) / 2
        top = (self.height() - side) / 2
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = colors()
        color = {3: palette.good, 2: palette.pending, 1: palette.bad}[self._score]
        painter.setPen(QPen(color, side * 0.06))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(QRectF(left, top, side, side))
        painter.setBrush(color)
        painter.setPen(Qt.PenStyle.NoPen)
        for x in (0.35, 0.65):
            painter.drawEllipse(QPointF(left + side * x, top + side * 0.38), side * 0.06,
                                side * 0.06)
        painter.setPen(QPen(color, side * 0.06, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        ends, middle = MOUTHS[self._score]  # smile, straight, frown
        mouth = QPainterPath(QPointF(left + side * 0.3, top + side * ends))
        mouth.quadTo(QPointF(left + side * 0.5, top + side * middle),
                     QPointF(left + side * 0.7, top + side * ends))
        painter.drawPath(mouth)
        painter.end()


class FaceButton(TouchButton):
    """One face and its word; ``tapped`` once per tap."""

    def __init__(self, object_name: str, score: int, parent: QWidget | None = None) -> None:
        super().__init__(object_name, "face", parent)
        self.score = score
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 16, 12, 16)
        column.setSpacing(8)
        self.face = _Face(score)
        self.word = make_label("cardTitle", f"{object_name}Text",
                               align=Qt.AlignmentFlag.AlignCenter)
        self.word.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        column.addWidget(self.face, 1)
        column.addWidget(self.word)
        self.refit()

    def refit(self) -> None:
        """The face's size for the current text size (larger with large text)."""
        self.face.setFixedHeight(scaled_px(FACE_PX))

        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # A word that wraps ("Fairly satisfied") needs its second line's height.
        needed = self.word.heightForWidth(self.word.width())
        if needed > 0 and needed != self.word.minimumHeight():
            self.word.setMinimumHeight(needed)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        return layout.totalHeightForWidth(width) if layout is not None else 0

    def sizeHint(self) -> QSize:
        layout = self.layout()
        return layout.totalSizeHint() if layout is not None else super().sizeHint()

    def set_word(self, text: str) -> None:
        self.word.setText(text)
        self.setAccessibleName(text)
