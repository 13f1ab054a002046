"""Months as the API writes them (``YYYY-MM``): shift, compare, name the month of a day."""

from __future__ import annotations

from datetime import date


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def shift_month(month: str, months: int) -> str:
    """``shift_month("2026-10", 4) == "2027-02"``; negative goes back."""
    year, number = (int(part) for part in month.split("-"))
    index = year * 12 + (number - 1) + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def months_back(newest: str, count: int) -> list[str]:
    """``count`` months ending with ``newest``, newest first."""
    return [shift_month(newest, -i) for i in range(count)]
