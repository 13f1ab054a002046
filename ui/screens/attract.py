"""The attract screen: what this terminal is for, what to bring, a big start; public
announcements from the API as a list of titles, one at a time opened to its first lines in turn
(rotating), any of them read in full with one tap. The list is refreshed in the background with
the health check."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.api.enums import AnnouncementCategory
from kiosk.flow import attract_events as ev
from kiosk.flow.kiosk_state import Attract, KioskState
from kiosk.timefmt import beijing
from ui.display import tight
from ui.i18n import current_language, fmt_date, fmt_date_long, translate
from ui.screens.base import Screen, ScreenContext, Send
from ui.widgets.buttons import TouchButton
from ui.widgets.common import make_card, make_label
from ui.widgets.reader import ReaderOverlay
from ui.widgets.scroll import kinetic_scroll_area
from ui.widgets.text_button import TextButton

if TYPE_CHECKING:  # annotations only: importing pydantic would slow the first frame
    from kiosk.api.models import Announcement

MAX_ANNOUNCEMENTS = 6
ROTATE_MS = 9000
"""Long enough to read a title and its first lines slowly."""
EXCERPT_CHARS = 60


def category_name(category: AnnouncementCategory) -> str:
    return {
        AnnouncementCategory.NOTICE: translate("AttractScreen", "通知公告"),
        AnnouncementCategory.DISCLOSURE: translate("AttractScreen", "狱务公开"),
        AnnouncementCategory.NEWS: translate("AttractScreen", "公告动态"),
    }[category]


def meta_line(item: Announcement, *, long: bool = False) -> str:
    """Category and date: "通知公告  2026-11-25"."""
    day = beijing(item.published_at).date()
    return f"{category_name(item.category)}  {fmt_date_long(day) if long else fmt_date(day)}"


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


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
        self._news_layout.setContentsMargins(0, 0, 12, 0)
        self._news_layout.setSpacing(14)
        self._news_area = kinetic_scroll_area(self._news_list, "announcementsList")
        news.column.addWidget(self._news_area, 1)
        columns.addWidget(news, 2)

        self._reader: ReaderOverlay | None = None
        self._buttons: list[TextButton] = []
        self._items: tuple[Announcement, ...] = ()
        self._featured = 0
        self._rotate = QTimer(self)
        self._rotate.setInterval(ROTATE_MS)
        self._rotate.timeout.connect(self._next_feature)
        self._shown: tuple[object, ...] | None = None
        self.retranslate()

    @property
    def reader(self) -> ReaderOverlay:
        """The announcement read in full, made when first opened (not for the first frame)."""
        if self._reader is None:
            self._reader = ReaderOverlay("announcementReader", self)
            self._reader.close_button.tapped.connect(lambda: self.send(ev.CloseAnnouncement()))
        return self._reader

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit()
        super().resizeEvent(event)

    def _fit(self) -> None:
        self._lead.setVisible(not tight(self))

    def retranslate(self) -> None:
        self._fit()
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
        self._news_title.setText(translate("AttractScreen", "公告（点一下可看全文）"))
        self._shown = None

    # ---- the list -----------------------------------------------------------------------------

    def _clear_list(self) -> None:
        while self._news_layout.count():
            taken = self._news_layout.takeAt(0)
            old = taken.widget() if taken is not None else None
            if old is not None:
                old.hide()
                old.deleteLater()
        self._buttons = []

    def _read(self, item: Announcement) -> None:
        self.send(ev.ReadAnnouncement(item.id))

    def _build_list(self, items: tuple[Announcement, ...]) -> None:
        self._clear_list()
        self._items = items
        self._featured = min(self._featured, max(len(items) - 1, 0))
        self._rotate.stop()
        if not items:
            empty = make_label("muted", "announcementsEmpty")
            empty.setText(translate("AttractScreen", "暂无公告。"))
            self._news_layout.addWidget(empty)
        for index, item in enumerate(items):
            button = TextButton(f"announcement{index}")
            button.set_texts(item.title, meta_line(item), excerpt(item.body))
            button.tapped.connect(lambda item=item: self._read(item))
            self._news_layout.addWidget(button)
            button.show()
            self._buttons.append(button)
        self._show_feature()
        if len(items) > 1:
            self._rotate.start()
        self._news_layout.addStretch(1)
        self._news_area.verticalScrollBar().setValue(0)

    @property
    def featured(self) -> int:
        """Which announcement shows its first lines now (rotates every ``ROTATE_MS``)."""
        return self._featured

    def _show_feature(self) -> None:
        for index, button in enumerate(self._buttons):
            button.set_expanded(index == self._featured)
        if self._buttons:
            self._news_area.ensureWidgetVisible(self._buttons[self._featured], 0, 0)

    def _next_feature(self) -> None:
        if (self._reader is not None and self._reader.isVisible()) or not self._items:
            return
        self._featured = (self._featured + 1) % len(self._items)
        self._show_feature()

    # ---- state --------------------------------------------------------------------------------

    def show_state(self, state: KioskState) -> None:
        items = state.announcements[:MAX_ANNOUNCEMENTS]
        visit = state.visit
        reading = visit.reading if isinstance(visit, Attract) else None
        key = (state.announcements, current_language(), reading)
        if key == self._shown:
            return
        if self._shown is None or key[:2] != self._shown[:2]:
            self._build_list(items)
        self._shown = key
        item = next((a for a in state.announcements if a.id == reading), None)
        if item is None:
            if self._reader is not None:
                self._reader.hide()
            return
        self.reader.show_text(
            item.title, meta_line(item, long=True),
            [p for p in item.body.split("\n") if p.strip()],
            translate("AttractScreen", "看完了，关闭"))
