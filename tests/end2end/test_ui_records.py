"""The four record sections as a family sees them, tapped through against the reference server's
synthetic families: progress toward 600 with the expected grading, the points chart, the
sentence timeline with stages and days remaining, rewards apart from punishments, money exact to
the fen, the reform grid; "as of", "no records yet", and one failed section with retry."""

from __future__ import annotations

from decimal import Decimal

from kiosk.api.models import Section, SentenceChangeStage
from kiosk.records.assessment import pace
from kiosk.records.sentence import timeline
from kiosk.timefmt import beijing
from ui.i18n import fmt_money, fmt_month_long, fmt_number
from ui.widgets.charts import MonthlyPointsChart
from ui.widgets.grid_table import GridTable
from ui.widgets.progress import ProgressBar
from ui.widgets.timeline import StageSteps


def cred(demo_credentials, note: str, index: int = 0):
    return [c for c in demo_credentials if c.note == note][index]


def open_records(kiosk, credential, section: str | None = None):
    kiosk.wait_screen("attract")
    kiosk.sign_in(credential.id_number, credential.reference_number)
    kiosk.wait_screen("records")
    kiosk.qtbot.waitUntil(lambda: kiosk.text("profileName") != "", timeout=15_000)
    if section is not None:
        kiosk.tap(f"tab_{section}")
        kiosk.qtbot.waitUntil(lambda: kiosk.is_visible(f"{section}View"), timeout=15_000)
    return kiosk.window.controller.state.visit


def section_data(kiosk, section: Section):
    return kiosk.window.controller.state.visit.loaded_sections()[section]


def table(kiosk, name: str) -> GridTable:
    return kiosk.visible(name, GridTable)


def listed(kiosk, name: str) -> int:
    """Rows of the table ``name``, or 0 when "no records yet" stands in its place."""
    if kiosk.is_visible(f"{name}Empty"):
        assert not kiosk.exists(name)
        return 0
    return table(kiosk, name).rowCount()


def money(text: str) -> Decimal:
    """"+1,000.00 元" → Decimal("1000.00"); two decimals or it is not shown exactly."""
    digits = text.replace("元", "").replace(",", "").strip()
    assert digits.rsplit(".", 1)[-1].isdigit() and len(digits.rsplit(".", 1)[-1]) == 2
    return Decimal(digits)


def column(widget: GridTable, index: int) -> list[str]:
    return [widget.text(r, index) for r in range(widget.rowCount())]


def test_assessment_shows_progress_pace_chart_cycles_and_how_points_work(
        make_kiosk, demo_credentials):
    kiosk = make_kiosk()
    open_records(kiosk, cred(demo_credentials, "ten years of assessments"), "assessment")
    data = section_data(kiosk, Section.ASSESSMENT)
    result = pace(data)
    sentence = kiosk.text("assessmentSentence")
    assert f"{fmt_number(data.cycle_points)} 分" in sentence and "600 分" in sentence
    assert result.expected_grading is not None
    assert fmt_month_long(result.expected_grading) in sentence
    bar = kiosk.visible("assessmentProgress", ProgressBar)
    assert abs(bar.fraction() - float(data.cycle_points / data.threshold)) < 1e-9
    assert bar.drawn_texts()[-1] == "600"
    # Ten years of months: the chart takes the newest 24, oldest first; every month is listed.
    chart = kiosk.visible("assessmentChart", MonthlyPointsChart)
    assert len(chart.bars) == 24 and len(data.months) > 100
    assert [b.total for b in chart.bars] == [m.total for m in data.months[:24]][::-1]
    assert table(kiosk, "assessmentMonths").rowCount() == len(data.months)
    cycles = table(kiosk, "assessmentCycles")
    assert cycles.rowCount() == len(data.cycles)
    assert set(column(cycles, 2)) <= {"表扬", "物质奖励", "不予奖励"}
    # One tap explains how points work; one tap closes it.
    kiosk.tap("pointsHelpButton")
    assert kiosk.is_visible("pointsHelp")
    assert "600" in kiosk.text("pointsHelpBody2") and "400" in kiosk.text("pointsHelpBody1")
    kiosk.tap("pointsHelpClose")
    assert not kiosk.is_visible("pointsHelp")


def test_deductions_are_drawn_below_zero_and_listed_in_red(make_kiosk, demo_credentials):
    kiosk = make_kiosk()
    open_records(kiosk, cred(demo_credentials, "negative points after 禁闭"), "assessment")
    data = section_data(kiosk, Section.ASSESSMENT)
    chart = kiosk.visible("assessmentChart", MonthlyPointsChart)
    low, _ = chart.value_range()
    assert low <= -400  # the month of 禁闭
    assert "无法估计" in kiosk.text("assessmentSentence")  # a falling total has no forecast
    months = table(kiosk, "assessmentMonths")
    penalised = [r for r, m in enumerate(data.months) if m.deduction]
    assert penalised
    for r in penalised:
        assert months.text(r, 3).startswith("-")
        assert months.color(r, 0).name() != months.color(
            next(i for i, m in enumerate(data.months) if not m.deduction), 0).name()


def test_the_sentence_timeline_shows_the_case_at_its_stage_and_the_days_left(
        make_kiosk, demo_credentials):
    kiosk = make_kiosk()
    visit = open_records(kiosk, cred(demo_credentials, "reduction at 公示 stage"), "rewards")
    rewards = section_data(kiosk, Section.REWARDS)
    today = beijing(kiosk.services.clock()).date()
    line = timeline(visit.loaded_profile.sentence, rewards.sentence_changes, today)
    assert f"{line.days_remaining} 天" in kiosk.text("daysRemaining")
    steps = kiosk.visible("sentenceChange0Steps", StageSteps)  # the newest case first
    assert steps.reached == 1 and steps.drawn_texts() == ["呈报", "公示", "提请", "裁定"]
    assert "目前进度：公示" in kiosk.text("sentenceChange0Stage")
    newest = max(rewards.sentence_changes, key=lambda c: c.date)
    assert newest.stage is SentenceChangeStage.PUBLICISED
    assert newest.detail in kiosk.text("sentenceChange0Detail")
    timeline_widget = kiosk.visible("sentenceTimeline")
    assert any(str(line.current_end) in t for t in timeline_widget.drawn_texts())


def test_punishments_are_listed_apart_from_rewards(make_kiosk, demo_credentials):
    kiosk = make_kiosk()
    open_records(kiosk, cred(demo_credentials, "negative points after 禁闭"), "rewards")
    rewards = section_data(kiosk, Section.REWARDS)
    punished = [i for i in rewards.items if i.kind.is_punishment]
    assert punished
    listed = table(kiosk, "punishmentItems")
    assert listed.rowCount() == len(punished)
    assert all(text.startswith("⚠ ") for text in column(listed, 1))
    assert [listed.text(r, 2) for r in range(listed.rowCount())] == [
        i.reason for i in punished]
    assert f"{len(punished)} 次" in kiosk.text("punishmentCount")
    if kiosk.exists("rewardItems"):
        assert "禁闭" not in column(table(kiosk, "rewardItems"), 1)


def test_living_shows_money_exact_to_the_fen_in_and_out_apart(make_kiosk, demo_credentials):
    kiosk = make_kiosk()
    open_records(kiosk, cred(demo_credentials, "one inmate", 3), "living")
    living = section_data(kiosk, Section.LIVING)
    assert kiosk.text("livingBalance") == fmt_money(living.account.balance)
    assert kiosk.text("livingLimit") == fmt_money(living.account.monthly_limit)
    assert money(kiosk.text("livingBalance")) == living.account.balance
    rows = table(kiosk, "transactions")
    assert rows.rowCount() == len(living.transactions)
    for r, t in enumerate(living.transactions):
        assert money(rows.text(r, 3)) == t.amount  # exact to the fen, signed
        assert rows.text(r, 1) == ("存入" if t.amount > 0 else "支出")
    assert "已消费" in kiosk.text("livingSpent")
    assert table(kiosk, "contactsSummary").rowCount() == 6


def test_an_empty_living_section_says_no_records_yet(make_kiosk, demo_credentials):
    kiosk = make_kiosk()
    open_records(kiosk, cred(demo_credentials, "empty living section"), "living")
    assert kiosk.text("livingBalance") == "0.00 元"
    for name in ("transactionsEmpty", "healthChecksEmpty", "contactsEmpty"):
        assert kiosk.text(name) == "暂无记录。"
    assert not kiosk.exists("transactions")
    assert "数据截至" in kiosk.text("livingAsOf")


def test_newly_admitted_sections_say_no_records_yet(make_kiosk, demo_credentials):
    kiosk = make_kiosk()
    open_records(kiosk, cred(demo_credentials,
                             "newly admitted: empty reform, assessment and rewards sections"),
                 "reform")
    assert kiosk.text("reformMonthlyEmpty") == "暂无记录。"
    kiosk.tap("tab_assessment")
    kiosk.qtbot.waitUntil(lambda: kiosk.is_visible("assessmentView"), timeout=5000)
    assert "太少" in kiosk.text("assessmentSentence")
    assert not kiosk.exists("assessmentChart")
    kiosk.tap("tab_rewards")
    kiosk.qtbot.waitUntil(lambda: kiosk.is_visible("rewardsView"), timeout=5000)
    assert kiosk.text("punishmentItemsEmpty") == "没有处罚记录。"


def test_reform_grades_form_a_yearly_grid(make_kiosk, demo_credentials):
    kiosk = make_kiosk()
    open_records(kiosk, cred(demo_credentials, "one inmate", 5), "reform")
    reform = section_data(kiosk, Section.REFORM)
    grid = table(kiosk, "reformMonthly")
    assert (grid.rowCount(), grid.columnCount()) == (3, 13)
    newest = reform.monthly[0]
    year, month = (int(p) for p in newest.month.split("-"))
    assert grid.header(0) == str(year)
    assert [grid.text(r, month) for r in range(3)] == [
        newest.ideology, newest.education, newest.labour]
    assert listed(kiosk, "reformCourses") == len(reform.courses)
    assert listed(kiosk, "reformCertificates") == len(reform.certificates)


def test_every_section_says_as_of_when_and_offers_an_enquiry(make_kiosk, demo_credentials):
    kiosk = make_kiosk()
    open_records(kiosk, cred(demo_credentials, "one inmate", 6))
    for section in ("reform", "assessment", "rewards", "living"):
        kiosk.tap(f"tab_{section}")
        kiosk.qtbot.waitUntil(lambda s=section: kiosk.is_visible(f"{s}View"), timeout=5000)
        assert "2026-11-27 08:00" in kiosk.text(f"{section}AsOf")
        assert kiosk.button(f"{section}Enquiry").isEnabled()


def test_a_failed_section_offers_retry_and_keeps_the_others(make_kiosk, demo_credentials,
                                                            central_faults):
    visitor = cred(demo_credentials, "one inmate", 7)
    inmate = visitor.inmate_ids[0]
    central_faults.inject(f"/inmates/{inmate}/living", method="GET", kind="drop", times=None)
    kiosk = make_kiosk()
    open_records(kiosk, visitor)
    kiosk.tap("tab_living")
    kiosk.qtbot.waitUntil(lambda: kiosk.is_visible("livingError"), timeout=15_000)
    assert kiosk.button("livingRetry").isVisible()
    for section in ("reform", "assessment", "rewards"):
        kiosk.tap(f"tab_{section}")
        assert kiosk.is_visible(f"{section}View")
    central_faults.clear()
    kiosk.qtbot.wait(650)  # the living tab was tapped a moment ago (its debounce)
    kiosk.tap("tab_living")
    kiosk.tap("livingRetry")
    kiosk.qtbot.waitUntil(lambda: kiosk.is_visible("livingView"), timeout=15_000)


def test_a_mongolian_name_is_shown_whole(make_kiosk, demo_credentials):
    kiosk = make_kiosk(size=(1280, 800))
    open_records(kiosk, cred(demo_credentials, "Mongolian name"))
    label = kiosk.visible("profileName")
    assert label.text() == "巴特尔·额尔敦"
    assert label.sizeHint().width() <= label.width()
