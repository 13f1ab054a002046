"""A read-only table of text painted by one widget: the record sections' tables.

A ``QTableWidget`` is a dozen widgets (viewport, two headers, scroll bars, corner), each polished
against the style sheet, plus an item object per cell; a records tab holds up to six tables, and
building them was most of the 100 ms a tab's view took on the GUI thread
(``bench/gui_stall.py``). The section tables need none of what it offers (no selection, no
editing, no scrolling of their own: the page around them scrolls), so this widget keeps the
texts and paints them: one widget, measured once, laid out for the width it gets.

Columns are as wide as their longest text, and the ``stretch`` column takes the rest and wraps
its text; ``stretch=ALL`` shares the width out evenly. Rows are as tall as their wrapped text.
Colours follow ``ui.display.colors`` (high contrast in large-text mode), fonts the widget's font
at the style sheet's sizes, scaled in large-text mode.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.display import colors, large_text, scaled_px
from ui.widgets.painting import painted_font

ALL = -1
"""``stretch`` for a grid whose columns share the width evenly."""
CELL_PX, HEADER_PX = 30, 28
"""Font sizes of cells and headings (the style sheet's body and table-heading sizes)."""
PAD_X, PAD_Y, HEADER_PAD_Y = 12, 6, 10
MIN_ROW_PX = 62
MIN_STRETCH_PX = 160
"""The stretch column never gets less than this; the other columns then wrap too."""
RADIUS = 8
_WRAP = int(Qt.TextFlag.TextWordWrap)
_CELL_ALIGN = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_HEADER_ALIGN = Qt.AlignmentFlag.AlignCenter


@dataclass(frozen=True)
class _Layout:
    width: int
    columns: tuple[int, ...]
    header: int
    rows: tuple[int, ...]

    @property
    def height(self) -> int:
        return self.header + sum(self.rows)


@dataclass(frozen=True)
class _Measures:
    cell: QFontMetrics
    head: QFontMetrics
    headers: list[int]
    cells: list[list[int]]


class GridTable(QWidget):
    """``rows`` of texts under ``headers``; ``tones`` colour whole rows (``bad``, ``good``,
    ``pending``: the text says the same, colour only helps), :meth:`set_cell_tone` one cell."""

    def __init__(self, object_name: str, headers: Sequence[str],
                 rows: Sequence[Sequence[str]], *, tones: Sequence[str | None] | None = None,
                 stretch: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self._headers = list(headers)
        self._rows = [list(row) for row in rows]
        self._tones: list[list[str | None]] = [
            [tones[r] if tones is not None else None] * len(self._headers)
            for r in range(len(self._rows))]
        self._stretch = len(self._headers) - 1 if stretch is None else stretch
        self._measures: _Measures | None = None
        self._layouts: dict[int, _Layout] = {}
        self._estimated = False
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    # What it shows (for tests and the privacy wipe).
    def rowCount(self) -> int:
        return len(self._rows)

    def columnCount(self) -> int:
        return len(self._headers)

    def header(self, column: int) -> str:
        return self._headers[column]

    def text(self, row: int, column: int) -> str:
        return self._rows[row][column]

    def color(self, row: int, column: int) -> QColor:
        """The colour the cell's text is painted in."""
        return self._tone_color(self._tones[row][column])

    def drawn_texts(self) -> list[str]:
        """The words this widget paints (painted text is not in any label)."""
        return self._headers + [text for row in self._rows for text in row]

    def set_cell_tone(self, row: int, column: int, tone: str | None) -> None:
        self._tones[row][column] = tone
        self.update()

    def clear(self) -> None:
        """Forget every text (the wipe at the end of a visit)."""
        self._headers = [""] * len(self._headers)
        self._rows = []
        self._tones = []
        self._relayout()

    # Size.
    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        if not self.isVisible():
            # A hidden table is asked at passing widths (a new scroll area's default, the
            # page's size hint) that it will never be shown at; wrapping every cell for them
            # took most of a tab's build time. It answers one line a row until shown.
            self._estimated = True
            return self._one_line_height()
        return self._layout_for(width).height

    def sizeHint(self) -> QSize:
        return QSize(sum(self._natural_widths()) + 2 * self._border(), self._one_line_height())

    def _one_line_height(self) -> int:
        measures = self._measured()
        line = max(measures.cell.height() + 2 * PAD_Y, scaled_px(MIN_ROW_PX))
        return (measures.head.height() + 2 * HEADER_PAD_Y + line * len(self._rows)
                + 2 * self._border())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._estimated:  # the layout holds one-line heights: ask it to measure again
            self._estimated = False
            self.updateGeometry()

    def minimumSizeHint(self) -> QSize:
        return QSize(min(MIN_STRETCH_PX * 2, sum(self._natural_widths())), 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.isVisible():
            return
        # The layout asks for the height at a guessed width first: make room for the height
        # the width it finally gave needs (as ``WrapLabel`` does).
        needed = self.heightForWidth(event.size().width())
        if needed != self.minimumHeight():
            self.setMinimumHeight(needed)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._relayout()

    def _relayout(self) -> None:
        self._measures = None
        self._layouts.clear()
        self.updateGeometry()
        self.update()

    # Measuring.
    def _measured(self) -> _Measures:
        """Fonts and every text's one-line width, measured once (until the font changes)."""
        if self._measures is None:
            cell = QFontMetrics(painted_font(self, CELL_PX))
            head = QFontMetrics(painted_font(self, HEADER_PX, bold=True))
            self._measures = _Measures(
                cell, head, [head.horizontalAdvance(t) for t in self._headers],
                [[cell.horizontalAdvance(t) for t in row] for row in self._rows])
        return self._measures

    def _natural_widths(self) -> list[int]:
        measures = self._measured()
        return [max([row[c] for row in measures.cells] + [measures.headers[c]]) + 2 * PAD_X + 1
                for c in range(len(self._headers))]

    def _column_widths(self, width: int) -> list[int]:
        inner = max(width - 2 * self._border(), len(self._headers))
        count = len(self._headers)
        if self._stretch == ALL:
            return [inner // count + (1 if c < inner % count else 0) for c in range(count)]
        widths = self._natural_widths()
        fixed = sum(w for c, w in enumerate(widths) if c != self._stretch)
        if inner - fixed >= MIN_STRETCH_PX:
            widths[self._stretch] = inner - fixed
            return widths
        # Too narrow: every column gives up width in proportion, and wraps.
        total = sum(widths)
        widths = [max(w * inner // total, 1) for w in widths]
        widths[-1] += inner - sum(widths)
        return widths

    def _layout_for(self, width: int) -> _Layout:
        layout = self._layouts.get(width)
        if layout is not None:
            return layout
        measures = self._measured()
        columns = self._column_widths(width)
        rooms = [w - 2 * PAD_X for w in columns]

        def wrapped(metrics: QFontMetrics, text: str, room: int) -> int:
            return metrics.boundingRect(QRect(0, 0, max(room, 1), 1 << 20), _WRAP, text).height()

        header = max([measures.head.height()] + [
            wrapped(measures.head, t, rooms[c]) for c, t in enumerate(self._headers)
            if measures.headers[c] > rooms[c]]) + 2 * HEADER_PAD_Y
        # Most columns fit their longest text on one line: only the others are wrapped.
        narrow = [c for c in range(len(columns))
                  if any(advances[c] > rooms[c] for advances in measures.cells)]
        one_line = max(measures.cell.height() + 2 * PAD_Y, scaled_px(MIN_ROW_PX))
        rows = tuple(max([one_line] + [
            wrapped(measures.cell, row[c], rooms[c]) + 2 * PAD_Y
            for c in narrow if advances[c] > rooms[c]])
            for row, advances in zip(self._rows, measures.cells, strict=True))
        border = self._border()
        layout = _Layout(width, tuple(columns), header + border,
                         (*rows[:-1], rows[-1] + border) if rows else ())
        if len(self._layouts) > 8:  # a layout settling tries a few widths; keep the last few
            self._layouts.clear()
        self._layouts[width] = layout
        return layout

    def _border(self) -> int:
        return 3 if large_text() else 2

    def _tone_color(self, tone: str | None) -> QColor:
        palette = colors()
        return {"bad": palette.bad, "good": palette.good,
                "pending": palette.pending}.get(tone or "", palette.ink)

    # Painting.
    def paintEvent(self, event: QPaintEvent) -> None:
        layout = self._layout_for(self.width())
        palette = colors()
        cell_font = painted_font(self, CELL_PX)
        head_font = painted_font(self, HEADER_PX, bold=True)
        border = self._border()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        frame = QRectF(border / 2, border / 2, self.width() - border,
                       layout.height - border)
        painter.setPen(QPen(palette.grid, border))
        painter.setBrush(palette.card)
        painter.drawRoundedRect(frame, RADIUS, RADIUS)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.fillRect(QRect(border, border, self.width() - 2 * border,
                               layout.header - border), palette.header)

        x_edges = [border]
        for width in layout.columns:
            x_edges.append(x_edges[-1] + width)
        painter.setFont(head_font)
        painter.setPen(palette.heading)
        for c, title in enumerate(self._headers):
            painter.drawText(QRect(x_edges[c] + PAD_X, border, layout.columns[c] - 2 * PAD_X,
                                   layout.header - border), int(_HEADER_ALIGN) | _WRAP, title)
        visible = event.rect()
        painter.setFont(cell_font)
        top = layout.header
        for r, row in enumerate(self._rows):
            bottom = top + layout.rows[r]
            if bottom >= visible.top() and top <= visible.bottom():
                for c, text in enumerate(row):
                    painter.setPen(self._tone_color(self._tones[r][c]))
                    painter.drawText(QRect(x_edges[c] + PAD_X, top,
                                           layout.columns[c] - 2 * PAD_X, bottom - top),
                                     int(_CELL_ALIGN) | _WRAP, text)
            top = bottom
        painter.setPen(QPen(palette.grid, 1))
        painter.drawLine(border, layout.header, self.width() - border, layout.header)
        top = layout.header
        for height in layout.rows[:-1]:
            top += height
            painter.drawLine(border, top, self.width() - border, top)
        for x in x_edges[1:-1]:
            painter.drawLine(x, layout.header, x, layout.height - border)
