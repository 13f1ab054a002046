"""Assessment (计分考核): how far the current cycle is toward 600 points, when the next grading
is expected at this pace, the monthly points as a chart, every month and past cycles."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.api.models import Assessment, CycleOutcome, Section
from kiosk.records.assessment import Pace, chart_months, pace
from ui.i18n import fmt_date, fmt_month, fmt_month_long, fmt_month_short, fmt_number, translate
from ui.screens.record_terms import cycle_outcome
from ui.screens.sections import Page, ViewContext
from ui.widgets.buttons import TouchButton
from ui.widgets.charts import MonthBar, MonthlyPointsChart
from ui.widgets.common import make_card, make_label, set_style_property
from ui.widgets.progress import ProgressBar

CHART_MONTHS = 24


def progress_sentence(result: Pace) -> str:
    """"245.5 of 600 points; at this pace the next grading is expected around 2027-03"."""
    points = translate("Assessment", "本周期已得 %1 分，满 %2 分评定一次。").replace(
        "%1", fmt_number(result.points)).replace("%2", fmt_number(result.threshold))
    if result.reached:
        return points + translate("Assessment", "已达到 %1 分，预计 %2 评定。").replace(
            "%1", fmt_number(result.threshold)).replace(
            "%2", fmt_month_long(result.expected_grading or ""))
    if result.expected_grading is not None and result.per_month is not None:
        return points + translate(
            "Assessment", "按最近每月约 %1 分的进度，预计 %2 前后进行下一次评定。").replace(
            "%1", fmt_number(result.per_month)).replace(
            "%2", fmt_month_long(result.expected_grading))
    if result.per_month is None:
        return points + translate("Assessment", "考核记录还太少，暂时无法估计下一次评定时间。")
    return points + translate(
        "Assessment", "最近几个月的得分偏低，按这个进度暂时无法估计下一次评定时间。")


def how_points_work() -> tuple[str, list[str]]:
    """The one-tap explanation: a title and short paragraphs."""
    return translate("Assessment", "积分是怎么算的？"), [
        translate("Assessment",
                  "每个月有基础分 100 分，按监管改造、教育改造、劳动改造三方面的表现给分。"),
        translate("Assessment", "表现突出可以加分；违反规定会扣分。"
                  "受到警告扣 100 分，记过扣 200 分，禁闭扣 400 分。"),
        translate("Assessment", "每月得分累计起来，满 600 分为一个考核周期，"
                  "下个月进行评定：表扬、物质奖励或不予奖励。"),
        translate("Assessment", "表扬和物质奖励是减刑、假释的重要依据。"),
    ]


def _legend(page: Page) -> None:
    row = QHBoxLayout()
    row.setSpacing(28)
    for name, text, tone in (
        ("chartLegendBase", translate("Assessment", "■ 基础分"), "base"),
        ("chartLegendBonus", translate("Assessment", "■ 加分"), "good"),
        ("chartLegendDeduction", translate("Assessment", "▨ 扣分（零线以下）"), "bad"),
        ("chartLegendTotal", translate("Assessment", "━ 当月合计"), None),
    ):
        label = make_label("body", name, wrap=False)
        label.setText(text)
        if tone is not None:
            set_style_property(label, "tone", tone)
        row.addWidget(label)
    row.addStretch(1)
    page.column.addLayout(row)


def assessment_view(data: Assessment, context: ViewContext) -> QWidget:
    page = Page("assessmentView")
    result = pace(data)
    card = make_card("assessmentProgressCard")
    page.widget(card)
    points = make_label("metric", "assessmentPoints", wrap=False)
    points.setText(translate("Assessment", "%1 / %2 分").replace(
        "%1", fmt_number(data.cycle_points)).replace("%2", fmt_number(data.threshold)))
    if data.cycle_points < 0:
        set_style_property(points, "tone", "bad")
    card.column.addWidget(points)
    summary = make_label("lead", "assessmentSentence")
    summary.setText(progress_sentence(result))
    card.column.addWidget(summary)
    bar = ProgressBar("assessmentProgress")
    step = Decimal(100)
    ticks = [(step * i, fmt_number(step * i))
             for i in range(int(data.threshold / step) + 1)] if data.threshold > 0 else []
    bar.set_progress(data.cycle_points, data.threshold, ticks)
    bar.setAccessibleName(summary.text())
    card.column.addWidget(bar)
    row = QHBoxLayout()
    row.setSpacing(20)
    started = make_label("muted", "assessmentCycleStarted")
    started.setText(translate("Assessment", "本周期从 %1 开始计算。").replace(
        "%1", fmt_month_long(data.cycle_started)))
    row.addWidget(started, 1)
    help_button = TouchButton("pointsHelpButton", "link")
    help_button.set_label(translate("Assessment", "积分是怎么算的？点这里看说明"))
    help_button.tapped.connect(context.show_help)
    row.addWidget(help_button)
    card.column.addLayout(row)

    shown = chart_months(data, CHART_MONTHS)
    page.heading(translate("Assessment", "最近 %n 个月的得分", "", len(shown)),
                 "assessmentChartHeading")
    if shown:
        _legend(page)
        chart = MonthlyPointsChart("assessmentChart", [
            MonthBar(fmt_month_short(m.month), m.base, m.bonus, m.deduction, m.total)
            for m in shown])
        chart.setAccessibleName(translate("Assessment", "每月得分图"))
        page.widget(chart)
    page.heading(translate("Assessment", "每月得分明细"), "assessmentMonthsHeading")
    page.table_or_empty("assessmentMonths", [
        translate("Assessment", "月份"), translate("Assessment", "基础分"),
        translate("Assessment", "加分"), translate("Assessment", "扣分"),
        translate("Assessment", "合计"), translate("Assessment", "说明")],
        [[fmt_month(m.month), fmt_number(m.base), fmt_number(m.bonus),
          fmt_number(-m.deduction) if m.deduction else "0", fmt_number(m.total), m.note]
         for m in data.months],
        tones=["bad" if m.deduction else None for m in data.months])
    page.heading(translate("Assessment", "以往考核周期"), "assessmentCyclesHeading")
    page.table_or_empty("assessmentCycles", [
        translate("Assessment", "周期结束"), translate("Assessment", "分数"),
        translate("Assessment", "评定结果"), translate("Assessment", "评定日期")],
        [[fmt_month(c.closed), fmt_number(c.points), cycle_outcome(c.outcome),
          fmt_date(c.graded_on)] for c in data.cycles],
        tones=["bad" if c.outcome is CycleOutcome.NO_REWARD else "good" for c in data.cycles],
        empty=translate("Assessment", "还没有完成的考核周期。"))
    page.footer(Section.ASSESSMENT, data.as_of, context)
    return page
