"""Verify a slip: type its number and code on the keypad, or scan its QR code with a
keyboard-wedge scanner (it types the verify URL and Enter into the scan box)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QGridLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.flow import officer_events as oe
from kiosk.flow.officer_state import OfficerPage, Pending
from kiosk.flow.state import KioskState
from kiosk.officer.actions import SlipCheck
from kiosk.timefmt import beijing_text
from ui.i18n import translate
from ui.officer.base import FactGrid, OfficerScreen, officer_of
from ui.screens.base import ScreenContext, Send
from ui.widgets.buttons import MIN_TOUCH_PX, TouchButton
from ui.widgets.common import NoticeLabel, make_card, make_label
from ui.widgets.entry import EntryBox
from ui.widgets.keypad import REFERENCE_GRID, Keypad

SLIP_MAX = 40
"""Longest slip number and verify code (``SLIP_NO_PATTERN``, ``VERIFY_CODE_PATTERN``)."""
CODE_MAX = 16


class OfficerVerifyScreen(OfficerScreen):
    page = OfficerPage.VERIFY
    personal = True  # the answer names the inmate on the slip

    def __init__(self, send: Send, context: ScreenContext, parent: QWidget | None = None):
        super().__init__("officerVerifyScreen", send, context, parent)
        columns = self.columns()
        columns.setSpacing(32)
        self.body.addLayout(columns, 1)

        left = QVBoxLayout()
        left.setSpacing(14)
        columns.addLayout(left, 3)
        self._slip_label = make_label("fieldLabel", "verifySlipLabel")
        self.slip_box = EntryBox("verifySlipNo")
        self.slip_box.tapped.connect(lambda: self._focus("slip"))
        self._code_label = make_label("fieldLabel", "verifyCodeLabel")
        self.code_box = EntryBox("verifyCode")
        self.code_box.tapped.connect(lambda: self._focus("code"))
        self.keypad = Keypad("verify", (REFERENCE_GRID,))
        self.keypad.keyPressed.connect(self._type)
        self.keypad.backspacePressed.connect(lambda: self._edit(lambda s: s[:-1]))
        self.keypad.clearPressed.connect(lambda: self._edit(lambda s: ""))
        fields = QGridLayout()
        fields.setHorizontalSpacing(20)
        fields.setVerticalSpacing(8)
        fields.addWidget(self._slip_label, 0, 0)
        fields.addWidget(self.slip_box, 1, 0)
        fields.addWidget(self._code_label, 0, 1)
        fields.addWidget(self.code_box, 1, 1)
        fields.setColumnStretch(0, 3)
        fields.setColumnStretch(1, 2)
        left.addLayout(fields)
        left.addWidget(self.keypad, 1)

        right = QVBoxLayout()
        right.setSpacing(14)
        columns.addLayout(right, 2)
        self._scan_label = make_label("fieldLabel", "verifyScanLabel")
        self.scan = QLineEdit()
        self.scan.setObjectName("verifyScan")
        self.scan.setMinimumHeight(MIN_TOUCH_PX)
        self.scan.setStyleSheet("font-size: 30px; padding: 4px 12px;")
        self.scan.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.scan.returnPressed.connect(self._scanned)
        self.submit_button = TouchButton("verifySubmit", "primary")
        self.submit_button.tapped.connect(self._submit)
        result = make_card("verifyResultCard")
        self.result = NoticeLabel("verifyResult")
        self.facts = FactGrid("verify")
        result.column.addWidget(self.result)
        result.column.addLayout(self.facts)
        result.column.addStretch(1)
        for item in (self._scan_label, self.scan, self.submit_button):
            right.addWidget(item)
        right.addWidget(result, 1)

        self._texts = {"slip": "", "code": ""}
        self._focused = "slip"
        self._check: SlipCheck | None = None
        self._pending = False
        self._focus("slip")
        self.retranslate()

    # ---- typing -------------------------------------------------------------------------------

    def _focus(self, which: str) -> None:
        self._focused = which
        self.slip_box.set_focused(which == "slip")
        self.code_box.set_focused(which == "code")
        self.keypad.key("-").setEnabled(which == "slip")  # codes are letters and digits

    def _type(self, char: str) -> None:
        limit = SLIP_MAX if self._focused == "slip" else CODE_MAX
        self._edit(lambda s: s + char if len(s) < limit else s)

    def _edit(self, change: Callable[[str], str]) -> None:
        which = self._focused
        self._texts[which] = change(self._texts[which])
        (self.slip_box if which == "slip" else self.code_box).set_value(self._texts[which])
        if which == "slip" and len(self._texts["slip"]) >= SLIP_MAX:
            self._focus("code")
        self._refresh_submit()

    def _refresh_submit(self) -> None:
        self.submit_button.setEnabled(
            not self._pending and bool(self._texts["slip"]) and bool(self._texts["code"]))

    def _submit(self) -> None:
        self.send(oe.OfficerVerify(self._texts["slip"], self._texts["code"]))

    def _scanned(self) -> None:
        text = self.scan.text().strip()
        self.scan.clear()
        if text:
            self.send(oe.OfficerVerify(url=text))

    # ---- showing ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        super().retranslate()
        self.title.setText(translate("OfficerVerify", "核验凭条"))
        self._slip_label.setText(translate("OfficerVerify", "凭条号"))
        self._code_label.setText(translate("OfficerVerify", "核验码"))
        self.slip_box.set_placeholder(translate("OfficerVerify", "点这里，用下方键盘输入"))
        self.code_box.set_placeholder(translate("OfficerVerify", "凭条上二维码旁的核验码"))
        self._scan_label.setText(translate("OfficerVerify", "或用扫码枪扫描凭条上的二维码："))
        self.scan.setPlaceholderText(translate("OfficerVerify", "扫码结果会出现在这里"))
        self.scan.setAccessibleName(translate("OfficerVerify", "扫码输入"))
        self.submit_button.set_label(translate("OfficerVerify", "核验"))
        self.keypad.retranslate()
        self._render()

    def show_state(self, state: KioskState) -> None:
        mode = officer_of(state)
        if mode is None:
            return
        self._pending = Pending.VERIFY in mode.pending
        self._check = mode.verification
        self._refresh_submit()
        self._render()

    def _render(self) -> None:
        check = self._check
        for key in ("slip", "issued", "inmate", "sections"):
            for cell in self.facts.row(key):
                cell.clear()  # not only hidden: the inmate's name must leave the widget tree
                cell.setAccessibleName("")
                cell.setVisible(False)
        if self._pending:
            self.result.show_text(translate("OfficerVerify", "正在向中心服务核验…"), "info")
            return
        if check is None:
            self.result.show_text(None)
            return
        if check.valid is None:
            self.result.show_text(translate("OfficerVerify", "无法核验：%1").replace(
                "%1", check.error or "?"), "warning")
            return
        if not check.valid:
            self.result.show_text(translate("OfficerVerify", "凭条无效：凭条号或核验码不正确，"
                                                             "或凭条已被注销。"), "error")
            return
        self.result.show_text(translate("OfficerVerify", "凭条真实有效"), "info")
        rows = [("slip", translate("OfficerVerify", "凭条号"), check.slip_no)]
        if check.issued_at is not None:
            rows.append(("issued", translate("OfficerVerify", "打印时间"),
                         beijing_text(check.issued_at)))
        rows.append(("inmate", translate("OfficerVerify", "服刑人员"), check.inmate_name))
        names = [section_name(section.value) for section in check.sections]
        rows.append(("sections", translate("OfficerVerify", "包含内容"),
                     translate("OfficerVerify", "，").join(names)))
        for key, label, value in rows:
            self.facts.set(key, label, value)
            self.facts.row(key)[0].setVisible(True)
            self.facts.row(key)[1].setVisible(True)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.scan.setFocus()  # a scanner types into whatever has the focus

    def hideEvent(self, event: QHideEvent) -> None:
        self._texts = {"slip": "", "code": ""}
        self.slip_box.set_value("")
        self.code_box.set_value("")
        self._check = None
        self._focus("slip")
        self._render()
        super().hideEvent(event)


def section_name(section: str) -> str:
    return {
        "reform": translate("OfficerVerify", "改造表现"),
        "assessment": translate("OfficerVerify", "计分考核"),
        "rewards": translate("OfficerVerify", "奖惩与刑罚变更"),
        "living": translate("OfficerVerify", "生活卫生"),
    }.get(section, section)
