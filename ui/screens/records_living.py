"""Living (生活卫生): the balance and monthly limit in large type, what was spent this month,
money in and out told apart (in words and colour, exact to the fen), health checks, and the
visits and calls of recent months."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.api.models import ContactType, Living, Section
from kiosk.records.living import contacts_by_month, is_incoming, spent_in_month
from kiosk.records.months import month_of
from kiosk.timefmt import beijing
from ui.i18n import fmt_date, fmt_money, fmt_month, fmt_month_long, translate
from ui.screens.record_terms import contact_type, transaction_type
from ui.screens.sections import Page, ViewContext
from ui.widgets.common import make_card, make_label, set_style_property
from ui.widgets.progress import ProgressBar

CONTACT_MONTHS = 6


def _metric(grid: QGridLayout, column: int, name: str, title: str, value: str,
            tone: str | None = None) -> None:
    label = make_label("metricLabel", f"{name}Label")
    label.setText(title)
    number = make_label("metric", name, wrap=False)
    number.setText(value)
    if tone is not None:
        set_style_property(number, "tone", tone)
    grid.addWidget(label, 0, column)
    grid.addWidget(number, 1, column)


def living_view(data: Living, context: ViewContext) -> QWidget:
    page = Page("livingView")
    account = data.account
    month = month_of(beijing(data.as_of).date())
    spent = spent_in_month(data.transactions, month)
    card = make_card("accountCard")
    page.widget(card)
    grid = QGridLayout()
    grid.setHorizontalSpacing(48)
    grid.setVerticalSpacing(2)
    _metric(grid, 0, "livingBalance", translate("Living", "账户余额"),
            fmt_money(account.balance), "bad" if account.balance < 0 else None)
    _metric(grid, 1, "livingLimit", translate("Living", "每月消费限额"),
            fmt_money(account.monthly_limit))
    grid.setColumnStretch(2, 1)
    card.column.addLayout(grid)
    spending = make_label("body", "livingSpent")
    spending.setText(translate("Living", "%1 已消费 %2，还可消费 %3。").replace(
        "%1", fmt_month_long(month)).replace("%2", fmt_money(spent)).replace(
        "%3", fmt_money(max(account.monthly_limit - spent, account.monthly_limit * 0))))
    card.column.addWidget(spending)
    bar = ProgressBar("livingSpentBar")
    bar.set_progress(spent, account.monthly_limit)
    bar.setAccessibleName(spending.text())
    card.column.addWidget(bar)

    page.heading(translate("Living", "近期收支"), "transactionsHeading")
    page.table_or_empty("transactions", [
        translate("Living", "日期"), translate("Living", "收入/支出"),
        translate("Living", "类型"), translate("Living", "金额"), translate("Living", "说明")],
        [[fmt_date(t.date),
          translate("Living", "存入") if is_incoming(t) else translate("Living", "支出"),
          transaction_type(t.type), fmt_money(t.amount, signed=True), t.description]
         for t in data.transactions],
        tones=["good" if is_incoming(t) else "bad" for t in data.transactions],
        stretch_column=4)
    page.heading(translate("Living", "健康检查"), "healthHeading")
    page.table_or_empty("healthChecks", [
        translate("Living", "日期"), translate("Living", "项目"), translate("Living", "结果")],
        [[fmt_date(h.date), h.item, h.result] for h in data.health], stretch_column=2)

    page.heading(translate("Living", "最近 %n 个月的会见和亲情电话", "", CONTACT_MONTHS),
                 "contactsHeading")
    if data.contacts:
        summary = contacts_by_month(data.contacts, month, CONTACT_MONTHS)
        kinds = list(ContactType)
        page.table_or_empty("contactsSummary", [
            translate("Living", "月份"), *(contact_type(k) for k in kinds)],
            [[fmt_month(m), *(translate("Living", "%n 次", "", counts[k]) for k in kinds)]
             for m, counts in summary])
    page.table_or_empty("contacts", [
        translate("Living", "日期"), translate("Living", "方式"), translate("Living", "时长")],
        [[fmt_date(c.date), contact_type(c.type),
          translate("Living", "%n 分钟", "", c.minutes)] for c in data.contacts],
        stretch_column=1)
    page.footer(Section.LIVING, data.as_of, context)
    return page
