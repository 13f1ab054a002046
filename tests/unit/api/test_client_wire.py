"""What the client puts on the wire: identity headers, a fresh X-Request-Id, no cookies, and
verify URLs only for its own server. Headers are read back by the recording HTTP endpoint; the
reference server confirms the identity it saw."""

from __future__ import annotations

import io
import json
import time
import uuid
from typing import Any
from urllib.parse import urlsplit

import pytest
import requests

from kiosk.api.client import MAX_BODY_BYTES, CentralClient, _read_body
from kiosk.api.errors import BadResponse, InvalidRequest, NotFound
from kiosk.api.models import (
    Heartbeat,
    PrinterState,
    ReaderState,
    Section,
    SlipRequest,
    TerminalState,
)
from kiosk.reference_server import RunningServer
from tests.unit.api.conftest import TERMINAL_ID, MakeClient, RecordingServer

HEALTH = json.dumps({"status": "ok", "time": "2026-11-27T10:00:00+08:00",
                     "api_version": "1.3"}).encode()
JSON = {"Content-Type": "application/json"}


def test_identity_headers_on_every_call(make_client: MakeClient,
                                        recording_server: RecordingServer) -> None:
    recording_server.answers.append((200, JSON, HEALTH))
    client = make_client(recording_server.base_url)
    client.health()
    client.health()
    first, second = recording_server.requests
    for seen in (first, second):
        assert seen.path == "/api/v1/health"
        assert seen.headers["X-Terminal-Id"] == TERMINAL_ID
        assert seen.headers["Authorization"] == "Bearer demo-token"
        assert uuid.UUID(seen.headers["X-Request-Id"]).version == 4
        assert "X-Session-Token" not in seen.headers
    assert first.headers["X-Request-Id"] != second.headers["X-Request-Id"]


def test_session_token_header_when_acting_for_a_family(
    make_client: MakeClient, recording_server: RecordingServer,
) -> None:
    recording_server.answers.append((404, JSON, b'{"error": {"code": "not_found"}}'))
    client = make_client(recording_server.base_url)
    with pytest.raises(NotFound):
        client.profile("session-token-1234", "NM150001")
    (seen,) = recording_server.requests
    assert seen.path == "/api/v1/inmates/NM150001/profile"
    assert seen.headers["X-Session-Token"] == "session-token-1234"


def test_retried_get_uses_a_new_request_id_per_attempt(
    make_client: MakeClient, recording_server: RecordingServer,
) -> None:
    recording_server.answers.extend([(500, {}, b""), (502, {}, b""), (200, JSON, HEALTH)])
    make_client(recording_server.base_url, get_retries=2).health()
    ids = [seen.headers["X-Request-Id"] for seen in recording_server.requests]
    assert len(ids) == 3 and len(set(ids)) == 3


def test_cookies_are_never_sent_back(make_client: MakeClient,
                                     recording_server: RecordingServer) -> None:
    recording_server.answers.append((200, {**JSON, "Set-Cookie": "sid=abc; Path=/"}, HEALTH))
    client = make_client(recording_server.base_url)
    client.health()
    client.health()
    assert all("Cookie" not in seen.headers for seen in recording_server.requests)


def test_reference_server_sees_this_terminal(client: CentralClient,
                                             central: RunningServer) -> None:
    client.heartbeat(Heartbeat(version="9.9.9", uptime_s=1, state=TerminalState.READY,
                               printer=PrinterState.UNKNOWN, reader=ReaderState.ABSENT,
                               queued_events=0))
    assert any(beat.terminal_id == TERMINAL_ID and beat.version == "9.9.9"
               for beat in central.heartbeats())


# ---- verify URLs -------------------------------------------------------------------------------


def test_verify_url_of_a_registered_slip(client: CentralClient, session: Any,
                                         family: Any) -> None:
    slip = client.register_slip(session.session_token, SlipRequest(
        inmate_id=family.inmate_ids[0], sections=[Section.REFORM, Section.LIVING],
        content_sha256="c" * 64))
    assert slip.verify_url.startswith(client.base_url + "/")
    verification = client.verify_url(slip.verify_url)
    assert verification.valid
    assert verification.sections == [Section.REFORM, Section.LIVING]
    assert verification.content_sha256 == "c" * 64


FOREIGN = [
    ("other-host", "https://evil.example/api/v1/slips/NM-2026-0000001?c=ABCD2345"),
    ("other-port", "{scheme}://{host}:1/api/v1/slips/NM-2026-0000001?c=ABCD2345"),
    ("other-scheme", "ftp://{host}:{port}/api/v1/slips/NM-2026-0000001?c=ABCD2345"),
    ("outside-base-path", "{scheme}://{host}:{port}/slips/NM-2026-0000001?c=ABCD2345"),
    ("base-path-prefix-only", "{scheme}://{host}:{port}/api/v10/slips/NM-1?c=ABCD2345"),
    ("other-endpoint", "{scheme}://{host}:{port}/api/v1/inmates/NM150001?c=ABCD2345"),
    ("no-code", "{scheme}://{host}:{port}/api/v1/slips/NM-2026-0000001"),
    ("two-codes", "{scheme}://{host}:{port}/api/v1/slips/NM-2026-0000001?c=ABCD2345&c=X1Y2"),
    ("traversal", "{scheme}://{host}:{port}/api/v1/slips/../health?c=ABCD2345"),
    ("userinfo", "{scheme}://u:p@{host}:{port}/api/v1/slips/NM-2026-0000001?c=ABCD2345"),
    ("not-a-url", "scan error"),
]


@pytest.mark.parametrize("template", [row[1] for row in FOREIGN],
                         ids=[row[0] for row in FOREIGN])
def test_verify_url_elsewhere_is_refused_without_a_request(
    template: str, make_client: MakeClient, recording_server: RecordingServer,
) -> None:
    recording_server.answers.append((200, JSON, HEALTH))
    base = urlsplit(recording_server.base_url)
    url = template.format(scheme=base.scheme, host=base.hostname, port=base.port)
    with pytest.raises(InvalidRequest):
        make_client(recording_server.base_url).verify_url(url)
    assert recording_server.requests == []


def test_verify_url_with_wrong_code_is_not_found(client: CentralClient, session: Any,
                                                 family: Any) -> None:
    slip = client.register_slip(session.session_token, SlipRequest(
        inmate_id=family.inmate_ids[0], sections=[Section.ASSESSMENT],
        content_sha256="d" * 64))
    with pytest.raises(NotFound):
        client.verify_url(slip.verify_url.replace(f"c={slip.verify_code}", "c=ZZZZ9999"))


@pytest.mark.parametrize(
    ("declared", "outcome"),
    [("5", "read"), ("\u00b2", "read"), ("9" * 5000, "too large"), ("-1", "read"),
     (str(MAX_BODY_BYTES + 1), "too large")],
    ids=["honest", "superscript-two", "5000-digits", "negative", "over-the-cap"],
)
def test_a_hostile_content_length_is_judged_not_trusted(declared: str, outcome: str) -> None:
    # A Response built by hand: urllib3 would refuse some of these before the client sees
    # them, but the client must not depend on that (str.isdigit() takes "²").
    response = requests.Response()
    response.status_code = 200
    response.headers["Content-Length"] = declared
    response.raw = io.BytesIO(b"hello")
    if outcome == "read":
        assert _read_body(response, time.monotonic() + 5, "r") == b"hello"
    else:
        with pytest.raises(BadResponse, match="too large"):
            _read_body(response, time.monotonic() + 5, "r")
