"""Drawn icons (no font glyph can go missing): a check mark and an exclamation mark."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

COLORS = {"ok": "#14622A", "warning": "#A86400", "error": "#A0150F", "info": "#0B4F9C"}


class StatusIcon(QWidget):
    def __init__(self, kind: str = "ok", size: int = 140, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedSize(size, size)
        self._kind = kind

    def set_kind(self, kind: str) -> None:
        self._kind = kind
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        side = min(self.width(), self.height())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(COLORS.get(self._kind, COLORS["info"])))
        painter.drawEllipse(QRectF(0, 0, side, side))
        pen = QPen(QColor("#FFFFFF"), side * 0.1, Qt.PenStyle.SolidLine,
                   Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self._kind == "ok":
            path = QPainterPath(QPointF(side * 0.28, side * 0.52))
            path.lineTo(side * 0.44, side * 0.68)
            path.lineTo(side * 0.73, side * 0.35)
            painter.drawPath(path)
        else:
            painter.drawLine(QPointF(side / 2, side * 0.25), QPointF(side / 2, side * 0.58))
            painter.drawPoint(QPointF(side / 2, side * 0.75))
        painter.end()
