"""AuditRecorder + AuditUploader against the reference server over real HTTP, real SQLite.

Each test uses its own terminal id, so the shared session server's events can be told apart.
"""

from __future__ import annotations

import threading
import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.api.client import CentralClient
from kiosk.api.models import AuditEvent, EventType
from kiosk.audit.recorder import AuditRecorder
from kiosk.audit.uploader import AuditUploader
from kiosk.reference_server import RunningServer, ServerConfig, start_server
from kiosk.store import Store

SUBJECT = "5e" * 32


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 27, 2, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


class Terminal:
    """One terminal's audit parts: store file, recorder, client, uploader."""

    def __init__(self, tmp_path: Path, base_url: str, *, batch_size: int = 100,
                 read_timeout_s: float = 5.0) -> None:
        self.id = f"AUDIT-{uuid.uuid4().hex[:12].upper()}"
        self.clock = Clock()
        self.store = Store.open(tmp_path / f"{self.id}.sqlite3", clock=self.clock)
        self.recorder = AuditRecorder(self.store, self.clock)
        self.client = CentralClient(base_url, self.id, "demo-token", connect_timeout_s=1.0,
                                    read_timeout_s=read_timeout_s)
        self.uploader = AuditUploader(self.store, self.client, self.clock, batch_size,
                                      base_delay_s=10, max_delay_s=600)

    def record_visits(self, n: int) -> list[str]:
        ids = []
        for i in range(n):
            event = self.recorder.record(EventType.RATING, score=1 + i % 3)
            ids.append(event.event_id)
        return ids

    def delivered(self, server: RunningServer) -> Counter[str]:
        return Counter(e.event_id for e in server.events() if e.terminal_id == self.id)

    def close(self) -> None:
        self.client.close()
        self.store.close()


@pytest.fixture
def make_terminal(tmp_path: Path, central: RunningServer):
    made: list[Terminal] = []

    def make(base_url: str = central.base_url, **kwargs) -> Terminal:
        made.append(Terminal(tmp_path, base_url, **kwargs))
        return made[-1]

    yield make
    for t in made:
        t.close()


@pytest.fixture
def terminal(make_terminal) -> Terminal:
    return make_terminal()


def test_events_arrive_exactly_once_in_batches(make_terminal, central) -> None:
    terminal = make_terminal(batch_size=40)
    ids = terminal.record_visits(110)  # three batches, the last one short
    result = terminal.uploader.upload_once()
    assert (result.sent, result.deferred, result.remaining, result.error) == (110, 0, 0, None)
    assert result.retry_at is None
    delivered = terminal.delivered(central)
    assert delivered == Counter(ids)
    stored = {e.event_id: e for e in central.events() if e.terminal_id == terminal.id}
    assert stored[ids[0]].type is EventType.RATING and stored[ids[0]].data == {"score": 1}

    again = terminal.uploader.upload_once()
    assert (again.sent, again.remaining) == (0, 0)
    assert terminal.delivered(central) == Counter(ids)


def test_offline_defers_with_growing_backoff_then_delivers(terminal, central, central_faults):
    ids = terminal.record_visits(30)
    central_faults.inject("/terminals", kind="drop", times=None)

    first = terminal.uploader.upload_once()
    assert first.error == "connection" and first.sent == 0 and first.remaining == 30
    wait_1 = (first.retry_at - terminal.clock.now).total_seconds()
    assert 5 <= wait_1 <= 10  # base 10 s, jittered in its upper half

    # Within the backoff nothing is sent, not even events recorded meanwhile.
    terminal.clock.advance(wait_1 / 2)
    ids += terminal.record_visits(5)
    gated = terminal.uploader.upload_once()
    assert gated.error == "backoff" and gated.remaining == 35

    terminal.clock.now = first.retry_at
    second = terminal.uploader.upload_once()
    assert second.error == "connection" and terminal.uploader.failures == 2
    wait_2 = (second.retry_at - terminal.clock.now).total_seconds()
    assert 10 <= wait_2 <= 20
    assert terminal.delivered(central) == Counter()

    central_faults.clear()
    terminal.clock.now = second.retry_at
    back = terminal.uploader.upload_once()
    assert (back.sent, back.remaining, back.error) == (35, 0, None)
    assert terminal.uploader.failures == 0
    assert terminal.delivered(central) == Counter(ids)


def test_lost_answer_is_resent_and_counted_once(terminal, central, central_faults) -> None:
    """The server stores the batch but the answer is cut short: the terminal cannot know, keeps
    the events and sends them again; the server ignores the repeated event_ids."""
    ids = terminal.record_visits(20)
    central_faults.inject("/terminals", kind="truncated", times=1)
    lost = terminal.uploader.upload_once()
    assert lost.error is not None and lost.remaining == 20
    assert terminal.delivered(central) == Counter(ids)  # stored already

    terminal.clock.now = lost.retry_at
    resent = terminal.uploader.upload_once()
    assert (resent.sent, resent.remaining) == (20, 0)
    assert terminal.delivered(central) == Counter(ids)


def test_slow_server_times_out_and_the_events_wait(make_terminal, central, central_faults):
    t = make_terminal(read_timeout_s=0.5)
    ids = t.record_visits(3)
    central_faults.inject("/terminals", kind="delay", delay_s=2.0, times=1)
    slow = t.uploader.upload_once()
    assert slow.error == "timeout" and slow.remaining == 3
    t.clock.now = slow.retry_at
    assert t.uploader.upload_once().remaining == 0
    assert t.delivered(central) == Counter(ids)


def test_maintenance_retry_after_lengthens_the_wait(terminal, central, central_faults) -> None:
    terminal.record_visits(2)
    central_faults.inject("/terminals", status=503, retry_after=120, times=1)
    result = terminal.uploader.upload_once()
    assert result.error == "maintenance"
    assert (result.retry_at - terminal.clock.now).total_seconds() == pytest.approx(120)


def test_a_refused_event_does_not_hold_up_its_batch(terminal, central) -> None:
    """The server refuses a whole batch (400) for one event it will not take: the batch is
    split until that event stands alone; the rest is accepted, the bad one waits, never lost."""
    good = terminal.record_visits(9)
    bad = AuditEvent(event_id=str(uuid.uuid4()), type=EventType.RATING, at=terminal.clock.now,
                     data={"score": 7})
    terminal.store.enqueue_event(bad)  # past the catalogue: stands for a stricter server
    good += terminal.record_visits(6)

    result = terminal.uploader.upload_once()
    assert (result.sent, result.deferred, result.remaining, result.error) == (15, 1, 1, None)
    assert terminal.delivered(central) == Counter(good)
    assert (result.retry_at - terminal.clock.now).total_seconds() == pytest.approx(600)
    assert [e.event_id for e in terminal.store.pending_events(10, result.retry_at)] == [
        bad.event_id
    ]


def test_server_stopped_then_back_on_the_same_port(tmp_path, make_terminal) -> None:
    db_url = f"sqlite:///{tmp_path / 'central.db'}"
    server = start_server(ServerConfig(db_url=db_url))
    port = int(server.base_url.rsplit(":", 1)[1].split("/")[0])
    t = make_terminal(server.base_url)
    try:
        early = t.record_visits(4)
        assert t.uploader.upload_once().sent == 4
        server.stop()

        late = t.record_visits(6)
        down = t.uploader.upload_once()
        assert down.error == "connection" and down.remaining == 6

        server = start_server(ServerConfig(db_url=db_url, port=port))
        t.clock.now = down.retry_at
        assert t.uploader.upload_once().remaining == 0
        assert t.delivered(server) == Counter(early + late)
    finally:
        server.stop()


def test_background_thread_sends_when_nudged_and_stops(tmp_path, central) -> None:
    def real_clock() -> datetime:
        return datetime.now(UTC)

    store = Store.open(tmp_path / "real-clock.sqlite3", clock=real_clock)
    client = CentralClient(central.base_url, "AUDIT-THREAD-01", "demo-token")
    uploader = AuditUploader(store, client, real_clock)
    recorder = AuditRecorder(store, real_clock, on_recorded=uploader.nudge)
    stop = threading.Event()
    thread = threading.Thread(target=uploader.run_forever, args=(stop,), kwargs={"idle_s": 60},
                              daemon=True)
    thread.start()

    def delivered() -> Counter[str]:
        return Counter(e.event_id for e in central.events()
                       if e.terminal_id == "AUDIT-THREAD-01" and e.event_id in ids)

    try:
        ids = {recorder.record(EventType.RATING, score=2).event_id for _ in range(3)}
        # Idle time is 60 s: only the nudge can make this arrive within the deadline.
        deadline = real_clock() + timedelta(seconds=10)
        while delivered() != Counter(ids) and real_clock() < deadline:
            stop.wait(0.05)
        assert delivered() == Counter(ids)
        assert store.queued_count() == 0
    finally:
        stop.set()
        thread.join(timeout=5)
        client.close()
        store.close()
    assert not thread.is_alive()
