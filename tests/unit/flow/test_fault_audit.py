"""Faults the flow sees become ``fault`` audit events: once per outage, per failed print job,
per crash; never carrying anything but machine codes."""

from __future__ import annotations

import pytest

from kiosk.api.models import EventType
from kiosk.audit.catalogue import validate
from kiosk.flow import events as ev
from kiosk.flow.effects import Audit
from kiosk.flow.failures import Failure, FailureKind
from kiosk.flow.fault_audit import fault_code
from kiosk.flow.update import update
from tests.unit.flow.conftest import T0, at, fresh
from tests.unit.flow.test_update import loaded_records


def faults(effects) -> list[dict]:
    found = [dict(e.data) for e in effects if isinstance(e, Audit) and e.type is EventType.FAULT]
    for data in found:
        validate(EventType.FAULT, None, data)
    return found


def test_an_outage_is_one_fault_however_many_health_checks_fail():
    state, effects = update(fresh(), ev.HealthChecked(Failure(FailureKind.UNAVAILABLE,
                                                              detail="connection")), T0)
    assert faults(effects) == [{"component": "api", "code": "connection"}]
    state, effects = update(state, ev.HealthChecked(Failure(FailureKind.UNAVAILABLE)), at(5))
    assert faults(effects) == []
    maintenance = Failure(FailureKind.MAINTENANCE, retry_after_s=600, detail="maintenance")
    state, effects = update(state, ev.HealthChecked(maintenance), at(10))
    assert faults(effects) == [{"component": "api", "code": "maintenance"}]  # a new reason


def test_a_failed_print_job_is_a_printer_fault():
    state = loaded_records()
    state, effects = update(state, ev.OpenPrint(), T0)
    state, effects = update(state, ev.ConfirmPrint(), T0)
    failure = Failure(FailureKind.PRINTER, detail="paper_out")
    _, effects = update(state, ev.SlipFailed(effects[0].request_no, failure, None), T0)
    assert faults(effects) == [{"component": "printer", "code": "paper_out"}]


def test_a_crash_is_an_app_fault():
    _, effects = update(fresh(), ev.Crashed(), T0)
    assert faults(effects) == [{"component": "app", "code": "crash"}]


@pytest.mark.parametrize("detail, code", [
    ("tls", "tls"), ("", "unavailable"), ("Bad Thing!", "unavailable"),
    ("x" * 80, "unavailable"),
], ids=["code", "empty", "not a code", "too long"])
def test_only_clean_machine_codes_are_recorded(detail, code):
    assert fault_code(Failure(FailureKind.UNAVAILABLE, detail=detail)) == code
