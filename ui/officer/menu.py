"""The officer menu: one big button per page, reset and exit (each confirmed once), log out."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QWidget

from kiosk.flow import events as ev
from kiosk.flow import officer_events as oe
from kiosk.flow.officer_state import OfficerPage
from ui.i18n import translate
from ui.officer.base import OfficerScreen
from ui.screens.base import ScreenContext, Send
from ui.widgets.buttons import CardButton, TouchButton
from ui.widgets.common import make_card, make_label

PAGES = (OfficerPage.STATUS, OfficerPage.SETTINGS, OfficerPage.DEVICES, OfficerPage.STATS,
         OfficerPage.VERIFY)


def page_lines(page: OfficerPage) -> tuple[str, str]:
    return {
        OfficerPage.STATUS: (translate("OfficerMenu", "终端状态"),
                             translate("OfficerMenu", "网络、令牌、打印机、读卡器、磁盘")),
        OfficerPage.SETTINGS: (translate("OfficerMenu", "终端设置"),
                               translate("OfficerMenu", "服务地址、监狱、打印机、超时")),
        OfficerPage.DEVICES: (translate("OfficerMenu", "打印与读卡器"),
                              translate("OfficerMenu", "测试打印、设备诊断")),
        OfficerPage.STATS: (translate("OfficerMenu", "使用统计"),
                            translate("OfficerMenu", "今日与本月")),
        OfficerPage.VERIFY: (translate("OfficerMenu", "核验凭条"),
                             translate("OfficerMenu", "输入或扫描凭条号与核验码")),
    }[page]


class OfficerMenuScreen(OfficerScreen):
    page = OfficerPage.MENU

    def __init__(self, send: Send, context: ScreenContext, parent: QWidget | None = None):
        super().__init__("officerMenuScreen", send, context, parent)
        grid = QGridLayout()
        grid.setSpacing(24)
        self._pages: dict[OfficerPage, CardButton] = {}
        for index, page in enumerate(PAGES):
            button = CardButton(f"officerOpen_{page.value}")
            button.tapped.connect(lambda p=page: self.send(oe.OfficerOpen(p)))
            grid.addWidget(button, index // 3, index % 3)
            self._pages[page] = button
        self.body.addLayout(grid)
        self.body.addStretch(1)

        self.reset_button = TouchButton("officerReset", "secondary")
        self.reset_button.tapped.connect(lambda: self._confirm("reset"))
        self.exit_button = TouchButton("officerExit", "secondary")
        self.exit_button.tapped.connect(lambda: self._confirm("exit"))
        actions = QHBoxLayout()
        actions.setSpacing(24)
        actions.addWidget(self.reset_button)
        actions.addWidget(self.exit_button)
        actions.addStretch(1)
        self.body.addLayout(actions)

        self.confirm = make_card("officerConfirm")
        self._confirm_text = make_label("lead", "officerConfirmText")
        self.confirm_yes = TouchButton("officerConfirmYes", "primary")
        self.confirm_no = TouchButton("officerConfirmNo", "secondary")
        self.confirm_yes.tapped.connect(self._confirmed)
        self.confirm_no.tapped.connect(lambda: self._confirm(None))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.confirm_no)
        row.addWidget(self.confirm_yes)
        self.confirm.column.addWidget(self._confirm_text)
        self.confirm.column.addLayout(row)
        self.body.addWidget(self.confirm)
        self._asking: str | None = None
        self._confirm(None)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.title.setText(translate("OfficerMenu", "管理模式"))
        for page, button in self._pages.items():
            button.set_lines(*page_lines(page))
        self.reset_button.set_label(translate("OfficerMenu", "重置终端"))
        self.exit_button.set_label(translate("OfficerMenu", "退出到桌面"))
        self.confirm_no.set_label(translate("OfficerMenu", "取消"))
        self._confirm(self._asking)

    def _confirm(self, what: str | None) -> None:
        self._asking = what
        self.confirm.setVisible(what is not None)
        if what == "reset":
            self._confirm_text.setText(translate(
                "OfficerMenu", "重置将结束正在进行的查询，清除待打印任务和读卡器状态，"
                               "并重新启动界面。确定重置吗？"))
            self.confirm_yes.set_label(translate("OfficerMenu", "确定重置"))
        elif what == "exit":
            self._confirm_text.setText(translate(
                "OfficerMenu", "退出后本终端将停止服务，直到重新启动查询程序。确定退出到桌面吗？"))
            self.confirm_yes.set_label(translate("OfficerMenu", "确定退出"))

    def _confirmed(self) -> None:
        actions: dict[str, Callable[[], ev.Event]] = {
            "reset": oe.OfficerReset, "exit": oe.OfficerExit}
        what = self._asking
        self._confirm(None)
        if what in actions:
            self.send(actions[what]())

    def hideEvent(self, event: QHideEvent) -> None:
        self._confirm(None)  # a question left open is not answered by the next officer
        super().hideEvent(event)
