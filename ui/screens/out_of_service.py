"""Out of service: why, when it is expected back, who to ask. Recovers by itself."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from kiosk.flow import events as ev
from kiosk.flow.state import KioskState, Outage
from ui.i18n import translate
from ui.messages import outage_text
from ui.screens.base import Screen, ScreenContext, Send, footer_row
from ui.widgets.buttons import TouchButton
from ui.widgets.common import make_card, make_label
from ui.widgets.icons import StatusIcon


class OutOfServiceScreen(Screen):
    def __init__(self, send: Send, context: ScreenContext, parent: QWidget | None = None):
        super().__init__("outOfServiceScreen", send, context, parent)
        self.body.addStretch(1)
        card = make_card("outOfServiceCard")
        self._icon = StatusIcon("warning")
        self._title = make_label("title", "outOfServiceTitle", align=Qt.AlignmentFlag.AlignCenter)
        self._reason = make_label("lead", "outOfServiceReason",
                                  align=Qt.AlignmentFlag.AlignCenter)
        self._help = make_label("body", "outOfServiceHelp", align=Qt.AlignmentFlag.AlignCenter)
        self._terminal = make_label("muted", "outOfServiceTerminal",
                                    align=Qt.AlignmentFlag.AlignCenter)
        card.column.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignHCenter)
        for widget in (self._title, self._reason, self._help, self._terminal):
            card.column.addWidget(widget)
        self.body.addWidget(card)
        self.body.addStretch(1)
        self.retry_button = TouchButton("outOfServiceRetry", "secondary")
        self.retry_button.tapped.connect(lambda: self.send(ev.HealthDue()))
        self.body.addLayout(footer_row(self.retry_button))
        self._outage: Outage | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self._title.setText(translate("OutOfServiceScreen", "暂停服务"))
        self._help.setText(translate(
            "OutOfServiceScreen", "服务恢复后本机会自动回到首页。如需帮助，请咨询值班民警。"))
        self._terminal.setText(translate("OutOfServiceScreen", "终端编号：%1").replace(
            "%1", self.context.settings.terminal.id))
        self.retry_button.set_label(translate("OutOfServiceScreen", "重新检测"))
        self._outage = None

    def show_state(self, state: KioskState) -> None:
        outage = state.outage
        if outage is None or outage is self._outage:
            return
        self._outage = outage
        self._reason.setText(outage_text(outage.reason, outage.until))
