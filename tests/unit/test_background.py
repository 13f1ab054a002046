"""The uploader and heartbeat threads, against the reference server over real HTTP."""

from __future__ import annotations

import time

from kiosk.api.models import EventType, ReaderState, TerminalState
from kiosk.background import BackgroundTasks
from kiosk.services import Services
from tests.ui.helpers import kiosk_settings, make_services


def wait_for(condition, timeout_s: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def services_for(central, tmp_path, terminal: str) -> Services:
    return make_services(kiosk_settings(central.base_url, tmp_path, terminal__id=terminal,
                                        central__heartbeat_s=1))


def test_events_recorded_while_running_reach_the_server_soon_and_heartbeats_flow(
        central, tmp_path):
    services = services_for(central, tmp_path, "BACKGROUND-T1")
    tasks = BackgroundTasks(services, lambda: TerminalState.IN_SESSION, upload_idle_s=60,
                            reader_state_of=lambda: ReaderState.ABSENT)
    tasks.start()
    try:
        assert services.audit_listener is not None  # the recorder nudges the uploader
        from kiosk.flow.effects import Audit
        from kiosk.flow.perform import perform

        perform(Audit(EventType.FAULT, None, (("code", "paper_out"), ("component", "printer"))),
                services)
        # Long before the 60 s idle wait: the nudge sends it at once.
        assert wait_for(lambda: any(e.terminal_id == "BACKGROUND-T1" and e.type is EventType.FAULT
                                    for e in central.events()), 5)
        assert wait_for(lambda: services.store.queued_count() == 0, 5)
        assert wait_for(lambda: len([h for h in central.heartbeats()
                                     if h.terminal_id == "BACKGROUND-T1"]) >= 2, 5)
        beat = [h for h in central.heartbeats() if h.terminal_id == "BACKGROUND-T1"][-1]
        assert beat.state is TerminalState.IN_SESSION and beat.reader is ReaderState.ABSENT
    finally:
        tasks.stop()
        services.close()
    assert not tasks.running and services.audit_listener is None


def test_an_unreachable_service_keeps_the_events_and_stop_is_prompt(central, central_faults,
                                                                    tmp_path):
    services = services_for(central, tmp_path, "BACKGROUND-T2")
    central_faults.inject("/terminals", kind="drop", times=None)
    tasks = BackgroundTasks(services, lambda: TerminalState.READY)
    tasks.start()
    try:
        from kiosk.audit.recorder import AuditRecorder

        AuditRecorder(services.store, services.clock, on_recorded=services.audit_listener).record(
            EventType.RATING, score=3)
        assert wait_for(lambda: tasks.uploader is not None and tasks.uploader.failures >= 1, 5)
        assert services.store.queued_count() == 1  # kept for later, never dropped
    finally:
        started = time.monotonic()
        tasks.stop()
        services.close()
    assert time.monotonic() - started < 3 and not tasks.running
