"""Beijing time for everything a family or an officer reads (times are stored with offsets)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

BEIJING = timezone(timedelta(hours=8), "Asia/Shanghai")


def beijing(moment: datetime) -> datetime:
    """The same instant in Beijing time; naive datetimes are a bug and are refused."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: every time in the kiosk carries its offset")
    return moment.astimezone(BEIJING)
