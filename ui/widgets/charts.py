"""The monthly points chart: one bar per month, base and bonus stacked above the zero line,
deductions below it in red with hatching (told apart without colour too), the month's total as
a dark bar across. Drawn with QPainter (QtCharts is not in PySide6-Essentials)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.display import colors, scaled_px
from ui.widgets.painting import draw_text, painted_font, text_width

CHART_PX = 340
LABEL_PX = 26


@dataclass(frozen=True)
class MonthBar:
    label: str
    """Shown under the bar (only every few bars when they are narrow)."""
    base: Decimal
    bonus: Decimal
    deduction: Decimal
    total: Decimal


def nice_step(span: float) -> int:
    """A round gridline step giving three to six lines over ``span``."""
    for step in (50, 100, 200, 250, 500, 1000):
        if span / step <= 6:
            return step
    return 2000


class MonthlyPointsChart(QWidget):
    def __init__(self, object_name: str, bars: Sequence[MonthBar],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.bars = list(bars)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(scaled_px(CHART_PX))
        self.setMinimumWidth(400)

    def drawn_texts(self) -> list[str]:
        """The words this widget paints (for tests: painted text is not in any label)."""
        return [bar.label for bar in self.bars]

    def value_range(self) -> tuple[float, float]:
        top = max([float(b.base + b.bonus) for b in self.bars] + [100.0])
        bottom = min([-float(b.deduction) for b in self.bars] + [0.0])
        return bottom, top

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = colors()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = painted_font(self, LABEL_PX)
        line = scaled_px(LABEL_PX) + 8
        bottom, top = self.value_range()
        step = nice_step(top - bottom)
        bottom = math.floor(bottom / step) * step
        top = math.ceil(top / step) * step
        axis_w = text_width(font, f"-{int(max(abs(bottom), top))}") + 16
        plot = QRectF(axis_w, line / 2, self.width() - axis_w - 8, self.height() - line * 1.6)

        def y(value: float) -> float:
            return plot.bottom() - (value - bottom) / (top - bottom) * plot.height()

        for value in range(int(bottom), int(top) + 1, step):
            painter.setPen(QPen(palette.ink if value == 0 else palette.grid, 3 if value == 0
                                else 1))
            painter.drawLine(int(plot.left()), int(y(value)), int(plot.right()), int(y(value)))
            draw_text(painter, QRectF(0, y(value) - line / 2, axis_w - 10, line), str(value),
                      palette.muted, font,
                      Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if not self.bars:
            painter.end()
            return
        slot = plot.width() / len(self.bars)
        width = max(slot * 0.62, 4)
        label_every = max(1, math.ceil(max(text_width(font, b.label) for b in self.bars) * 1.3
                                       / slot))
        for index, bar in enumerate(self.bars):
            left = plot.left() + slot * index + (slot - width) / 2
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.base)
            painter.drawRect(QRectF(left, y(float(bar.base)), width,
                                    y(0) - y(float(bar.base))))
            if bar.bonus:
                painter.setBrush(palette.bonus)
                painter.drawRect(QRectF(left, y(float(bar.base + bar.bonus)), width,
                                        y(float(bar.base)) - y(float(bar.base + bar.bonus))))
            if bar.deduction:
                rect = QRectF(left, y(0), width, y(-float(bar.deduction)) - y(0))
                painter.setBrush(palette.deduction)
                painter.drawRect(rect)
                painter.setBrush(QBrush(palette.card, Qt.BrushStyle.BDiagPattern))
                painter.drawRect(rect)
            painter.setPen(QPen(palette.ink, 4))
            total_y = y(float(bar.total))
            painter.drawLine(int(left - 3), int(total_y), int(left + width + 3), int(total_y))
            newest = index == len(self.bars) - 1
            if (len(self.bars) - 1 - index) % label_every == 0 or newest:
                draw_text(painter, QRectF(left + width / 2 - slot * label_every / 2,
                                          plot.bottom() + 4, slot * label_every, line),
                          bar.label, palette.ink, font)
        painter.end()
