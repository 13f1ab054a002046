"""Done: take your slip; another copy, back to the records, or finish (and goodbye)."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QWidget

from kiosk.flow import events as ev
from kiosk.flow.state import Done, KioskState
from kiosk.flow.update import copies_left
from ui.display import tight
from ui.i18n import translate
from ui.screens.base import Screen, ScreenContext, Send, footer_row
from ui.widgets.buttons import TouchButton
from ui.widgets.common import make_card, make_label
from ui.widgets.handoff import HandoffCard
from ui.widgets.icons import StatusIcon


class DoneScreen(Screen):
    personal = True

    def __init__(self, send: Send, context: ScreenContext, parent: QWidget | None = None):
        super().__init__("doneScreen", send, context, parent)
        card = make_card("doneCard")
        self._icon = StatusIcon("ok", 110)
        self._title = make_label("title", "doneTitle", align=Qt.AlignmentFlag.AlignCenter)
        self._slip_no = make_label("lead", "doneSlipNo", align=Qt.AlignmentFlag.AlignCenter)
        self._verify = make_label("body", "doneVerify", align=Qt.AlignmentFlag.AlignCenter)
        self._goodbye = make_label("body", "doneGoodbye", align=Qt.AlignmentFlag.AlignCenter)
        self._return = make_label("muted", "doneReturn", align=Qt.AlignmentFlag.AlignCenter)
        card.column.addStretch(1)
        card.column.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignHCenter)
        for widget in (self._title, self._slip_no, self._verify, self._goodbye, self._return):
            card.column.addWidget(widget)
        card.column.addStretch(1)
        columns = self.columns()
        columns.setSpacing(28)
        columns.addWidget(card, 1)
        # Visit booking and video visits continue on the phone.
        self.handoff = HandoffCard(context.settings.kiosk.family_service_url)
        columns.addWidget(self.handoff, 1)
        self.body.addLayout(columns, 1)
        self.again_button = TouchButton("doneAgain", "secondary")
        self.again_button.tapped.connect(lambda: self.send(ev.PrintAgain()))
        self.back_button = TouchButton("doneBack", "secondary")
        self.back_button.tapped.connect(lambda: self.send(ev.Back()))
        self.finish_button = TouchButton("doneFinish", "primary")
        self.finish_button.setMinimumWidth(360)
        self.finish_button.tapped.connect(lambda: self.send(ev.Exit()))
        self.body.addLayout(footer_row(self.back_button, self.again_button, self.finish_button))
        self._done: Done | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(500)
        self._timer.timeout.connect(self._refresh_return)
        self.retranslate()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit()
        super().resizeEvent(event)

    def _fit(self) -> None:
        # Large text on a short screen: the slip number and the buttons come first; the phone
        # hand-off is on the goodbye screen too.
        compact = tight(self)
        for widget in (self._icon, self._goodbye, self.handoff):
            widget.setVisible(not compact)

    def retranslate(self) -> None:
        self._fit()
        self._title.setText(translate("DoneScreen", "凭条已打印，请取走"))
        self._verify.setText(translate("DoneScreen", "凭条上的二维码可以用手机扫描，核验真伪。"))
        self._goodbye.setText(translate("DoneScreen", "感谢您的使用，祝您生活顺利！"))
        self.again_button.set_label(translate("DoneScreen", "再打印一份"))
        self.back_button.set_label(translate("DoneScreen", "继续查看"))
        self.finish_button.set_label(translate("DoneScreen", "完成，退出"))
        self.handoff.retranslate()
        self._done = None

    def show_state(self, state: KioskState) -> None:
        visit = state.visit
        if not isinstance(visit, Done) or visit is self._done:
            return
        self._done = visit
        self._slip_no.setText(translate("DoneScreen", "凭条号：%1").replace(
            "%1", visit.registration.slip_no))
        self.again_button.setVisible(copies_left(state) > 0)
        self._refresh_return()
        self._timer.start()

    def _refresh_return(self) -> None:
        if self._done is None:
            return
        left = max(math.ceil((self._done.return_at - self.context.clock()).total_seconds()), 0)
        self._return.setText(translate("DoneScreen", "%n 秒后自动退出并返回首页。", "", left))
