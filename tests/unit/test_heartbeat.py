"""The heartbeat: its body, and a sender that never disturbs a visit (real reference server)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest

from kiosk import __version__
from kiosk.api.client import CentralClient
from kiosk.api.models import Heartbeat, PrinterState, ReaderState, TerminalState
from kiosk.heartbeat import HeartbeatSender, build_heartbeat

START = datetime(2026, 11, 27, 8, 0, tzinfo=UTC)


def test_build_heartbeat_fills_the_contract_body() -> None:
    beat = build_heartbeat(__version__, START, START + timedelta(days=1, seconds=0.9),
                           "in_session", "paper_low", ReaderState.ABSENT, 7)
    assert beat == Heartbeat(version=__version__, uptime_s=86400,
                             state=TerminalState.IN_SESSION, printer=PrinterState.PAPER_LOW,
                             reader=ReaderState.ABSENT, queued_events=7)
    assert beat.model_dump(mode="json") == {
        "version": __version__, "uptime_s": 86400, "state": "in_session",
        "printer": "paper_low", "reader": "absent", "queued_events": 7,
    }


def test_clock_going_back_gives_zero_uptime_not_an_error() -> None:
    beat = build_heartbeat("1.0", START, START - timedelta(hours=1), "ready", "ready", "ready", 0)
    assert beat.uptime_s == 0


def test_unknown_states_are_refused() -> None:
    with pytest.raises(ValueError):
        build_heartbeat("1.0", START, START, "sleeping", "ready", "ready", 0)


# ---- the sender, against the reference server over real HTTP -------------------------------


@pytest.fixture
def client(central):
    c = CentralClient(central.base_url, "HEARTBEAT-T1", "demo-token", read_timeout_s=2.0)
    yield c
    c.close()


def _beat(queued: int) -> Heartbeat:
    return build_heartbeat(__version__, START, START + timedelta(minutes=5), "ready", "ready",
                           "disabled", queued)


def test_sender_posts_the_heartbeat(central, client) -> None:
    assert HeartbeatSender(client).send(_beat(3), START) is True
    mine = [h for h in central.heartbeats() if h.terminal_id == "HEARTBEAT-T1"]
    assert mine[-1].queued_events == 3 and mine[-1].version == __version__
    assert mine[-1].uptime_s == 300 and mine[-1].reader is ReaderState.DISABLED


def test_an_outage_is_logged_once_and_never_raises(central, central_faults, client,
                                                   caplog) -> None:
    sender = HeartbeatSender(client)
    central_faults.inject("/terminals", kind="drop", times=3)
    with caplog.at_level("DEBUG", logger="kiosk.api"):
        results = [sender.send(_beat(n), START + timedelta(minutes=n)) for n in range(3)]
        assert results == [False, False, False] and sender.failures == 3
        failures = [r for r in caplog.records if "heartbeat failed" in r.getMessage()]
        assert len(failures) == 1 and failures[0].levelname == "WARNING"

        assert sender.send(_beat(9), START + timedelta(minutes=4)) is True
        assert sender.failures == 0
        assert any("works again after 3 failures" in r.getMessage() for r in caplog.records)
    mine = [h for h in central.heartbeats() if h.terminal_id == "HEARTBEAT-T1"]
    assert mine[-1].queued_events == 9


def test_a_revoked_token_is_a_failed_heartbeat_not_an_exception(central) -> None:
    with CentralClient(central.base_url, "HEARTBEAT-T2", "revoked-token") as client:
        assert HeartbeatSender(client).send(_beat(0), START) is False
    assert not [h for h in central.heartbeats() if h.terminal_id == "HEARTBEAT-T2"]


def test_run_forever_sends_until_stopped(central, client) -> None:
    stop = threading.Event()
    sent: list[int] = []

    def snapshot() -> Heartbeat:
        sent.append(len(sent))
        if len(sent) == 3:
            stop.set()
        return _beat(len(sent))

    thread = threading.Thread(
        target=HeartbeatSender(client).run_forever,
        args=(stop, 0.05, snapshot, lambda: START), daemon=True,
    )
    thread.start()
    thread.join(timeout=10)
    assert not thread.is_alive()
    queued = [h.queued_events for h in central.heartbeats() if h.terminal_id == "HEARTBEAT-T1"]
    assert queued[-3:] == [1, 2, 3]
