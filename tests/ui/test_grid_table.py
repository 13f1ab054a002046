"""The painted record table: widths, wrapping, colours, the wipe, and what it paints."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.display import NORMAL
from ui.widgets.grid_table import ALL, MIN_ROW_PX, GridTable

HEADERS = ["日期", "金额", "说明"]
ROWS = [["2026-11-12", "-75.92 元", "购买学习用品"],
        ["2026-10-07", "+200.00 元", "亲属银行汇款，" * 12]]


KEPT: list[QWidget] = []
"""The hosts of the tables under test (qtbot closes them but does not keep them alive)."""


def table(qtbot, width: int, **kwargs) -> GridTable:
    host = QWidget()
    KEPT.append(host)
    column = QVBoxLayout(host)
    grid = GridTable("transactions", HEADERS, ROWS, **kwargs)
    column.addWidget(grid)
    column.addStretch(1)
    qtbot.addWidget(host)
    host.resize(width, 900)
    host.show()
    qtbot.waitExposed(host)
    qtbot.waitUntil(lambda: grid.height() >= grid.heightForWidth(grid.width()))
    return grid


def row_heights(grid: GridTable) -> tuple[int, ...]:
    return grid._layout_for(grid.width()).rows


def test_the_stretch_column_takes_the_rest_and_long_text_wraps_there(qtbot):
    wide = table(qtbot, 1800, tones=["bad", "good"])
    columns = wide._layout_for(wide.width()).columns
    assert columns[2] > columns[0] + columns[1]  # the description gets what is left
    short, long = row_heights(wide)
    assert short == MIN_ROW_PX and long > short  # the long description wraps onto lines
    narrow = table(qtbot, 700, tones=["bad", "good"])
    assert row_heights(narrow)[1] > long  # narrower: more lines, a taller row
    assert narrow.height() >= narrow.heightForWidth(narrow.width())


def test_all_columns_share_the_width_evenly(qtbot):
    grid = table(qtbot, 1200, stretch=ALL)
    columns = grid._layout_for(grid.width()).columns
    assert max(columns) - min(columns) <= 1 and sum(columns) == grid.width() - 4


def test_tones_colour_rows_and_single_cells(qtbot):
    grid = table(qtbot, 1800, tones=["bad", None])
    assert grid.color(0, 0) == NORMAL.bad and grid.color(1, 0) == NORMAL.ink
    grid.set_cell_tone(1, 1, "good")
    assert grid.color(1, 1) == NORMAL.good and grid.color(1, 2) == NORMAL.ink


def test_it_paints_the_heading_band_and_the_toned_text(qtbot):
    grid = table(qtbot, 1800, tones=["bad", None])
    image = grid.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    layout = grid._layout_for(grid.width())
    assert QColor(image.pixel(grid.width() - 20, layout.header // 2)) == NORMAL.header
    first_row = {QColor(image.pixel(x, y)).name()
                 for x in range(4, layout.columns[0])
                 for y in range(layout.header + 2, layout.header + layout.rows[0] - 2)}
    assert NORMAL.bad.name() in first_row  # the date of a deduction, in red


def test_the_wipe_forgets_every_text(qtbot):
    grid = table(qtbot, 1200)
    assert "购买学习用品" in grid.drawn_texts()
    grid.clear()
    assert grid.rowCount() == 0 and not any(grid.drawn_texts())
