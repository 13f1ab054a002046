"""A thick progress bar with its scale under it: points toward 600, money spent against the
monthly limit. Painted, so a negative total or an overspent limit can be drawn as such."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.display import colors, scaled_px
from ui.widgets.painting import draw_text, painted_font

BAR_PX = 44
SCALE_PX = 26


class ProgressBar(QWidget):
    """``value`` of ``maximum`` with tick labels (e.g. every 100 points); a negative value is
    drawn in the warning colour from the left edge."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._value = Decimal(0)
        self._maximum = Decimal(1)
        self._ticks: list[tuple[Decimal, str]] = []
        self._refit()

    def _refit(self) -> None:
        self.setFixedHeight(scaled_px(BAR_PX) + (scaled_px(SCALE_PX) + 14 if self._ticks else 4))

    def set_progress(self, value: Decimal, maximum: Decimal,
                     ticks: list[tuple[Decimal, str]] | None = None) -> None:
        self._value = value
        self._maximum = maximum if maximum > 0 else Decimal(1)
        self._ticks = ticks or []
        self._refit()
        self.update()

    def drawn_texts(self) -> list[str]:
        """The words this widget paints (for tests: painted text is not in any label)."""
        return [label for _, label in self._ticks]

    def fraction(self) -> float:
        return float(min(max(self._value / self._maximum, Decimal(-1)), Decimal(1)))

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = colors()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bar = scaled_px(BAR_PX)
        track = QRectF(2, 2, self.width() - 4, bar - 4)
        radius = track.height() / 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.track)
        painter.drawRoundedRect(track, radius, radius)
        fraction = self.fraction()
        if fraction != 0:
            fill = QRectF(track)
            fill.setWidth(max(track.width() * abs(fraction), track.height()))
            painter.setBrush(palette.accent if fraction > 0 else palette.bad)
            painter.drawRoundedRect(fill, radius, radius)
        font = painted_font(self, SCALE_PX)
        for value, label in self._ticks:
            x = track.left() + track.width() * float(value / self._maximum)
            painter.setPen(palette.grid)
            painter.drawLine(int(x), int(track.bottom()) + 2, int(x), int(track.bottom()) + 10)
            width = 160.0
            left = min(max(x - width / 2, 0), self.width() - width)
            align = Qt.AlignmentFlag.AlignHCenter
            if x - width / 2 < 0:
                align = Qt.AlignmentFlag.AlignLeft
            elif x + width / 2 > self.width():
                align = Qt.AlignmentFlag.AlignRight
            draw_text(painter, QRectF(left, track.bottom() + 10, width, scaled_px(SCALE_PX) + 4),
                      label, palette.muted, font, align | Qt.AlignmentFlag.AlignTop)
        painter.end()
