"""Identify: ID number and reference number on custom keypads, checked as they are typed."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from kiosk.flow import events as ev
from kiosk.flow.state import Authenticating, Field, Identify, KioskState
from kiosk.flow.update import can_submit, identify_hint
from kiosk.visitor.idnumber import ID_LENGTH
from ui import app_filters
from ui.display import tight
from ui.i18n import translate
from ui.messages import message_text, notice_text, severity
from ui.screen_prep import QUIET_MS
from ui.screens.base import Screen, ScreenContext, Send, footer_row
from ui.widgets.buttons import TouchButton
from ui.widgets.common import NoticeLabel, make_label, set_style_property
from ui.widgets.entry import EntryBox
from ui.widgets.keypad import ID_GRID, REFERENCE_GRID, Keypad


def group_id(text: str) -> str:
    """``150102 19800101 123X``: area, birth date, sequence and check, easy to compare."""
    parts = [text[0:6], text[6:14], text[14:18]]
    return " ".join(p for p in parts if p)


class IdentifyScreen(Screen):
    personal = True

    def __init__(self, send: Send, context: ScreenContext, parent: QWidget | None = None):
        super().__init__("identifyScreen", send, context, parent)
        self._row = self.columns()
        self._row.setSpacing(24)
        self.body.addLayout(self._row, 1)

        form = QVBoxLayout()
        form.setSpacing(6)
        self._row.addLayout(form, 5)
        self._title = make_label("formTitle", "identifyTitle")
        form.addWidget(self._title)
        self._id_label = make_label("fieldLabel", "idLabel")
        self.id_entry = EntryBox("idEntry")
        self.id_entry.tapped.connect(lambda: self.send(ev.FocusField(Field.ID)))
        self._id_hint = make_label("hint", "idHint")
        self._ref_label = make_label("fieldLabel", "referenceLabel")
        self.reference_entry = EntryBox("referenceEntry")
        self.reference_entry.tapped.connect(lambda: self.send(ev.FocusField(Field.REFERENCE)))
        self._ref_hint = make_label("hint", "referenceHint")
        for widget in (self._id_label, self.id_entry, self._id_hint, self._ref_label,
                       self.reference_entry, self._ref_hint):
            form.addWidget(widget)
        self.notice = NoticeLabel("identifyNotice")
        form.addWidget(self.notice)
        form.addStretch(1)
        self.back_button = TouchButton("backButton", "secondary")
        self.back_button.tapped.connect(lambda: self.send(ev.Back()))
        self.submit_button = TouchButton("submitButton", "primary")
        self.submit_button.tapped.connect(lambda: self.send(ev.Submit()))
        form.addLayout(footer_row(self.back_button, self.submit_button, stretch_before=False))

        self.keypads = QStackedWidget()
        self.keypads.setObjectName("keypads")
        self.id_keypad = self._keypad("id", ID_GRID)
        self._reference_keypad: Keypad | None = None
        self._quiet = QTimer(self)  # the reference keypad is made once the screen is quiet
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(QUIET_MS)
        self._quiet.timeout.connect(self._make_reference_keypad)
        self._row.addWidget(self.keypads, 6)
        self._form: Identify | None = None
        self.retranslate()

    def _keypad(self, prefix: str, grid: Sequence[Sequence[str]]) -> Keypad:
        pad = Keypad(prefix, [grid])
        pad.keyPressed.connect(lambda char: self.send(ev.KeyPressed(char)))
        pad.backspacePressed.connect(lambda: self.send(ev.Backspace()))
        pad.clearPressed.connect(lambda: self.send(ev.ClearField()))
        self.keypads.addWidget(pad)
        return pad

    def reference_keypad(self) -> Keypad:
        """Made in the first quiet moment on this screen, or when the reference field is
        chosen before that: its 38 keys are most of the screen's widgets, and the screen opens
        on the ID field (``bench/gui_stall.py``)."""
        if self._reference_keypad is None:
            self._reference_keypad = self._keypad("reference", REFERENCE_GRID)
        return self._reference_keypad

    def _make_reference_keypad(self) -> None:
        if self._reference_keypad is None and self.isVisible():
            with app_filters.paused():  # no input can arrive meanwhile (ui.app_filters)
                self.reference_keypad().ensurePolished()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit()
        super().resizeEvent(event)

    def _fit(self) -> None:
        # Large text on a short screen: the fields and the notice need the title's room, and
        # the seven-key rows of the reference keypad (90 px keys) the margins' room.
        compact = tight(self)
        self._title.setVisible(not compact)
        self.body.setContentsMargins(24, 16 if compact else 24, 24, 16 if compact else 24)

    def retranslate(self) -> None:
        self._fit()
        self._title.setText(translate("IdentifyScreen", "请验证您的身份"))
        self._id_label.setText(translate("IdentifyScreen", "身份证号码（18 位）"))
        self._ref_label.setText(translate("IdentifyScreen", "查询码（监狱发给您的凭证上）"))
        self.id_entry.set_placeholder(translate("IdentifyScreen", "点这里，用右边的数字键输入"))
        self.reference_entry.set_placeholder(translate("IdentifyScreen", "点这里输入查询码"))
        self.back_button.set_label(translate("IdentifyScreen", "返回"))
        self.submit_button.set_label(translate("IdentifyScreen", "查询"))
        self.id_entry.setAccessibleName(translate("IdentifyScreen", "身份证号码"))
        self.reference_entry.setAccessibleName(translate("IdentifyScreen", "查询码"))
        self._form = None

    def show_state(self, state: KioskState) -> None:
        visit = state.visit
        form = visit.form if isinstance(visit, Authenticating) else visit
        if not isinstance(form, Identify) or form is self._form:
            return
        self._form = form
        now = self.context.clock()
        id_problem, ref_problem = identify_hint(form, now)
        self.id_entry.set_value(group_id(form.id_text))
        self.reference_entry.set_value(form.reference_text)
        self.id_entry.set_focused(form.focus is Field.ID)
        self.reference_entry.set_focused(form.focus is Field.REFERENCE)
        self.id_entry.set_invalid(id_problem is not None)
        self.reference_entry.set_invalid(ref_problem is not None)
        if id_problem is not None:
            self._id_hint.setText(message_text(id_problem))
            set_style_property(self._id_hint, "problem", True)
        else:
            typed = len(form.id_text)
            if typed == ID_LENGTH:
                hint = translate("IdentifyScreen", "✔ 身份证号码格式正确")
            elif typed:
                hint = translate("IdentifyScreen", "已输入 %1 / 18 位").replace("%1", str(typed))
            else:
                hint = translate("IdentifyScreen", "最后一位是 X 的，请按 X 键")
            self._id_hint.setText(hint)
            set_style_property(self._id_hint, "problem", False)
        self._ref_hint.setText(message_text(ref_problem) if ref_problem else "")
        self._ref_hint.setVisible(ref_problem is not None)
        if form.notice is not None:
            self.notice.show_text(notice_text(form.notice), severity(form.notice))
        else:
            self.notice.show_text(None)
        # The notice needs the room of the reassuring "format is right" line.
        self._id_hint.setVisible(form.notice is None or id_problem is not None)
        self.keypads.setCurrentWidget(
            self.id_keypad if form.focus is Field.ID else self.reference_keypad())
        if self._reference_keypad is None:
            self._quiet.start()
        # X is only ever the 18th character.
        digits = set("0123456789")
        self.id_keypad.set_enabled_keys(
            digits | {"X"} if len(form.id_text) == ID_LENGTH - 1 else digits)
        # Always tappable: a refused submit says exactly what is missing.
        self.submit_button.setEnabled(not isinstance(visit, Authenticating))
        self.submit_button.setProperty("ready", can_submit(form, now))
