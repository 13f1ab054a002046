"""The heartbeat: its body, and a sender that never disturbs a visit (real reference server)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from kiosk import __version__
from kiosk.api.models import Heartbeat, PrinterState, ReaderState, TerminalState
from kiosk.heartbeat import build_heartbeat

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
