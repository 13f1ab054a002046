"""The points assessment in a sentence: how far the current cycle is, and at the pace of recent
months, when the next grading is expected.

Under the 2021 rules a cycle closes when the running total reaches the threshold (600) and is
graded the month after. The pace is the average monthly total of the newest ``PACE_MONTHS``
months (fewer when there are fewer), whatever cycle they belong to: a bad month (a 禁闭 costs
400 and the month's base) slows the pace as it slows the total.

Worked table (threshold 600, newest month 2026-10):

| cycle points | recent totals        | per month | months to go | reached  | graded around |
| ------------ | -------------------- | --------- | ------------ | -------- | ------------- |
| 245.5        | 100, 110, 99, 112.5  | 105.4     | 4            | 2027-02  | 2027-03       |
| 600          | 100                  | 100       | 0            | 2026-10  | 2026-11       |
| -310         | -300, 100            | -100      | None         | -        | None          |
| 50           | (none)               | None      | None         | -        | None          |
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from kiosk.api.models import Assessment, AssessmentMonth
from kiosk.records.months import shift_month

PACE_MONTHS = 6
LONGEST_FORECAST_MONTHS = 60
"""A forecast further out than five years says nothing useful; none is given."""


@dataclass(frozen=True)
class Pace:
    points: Decimal
    threshold: Decimal
    per_month: Decimal | None
    """Average monthly total of the recent months, one decimal; None without months."""
    months_used: int
    months_to_go: int | None
    """Months until the threshold at this pace; 0 when it is reached; None when it will not
    be reached at this pace (or not within five years)."""
    expected_grading: str | None
    """``YYYY-MM`` of the expected grading: the month after the threshold is reached."""

    @property
    def remaining(self) -> Decimal:
        return max(self.threshold - self.points, Decimal(0))

    @property
    def reached(self) -> bool:
        return self.points >= self.threshold


def pace(assessment: Assessment, recent: int = PACE_MONTHS) -> Pace:
    months = assessment.months[:recent]
    points, threshold = assessment.cycle_points, assessment.threshold
    latest = assessment.months[0].month if assessment.months else assessment.cycle_started
    if points >= threshold:
        per_month = _average(months) if months else None
        return Pace(points, threshold, per_month, len(months), 0, shift_month(latest, 1))
    if not months:
        return Pace(points, threshold, None, 0, None, None)
    per_month = _average(months)
    if per_month <= 0:
        return Pace(points, threshold, per_month, len(months), None, None)
    to_go = math.ceil((threshold - points) / per_month)
    if to_go > LONGEST_FORECAST_MONTHS:
        return Pace(points, threshold, per_month, len(months), None, None)
    return Pace(points, threshold, per_month, len(months), to_go,
                shift_month(latest, to_go + 1))


def _average(months: list[AssessmentMonth]) -> Decimal:
    total = sum((m.total for m in months), Decimal(0))
    return (total / len(months)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def chart_months(assessment: Assessment, count: int = 24) -> list[AssessmentMonth]:
    """The newest ``count`` months, oldest first (left to right on a chart)."""
    return list(reversed(assessment.months[:count]))
