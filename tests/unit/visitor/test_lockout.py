"""The local lockout, run row by row from the worked table in its own docstring."""

from __future__ import annotations

import inspect
import re
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.visitor.lockout import LockoutPolicy, lockout_state

BEIJING = timezone(timedelta(hours=8))
T0 = datetime(2026, 11, 27, 10, 0, tzinfo=BEIJING)


def _minutes(value: int) -> datetime:
    return T0 + timedelta(minutes=value)


def _table_rows() -> list[list[str]]:
    """Parse the reStructuredText simple table in lockout_state's docstring."""
    lines = (inspect.getdoc(lockout_state) or "").splitlines()
    rules = [i for i, line in enumerate(lines) if line.startswith("====")]
    assert len(rules) == 3, "the docstring must hold one simple table"
    starts = [m.start() for m in re.finditer("=+", lines[rules[0]])]
    rows = []
    for line in lines[rules[1] + 1 : rules[2]]:
        cells = [line[a:b].strip() for a, b in zip(starts, [*starts[1:], None], strict=True)]
        rows.append(cells)
    return rows


ROWS = _table_rows()


def test_the_table_is_not_empty() -> None:
    assert len(ROWS) >= 10


@pytest.mark.parametrize(
    ("failures", "now", "locked", "until", "left"),
    [row[:5] for row in ROWS],
    ids=[row[5] for row in ROWS],
)
def test_worked_table(failures: str, now: str, locked: str, until: str, left: str) -> None:
    times = [] if failures == "-" else [_minutes(int(m)) for m in failures.split()]
    state = lockout_state(times, _minutes(int(now)))
    assert state.locked is (locked == "yes")
    assert state.until == (None if until == "-" else _minutes(int(until)))
    assert state.attempts_left == int(left)


def test_order_and_offsets_of_the_input_do_not_matter() -> None:
    times = [_minutes(m) for m in (3, 0, 4, 1, 2)]
    in_utc = [t.astimezone(UTC) for t in times]
    a = lockout_state(times, _minutes(5))
    b = lockout_state(in_utc, _minutes(5).astimezone(UTC))
    assert a == b
    assert a.locked and a.until == _minutes(19)


def test_policy_is_a_parameter() -> None:
    strict = LockoutPolicy(
        max_failures=3, window=timedelta(minutes=5), lock_for=timedelta(hours=1)
    )
    state = lockout_state([_minutes(0), _minutes(1), _minutes(2)], _minutes(30), strict)
    assert state.locked and state.until == _minutes(62)
    assert strict.lookback == timedelta(minutes=65)


@given(st.lists(st.integers(0, 120), max_size=30), st.integers(0, 150))
def test_invariants(minutes: list[int], now: int) -> None:
    state = lockout_state([_minutes(m) for m in minutes], _minutes(now))
    assert 0 <= state.attempts_left <= 5
    if state.locked:
        assert state.attempts_left == 0
        assert state.until is not None
        assert _minutes(now) < state.until <= _minutes(now) + timedelta(minutes=15)
    else:
        assert state.until is None
        assert state.attempts_left >= 1


@given(st.lists(st.integers(0, 120), max_size=30), st.integers(0, 150))
def test_failures_older_than_the_lookback_never_matter(minutes: list[int], now: int) -> None:
    """The store reads failures only since now - lookback; that must give the same answer."""
    policy = LockoutPolicy()
    times = [_minutes(m) for m in minutes]
    since = _minutes(now) - policy.lookback
    full = lockout_state(times, _minutes(now))
    trimmed = lockout_state([t for t in times if t >= since], _minutes(now))
    assert trimmed == full


def test_lookback_with_a_lock_that_straddles_its_edge() -> None:
    """Two locks back to back; reading from now - 30 minutes cuts into the first one."""
    minutes = [29, 30, 31, 32, 33, 34, 48, 49, 50, 51, 52]
    now = _minutes(60)
    since = now - LockoutPolicy().lookback
    times = [_minutes(m) for m in minutes]
    full = lockout_state(times, now)
    assert full.locked and full.until == _minutes(67)
    assert lockout_state([t for t in times if t >= since], now) == full


def test_a_lock_shorter_than_the_window_is_refused() -> None:
    with pytest.raises(ValueError):
        LockoutPolicy(lock_for=timedelta(minutes=5))
