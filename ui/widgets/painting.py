"""Shared bits of the painted widgets: the font at a size, text that fits a box."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QWidget

from ui.display import scaled_px


def painted_font(widget: QWidget, px: int, *, bold: bool = False) -> QFont:
    """The widget's font at ``px`` (scaled in large-text mode)."""
    font = QFont(widget.font())
    font.setPixelSize(scaled_px(px))
    font.setBold(bold)
    return font


def text_width(font: QFont, text: str) -> float:
    return QFontMetricsF(font).horizontalAdvance(text)


def draw_text(painter: QPainter, rect: QRectF, text: str, color: QColor, font: QFont,
              align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter) -> None:
    painter.setFont(font)
    painter.setPen(color)
    painter.drawText(rect, int(align), text)
