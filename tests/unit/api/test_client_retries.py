"""Retries against the real reference server: GETs are tried again after transient faults, with
capped exponential backoff or the server's Retry-After; POST and DELETE never are.

Requests are counted server-side: an injected fault with ``times=n`` is consumed once per
request that reaches the server, so ``n - remaining`` is how many requests the client sent.
The sleep recorder shows the waits.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from kiosk.api.client import CentralClient
from kiosk.api.errors import (
    ApiError,
    BadResponse,
    ConnectionFailed,
    Maintenance,
    NotFound,
    RateLimited,
    RequestTimeout,
    ServiceUnavailable,
)
from kiosk.api.models import (
    AuditEvent,
    AuthMethod,
    EnquiryReason,
    EnquiryRequest,
    EnquirySection,
    EventBatch,
    EventType,
    Heartbeat,
    PrinterState,
    ReaderState,
    Section,
    SessionRequest,
    SlipRequest,
    TerminalState,
)
from tests.unit.api.conftest import MakeClient, SleepRecorder, fresh_id_number

MANY = 50


def _inject(faults: Any, path: str, **kwargs: Any) -> None:
    assert faults.pending() == []
    faults.inject(path, times=MANY, **kwargs)


def _sent(faults: Any) -> int:
    """Requests that hit the one fault injected by ``_inject``."""
    (fault,) = faults.pending()
    return MANY - int(fault.remaining)


# ---- GETs: transient faults that clear -----------------------------------------------------

CLEARING = [
    # id, fault, times it happens, expected waits
    ("500-once", {"status": 500}, 1, [0.25]),
    ("502-twice", {"status": 502}, 2, [0.25, 0.5]),
    ("drop-once", {"kind": "drop"}, 1, [0.25]),
    ("truncated-once", {"kind": "truncated"}, 1, [0.25]),
    ("timeout-once", {"kind": "delay", "delay_s": 1.0}, 1, [0.25]),
    ("429-retry-after-2", {"status": 429, "retry_after": 2}, 1, [2.0]),
    ("429-without-retry-after", {"status": 429}, 1, [0.25]),
    ("503-retry-after-1-twice", {"status": 503, "retry_after": 1}, 2, [1.0, 1.0]),
    ("429-retry-after-at-cap", {"status": 429, "retry_after": 20}, 1, [20.0]),
]


@pytest.mark.parametrize(("fault", "times", "expected_waits"),
                         [row[1:] for row in CLEARING], ids=[row[0] for row in CLEARING])
def test_get_is_retried_until_the_fault_clears(
    fault: dict[str, Any], times: int, expected_waits: list[float], central_faults: Any,
    make_client: MakeClient, waits: SleepRecorder, session: Any, family: Any,
) -> None:
    client = make_client(read_timeout_s=0.5)
    central_faults.inject("/inmates", times=times, **fault)
    record = client.assessment(session.session_token, family.inmate_ids[0])
    assert record.threshold == 600
    assert waits.waits == expected_waits
    assert central_faults.pending() == []  # every injected fault was hit once


# ---- GETs: faults that do not clear ----------------------------------------------------------

GIVING_UP = [
    # id, fault, expected exception, requests sent, waits
    ("500-persists", {"status": 500}, ServiceUnavailable, 3, [0.25, 0.5]),
    ("drop-persists", {"kind": "drop"}, ConnectionFailed, 3, [0.25, 0.5]),
    ("timeout-persists", {"kind": "delay", "delay_s": 1.0}, RequestTimeout, 3, [0.25, 0.5]),
    ("503-retry-after-over-cap", {"status": 503, "retry_after": 3600}, Maintenance, 1, []),
    ("429-retry-after-over-cap", {"status": 429, "retry_after": 21}, RateLimited, 1, []),
    ("429-short-retry-after-persists", {"status": 429, "retry_after": 1}, RateLimited, 3,
     [1.0, 1.0]),
    ("malformed-not-retried", {"kind": "malformed"}, BadResponse, 1, []),
    ("404-not-retried", {"status": 404}, NotFound, 1, []),
]


@pytest.mark.parametrize(("fault", "expected", "sent", "expected_waits"),
                         [row[1:] for row in GIVING_UP], ids=[row[0] for row in GIVING_UP])
def test_get_gives_up(
    fault: dict[str, Any], expected: type[ApiError], sent: int, expected_waits: list[float],
    central_faults: Any, make_client: MakeClient, waits: SleepRecorder, session: Any,
    family: Any,
) -> None:
    client = make_client(read_timeout_s=0.5, get_retries=2)
    _inject(central_faults, "/inmates", **fault)
    with pytest.raises(ApiError) as caught:
        client.living(session.session_token, family.inmate_ids[0])
    assert type(caught.value) is expected
    assert _sent(central_faults) == sent
    assert waits.waits == expected_waits


def test_retry_after_over_cap_raises_at_once_with_the_seconds(
    central_faults: Any, make_client: MakeClient, waits: SleepRecorder,
) -> None:
    client = make_client(max_retry_after_s=5)
    central_faults.inject("/announcements", status=429, retry_after=6)
    with pytest.raises(RateLimited) as caught:
        client.announcements("NM-HHHT1")
    assert caught.value.retry_after_s == 6
    assert waits.waits == []


def test_retry_after_within_a_raised_cap_is_waited(
    central_faults: Any, make_client: MakeClient, waits: SleepRecorder,
) -> None:
    client = make_client(max_retry_after_s=60)
    central_faults.inject("/announcements", status=503, retry_after=45)
    assert client.announcements("NM-HHHT1").items
    assert waits.waits == [45.0]


def test_zero_retries_means_one_request(
    central_faults: Any, make_client: MakeClient, waits: SleepRecorder,
) -> None:
    client = make_client(get_retries=0)
    _inject(central_faults, "/health", status=500)
    with pytest.raises(ServiceUnavailable):
        client.health()
    assert _sent(central_faults) == 1
    assert waits.waits == []


def test_each_attempt_has_its_own_request_id(
    central_faults: Any, make_client: MakeClient, caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level("INFO", logger="kiosk.api")
    client = make_client(get_retries=2)
    central_faults.inject("/health", status=500, times=2)
    client.health()
    ids = [r.getMessage().split("request_id=")[1].split(")")[0]
           for r in caplog.records if r.name == "kiosk.api"]
    assert len(ids) == 3 and len(set(ids)) == 3


# ---- POST and DELETE: never retried --------------------------------------------------------


def _heartbeat() -> Heartbeat:
    return Heartbeat(version="1.0.0", uptime_s=5, state=TerminalState.READY,
                     printer=PrinterState.READY, reader=ReaderState.DISABLED, queued_events=0)


def _events() -> EventBatch:
    return EventBatch(events=[AuditEvent(event_id="11111111-aaaa-4bbb-8ccc-000000000001",
                                         type=EventType.FAULT, at="2026-11-27T10:00:00+08:00",
                                         data={"kind": "test"})])


UNSAFE: list[tuple[str, str, str, Callable[[CentralClient, Any, Any], object]]] = [
    ("create_session", "POST", "/sessions", lambda c, s, f: c.create_session(SessionRequest(
        id_number=fresh_id_number(), reference_number="NM24-7K3P-9Q",
        method=AuthMethod.MANUAL))),
    ("register_slip", "POST", "/slips", lambda c, s, f: c.register_slip(
        s.session_token, SlipRequest(inmate_id=f.inmate_ids[0], sections=[Section.LIVING],
                                     content_sha256="b" * 64))),
    ("file_enquiry", "POST", "/enquiries", lambda c, s, f: c.file_enquiry(
        s.session_token, EnquiryRequest(inmate_id=f.inmate_ids[0],
                                        section=EnquirySection.PROFILE,
                                        reason=EnquiryReason.UNCLEAR))),
    ("heartbeat", "POST", "/terminals", lambda c, s, f: c.heartbeat(_heartbeat())),
    ("send_events", "POST", "/terminals", lambda c, s, f: c.send_events(_events())),
    ("end_session", "DELETE", "/sessions", lambda c, s, f: c.end_session(s.session_token)),
]
UNSAFE_FAULTS = [
    ("500", {"status": 500}, ServiceUnavailable),
    ("503-short-retry-after", {"status": 503, "retry_after": 1}, Maintenance),
    ("429-short-retry-after", {"status": 429, "retry_after": 1}, RateLimited),
    ("drop", {"kind": "drop"}, ConnectionFailed),
    ("timeout", {"kind": "delay", "delay_s": 1.0}, RequestTimeout),
]


@pytest.mark.parametrize(("method", "path", "call"), [u[1:] for u in UNSAFE],
                         ids=[u[0] for u in UNSAFE])
@pytest.mark.parametrize(("fault", "expected"), [f[1:] for f in UNSAFE_FAULTS],
                         ids=[f[0] for f in UNSAFE_FAULTS])
def test_post_and_delete_are_never_retried(
    method: str, path: str, call: Callable[[CentralClient, Any, Any], object],
    fault: dict[str, Any], expected: type[ApiError], central_faults: Any,
    make_client: MakeClient, waits: SleepRecorder, session: Any, family: Any,
) -> None:
    client = make_client(read_timeout_s=0.5, get_retries=5)
    _inject(central_faults, path, method=method, **fault)
    with pytest.raises(ApiError) as caught:
        call(client, session, family)
    assert type(caught.value) is expected
    assert _sent(central_faults) == 1
    assert waits.waits == []
