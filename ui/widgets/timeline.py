"""The sentence as a line (start → expected release, today marked, each reduction or parole
case a dot on it) and a case's four stages (呈报 → 公示 → 提请 → 裁定) as steps."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.records.sentence import Timeline
from ui.display import colors, scaled_px
from ui.widgets.painting import draw_text, painted_font, text_width

LINE_PX = 150
LABEL_PX = 26
STEPS_PX = 100


class SentenceTimeline(QWidget):
    """Dates under the ends are given as already formatted labels."""

    def __init__(self, object_name: str, line: Timeline, start_label: str, end_label: str,
                 today_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.line = line
        self._labels = (start_label, end_label, today_label)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(scaled_px(LINE_PX))
        self.setMinimumWidth(400)

    def drawn_texts(self) -> list[str]:
        """The words this widget paints (for tests: painted text is not in any label)."""
        return list(self._labels)

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = colors()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = painted_font(self, LABEL_PX)
        bold = painted_font(self, LABEL_PX, bold=True)
        text_h = scaled_px(LABEL_PX) + 8
        track_y = text_h + 26
        left, right = 16.0, self.width() - 16.0
        thick = 18.0
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.track)
        painter.drawRoundedRect(QRectF(left, track_y - thick / 2, right - left, thick), 9, 9)
        today_x = left + (right - left) * self.line.position(self.line.today)
        painter.setBrush(palette.accent)
        painter.drawRoundedRect(QRectF(left, track_y - thick / 2, max(today_x - left, thick),
                                       thick), 9, 9)
        for step in self.line.steps:
            x = left + (right - left) * self.line.position(step.change.date)
            color = palette.pending if step.pending else palette.good
            painter.setPen(QPen(color, 5))
            painter.setBrush(palette.card if step.pending else color)
            painter.drawEllipse(QPointF(x, track_y), 15, 15)
        # Today: a triangle above the line and its label.
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.ink)
        marker = QPainterPath(QPointF(today_x - 12, track_y - thick / 2 - 20))
        marker.lineTo(today_x + 12, track_y - thick / 2 - 20)
        marker.lineTo(today_x, track_y - thick / 2 - 2)
        marker.closeSubpath()
        painter.drawPath(marker)
        start, end, today = self._labels
        width = text_width(bold, today) + 20
        box = QRectF(min(max(today_x - width / 2, 0), self.width() - width), 0, width, text_h)
        draw_text(painter, box, today, palette.ink, bold)
        below = track_y + thick / 2 + 14
        draw_text(painter, QRectF(0, below, self.width() / 2, text_h), start, palette.ink,
                  font, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        draw_text(painter, QRectF(self.width() / 2, below, self.width() / 2, text_h), end,
                  palette.ink, bold, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        painter.end()


class StageSteps(QWidget):
    """Four dots joined by a line: reached stages filled, the current one ringed."""

    def __init__(self, object_name: str, names: Sequence[str], reached: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.names = list(names)
        self.reached = reached
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(scaled_px(STEPS_PX))
        font = painted_font(self, LABEL_PX, bold=True)
        self.setMinimumWidth(int(sum(text_width(font, n) + 24 for n in self.names)))

    def drawn_texts(self) -> list[str]:
        """The words this widget paints (for tests: painted text is not in any label)."""
        return list(self.names)

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = colors()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = painted_font(self, LABEL_PX)
        bold = painted_font(self, LABEL_PX, bold=True)
        slot = self.width() / len(self.names)
        dot_y = 24.0
        for index in range(len(self.names) - 1):
            x1 = slot * (index + 0.5)
            x2 = slot * (index + 1.5)
            done = index < self.reached
            painter.setPen(QPen(palette.accent if done else palette.grid, 6))
            painter.drawLine(QPointF(x1, dot_y), QPointF(x2, dot_y))
        for index, name in enumerate(self.names):
            x = slot * (index + 0.5)
            done = index <= self.reached
            painter.setPen(QPen(palette.accent if done else palette.grid, 5))
            painter.setBrush(palette.accent if done else palette.card)
            radius = 17.0 if index == self.reached else 13.0
            painter.drawEllipse(QPointF(x, dot_y), radius, radius)
            if index == self.reached:
                painter.setPen(QPen(palette.accent, 3))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(QPointF(x, dot_y), radius + 7, radius + 7)
            draw_text(painter, QRectF(slot * index, dot_y + 28, slot, self.height() - dot_y - 28),
                      name, palette.ink if done else palette.muted,
                      bold if index == self.reached else font,
                      Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        painter.end()
