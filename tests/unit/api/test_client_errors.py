"""Every error row of the contract, and every transport fault, reaches the caller as exactly one
typed exception — provoked for real against the reference server over HTTP.

Server-side answers come from real misuse where the reference server can produce them (wrong
credentials, a locked ID number, an expired session, a revoked terminal token, a foreign
inmate, an unknown slip) and from fault injection for the rest (429, 503, 5xx, unknown codes,
malformed and truncated bodies, dropped connections, delays).
"""

from __future__ import annotations

import json
import socket
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest

from kiosk.api.client import CentralClient
from kiosk.api.errors import (
    ApiError,
    BadResponse,
    ConnectionFailed,
    InvalidCredentials,
    InvalidRequest,
    Locked,
    Maintenance,
    NotFound,
    NotLinked,
    RateLimited,
    RequestTimeout,
    ServiceUnavailable,
    SessionExpired,
    TerminalUnauthorized,
)
from kiosk.api.models import (
    AuthMethod,
    EnquiryReason,
    EnquiryRequest,
    EnquirySection,
    Section,
    SessionRequest,
    SlipRequest,
)
from kiosk.reference_server import DemoCredential, FaultPlan, RunningServer
from tests.unit.api.conftest import MakeClient, RecordingServer, fresh_id_number, sign_in


@dataclass
class World:
    """What a row may use to provoke its failure."""

    central: RunningServer
    faults: FaultPlan
    client: CentralClient
    make_client: MakeClient
    session_token: str
    inmate_id: str
    other_inmate_id: str
    locked_family: DemoCredential


@dataclass
class Row:
    id: str
    call: Callable[[World], object]
    expected: type[ApiError]
    status: int | None
    attributes: dict[str, object] = field(default_factory=dict)
    setup: Callable[[World], object] = lambda world: None


def _wrong_check_character(world: World) -> object:
    good = fresh_id_number()
    bad = good[:17] + ("0" if good[17] != "0" else "1")
    return world.client.create_session(
        SessionRequest(id_number=bad, reference_number="NM24-7K3P-9Q", method=AuthMethod.CARD))


def _unknown_visitor(world: World) -> object:
    return world.client.create_session(SessionRequest(
        id_number=fresh_id_number(), reference_number="NM24-7K3P-9Q", method=AuthMethod.MANUAL))


def _locked(world: World) -> object:
    return sign_in(world.client, world.locked_family)


def _profile(world: World) -> object:
    return world.client.profile(world.session_token, world.inmate_id)


def _living(world: World) -> object:
    return world.client.living(world.session_token, world.inmate_id)


def _register_slip(world: World) -> object:
    return world.client.register_slip(world.session_token, SlipRequest(
        inmate_id=world.inmate_id, sections=[Section.REFORM], content_sha256="a" * 64))


def _file_enquiry(world: World) -> object:
    return world.client.file_enquiry(world.session_token, EnquiryRequest(
        inmate_id=world.inmate_id, section=EnquirySection.LIVING,
        reason=EnquiryReason.MISSING))


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


ROWS = [
    # ---- the contract's table, provoked for real
    Row("400-invalid_request-bad-check-character", _wrong_check_character, InvalidRequest, 400),
    Row("401-invalid_credentials-attempts_left", _unknown_visitor, InvalidCredentials, 401,
        {"attempts_left": 4}),
    Row("401-session_expired-after-expiry", _profile, SessionExpired, 401,
        setup=lambda w: w.central.expire_sessions()),
    Row("401-session_expired-after-end", _living, SessionExpired, 401,
        setup=lambda w: w.client.end_session(w.session_token)),
    Row("401-terminal_unauthorized-wrong-token",
        lambda w: w.make_client(token="revoked-token").announcements("NM-HHHT1"),
        TerminalUnauthorized, 401),
    Row("401-terminal_unauthorized-on-post",
        lambda w: w.make_client(token="revoked-token").create_session(SessionRequest(
            id_number=fresh_id_number(), reference_number="NM24-7K3P-9Q",
            method=AuthMethod.MANUAL)),
        TerminalUnauthorized, 401),
    Row("403-not_linked-foreign-inmate",
        lambda w: w.client.reform(w.session_token, w.other_inmate_id), NotLinked, 403),
    Row("404-not_found-unknown-inmate",
        lambda w: w.client.rewards(w.session_token, "NM999999"), NotFound, 404),
    Row("404-not_found-unknown-slip",
        lambda w: w.client.verify_slip("NM-2026-9999999", "ABCD2345"), NotFound, 404),
    Row("404-not_found-unknown-ticket",
        lambda w: w.client.enquiry("E-2026-999999"), NotFound, 404),
    Row("423-locked-retry_after", _locked, Locked, 423),
    # ---- rows only fault injection can produce
    Row("429-rate_limited-get", _profile, RateLimited, 429, {"retry_after_s": 120},
        setup=lambda w: w.faults.inject("/inmates", status=429, retry_after=120)),
    Row("429-rate_limited-post", _register_slip, RateLimited, 429, {"retry_after_s": 2},
        setup=lambda w: w.faults.inject("/slips", status=429, retry_after=2)),
    Row("503-maintenance", lambda w: w.client.health(), Maintenance, 503,
        {"retry_after_s": 600},
        setup=lambda w: w.faults.inject("/health", status=503, retry_after=600)),
    Row("500-server_error", _file_enquiry, ServiceUnavailable, 500,
        setup=lambda w: w.faults.inject("/enquiries", status=500)),
    Row("502-bad-gateway", lambda w: w.client.announcements("NM-HHHT1"), ServiceUnavailable, 502,
        setup=lambda w: w.faults.inject("/announcements", status=502, times=None)),
    Row("unknown-code-4xx", _register_slip, ServiceUnavailable, 409,
        setup=lambda w: w.faults.inject("/slips", status=409, code="conflict")),
    Row("unknown-code-on-known-status", _profile, ServiceUnavailable, 403,
        setup=lambda w: w.faults.inject("/inmates", status=403, code="new_rule", times=None)),
    # ---- transport faults
    Row("malformed-body", _profile, BadResponse, 200,
        setup=lambda w: w.faults.inject("/inmates", kind="malformed", times=None)),
    Row("truncated-body", _living, ConnectionFailed, None,
        setup=lambda w: w.faults.inject("/inmates", kind="truncated", times=None)),
    Row("dropped-connection", _register_slip, ConnectionFailed, None,
        setup=lambda w: w.faults.inject("/slips", kind="drop")),
    Row("read-timeout", _profile, RequestTimeout, None,
        setup=lambda w: w.faults.inject("/inmates", kind="delay", delay_s=1.5, times=None)),
    Row("connection-refused",
        lambda w: w.make_client(f"http://127.0.0.1:{_closed_port()}/api/v1").health(),
        ConnectionFailed, None),
]


@pytest.mark.parametrize("row", ROWS, ids=[row.id for row in ROWS])
def test_error_row_becomes_its_exception(
    row: Row, central: RunningServer, central_faults: FaultPlan, make_client: MakeClient,
    family: DemoCredential, other_family: DemoCredential, locked_family: DemoCredential,
) -> None:
    # No retries and a short read timeout: this table is about the mapping (retries have their
    # own tests), and a retried GET would consume the fault differently.
    client = make_client(get_retries=0, read_timeout_s=0.75)
    created = sign_in(client, family)
    world = World(central, central_faults, client, make_client, created.session_token,
                  family.inmate_ids[0], other_family.inmate_ids[0], locked_family)
    row.setup(world)

    with pytest.raises(ApiError) as caught:
        row.call(world)

    error = caught.value
    assert type(error) is row.expected
    assert error.status == row.status
    assert uuid.UUID(error.request_id or "").version == 4
    for name, value in row.attributes.items():
        assert getattr(error, name) == value
    # requests' exceptions name the URL (inmate id, verify code): they do not ride along.
    assert error.__cause__ is None
    assert error.__context__ is None or error.__suppress_context__
    assert world.inmate_id not in str(error)


def test_attempts_left_counts_down_then_locks(client: CentralClient) -> None:
    request = SessionRequest(id_number=fresh_id_number(), reference_number="WRONG-REF-1",
                             method=AuthMethod.MANUAL)
    left = []
    for _ in range(4):
        with pytest.raises(InvalidCredentials) as caught:
            client.create_session(request)
        left.append(caught.value.attempts_left)
    assert left == [4, 3, 2, 1]
    with pytest.raises(Locked) as locked:
        client.create_session(request)
    assert locked.value.retry_after_s == 900


def test_locked_carries_the_seconds_from_the_error_body(
    client: CentralClient, locked_family: DemoCredential,
) -> None:
    with pytest.raises(Locked) as caught:
        sign_in(client, locked_family)
    # The demo credential is locked for a day from the server's start.
    assert 0 < (caught.value.retry_after_s or 0) <= 24 * 3600


def test_wrong_shape_names_the_field(make_client: MakeClient,
                                     recording_server: RecordingServer) -> None:
    health = {"status": "ok", "time": "2026-11-27T10:00:00", "api_version": "1.3"}  # no offset
    recording_server.answers.append(
        (200, {"Content-Type": "application/json"}, json.dumps(health).encode()))
    client = make_client(recording_server.base_url)
    with pytest.raises(BadResponse) as caught:
        client.health()
    assert type(caught.value) is BadResponse
    assert "wrong shape at time" in caught.value.message


def test_redirect_is_not_followed(make_client: MakeClient,
                                  recording_server: RecordingServer) -> None:
    recording_server.answers.append((302, {"Location": "https://elsewhere.example/"}, b""))
    client = make_client(recording_server.base_url)
    with pytest.raises(BadResponse, match="redirect"):
        client.health()
    assert len(recording_server.requests) == 1


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.profile("token-xyz-123", "../../health"),
        lambda c: c.reform("token-xyz-123", "nm150001"),
        lambda c: c.verify_slip("NM-2026-1/../x", "ABCD2345"),
        lambda c: c.verify_slip("NM-2026-0000001", "abc d"),
        lambda c: c.enquiry("E 1"),
        lambda c: c.living("has space", "NM150001"),
        lambda c: c.section("token-xyz-123", "NM150001", "photos"),
    ],
    ids=["inmate-path-traversal", "inmate-lower-case", "slip-path-traversal", "bad-code",
         "bad-ticket", "bad-session-token", "unknown-section"],
)
def test_bad_arguments_never_reach_the_wire(
    call: Callable[[CentralClient], object], make_client: MakeClient,
    recording_server: RecordingServer,
) -> None:
    recording_server.answers.append((500, {}, b""))
    with pytest.raises(InvalidRequest):
        call(make_client(recording_server.base_url))
    assert recording_server.requests == []
