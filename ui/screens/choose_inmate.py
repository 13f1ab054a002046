"""Choose inmate: a visitor linked to several inmates picks one, by tapping a big card."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.flow import events as ev
from kiosk.flow.state import ChooseInmate, KioskState
from ui.i18n import translate
from ui.screens.base import Screen, ScreenContext, Send, footer_row
from ui.widgets.buttons import CardButton, TouchButton
from ui.widgets.common import make_label
from ui.widgets.scroll import kinetic_scroll_area


class ChooseInmateScreen(Screen):
    personal = True

    def __init__(self, send: Send, context: ScreenContext, parent: QWidget | None = None):
        super().__init__("chooseInmateScreen", send, context, parent)
        self._greeting = make_label("subtitle", "chooseGreeting")
        self._title = make_label("title", "chooseTitle")
        self.body.addWidget(self._greeting)
        self.body.addWidget(self._title)
        self._list = QWidget()
        self._list_layout = QVBoxLayout(self._list)
        self._list_layout.setContentsMargins(0, 0, 16, 0)
        self._list_layout.setSpacing(20)
        self.body.addWidget(kinetic_scroll_area(self._list, "inmateList"), 1)
        self.exit_button = TouchButton("exitButton", "secondary")
        self.exit_button.tapped.connect(lambda: self.send(ev.Exit()))
        self.body.addLayout(footer_row(self.exit_button))
        self.inmate_buttons: list[CardButton] = []
        self._shown: ChooseInmate | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self._title.setText(translate("ChooseInmateScreen", "请选择要查询的亲人"))
        self.exit_button.set_label(translate("ChooseInmateScreen", "结束查询"))
        self._shown = None

    def show_state(self, state: KioskState) -> None:
        visit = state.visit
        if not isinstance(visit, ChooseInmate) or visit is self._shown:
            return
        self._shown = visit
        session = visit.session
        self._greeting.setText(translate("ChooseInmateScreen", "您好，%1").replace(
            "%1", session.visitor_name))
        for button in self.inmate_buttons:
            button.hide()
            button.deleteLater()
        self.inmate_buttons = []
        while self._list_layout.count():
            self._list_layout.takeAt(0)
        for index, inmate in enumerate(session.inmates):
            button = CardButton(f"inmateButton{index}", self._list)
            detail = translate("ChooseInmateScreen", "关系：%1　　%2　%3").replace(
                "%1", inmate.relationship).replace("%2", inmate.prison_name).replace(
                "%3", inmate.ward)
            button.set_lines(inmate.name, detail)
            button.tapped.connect(
                lambda inmate_id=inmate.inmate_id: self.send(ev.PickInmate(inmate_id)))
            self._list_layout.addWidget(button)
            button.show()  # now, not after the next event-loop pass
            self.inmate_buttons.append(button)
        self._list_layout.addStretch(1)
