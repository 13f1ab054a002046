"""Printer and reader: a test print (no personal data) and diagnostics of both devices."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.audit.catalogue import AdminAction
from kiosk.flow import officer_events as oe
from kiosk.flow.officer_state import OfficerPage, Pending
from kiosk.flow.state import KioskState
from ui.i18n import translate
from ui.officer.base import FactGrid, OfficerScreen, officer_of
from ui.officer.words import action_words
from ui.screens.base import ScreenContext, Send
from ui.widgets.buttons import TouchButton
from ui.widgets.common import NoticeLabel, make_card


class OfficerDevicesScreen(OfficerScreen):
    page = OfficerPage.DEVICES

    def __init__(self, send: Send, context: ScreenContext, parent: QWidget | None = None):
        super().__init__("officerDevicesScreen", send, context, parent)
        card = make_card("devicesCard")
        self.facts = FactGrid("devices")
        card.column.addLayout(self.facts)
        self.body.addWidget(card)
        self._buttons: dict[AdminAction, TouchButton] = {}
        row = QHBoxLayout()
        row.setSpacing(24)
        for action, name in ((AdminAction.TEST_PRINT, "devicesTestPrint"),
                             (AdminAction.PRINTER_DIAGNOSTICS, "devicesPrinterCheck"),
                             (AdminAction.READER_DIAGNOSTICS, "devicesReaderCheck")):
            button = TouchButton(name, "primary")
            button.tapped.connect(lambda a=action: self.send(oe.OfficerRun(a)))
            row.addWidget(button)
            self._buttons[action] = button
        row.addStretch(1)
        self.body.addLayout(row)
        self.result = NoticeLabel("devicesResult")
        self.body.addWidget(self.result)
        self.body.addStretch(1)
        self._state: KioskState | None = None
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.title.setText(translate("OfficerDevices", "打印与读卡器"))
        self._buttons[AdminAction.TEST_PRINT].set_label(translate("OfficerDevices", "测试打印"))
        self._buttons[AdminAction.PRINTER_DIAGNOSTICS].set_label(
            translate("OfficerDevices", "检查打印机"))
        self._buttons[AdminAction.READER_DIAGNOSTICS].set_label(
            translate("OfficerDevices", "检查读卡器"))
        if self._state is not None:
            self._render(self._state)

    def show_state(self, state: KioskState) -> None:
        if officer_of(state) is not None:
            self._state = state
            self._render(state)

    def _render(self, state: KioskState) -> None:
        mode = officer_of(state)
        if mode is None:
            return
        settings = self.context.settings
        printer, reader = settings.printer, settings.reader
        self.facts.set("printer", translate("OfficerDevices", "打印方式"), printer.backend)
        self.facts.set("queue", translate("OfficerDevices", "打印队列"),
                       printer.queue or translate("OfficerDevices", "系统默认"))
        self.facts.set("layout", translate("OfficerDevices", "纸张版式"), printer.layout)
        self.facts.set("reader", translate("OfficerDevices", "读卡器"), reader.backend)
        self.facts.set("port", translate("OfficerDevices", "读卡器端口"), reader.port)
        running = Pending.ACTION in mode.pending
        for button in self._buttons.values():
            button.setEnabled(not running)
        if running:
            self.result.show_text(translate("OfficerDevices", "正在进行，请稍候…"), "info")
        elif mode.action is None:
            self.result.show_text(None)
        else:
            action, result = mode.action
            what = {
                AdminAction.TEST_PRINT.value: translate("OfficerDevices", "测试打印"),
                AdminAction.PRINTER_DIAGNOSTICS.value: translate("OfficerDevices", "打印机检查"),
                AdminAction.READER_DIAGNOSTICS.value: translate("OfficerDevices", "读卡器检查"),
            }.get(action, action)
            outcome = translate("OfficerDevices", "%1：%2").replace("%1", what).replace(
                "%2", action_words(result.code))
            self.result.show_text(outcome, "info" if result.ok else "error")
