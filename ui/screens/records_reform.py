"""Reform (改造表现): the monthly ideology, education and labour grades as a compact grid (a
year per table, a column per month), the remarks, courses with results, certificates."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.api.models import Reform, Section
from kiosk.records.reform import by_year
from ui.i18n import fmt_date, fmt_month, fmt_month_short, translate
from ui.screens.record_terms import GRADE_TONES, grade
from ui.screens.sections import ALL_COLUMNS, Page, ViewContext
from ui.widgets.grid_table import GridTable


def _year_grid(year: int, months: dict, name: str) -> GridTable:
    columns = list(range(1, 13))
    rows = [
        [translate("Reform", "思想")] + [grade(months[m].ideology) if m in months else ""
                                          for m in columns],
        [translate("Reform", "教育")] + [grade(months[m].education) if m in months else ""
                                          for m in columns],
        [translate("Reform", "劳动")] + [grade(months[m].labour) if m in months else ""
                                          for m in columns],
    ]
    headers = [str(year)] + [fmt_month_short(f"{year:04d}-{m:02d}") for m in columns]
    table = GridTable(name, headers, rows, stretch=ALL_COLUMNS)
    raw = [[months[m].ideology if m in months else "" for m in columns],
           [months[m].education if m in months else "" for m in columns],
           [months[m].labour if m in months else "" for m in columns]]
    for r, values in enumerate(raw):
        for c, value in enumerate(values):
            table.set_cell_tone(r, c + 1, GRADE_TONES.get(value))
    return table


def reform_view(data: Reform, context: ViewContext) -> QWidget:
    page = Page("reformView")
    page.heading(translate("Reform", "每月考评（思想、教育、劳动）"), "reformMonthlyHeading")
    if not data.monthly:
        page.text(translate("Sections", "暂无记录。"), "reformMonthlyEmpty", "muted")
    else:
        page.text(translate("Reform", "好、良、中、差四个等级；空格表示那个月还没有考评。"),
                  "reformGridHint", "muted")
    for index, (year, months) in enumerate(by_year(data.monthly)):
        page.widget(_year_grid(year, months, "reformMonthly" if index == 0
                               else f"reformMonthly{year}"))
    remarks = [m for m in data.monthly if m.remark]
    if remarks:
        page.heading(translate("Reform", "考评说明"), "reformRemarksHeading")
        page.table_or_empty("reformRemarks", [
            translate("Reform", "月份"), translate("Reform", "说明")],
            [[fmt_month(m.month), m.remark] for m in remarks], stretch_column=1)
    page.heading(translate("Reform", "学习课程"), "reformCoursesHeading")
    page.table_or_empty("reformCourses", [
        translate("Reform", "课程"), translate("Reform", "学期"),
        translate("Reform", "成绩"), translate("Reform", "结果")],
        [[c.name, c.term, "" if c.score is None else str(c.score), grade(c.result)]
         for c in data.courses],
        tones=[GRADE_TONES.get(c.result) for c in data.courses], stretch_column=0)
    page.heading(translate("Reform", "获得证书"), "reformCertificatesHeading")
    page.table_or_empty("reformCertificates", [
        translate("Reform", "证书"), translate("Reform", "取得日期")],
        [[c.name, fmt_date(c.issued_on)] for c in data.certificates], stretch_column=0)
    page.footer(Section.REFORM, data.as_of, context)
    return page
