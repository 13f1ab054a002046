"""Monthly reform evaluations as a compact grid: one row per year, twelve month columns."""

from __future__ import annotations

from kiosk.api.models import ReformMonth


def by_year(monthly: list[ReformMonth]) -> list[tuple[int, dict[int, ReformMonth]]]:
    """``[(2026, {10: ..., 9: ...}), (2025, {...})]``, newest year first."""
    years: dict[int, dict[int, ReformMonth]] = {}
    for month in monthly:
        year, number = (int(part) for part in month.month.split("-"))
        years.setdefault(year, {})[number] = month
    return sorted(years.items(), reverse=True)
