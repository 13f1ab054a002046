"""Plain answers from the records: pace, timeline, spending, contacts, reform grid. Checked on
hand-made answers (the worked tables) and on the reference server's synthetic families."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from kiosk.api.models import (
    Assessment,
    AssessmentMonth,
    Contact,
    ContactType,
    ReformMonth,
    Sentence,
    SentenceChange,
    SentenceChangeKind,
    SentenceChangeStage,
    Transaction,
    TransactionType,
)
from kiosk.records.assessment import chart_months, pace
from kiosk.records.living import contacts_by_month, is_incoming, spent_in_month
from kiosk.records.months import months_back, shift_month
from kiosk.records.reform import by_year
from kiosk.records.sentence import timeline
from kiosk.reference_server.data import generate

AS_OF = datetime(2026, 11, 27, tzinfo=UTC)


def assessment(points, totals, newest="2026-10", threshold=600) -> Assessment:
    months = [AssessmentMonth(month=shift_month(newest, -i), base=100, bonus=0,
                              deduction=max(100 - Decimal(str(t)), 0),
                              total=t) for i, t in enumerate(totals)]
    return Assessment(as_of=AS_OF, threshold=threshold, cycle_points=points,
                      cycle_started="2026-06", months=months, cycles=[])


@pytest.mark.parametrize(
    ("points", "totals", "per_month", "to_go", "graded"),
    [
        pytest.param(245.5, [100, 110, 99, 112.5], Decimal("105.4"), 4, "2027-03", id="example"),
        pytest.param(600, [100], Decimal(100), 0, "2026-11", id="reached"),
        pytest.param(-310, [-300, 100], Decimal(-100), None, None, id="negative-pace"),
        pytest.param(50, [], None, None, None, id="no-months"),
        pytest.param(0, [9] * 6, Decimal(9), None, None, id="beyond-five-years"),
        pytest.param(590, [100] * 8, Decimal(100), 1, "2026-12", id="six-newest-only"),
    ],
)
def test_pace_follows_the_worked_table(points, totals, per_month, to_go, graded):
    result = pace(assessment(points, totals))
    assert (result.per_month, result.months_to_go, result.expected_grading) == (
        per_month, to_go, graded)


def test_pace_uses_only_the_newest_months():
    result = pace(assessment(0, [120] * 6 + [-400] * 10))
    assert result.per_month == 120 and result.months_used == 6


def test_a_year_turns_over_in_month_arithmetic():
    assert shift_month("2026-10", 4) == "2027-02"
    assert shift_month("2026-01", -1) == "2025-12"
    assert months_back("2026-02", 3) == ["2026-02", "2026-01", "2025-12"]


def test_ten_years_of_assessments_chart_the_newest_24_months_oldest_first():
    data = generate()
    credential = next(c for c in data.credentials() if c.note == "ten years of assessments")
    records = data.inmate(credential.inmate_ids[0])
    months = records.assessment.months
    assert len(months) > 100
    chart = chart_months(records.assessment)
    assert [m.month for m in chart] == [m.month for m in months[:24]][::-1]
    result = pace(records.assessment)
    assert result.per_month is not None and result.expected_grading is not None


def test_negative_points_after_confinement_give_no_forecast():
    data = generate()
    credential = next(c for c in data.credentials() if c.note == "negative points after 禁闭")
    result = pace(data.inmate(credential.inmate_ids[0]).assessment)
    assert result.points < 0 and result.expected_grading is None


SENTENCE = Sentence(term="有期徒刑八年", start=date(2020, 3, 1), end=date(2028, 2, 29),
                    current_end=date(2027, 6, 29))


def change(day, stage, kind=SentenceChangeKind.REDUCTION) -> SentenceChange:
    return SentenceChange(kind=kind, stage=stage, date=day, detail="减刑八个月")


def test_the_timeline_orders_cases_and_marks_pending_stages():
    line = timeline(SENTENCE, [change(date(2026, 11, 24), SentenceChangeStage.PUBLICISED),
                               change(date(2023, 5, 2), SentenceChangeStage.RULED)],
                    today=date(2026, 11, 27))
    assert [s.change.date for s in line.steps] == [date(2023, 5, 2), date(2026, 11, 24)]
    assert [s.stage_index for s in line.steps] == [3, 1]
    assert [s.pending for s in line.steps] == [False, True]
    assert line.days_remaining == (date(2027, 6, 29) - date(2026, 11, 27)).days == 214
    assert line.days_reduced == (date(2028, 2, 29) - date(2027, 6, 29)).days
    assert line.position(SENTENCE.start) == 0.0 and line.position(date(2030, 1, 1)) == 1.0
    assert 0.8 < line.position(date(2026, 11, 27)) < 0.95


def test_days_remaining_is_never_negative():
    line = timeline(SENTENCE, [], today=date(2027, 7, 1))
    assert line.days_remaining == 0 and line.released


def test_the_reduction_at_publicity_stage_is_pending_in_the_demo_data():
    data = generate()
    credential = next(c for c in data.credentials() if c.note == "reduction at 公示 stage")
    records = data.inmate(credential.inmate_ids[0])
    line = timeline(records.profile.sentence, records.rewards.sentence_changes, AS_OF.date())
    assert line.steps[-1].change.stage is SentenceChangeStage.PUBLICISED
    assert line.pending == (line.steps[-1],)


def money(text: str) -> Decimal:
    return Decimal(text)


def test_spending_this_month_counts_only_spending_exactly():
    items = [
        Transaction(date=date(2026, 11, 3), type=TransactionType.SPENDING, amount=money("-45.50")),
        Transaction(date=date(2026, 11, 9), type=TransactionType.SPENDING, amount=money("-0.10")),
        Transaction(date=date(2026, 11, 9), type=TransactionType.DEDUCTION, amount=money("-20")),
        Transaction(date=date(2026, 11, 1), type=TransactionType.DEPOSIT, amount=money("500")),
        Transaction(date=date(2026, 10, 30), type=TransactionType.SPENDING, amount=money("-9")),
    ]
    assert spent_in_month(items, "2026-11") == Decimal("45.60")
    assert [is_incoming(t) for t in items] == [False, False, False, True, False]


def test_contacts_are_counted_per_month_with_empty_months():
    contacts = [Contact(date=date(2026, 11, 2), type=ContactType.PHONE, minutes=10),
                Contact(date=date(2026, 11, 20), type=ContactType.PHONE, minutes=10),
                Contact(date=date(2026, 9, 5), type=ContactType.IN_PERSON, minutes=30)]
    summary = contacts_by_month(contacts, "2026-11", 3)
    assert [m for m, _ in summary] == ["2026-11", "2026-10", "2026-09"]
    assert summary[0][1][ContactType.PHONE] == 2 and summary[1][1][ContactType.PHONE] == 0
    assert summary[2][1][ContactType.IN_PERSON] == 1


def test_reform_months_fall_into_year_rows():
    months = [ReformMonth(month=m, ideology="好", education="良", labour="中")
              for m in ("2026-02", "2026-01", "2025-12")]
    grid = by_year(months)
    assert [year for year, _ in grid] == [2026, 2025]
    assert sorted(grid[0][1]) == [1, 2] and list(grid[1][1]) == [12]
