"""Beijing time as families and officers read it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from kiosk.timefmt import BEIJING, beijing, beijing_text


@pytest.mark.parametrize(
    ("moment", "text"),
    [
        (datetime(2026, 11, 27, 2, 15, tzinfo=UTC), "2026-11-27 10:15"),
        (datetime(2026, 12, 31, 16, 30, tzinfo=UTC), "2027-01-01 00:30"),  # next day in Beijing
        (datetime(2026, 11, 27, 10, 15, 59, tzinfo=BEIJING), "2026-11-27 10:15"),
        (datetime(2026, 11, 26, 21, 15, tzinfo=timezone(timedelta(hours=-5))), "2026-11-27 10:15"),
    ],
    ids=["utc", "new-year-in-beijing-first", "already-beijing", "new-york"],
)
def test_beijing_text(moment: datetime, text: str) -> None:
    assert beijing_text(moment) == text
    assert beijing(moment).utcoffset() == timedelta(hours=8)


def test_a_naive_time_is_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        beijing_text(datetime(2026, 11, 27, 10, 15))
