"""AuditRecorder: events are durable in a real SQLite store and counted on the Beijing day."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.api.models import EventType
from kiosk.audit.catalogue import AdminAction, AuditDataError
from kiosk.audit.recorder import AuditRecorder
from kiosk.store import Store

SUBJECT = "c0" * 32


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 11, 27, 2, 0, tzinfo=UTC))


@pytest.fixture
def store(tmp_path: Path, clock: Clock):
    s = Store.open(tmp_path / "kiosk.sqlite3", clock=clock)
    yield s
    s.close()


def test_recorded_events_are_in_the_store_before_record_returns(tmp_path, store, clock) -> None:
    recorder = AuditRecorder(store, clock)
    first = recorder.record(EventType.SESSION_STARTED, subject=SUBJECT, method="card")
    second = recorder.record(EventType.RATING, score=3)

    # A second connection to the same file sees them: they are committed, not buffered.
    other = Store.open(tmp_path / "kiosk.sqlite3", clock=clock)
    try:
        pending = other.pending_events(10, clock.now)
    finally:
        other.close()
    assert [e.event_id for e in pending] == [first.event_id, second.event_id]
    assert pending[0].subject == SUBJECT and pending[0].data == {"method": "card"}
    assert pending[1].at == clock.now


def test_daily_statistics_are_counted_on_the_beijing_day(store, clock) -> None:
    # 17:30 UTC is already the next day in Beijing.
    clock.now = datetime(2026, 11, 27, 17, 30, tzinfo=UTC)
    recorder = AuditRecorder(store, clock)
    recorder.record(EventType.SESSION_STARTED, subject=SUBJECT, method="manual")
    recorder.record(EventType.RECORDS_VIEWED, subject=SUBJECT, section="reform")
    recorder.record(EventType.SLIP_PRINTED, subject=SUBJECT, slip_no="NM-2026-0001234")
    recorder.record(EventType.ENQUIRY_FILED, subject=SUBJECT, section="living", reason="missing")
    for score in (3, 3, 1):
        recorder.record(EventType.RATING, score=score)
    recorder.record(EventType.FAULT, component="printer", code="paper_out")
    recorder.record(EventType.ADMIN_LOGIN, outcome="wrong_pin", failures=1)
    recorder.record(EventType.ADMIN_LOGIN, outcome="ok")
    recorder.record(EventType.ADMIN_ACTION, action=AdminAction.TEST_PRINT, result="ok")

    beijing_day = date(2026, 11, 28)
    assert store.counts(beijing_day, beijing_day) == {
        "visits": 1, "slips": 1, "enquiries": 1, "rating_3": 2, "rating_1": 1, "faults": 1,
        "officer_logins": 1,
    }
    assert store.counts(date(2026, 11, 27), date(2026, 11, 27)) == {}

    clock.now += timedelta(days=1)
    recorder.record(EventType.SESSION_STARTED, subject=SUBJECT)
    assert store.counts(beijing_day, beijing_day + timedelta(days=1))["visits"] == 2


def test_refused_events_leave_no_trace(store, clock) -> None:
    recorder = AuditRecorder(store, clock)
    with pytest.raises(AuditDataError):
        recorder.record(EventType.SLIP_PRINTED, subject=SUBJECT, slip_no="15010219800101123X")
    with pytest.raises(AuditDataError):
        recorder.record(EventType.RATING, score=3, comment="very kind staff")
    assert store.queued_count() == 0
    assert store.counts(date(2026, 1, 1), date(2026, 12, 31)) == {}


def test_on_recorded_is_called_after_the_event_is_stored(store, clock) -> None:
    seen: list[int] = []
    recorder = AuditRecorder(store, clock,
                             on_recorded=lambda: seen.append(store.queued_count()))
    recorder.record(EventType.RATING, score=2)
    recorder.record(EventType.RATING, score=2)
    assert seen == [1, 2]
