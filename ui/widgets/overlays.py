"""Overlays above the current screen: the busy indicator and the "still there?" countdown."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from ui.i18n import translate
from ui.widgets.buttons import TouchButton
from ui.widgets.common import make_card, make_label

BUSY_DELAY_MS = 300
"""A quick answer shows no spinner at all; a slow one shows it after this long."""


class _Cover(QWidget):
    """Covers its parent completely and follows its size."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        parent.installEventFilter(self)
        self.hide()

    def _host(self) -> QWidget:
        host = self.parentWidget()
        assert host is not None
        return host

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._host().rect())
        return False

    def cover(self) -> None:
        self.setGeometry(self._host().rect())
        self.raise_()
        self.show()


class Spinner(QWidget):
    def __init__(self, parent: QWidget | None = None, *, size: int = 140) -> None:
        super().__init__(parent)
        self.setFixedSize(size, size)
        self._angle = 0
        self._timer = QTimer(self)
        self._timer.setInterval(40)
        self._timer.timeout.connect(self._advance)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _advance(self) -> None:
        self._angle = (self._angle + 12) % 360
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = max(self.width() // 10, 4)
        rect = QRectF(self.rect()).adjusted(pen, pen, -pen, -pen)
        painter.setPen(QPen(QColor("#D5DCE5"), pen))
        painter.drawEllipse(rect)
        painter.setPen(QPen(QColor("#0B4F9C"), pen, Qt.PenStyle.SolidLine,
                            Qt.PenCapStyle.RoundCap))
        painter.drawArc(rect, -self._angle * 16, 100 * 16)
        painter.end()


class BusyOverlay(_Cover):
    """"Please wait" with a spinner, shown only when waiting lasts longer than 300 ms."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("busyOverlay")
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(BUSY_DELAY_MS)
        self._delay.timeout.connect(self._appear)
        card = make_card("busyCard", self)
        self._spinner = Spinner(card)
        self._text = make_label("subtitle", "busyText", align=Qt.AlignmentFlag.AlignCenter)
        card.column.addWidget(self._spinner, 0, Qt.AlignmentFlag.AlignHCenter)
        card.column.addWidget(self._text)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self._text.setText(translate("BusyOverlay", "正在处理，请稍候…"))

    def set_busy(self, busy: bool) -> None:
        if busy:
            if not self.isVisible() and not self._delay.isActive():
                self._delay.start()
        else:
            self._delay.stop()
            self._spinner.stop()
            self.hide()

    def _appear(self) -> None:
        self._spinner.start()
        self.cover()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()  # nothing underneath may be tapped while waiting


class CountdownOverlay(_Cover):
    """Full-screen "still there?" with the seconds left and a big continue button."""

    stillHere = Signal()
    leave = Signal()

    def __init__(self, parent: QWidget, clock: Callable[[], datetime]) -> None:
        super().__init__(parent)
        self.setObjectName("countdownOverlay")
        self._clock = clock
        self._until: datetime | None = None
        card = make_card("countdownCard", self)
        card.setMinimumWidth(760)
        layout = card.column
        self._title = make_label("title", "countdownTitle", align=Qt.AlignmentFlag.AlignCenter)
        self._seconds = make_label("huge", "countdownSeconds", wrap=False,
                                   align=Qt.AlignmentFlag.AlignCenter)
        self._hint = make_label("body", "countdownHint", align=Qt.AlignmentFlag.AlignCenter)
        self.continue_button = TouchButton("countdownContinue", "primary", card)
        self.continue_button.setMinimumHeight(130)
        self.continue_button.tapped.connect(self.stillHere)
        self.leave_button = TouchButton("countdownExit", "secondary", card)
        self.leave_button.tapped.connect(self.leave)
        for widget in (self._title, self._seconds, self._hint):
            layout.addWidget(widget)
        layout.addSpacing(10)
        layout.addWidget(self.continue_button)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.leave_button)
        row.addStretch(1)
        layout.addLayout(row)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)
        self._timer = QTimer(self)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self._refresh)
        self.retranslate()

    def retranslate(self) -> None:
        self._title.setText(translate("CountdownOverlay", "您还在使用吗？"))
        self._hint.setText(translate(
            "CountdownOverlay", "时间到后将自动退出，并清除屏幕上的全部信息。"))
        self.continue_button.set_label(translate("CountdownOverlay", "我还在，继续使用"))
        self.leave_button.set_label(translate("CountdownOverlay", "结束查询"))
        self._refresh()

    def show_until(self, until: datetime | None) -> None:
        self._until = until
        if until is None:
            self._timer.stop()
            self.hide()
            return
        self._refresh()
        self._timer.start()
        self.cover()

    def seconds_left(self) -> int:
        if self._until is None:
            return 0
        return max(math.ceil((self._until - self._clock()).total_seconds()), 0)

    def _refresh(self) -> None:
        left = self.seconds_left()
        self._seconds.setText(translate("CountdownOverlay", "%n 秒", "", left))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # A tap anywhere means someone is there.
        event.accept()
        self.stillHere.emit()
