"""Date helpers for the synthetic records: months and Chinese numerals."""

from __future__ import annotations

from datetime import date


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (or earlier), clamped to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def month_key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def months_between(first: date, stop: date) -> list[date]:
    """First days of every month from ``first``'s month up to, not including, ``stop``'s month."""
    cursor = first.replace(day=1)
    end = stop.replace(day=1)
    result = []
    while cursor < end:
        result.append(cursor)
        cursor = add_months(cursor, 1)
    return result


_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1..99 in Chinese numerals: 8 → 八, 12 → 十二, 20 → 二十, 35 → 三十五."""
    if not 0 < n < 100:
        raise ValueError("only 1..99")
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    head = "十" if tens == 1 else _DIGITS[tens] + "十"
    return head + (_DIGITS[ones] if ones else "")


def duration_text(months: int) -> str:
    """42 → 三年六个月, 12 → 一年, 8 → 八个月."""
    years, rest = divmod(months, 12)
    text = f"{chinese_number(years)}年" if years else ""
    return text + (f"{chinese_number(rest)}个月" if rest else "")
