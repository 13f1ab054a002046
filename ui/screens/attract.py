"""The attract screen: what this terminal is for, what to bring, announcements, a big start."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.api.models import Announcement
from kiosk.flow import events as ev
from kiosk.flow.state import KioskState
from kiosk.timefmt import beijing
from ui.i18n import translate
from ui.screens.base import Screen, ScreenContext, Send
from ui.widgets.buttons import TouchButton
from ui.widgets.common import make_card, make_label
from ui.widgets.scroll import kinetic_scroll_area

MAX_ANNOUNCEMENTS = 6


class AttractScreen(Screen):
    def __init__(self, send: Send, context: ScreenContext, parent: QWidget | None = None):
        super().__init__("attractScreen", send, context, parent)
        columns = self.columns()
        columns.setSpacing(36)
        self.body.addLayout(columns, 1)

        left = QVBoxLayout()
        left.setSpacing(22)
        columns.addLayout(left, 3)
        self._hero = make_label("hero", "attractTitle")
        self._lead = make_label("subtitle", "attractLead")
        left.addStretch(1)
        left.addWidget(self._hero)
        left.addWidget(self._lead)

        bring = make_card("attractBringCard")
        self._bring_title = make_label("cardTitle", "attractBringTitle")
        self._bring_id = make_label("body", "attractBringId")
        self._bring_ref = make_label("body", "attractBringReference")
        for widget in (self._bring_title, self._bring_id, self._bring_ref):
            bring.column.addWidget(widget)
        left.addWidget(bring)

        self.start_button = TouchButton("startButton", "hero")
        self.start_button.setMinimumHeight(150)
        self.start_button.tapped.connect(lambda: self.send(ev.Start()))
        left.addSpacing(8)
        left.addWidget(self.start_button)
        self._card_hint = make_label("muted", "attractCardHint")
        self._card_hint.setVisible(context.reader_present)
        left.addWidget(self._card_hint)
        left.addStretch(1)

        news = make_card("announcementsCard")
        self._news_title = make_label("cardTitle", "announcementsTitle")
        news.column.addWidget(self._news_title)
        self._news_list = QWidget()
        self._news_layout = QVBoxLayout(self._news_list)
        self._news_layout.setContentsMargins(0, 0, 0, 0)
        self._news_layout.setSpacing(18)
        self._news_area = kinetic_scroll_area(self._news_list, "announcementsList")
        news.column.addWidget(self._news_area, 1)
        columns.addWidget(news, 2)
        self._shown: tuple[Announcement, ...] | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self._hero.setText(translate("AttractScreen", "狱务公开查询"))
        self._lead.setText(translate(
            "AttractScreen", "服刑人员亲属可在这里查询亲人的改造表现、计分考核、奖惩与刑罚变更、"
            "生活卫生情况，并打印查询凭条。"))
        self._bring_title.setText(translate("AttractScreen", "请准备好："))
        self._bring_id.setText(translate("AttractScreen", "① 您本人的居民身份证"))
        self._bring_ref.setText(translate("AttractScreen", "② 监狱发给您的查询码"))
        self.start_button.set_label(translate("AttractScreen", "点这里开始查询"))
        self._card_hint.setText(translate(
            "AttractScreen", "也可以把身份证放在下方读卡区，自动开始。"))
        self._news_title.setText(translate("AttractScreen", "公告"))
        self._shown = None

    def show_state(self, state: KioskState) -> None:
        if state.announcements is self._shown:
            return
        self._shown = state.announcements
        while self._news_layout.count():
            taken = self._news_layout.takeAt(0)
            old = taken.widget() if taken is not None else None
            if old is not None:
                old.hide()
                old.deleteLater()
        items = state.announcements[:MAX_ANNOUNCEMENTS]
        if not items:
            empty = make_label("muted", "announcementsEmpty")
            empty.setText(translate("AttractScreen", "暂无公告。"))
            self._news_layout.addWidget(empty)
        for index, item in enumerate(items):
            title = make_label("newsTitle", f"announcement{index}Title")
            title.setText(item.title)
            date = make_label("muted", f"announcement{index}Date")
            date.setText(beijing(item.published_at).strftime("%Y-%m-%d"))
            self._news_layout.addWidget(title)
            self._news_layout.addWidget(date)
            title.show()
            date.show()
        self._news_layout.addStretch(1)
        self._news_area.verticalScrollBar().setValue(0)
        self._news_list.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, False)
