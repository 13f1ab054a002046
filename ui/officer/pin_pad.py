"""The officer PIN pad: 6-8 digits, auto-submit at 8, OK for 6 or 7, the lock time counting down.

Digits are shown as dots only. A terminal without a PIN says how to set one and offers nothing
but "close".
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.flow import officer_events as oe
from kiosk.flow.officer_state import PIN_MAX_DIGITS, PIN_MIN_DIGITS, PinNotice, PinPad
from kiosk.flow.state import KioskState
from ui.i18n import translate
from ui.screens.base import Screen, ScreenContext, Send
from ui.widgets.buttons import TouchButton
from ui.widgets.common import NoticeLabel, make_card, make_label
from ui.widgets.keypad import BACKSPACE, Keypad

OK = "OK"
PIN_GRID: tuple[tuple[str, ...], ...] = (
    ("1", "2", "3"),
    ("4", "5", "6"),
    ("7", "8", "9"),
    (BACKSPACE, "0", OK),
)


class PinPadScreen(Screen):
    def __init__(self, send: Send, context: ScreenContext, parent: QWidget | None = None):
        super().__init__("officerPinScreen", send, context, parent)
        self.body.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        card = make_card("officerPinCard")
        card.setMinimumWidth(720)
        row.addWidget(card, 2)
        row.addStretch(1)
        self.body.addLayout(row)
        self.body.addStretch(1)
        self._title = make_label("title", "officerPinTitle", align=Qt.AlignmentFlag.AlignCenter)
        self._lead = make_label("lead", "officerPinLead", align=Qt.AlignmentFlag.AlignCenter)
        self._dots = make_label("big", "officerPinDots", wrap=False,
                                align=Qt.AlignmentFlag.AlignCenter)
        self.notice = NoticeLabel("officerPinNotice")
        self.keypad = Keypad("pin", (PIN_GRID,))
        self.keypad.keyPressed.connect(self._key)
        self.keypad.backspacePressed.connect(lambda: self.send(oe.PinBackspace()))
        self.cancel_button = TouchButton("officerPinCancel", "secondary")
        self.cancel_button.tapped.connect(lambda: self.send(oe.PinCancel()))
        column: QVBoxLayout = card.column
        for widget in (self._title, self._lead, self._dots, self.notice, self.keypad):
            column.addWidget(widget)
        column.addWidget(self.cancel_button)
        self._pad: PinPad | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(500)
        self._timer.timeout.connect(self._refresh_notice)
        self.retranslate()

    def _key(self, token: str) -> None:
        self.send(oe.PinSubmit() if token == OK else oe.PinKey(token))

    def retranslate(self) -> None:
        self._title.setText(translate("OfficerPin", "管理员登录"))
        self._lead.setText(translate("OfficerPin", "请输入 6 至 8 位管理员密码"))
        self.keypad.key(OK).set_label(translate("OfficerPin", "确定"))
        self.keypad.retranslate()
        self.cancel_button.set_label(translate("OfficerPin", "取消"))
        if self._pad is not None:
            self._render(self._pad)

    def show_state(self, state: KioskState) -> None:
        pad = state.officer
        if not isinstance(pad, PinPad) or pad is self._pad:
            return
        self._pad = pad
        self._render(pad)

    def _render(self, pad: PinPad) -> None:
        typed = len(pad.digits)
        slots = max(PIN_MIN_DIGITS, typed)
        self._dots.setText(" ".join("●" if i < typed else "○" for i in range(slots)))
        self._dots.setAccessibleName(translate("OfficerPin", "已输入 %n 位", "", typed))
        self._dots.setVisible(pad.pin_set)
        self._lead.setVisible(pad.pin_set)
        self.keypad.setVisible(pad.pin_set)
        self.cancel_button.set_label(translate("OfficerPin", "取消") if pad.pin_set
                                     else translate("OfficerPin", "关闭"))
        self._refresh_notice()

    def _refresh_notice(self) -> None:
        pad = self._pad
        if pad is None:
            return
        now = self.context.clock()
        locked = pad.locked(now)
        usable = pad.pin_set and not pad.checking and not locked
        self.keypad.setEnabled(usable)
        self.keypad.key(OK).setEnabled(usable and len(pad.digits) >= PIN_MIN_DIGITS)
        if locked:
            self._timer.start()
        else:
            self._timer.stop()
        self.notice.show_text(*self._notice(pad, locked))

    def _notice(self, pad: PinPad, locked: bool) -> tuple[str | None, str]:
        if not pad.pin_set:
            return translate("OfficerPin", "本终端尚未设置管理员密码，不能进入管理模式。\n"
                                           "请在终端的命令行运行 kiosk set-pin 设置密码"
                                           "（6 至 8 位数字）。"), "warning"
        if pad.checking:
            return translate("OfficerPin", "正在核对密码…"), "info"
        if locked and pad.locked_until is not None:
            left = max(1, math.ceil((pad.locked_until - self.context.clock()).total_seconds()))
            return translate("OfficerPin", "密码错误次数过多，已锁定。请在 %n 秒后再试。", "",
                             left), "error"
        if pad.notice is PinNotice.WRONG:
            return translate("OfficerPin", "密码不正确，请重新输入。"), "error"
        if pad.notice is PinNotice.TOO_SHORT:
            return translate("OfficerPin", "密码至少 6 位。"), "warning"
        if len(pad.digits) >= PIN_MIN_DIGITS and len(pad.digits) < PIN_MAX_DIGITS:
            return translate("OfficerPin", "输入完毕请点“确定”。"), "info"
        return None, "info"
