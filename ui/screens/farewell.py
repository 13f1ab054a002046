"""Goodbye: the visit is over and wiped; rate the service with one tap (or skip), and take the
family service to the phone. Nothing personal is on this screen."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.flow import events as ev
from kiosk.flow.state import Farewell, KioskState
from ui.display import tight
from ui.i18n import translate
from ui.screens.base import Screen, ScreenContext, Send, footer_row
from ui.widgets.buttons import TouchButton
from ui.widgets.common import make_card, make_label
from ui.widgets.faces import FaceButton
from ui.widgets.handoff import HandoffCard

FACES = ((3, "rateGood"), (2, "rateFair"), (1, "ratePoor"))


def rating_word(score: int) -> str:
    return {
        3: translate("FarewellScreen", "满意"),
        2: translate("FarewellScreen", "基本满意"),
        1: translate("FarewellScreen", "不满意"),
    }[score]


class FarewellScreen(Screen):
    def __init__(self, send: Send, context: ScreenContext, parent: QWidget | None = None):
        super().__init__("farewellScreen", send, context, parent)
        columns = self.columns()
        columns.setSpacing(28)
        card = make_card("ratingCard")
        card.column.addStretch(1)
        self._title = make_label("title", "farewellTitle", align=Qt.AlignmentFlag.AlignCenter)
        self._ask = make_label("cardTitle", "ratingQuestion", align=Qt.AlignmentFlag.AlignCenter)
        card.column.addWidget(self._title)
        card.column.addWidget(self._ask)
        faces = QHBoxLayout()
        faces.setSpacing(20)
        self.faces: dict[int, FaceButton] = {}
        for score, name in FACES:
            button = FaceButton(name, score)
            button.tapped.connect(lambda s=score: self.send(ev.Rate(s)))
            faces.addWidget(button, 1)
            self.faces[score] = button
        card.column.addLayout(faces)
        self._thanks = make_label("title", "ratingThanks", align=Qt.AlignmentFlag.AlignCenter)
        card.column.addWidget(self._thanks)
        card.column.addStretch(1)
        columns.addWidget(card, 1)
        self.handoff = HandoffCard(context.settings.kiosk.family_service_url)
        columns.addWidget(self.handoff, 1)
        self.body.addLayout(columns, 1)
        self._wiped = make_label("lead", "farewellWiped", align=Qt.AlignmentFlag.AlignCenter)
        self.body.addWidget(self._wiped)
        self._return = make_label("muted", "farewellReturn", wrap=False)
        self.skip_button = TouchButton("farewellSkip", "secondary")
        self.skip_button.tapped.connect(lambda: self.send(ev.SkipRating()))
        row = footer_row(self._return, stretch_before=False)
        row.addStretch(1)
        row.addWidget(self.skip_button)
        self.body.addLayout(row)
        self._shown: Farewell | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(500)
        self._timer.timeout.connect(self._refresh_return)
        self.retranslate()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit()
        super().resizeEvent(event)

    def _fit(self) -> None:
        compact = tight(self)  # large text on a short screen
        self._title.setVisible(not compact)
        self.handoff.set_compact(compact)

    def retranslate(self) -> None:
        self._fit()
        self._title.setText(translate("FarewellScreen", "感谢您的使用"))
        self._wiped.setText(translate("FarewellScreen", "本次查询已结束，屏幕上的信息已全部清除。"))
        self._ask.setText(translate("FarewellScreen", "请为本次服务评价，点一下即可："))
        self._thanks.setText(translate("FarewellScreen", "谢谢您的评价！"))
        for score, button in self.faces.items():
            button.set_word(rating_word(score))
            button.refit()
        self.handoff.retranslate()
        self._shown = None

    def show_state(self, state: KioskState) -> None:
        visit = state.visit
        if not isinstance(visit, Farewell) or visit is self._shown:
            return
        self._shown = visit
        rated = visit.score is not None
        for button in self.faces.values():
            button.setVisible(not rated)
        self._ask.setVisible(not rated)
        self._thanks.setVisible(rated)
        self.skip_button.set_label(translate("FarewellScreen", "返回首页") if rated
                                   else translate("FarewellScreen", "不评价，返回首页"))
        self._refresh_return()
        self._timer.start()

    def _refresh_return(self) -> None:
        if self._shown is None:
            return
        left = max(math.ceil((self._shown.return_at - self.context.clock()).total_seconds()), 0)
        self._return.setText(translate("FarewellScreen", "%n 秒后返回首页", "", left))
