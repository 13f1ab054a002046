"""What the four record section views share: a page of headings, sentences, tables and painted
widgets; "no records yet" instead of an empty table; the "as of" time; the "something is wrong
here" button. Each section's view is its own module (``records_<section>.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.api.models import EnquirySection, Profile, Section
from kiosk.flow import events as ev
from kiosk.flow.events import Event
from ui.display import colors, scaled_px
from ui.i18n import fmt_date, fmt_time, translate
from ui.widgets.buttons import TouchButton
from ui.widgets.common import make_card, make_label, repolish

ROW_PX = 62
ALL_COLUMNS = -1
"""``stretch_column`` for a grid: every column shares the width."""


def section_title(section: Section) -> str:
    return {
        Section.REFORM: translate("Sections", "改造表现"),
        Section.ASSESSMENT: translate("Sections", "计分考核"),
        Section.REWARDS: translate("Sections", "奖惩与刑罚变更"),
        Section.LIVING: translate("Sections", "生活卫生"),
    }[section]


@dataclass(frozen=True)
class ViewContext:
    """What a section view needs besides its data."""

    send: Callable[[Event], None]
    today: date
    """Beijing date, for "days remaining"."""
    profile: Profile | None
    """The header's profile once loaded (the sentence timeline needs it)."""
    show_help: Callable[[], None]
    """Open the "how points work" explanation."""


def tone_color(tone: str | None) -> QBrush | None:
    palette = colors()
    color = {"bad": palette.bad, "good": palette.good, "pending": palette.pending}.get(
        tone or "")
    return QBrush(color) if color is not None else None


class RecordTable(QTableWidget):
    """A read-only table as tall as its rows: the page around it scrolls, not the table.

    Rows wrap long text; their heights are recomputed whenever the width changes, because
    wrapping depends on the width the layout finally gives the table. ``tones`` colour whole
    rows (``bad``: deductions, punishments, spending; ``good``: deposits) — the text says the
    same, colour only helps.
    """

    def __init__(self, object_name: str, headers: Sequence[str],
                 rows: Sequence[Sequence[str]], tones: Sequence[str | None] | None,
                 stretch_column: int | None) -> None:
        super().__init__(len(rows), len(headers))
        self.setObjectName(object_name)
        self.setHorizontalHeaderLabels(list(headers))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setMinimumSectionSize(scaled_px(ROW_PX))
        self.verticalHeader().setDefaultSectionSize(scaled_px(ROW_PX))
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if stretch_column == ALL_COLUMNS:
            header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        else:
            last = len(headers) - 1 if stretch_column is None else stretch_column
            header.setSectionResizeMode(last, QHeaderView.ResizeMode.Stretch)
        for r, row in enumerate(rows):
            brush = tone_color(tones[r]) if tones is not None else None
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                if brush is not None:
                    item.setForeground(brush)
                self.setItem(r, c, item)
        # Touch scrolling is the page's job: a drag on the table must reach the page.
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self._fit_height()

    def _fit_height(self) -> None:
        self.resizeRowsToContents()
        rows = sum(self.rowHeight(r) for r in range(self.rowCount()))
        self.setFixedHeight(self.horizontalHeader().sizeHint().height() + rows
                            + 2 * self.frameWidth())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            # The header lays its sections out after this event; measure after it did.
            QTimer.singleShot(0, self, self._fit_height)


class Page(QWidget):
    """A section's content: headings, sentences, tables and pictures stacked top to bottom."""

    def __init__(self, object_name: str) -> None:
        super().__init__()
        self.setObjectName(object_name)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(4, 8, 20, 8)
        self.column.setSpacing(14)

    def heading(self, text: str, name: str) -> None:
        label = make_label("heading", name)
        label.setText(text)
        self.column.addSpacing(8)
        self.column.addWidget(label)

    def text(self, text: str, name: str, role: str = "body", tone: str | None = None,
             into: QVBoxLayout | None = None) -> None:
        label = make_label(role, name)
        label.setText(text)
        if tone is not None:
            label.setProperty("tone", tone)
            repolish(label)
        (into or self.column).addWidget(label)

    def widget(self, widget: QWidget) -> None:
        self.column.addWidget(widget)

    def table_or_empty(self, name: str, headers: Sequence[str], rows: Sequence[Sequence[str]],
                       *, tones: Sequence[str | None] | None = None,
                       stretch_column: int | None = None, empty: str | None = None) -> None:
        """The table, or a plain "no records yet" (``<name>Empty``) instead of an empty one."""
        if not rows:
            self.text(empty or translate("Sections", "暂无记录。"), f"{name}Empty", "muted")
            return
        self.column.addWidget(RecordTable(name, headers, rows, tones, stretch_column))

    def footer(self, section: Section, moment: datetime, context: ViewContext) -> None:
        """The "as of" time, and the way to say something here is wrong."""
        self.column.addSpacing(6)
        self.text(translate("Sections", "数据截至 %1（北京时间）").replace(
            "%1", fmt_time(moment)), f"{section.value}AsOf", "muted")
        card = make_card(f"{section.value}EnquiryCard")
        row = QHBoxLayout()
        row.setSpacing(20)
        hint = make_label("body", f"{section.value}EnquiryHint")
        hint.setText(translate("Sections", "觉得这部分内容有错误、缺漏或看不懂？"))
        button = TouchButton(f"{section.value}Enquiry", "secondary")
        button.set_label(translate("Sections", "我有疑问"))
        button.tapped.connect(
            lambda: context.send(ev.OpenEnquiry(EnquirySection(section.value))))
        row.addWidget(hint, 1)
        row.addWidget(button)
        card.column.addLayout(row)
        self.column.addWidget(card)
        self.column.addStretch(1)


def section_view(section: Section, data: object, context: ViewContext) -> QWidget:
    from ui.screens.records_assessment import assessment_view
    from ui.screens.records_living import living_view
    from ui.screens.records_reform import reform_view
    from ui.screens.records_rewards import rewards_view

    views: dict[Section, Callable[[object, ViewContext], QWidget]] = {
        Section.REFORM: reform_view,  # type: ignore[dict-item]
        Section.ASSESSMENT: assessment_view,  # type: ignore[dict-item]
        Section.REWARDS: rewards_view,  # type: ignore[dict-item]
        Section.LIVING: living_view,  # type: ignore[dict-item]
    }
    return views[section](data, context)


def profile_lines(profile: Profile) -> tuple[str, str, str]:
    """Name; where and how he is held; sentence and expected release (for the header)."""
    where = translate("Sections", "%1　%2　%3").replace("%1", profile.prison_name).replace(
        "%2", profile.ward).replace("%3", profile.treatment_level)
    sentence = translate("Sections", "%1（%2 起）　预计释放日期：%3").replace(
        "%1", profile.sentence.term).replace("%2", fmt_date(profile.sentence.start)).replace(
        "%3", fmt_date(profile.sentence.current_end))
    return profile.name, where, sentence
