"""The views of the four record sections (and the profile header), built from API models.

Plain, legible first versions: a sentence on top, tables below, "no records yet" instead of an
empty table, the "as of" time at the bottom. Issue 5 turns them into charts and timelines.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.api.models import Assessment, Living, Profile, Reform, Rewards, Section
from kiosk.timefmt import beijing
from ui.i18n import translate
from ui.widgets.common import make_label

ROW_PX = 62
RED = QColor("#A0150F")
GREEN = QColor("#14622A")


def fmt_date(value: date) -> str:
    return value.strftime("%Y-%m-%d")


def fmt_time(value: datetime) -> str:
    return beijing(value).strftime("%Y-%m-%d %H:%M")


def fmt_money(value: Decimal) -> str:
    sign = "-" if value < 0 else ""
    return f"{sign}¥{abs(value):,.2f}"


def fmt_points(value: Decimal) -> str:
    if value == value.to_integral_value():
        return str(int(value))
    return str(value.quantize(Decimal("0.1")))


def section_title(section: Section) -> str:
    return {
        Section.REFORM: translate("Sections", "改造表现"),
        Section.ASSESSMENT: translate("Sections", "计分考核"),
        Section.REWARDS: translate("Sections", "奖惩与刑罚变更"),
        Section.LIVING: translate("Sections", "生活卫生"),
    }[section]


class RecordTable(QTableWidget):
    """A read-only table as tall as its rows: the page around it scrolls, not the table.

    Rows wrap long text; their heights are recomputed whenever the width changes, because
    wrapping depends on the width the layout finally gives the table.
    """

    def __init__(self, object_name: str, headers: Sequence[str],
                 rows: Sequence[Sequence[str]], colors: Sequence[QColor | None] | None,
                 stretch_column: int | None) -> None:
        super().__init__(len(rows), len(headers))
        self.setObjectName(object_name)
        self.setHorizontalHeaderLabels(list(headers))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setMinimumSectionSize(ROW_PX)
        self.verticalHeader().setDefaultSectionSize(ROW_PX)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        last = len(headers) - 1 if stretch_column is None else stretch_column
        header.setSectionResizeMode(last, QHeaderView.ResizeMode.Stretch)
        for r, row in enumerate(rows):
            color = colors[r] if colors is not None else None
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                if color is not None:
                    item.setForeground(QBrush(color))
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


def make_table(object_name: str, headers: Sequence[str], rows: Sequence[Sequence[str]],
               *, colors: Sequence[QColor | None] | None = None,
               stretch_column: int | None = None) -> QTableWidget:
    return RecordTable(object_name, headers, rows, colors, stretch_column)


class _Page(QWidget):
    """A section's content: headings, sentences and tables stacked top to bottom."""

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

    def text(self, text: str, name: str, role: str = "body") -> None:
        label = make_label(role, name)
        label.setText(text)
        self.column.addWidget(label)

    def table_or_empty(self, name: str, headers: Sequence[str], rows: Sequence[Sequence[str]],
                       **kw: object) -> None:
        if not rows:
            self.text(translate("Sections", "暂无记录。"), f"{name}Empty", "muted")
            return
        self.column.addWidget(make_table(name, headers, rows, **kw))  # type: ignore[arg-type]

    def as_of(self, moment: datetime, name: str) -> None:
        self.column.addSpacing(6)
        self.text(translate("Sections", "数据截至 %1").replace("%1", fmt_time(moment)),
                  name, "muted")
        self.column.addStretch(1)


def reform_view(data: Reform) -> QWidget:
    page = _Page("reformView")
    page.heading(translate("Sections", "每月考评"), "reformMonthlyHeading")
    page.table_or_empty("reformMonthly", [
        translate("Sections", "月份"), translate("Sections", "思想"),
        translate("Sections", "教育"), translate("Sections", "劳动"),
        translate("Sections", "备注")],
        [[m.month, m.ideology, m.education, m.labour, m.remark] for m in data.monthly])
    page.heading(translate("Sections", "学习课程"), "reformCoursesHeading")
    page.table_or_empty("reformCourses", [
        translate("Sections", "课程"), translate("Sections", "学期"),
        translate("Sections", "成绩"), translate("Sections", "结果")],
        [[c.name, c.term, "" if c.score is None else str(c.score), c.result]
         for c in data.courses], stretch_column=0)
    page.heading(translate("Sections", "获得证书"), "reformCertificatesHeading")
    page.table_or_empty("reformCertificates", [
        translate("Sections", "证书"), translate("Sections", "取得日期")],
        [[c.name, fmt_date(c.issued_on)] for c in data.certificates], stretch_column=0)
    page.as_of(data.as_of, "reformAsOf")
    return page


def assessment_view(data: Assessment) -> QWidget:
    page = _Page("assessmentView")
    page.text(translate(
        "Sections", "本考核周期（%1 起）已累计 %2 分，满 %3 分可参加一次评定。").replace(
        "%1", data.cycle_started).replace("%2", fmt_points(data.cycle_points)).replace(
        "%3", fmt_points(data.threshold)), "assessmentSummary", "lead")
    bar = QProgressBar()
    bar.setObjectName("assessmentProgress")
    bar.setRange(0, max(int(data.threshold * 10), 1))
    bar.setValue(max(min(int(data.cycle_points * 10), bar.maximum()), 0))
    bar.setTextVisible(False)
    bar.setFixedHeight(36)
    page.column.addWidget(bar)
    page.heading(translate("Sections", "每月得分"), "assessmentMonthsHeading")
    page.table_or_empty("assessmentMonths", [
        translate("Sections", "月份"), translate("Sections", "基础分"),
        translate("Sections", "加分"), translate("Sections", "扣分"),
        translate("Sections", "合计"), translate("Sections", "说明")],
        [[m.month, fmt_points(m.base), fmt_points(m.bonus),
          ("-" + fmt_points(m.deduction)) if m.deduction else "0", fmt_points(m.total), m.note]
         for m in data.months],
        colors=[RED if m.deduction else None for m in data.months])
    page.heading(translate("Sections", "以往考核周期"), "assessmentCyclesHeading")
    page.table_or_empty("assessmentCycles", [
        translate("Sections", "周期结束"), translate("Sections", "分数"),
        translate("Sections", "评定结果"), translate("Sections", "评定日期")],
        [[c.closed, fmt_points(c.points), c.outcome.value, fmt_date(c.graded_on)]
         for c in data.cycles])
    page.as_of(data.as_of, "assessmentAsOf")
    return page


def rewards_view(data: Rewards) -> QWidget:
    page = _Page("rewardsView")
    page.heading(translate("Sections", "刑罚变更（减刑、假释）"), "sentenceChangesHeading")
    page.table_or_empty("sentenceChanges", [
        translate("Sections", "日期"), translate("Sections", "类别"),
        translate("Sections", "进度"), translate("Sections", "内容"),
        translate("Sections", "机关")],
        [[fmt_date(c.date), c.kind.value, c.stage.value, c.detail, c.authority]
         for c in data.sentence_changes], stretch_column=3)
    page.heading(translate("Sections", "奖励与处罚"), "rewardItemsHeading")
    page.table_or_empty("rewardItems", [
        translate("Sections", "日期"), translate("Sections", "类别"),
        translate("Sections", "事由")],
        [[fmt_date(i.date), i.kind.value, i.reason] for i in data.items],
        colors=[RED if i.kind.is_punishment else None for i in data.items], stretch_column=2)
    page.as_of(data.as_of, "rewardsAsOf")
    return page


def living_view(data: Living) -> QWidget:
    page = _Page("livingView")
    page.text(translate("Sections", "账户余额：%1").replace(
        "%1", fmt_money(data.account.balance)), "livingBalance", "big")
    page.text(translate("Sections", "每月消费限额：%1").replace(
        "%1", fmt_money(data.account.monthly_limit)), "livingLimit", "lead")
    page.heading(translate("Sections", "近期收支"), "transactionsHeading")
    page.table_or_empty("transactions", [
        translate("Sections", "日期"), translate("Sections", "类型"),
        translate("Sections", "金额"), translate("Sections", "说明")],
        [[fmt_date(t.date), t.type.value, fmt_money(t.amount), t.description]
         for t in data.transactions],
        colors=[GREEN if t.amount > 0 else RED for t in data.transactions], stretch_column=3)
    page.heading(translate("Sections", "健康检查"), "healthHeading")
    page.table_or_empty("healthChecks", [
        translate("Sections", "日期"), translate("Sections", "项目"),
        translate("Sections", "结果")],
        [[fmt_date(h.date), h.item, h.result] for h in data.health], stretch_column=2)
    page.heading(translate("Sections", "会见与亲情电话"), "contactsHeading")
    page.table_or_empty("contacts", [
        translate("Sections", "日期"), translate("Sections", "方式"),
        translate("Sections", "时长")],
        [[fmt_date(c.date), c.type.value,
          translate("Sections", "%1 分钟").replace("%1", str(c.minutes))]
         for c in data.contacts], stretch_column=1)
    page.as_of(data.as_of, "livingAsOf")
    return page


def section_view(section: Section, data: object) -> QWidget:
    if isinstance(data, Reform):
        return reform_view(data)
    if isinstance(data, Assessment):
        return assessment_view(data)
    if isinstance(data, Rewards):
        return rewards_view(data)
    if isinstance(data, Living):
        return living_view(data)
    raise TypeError(f"no view for {section} holding {type(data).__name__}")


def profile_lines(profile: Profile) -> tuple[str, str, str]:
    """Name; where and how he is held; sentence and expected release (for the header)."""
    where = translate("Sections", "%1　%2　%3").replace("%1", profile.prison_name).replace(
        "%2", profile.ward).replace("%3", profile.treatment_level)
    sentence = translate("Sections", "%1（%2 起）　预计释放日期：%3").replace(
        "%1", profile.sentence.term).replace("%2", fmt_date(profile.sentence.start)).replace(
        "%3", fmt_date(profile.sentence.current_end))
    return profile.name, where, sentence
