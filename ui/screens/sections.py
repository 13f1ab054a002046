"""What the four record section views share: a page of headings, sentences, tables and painted
widgets; "no records yet" instead of an empty table; the "as of" time; the "something is wrong
here" button. Each section's view is its own module (``records_<section>.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.api.models import EnquirySection, Profile, Section
from kiosk.flow import events as ev
from kiosk.flow.events import Event
from ui.i18n import fmt_date, fmt_time, translate
from ui.widgets.buttons import TouchButton
from ui.widgets.common import make_card, make_label, set_style_property
from ui.widgets.grid_table import ALL, GridTable

ALL_COLUMNS = ALL
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
            set_style_property(label, "tone", tone)
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
        self.column.addWidget(GridTable(name, headers, rows, tones=tones,
                                        stretch=stretch_column))

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
