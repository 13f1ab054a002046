"""Beijing time for everything a family or an officer reads (times are stored with offsets)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

BEIJING = timezone(timedelta(hours=8), "Asia/Shanghai")
MINUTE_FORMAT = "%Y-%m-%d %H:%M"


def beijing(moment: datetime) -> datetime:
    """The same instant in Beijing time; naive datetimes are a bug and are refused."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: every time in the kiosk carries its offset")
    return moment.astimezone(BEIJING)


def beijing_text(moment: datetime) -> str:
    """``2026-11-27 10:15``: how screens, slips and commands print a moment."""
    return beijing(moment).strftime(MINUTE_FORMAT)
