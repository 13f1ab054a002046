"""The local store on real SQLite files: pragmas, queue, lockout failures, statistics, threads."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from kiosk.api.models import AuditEvent, EventType
from kiosk.secrets import subject_hmac
from kiosk.store import PersonalDataRefused, Store

BEIJING = timezone(timedelta(hours=8))
NOW = datetime(2026, 11, 27, 10, 0, tzinfo=BEIJING)
SUBJECT = "ab" * 32
OTHER = "cd" * 32


def _event(n: int, **data: str | int | bool | None) -> AuditEvent:
    return AuditEvent(
        event_id=f"evt-{n:06d}-{uuid.uuid4().hex[:8]}",
        type=EventType.RECORDS_VIEWED,
        at=NOW + timedelta(seconds=n),
        subject=SUBJECT,
        data=data or {"section": "reform"},
    )


# -- connection settings ----------------------------------------------------------------------


def test_wal_and_synchronous_full_on_every_connection(store: Store, db_path: Path) -> None:
    # Several threads at once force the pool to open several connections; each must be set up.
    barrier = threading.Barrier(4)

    def probe(_: int) -> dict[str, str]:
        barrier.wait(timeout=10)
        return store.pragmas()

    with ThreadPoolExecutor(4) as pool:
        seen = list(pool.map(probe, range(4)))
    for pragmas in seen:
        assert pragmas["journal_mode"] == "wal"
        assert pragmas["synchronous"] == "2"  # FULL
        assert int(pragmas["busy_timeout"]) > 0
    # WAL is a property of the file: a plain sqlite3 connection sees it too.
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)


# -- audit-event queue ------------------------------------------------------------------------


def test_events_round_trip_exactly(store: Store) -> None:
    event = AuditEvent(
        event_id="0f8a4c2e-1111-4222-8333-944455556666",
        type=EventType.RATING,
        at=NOW,
        subject=SUBJECT,
        data={"score": 3, "ratio": 0.5, "kiosk": True, "note": None, "lang": "zh_CN 中文"},
    )
    store.enqueue_event(event)
    (back,) = store.pending_events(10, datetime.now(UTC))
    assert back == event
    assert back.at.utcoffset() == timedelta(hours=8)


def test_queue_keeps_order_and_limit(store: Store) -> None:
    events = [_event(n) for n in range(7)]
    for e in events:
        store.enqueue_event(e)
    assert store.queued_count() == 7
    first = store.pending_events(3, datetime.now(UTC))
    assert [e.event_id for e in first] == [e.event_id for e in events[:3]]
    assert store.pending_events(100, datetime.now(UTC)) == events


def test_repeated_event_id_is_queued_once(store: Store) -> None:
    event = _event(1)
    store.enqueue_event(event)
    store.enqueue_event(event)
    assert store.queued_count() == 1


def test_defer_and_mark_sent(store: Store, db_path: Path) -> None:
    events = [_event(n) for n in range(4)]
    for e in events:
        store.enqueue_event(e)
    later = datetime.now(UTC) + timedelta(minutes=5)
    store.defer([events[0].event_id, events[2].event_id], later)

    due_now = store.pending_events(10, datetime.now(UTC))
    assert [e.event_id for e in due_now] == [events[1].event_id, events[3].event_id]
    due_later = store.pending_events(10, later)
    assert [e.event_id for e in due_later] == [e.event_id for e in events]  # original order
    assert store.next_try() is not None and store.next_try() <= datetime.now(UTC)

    with sqlite3.connect(db_path) as raw:
        attempts = dict(raw.execute("SELECT event_id, attempts FROM audit_queue"))
    assert attempts[events[0].event_id] == 1 and attempts[events[1].event_id] == 0

    store.mark_sent([events[1].event_id, events[3].event_id, "never-queued"])
    assert store.queued_count() == 2
    assert store.pending_events(10, datetime.now(UTC)) == []
    store.mark_sent([])
    store.defer([], later)
    assert store.next_try() == later.astimezone(UTC)
    store.mark_sent(e.event_id for e in events)
    assert store.queued_count() == 0 and store.next_try() is None


def test_queue_survives_reopening(db_path: Path) -> None:
    store = Store.open(db_path)
    event = _event(1)
    store.enqueue_event(event)
    store.close()
    again = Store.open(db_path)
    try:
        assert again.pending_events(10, datetime.now(UTC)) == [event]
    finally:
        again.close()


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_an_enqueued_event_survives_sigkill(db_path: Path) -> None:
    """Once enqueue_event returns the event is on disk, even if the process dies at once."""
    script = (
        "import os, signal, sys\n"
        "from datetime import datetime, UTC\n"
        "from pathlib import Path\n"
        "from kiosk.api.models import AuditEvent\n"
        "from kiosk.store import Store\n"
        "store = Store.open(Path(sys.argv[1]))\n"
        "store.enqueue_event(AuditEvent(event_id='killed-0001', type='fault', "
        "at=datetime.now(UTC), data={'code': 'test'}))\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    result = subprocess.run([sys.executable, "-c", script, str(db_path)], timeout=60)
    assert result.returncode == -signal.SIGKILL
    store = Store.open(db_path)
    try:
        assert [e.event_id for e in store.pending_events(10, datetime.now(UTC))] == ["killed-0001"]
    finally:
        store.close()


@pytest.mark.parametrize(
    "data",
    [
        {"note": "visitor 11010519491231002X"},
        {"note": "typed 110105 19491231 002x"},
        {"11010519491231002X": 1},
        {"note": "visitor １１０１０５１９４９１２３１００２Ｘ"},
    ],
    ids=["in a value", "spaced, lower-case x", "as a key", "full-width digits"],
)
def test_id_shaped_event_data_is_refused(store: Store, data: dict) -> None:
    with pytest.raises(PersonalDataRefused) as caught:
        store.enqueue_event(_event(1, **data))
    assert store.queued_count() == 0
    assert "1949" not in str(caught.value) and "１９４９" not in str(caught.value)


# -- lockout failures -------------------------------------------------------------------------


def test_failures_per_subject_since(store: Store) -> None:
    for minutes in (0, 5, 10):
        store.record_failure(SUBJECT, NOW + timedelta(minutes=minutes))
    store.record_failure(OTHER, NOW)
    got = store.failures(SUBJECT, NOW + timedelta(minutes=5))
    assert got == [NOW + timedelta(minutes=5), NOW + timedelta(minutes=10)]
    assert all(t.tzinfo is not None for t in got)
    store.clear_failures(SUBJECT)
    assert store.failures(SUBJECT, NOW - timedelta(days=1)) == []
    assert store.failures(OTHER, NOW - timedelta(days=1)) == [NOW]


def test_prune_failures(store: Store) -> None:
    store.record_failure(SUBJECT, NOW - timedelta(hours=2))
    store.record_failure(SUBJECT, NOW)
    assert store.prune_failures(NOW - timedelta(hours=1)) == 1
    assert store.failures(SUBJECT, NOW - timedelta(days=1)) == [NOW]


@pytest.mark.parametrize("subject", ["11010519491231002X", "AB" * 32, "ab" * 31, ""])
def test_only_an_hmac_is_accepted_as_subject(store: Store, subject: str) -> None:
    with pytest.raises(ValueError, match="HMAC"):
        store.record_failure(subject, NOW)


def test_naive_times_are_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="naive"):
        store.record_failure(SUBJECT, NOW.replace(tzinfo=None))
    with pytest.raises(ValueError, match="naive"):
        store.pending_events(10, NOW.replace(tzinfo=None))


# -- statistics -------------------------------------------------------------------------------


def test_counts_add_up_over_a_range_of_days(store: Store) -> None:
    store.bump("visits", date(2026, 11, 26))
    store.bump("visits", date(2026, 11, 27), 2)
    store.bump("slips", date(2026, 11, 27))
    store.bump("visits", date(2026, 11, 28), 10)
    assert store.counts(date(2026, 11, 27), date(2026, 11, 27)) == {"visits": 2, "slips": 1}
    assert store.counts(date(2026, 11, 26), date(2026, 11, 27)) == {"visits": 3, "slips": 1}
    assert store.counts(date(2026, 12, 1), date(2026, 12, 31)) == {}


@pytest.mark.parametrize("name", ["", "Visits", "张三", "fault 11010519491231002X", "x" * 65])
def test_counter_names_are_machine_codes(store: Store, name: str) -> None:
    with pytest.raises(ValueError):
        store.bump(name, date(2026, 11, 27))


# -- threads ----------------------------------------------------------------------------------


def test_writers_on_many_threads_lose_nothing(store: Store) -> None:
    day = date(2026, 11, 27)

    def work(worker: int) -> None:
        for n in range(40):
            store.bump("visits", day)
            store.enqueue_event(_event(worker * 1000 + n))
            store.record_failure(SUBJECT, NOW + timedelta(seconds=worker * 100 + n))

    with ThreadPoolExecutor(6) as pool:
        list(pool.map(work, range(6)))
    assert store.counts(day, day) == {"visits": 240}
    assert store.queued_count() == 240
    assert len(store.failures(SUBJECT, NOW - timedelta(days=1))) == 240


# -- no personal data on disk -----------------------------------------------------------------


def test_the_database_files_never_hold_the_id_number(db_path: Path) -> None:
    id_number = "11010519491231002X"
    secret = os.urandom(32)
    subject = subject_hmac(secret, id_number)
    store = Store.open(db_path)
    for n in range(5):
        store.record_failure(subject, NOW + timedelta(minutes=n))
        store.enqueue_event(
            AuditEvent(
                event_id=f"visit-{n:04d}",
                type=EventType.SESSION_STARTED,
                at=NOW,
                subject=subject,
                data={"method": "manual"},
            )
        )
        store.bump("visits", NOW.date())
    files = [p for p in db_path.parent.iterdir() if p.name.startswith(db_path.name)]
    raw = b"".join(p.read_bytes() for p in files)  # the -wal file too, before checkpointing
    store.close()
    raw += b"".join(p.read_bytes() for p in db_path.parent.iterdir() if p.is_file())
    assert subject.encode() in raw  # the search does see what was written
    for needle in (id_number, id_number.lower(), id_number[:17], "19491231"):
        for encoding in ("ascii", "utf-16-le", "utf-16-be"):
            assert needle.encode(encoding) not in raw, (needle, encoding)
