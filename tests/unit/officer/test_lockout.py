"""The PIN lockout rule, tested row by row from the worked table in its own docstring."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from kiosk.officer import lockout
from kiosk.officer.lockout import pin_lockout

BEIJING = timezone(timedelta(hours=8))
DAY = "2026-11-27"


def _time(text: str) -> datetime | None:
    return None if text == "-" else datetime.fromisoformat(f"{DAY}T{text}").replace(
        tzinfo=BEIJING
    )


def _table_rows() -> list[tuple[int, str, str, str, int]]:
    doc = lockout.pin_lockout.__doc__ or ""
    lines = [line.strip() for line in doc.splitlines()]
    rules = [i for i, line in enumerate(lines) if line.startswith("========")]
    assert len(rules) == 3, "the worked table lost its rst frame"
    rows = []
    for line in lines[rules[1] + 1 : rules[2]]:
        failures, last, now, until, delay = line.split()
        rows.append((int(failures), last, now, until, int(delay)))
    return rows


ROWS = _table_rows()


def test_the_table_is_not_empty() -> None:
    assert len(ROWS) >= 10


@pytest.mark.parametrize(
    ("failures", "last", "now", "until", "delay"),
    ROWS,
    ids=[f"{r[0]}-failures-at-{r[2]}" for r in ROWS],
)
def test_worked_table(failures: int, last: str, now: str, until: str, delay: int) -> None:
    state = pin_lockout(failures, _time(last), _time(now))  # type: ignore[arg-type]
    assert state.locked_until == _time(until)
    assert state.delay_s == delay
    assert state.locked is (until != "-")


def test_delays_never_shrink_as_failures_grow() -> None:
    delays = [lockout.delay_for(n) for n in range(0, 40)]
    assert delays == sorted(delays)
    assert delays[-1] == max(lockout.DELAYS_S)


def test_remaining_seconds_round_up_and_end_at_zero() -> None:
    last = _time("10:00:00")
    assert last is not None
    state = pin_lockout(3, last, last + timedelta(seconds=0.2))
    assert state.remaining_s(last + timedelta(seconds=0.2)) == 30
    assert state.remaining_s(last + timedelta(seconds=29.5)) == 1
    assert state.remaining_s(last + timedelta(seconds=31)) == 0
    assert pin_lockout(0, None, last).remaining_s(last) == 0
