"""The band across the top of every screen: emblem, prison name, date and time (Beijing)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.resources import resource
from kiosk.timefmt import beijing
from ui.i18n import fmt_date_long, translate
from ui.widgets.common import make_label

EMBLEM = "images/emblem.svg"
TOP_BAR_PX = 104
"""Tall enough for the language and large-text buttons (touch targets of at least 90 px)."""


def weekday_name(index: int) -> str:
    names = (
        translate("TopBar", "星期一"), translate("TopBar", "星期二"),
        translate("TopBar", "星期三"), translate("TopBar", "星期四"),
        translate("TopBar", "星期五"), translate("TopBar", "星期六"),
        translate("TopBar", "星期日"),
    )
    return names[index]


def format_date(moment: datetime) -> str:
    local = beijing(moment)
    return fmt_date_long(local.date()) + " " + weekday_name(local.weekday())


class TopBar(QFrame):
    def __init__(self, prison_name: str, clock: Callable[[], datetime],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("topBar")
        self.setFixedHeight(TOP_BAR_PX)
        self._clock = clock
        self._prison_name = prison_name
        emblem = QLabel(self)
        emblem.setObjectName("topBarEmblem")
        pixmap = QPixmap(str(resource(EMBLEM)))
        if not pixmap.isNull():
            emblem.setPixmap(pixmap.scaled(60, 60, Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.SmoothTransformation))
        self._name = make_label("topbarTitle", "topBarPrison", wrap=False)
        self._service = make_label("topbarSub", "topBarService", wrap=False)
        names = QVBoxLayout()
        names.setSpacing(0)
        names.addWidget(self._name)
        names.addWidget(self._service)
        self._time = make_label("topbarTime", "topBarTime", wrap=False,
                                align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._date = make_label("topbarSub", "topBarDate", wrap=False,
                                align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        times = QVBoxLayout()
        times.setSpacing(0)
        times.addWidget(self._time)
        times.addWidget(self._date)
        row = QHBoxLayout(self)
        row.setContentsMargins(28, 2, 28, 2)
        row.setSpacing(18)
        row.addWidget(emblem)
        row.addLayout(names)
        row.addStretch(1)
        self.controls = QHBoxLayout()
        """Buttons every screen offers (language, large text), placed by the main window."""
        self.controls.setSpacing(14)
        row.addLayout(self.controls)
        row.addSpacing(10)
        row.addLayout(times)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.retranslate()

    def set_prison_name(self, name: str) -> None:
        """An officer changed ``[terminal] prison_name``."""
        self._prison_name = name
        self._name.setText(name)

    def retranslate(self) -> None:
        self._name.setText(self._prison_name)
        self._service.setText(translate("TopBar", "狱务公开查询"))
        self.refresh()

    def refresh(self) -> None:
        now = self._clock()
        self._time.setText(beijing(now).strftime("%H:%M"))
        self._date.setText(format_date(now))
