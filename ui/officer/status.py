"""The status page: is this terminal working, and which part is not (gathered in a worker)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.flow import officer_events as oe
from kiosk.flow.officer_state import OfficerPage, Pending
from kiosk.flow.state import KioskState
from kiosk.officer.status import TerminalStatus
from ui.i18n import translate
from ui.officer.base import FactGrid, OfficerScreen, officer_of
from ui.officer.words import (
    duration_text,
    printer_words,
    reader_words,
    size_text,
    with_detail,
)
from ui.screens.base import ScreenContext, Send
from ui.widgets.buttons import TouchButton
from ui.widgets.common import make_card, make_label


class OfficerStatusScreen(OfficerScreen):
    page = OfficerPage.STATUS

    def __init__(self, send: Send, context: ScreenContext, parent: QWidget | None = None):
        super().__init__("officerStatusScreen", send, context, parent)
        card = make_card("statusCard")
        self._checking = make_label("muted", "statusChecking")
        self.facts = FactGrid("status")
        card.column.addWidget(self._checking)
        card.column.addLayout(self.facts)
        self.body.addWidget(card, 1)
        self.refresh_button = TouchButton("statusRefresh", "primary")
        self.refresh_button.tapped.connect(lambda: self.send(oe.OfficerOpen(OfficerPage.STATUS)))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.refresh_button)
        self.body.addLayout(row)
        self._shown: TerminalStatus | None = None
        self._pending = False
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.title.setText(translate("OfficerStatus", "终端状态"))
        self.refresh_button.set_label(translate("OfficerStatus", "重新检查"))
        self._checking.setText(translate("OfficerStatus", "正在检查…"))
        if self._shown is not None:
            self._render(self._shown)

    def show_state(self, state: KioskState) -> None:
        mode = officer_of(state)
        if mode is None:
            return
        self._pending = Pending.STATUS in mode.pending
        self._checking.setVisible(self._pending)
        self.refresh_button.setEnabled(not self._pending)
        if mode.status is not None and mode.status is not self._shown:
            self._shown = mode.status
            self._render(mode.status)

    def _render(self, status: TerminalStatus) -> None:
        api = status.api
        facts = self.facts
        facts.set("terminal", translate("OfficerStatus", "终端编号"), status.terminal_id)
        facts.set("version", translate("OfficerStatus", "程序版本"), status.version)
        facts.set("uptime", translate("OfficerStatus", "已运行"), duration_text(status.uptime_s))
        facts.set("url", translate("OfficerStatus", "服务地址"), status.base_url)
        if api.reachable:
            reach = translate("OfficerStatus", "可以连接（%1 毫秒）").replace(
                "%1", str(api.latency_ms))
        else:
            reach = translate("OfficerStatus", "无法连接（%1）").replace("%1", api.error or "?")
        facts.set("api", translate("OfficerStatus", "中心服务"), reach, problem=not api.reachable)
        token = {True: translate("OfficerStatus", "已接受"),
                 False: translate("OfficerStatus", "被拒绝：请联系省局重新授权本终端"),
                 None: translate("OfficerStatus", "无法确认")}[api.token_accepted]
        facts.set("token", translate("OfficerStatus", "终端令牌"), token,
                  problem=api.token_accepted is not True)
        printer_ok = status.printer.value in ("ready", "paper_low")
        facts.set("printer", translate("OfficerStatus", "打印机"),
                  with_detail(printer_words(status.printer), status.printer_backend),
                  problem=not printer_ok)
        reader_ok = status.reader.value in ("ready", "disabled")
        facts.set("reader", translate("OfficerStatus", "读卡器"),
                  with_detail(reader_words(status.reader), status.reader_backend),
                  problem=not reader_ok)
        queued = (translate("OfficerStatus", "未知") if status.queued_events < 0
                  else translate("OfficerStatus", "%n 条", "", status.queued_events))
        facts.set("queue", translate("OfficerStatus", "待上传审计事件"), queued,
                  problem=status.queued_events < 0)
        if status.disk_free_bytes is None or status.disk_total_bytes is None:
            disk, low = translate("OfficerStatus", "未知"), True
        else:
            disk = translate("OfficerStatus", "剩余 %1 / 共 %2").replace(
                "%1", size_text(status.disk_free_bytes)).replace(
                "%2", size_text(status.disk_total_bytes))
            low = status.disk_free_bytes < 200 * 1024 * 1024
        facts.set("disk", translate("OfficerStatus", "磁盘空间"), disk, problem=low)
