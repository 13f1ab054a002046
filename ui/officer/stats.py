"""Statistics: today's and this month's visits, slips, enquiries, ratings and faults."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from kiosk.flow.officer_state import OfficerPage, Pending
from kiosk.flow.state import KioskState
from kiosk.officer.stats import Figures, Statistics
from ui.i18n import translate
from ui.officer.base import OfficerScreen, officer_of
from ui.screens.base import ScreenContext, Send
from ui.widgets.common import make_card, make_label

ROWS = ("visits", "slips", "enquiries", "ratings", "faults")


def row_label(row: str) -> str:
    return {
        "visits": translate("OfficerStats", "查询人次"),
        "slips": translate("OfficerStats", "打印凭条"),
        "enquiries": translate("OfficerStats", "异议申请"),
        "ratings": translate("OfficerStats", "评价（满意 / 一般 / 不满意）"),
        "faults": translate("OfficerStats", "故障"),
    }[row]


def cell(figures: Figures, row: str) -> str:
    if row == "ratings":
        poor, fair, good = figures.ratings
        return f"{good} / {fair} / {poor}"
    return str(getattr(figures, row))


class OfficerStatsScreen(OfficerScreen):
    page = OfficerPage.STATS

    def __init__(self, send: Send, context: ScreenContext, parent: QWidget | None = None):
        super().__init__("officerStatsScreen", send, context, parent)
        card = make_card("statsCard")
        self._day = make_label("muted", "statsDay")
        grid = QGridLayout()
        grid.setHorizontalSpacing(48)
        grid.setVerticalSpacing(18)
        self._today_head = make_label("heading", "statsTodayHead",
                                      align=Qt.AlignmentFlag.AlignRight)
        self._month_head = make_label("heading", "statsMonthHead",
                                      align=Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self._today_head, 0, 1)
        grid.addWidget(self._month_head, 0, 2)
        self._labels: dict[str, QLabel] = {}
        self._cells: dict[tuple[str, str], QLabel] = {}
        for index, row in enumerate(ROWS, start=1):
            label = make_label("fieldLabel", f"statsLabel_{row}")
            grid.addWidget(label, index, 0)
            self._labels[row] = label
            for column, period in ((1, "today"), (2, "month")):
                value = make_label("metric", f"stats_{period}_{row}",
                                   align=Qt.AlignmentFlag.AlignRight)
                grid.addWidget(value, index, column)
                self._cells[(period, row)] = value
        grid.setColumnStretch(0, 1)
        card.column.addWidget(self._day)
        card.column.addLayout(grid)
        self.body.addWidget(card)
        self.body.addStretch(1)
        self._shown: Statistics | None = None
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.title.setText(translate("OfficerStats", "使用统计"))
        self._today_head.setText(translate("OfficerStats", "今日"))
        self._month_head.setText(translate("OfficerStats", "本月"))
        for row, label in self._labels.items():
            label.setText(row_label(row))
        if self._shown is not None:
            self._render(self._shown)

    def show_state(self, state: KioskState) -> None:
        mode = officer_of(state)
        if mode is None:
            return
        if mode.stats is None:
            self._day.setText(translate("OfficerStats", "正在读取…") if Pending.STATS in
                              mode.pending else "")
            return
        if mode.stats is not self._shown:
            self._shown = mode.stats
            self._render(mode.stats)

    def _render(self, stats: Statistics) -> None:
        self._day.setText(translate("OfficerStats", "统计日期：%1（北京时间）").replace(
            "%1", stats.day.isoformat()))
        for row in ROWS:
            for period, figures in (("today", stats.today), ("month", stats.month)):
                self._cells[(period, row)].setText(cell(figures, row))
