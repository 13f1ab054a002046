"""The client's log lines name the call, never the family: no ID or reference number, no
tokens, no inmate id, names or record contents — not even in the text of a failure."""

from __future__ import annotations

import logging
import re
from typing import Any

import pytest

from kiosk.api.client import CentralClient
from kiosk.api.errors import ApiError, InvalidCredentials
from kiosk.api.models import (
    AuthMethod,
    EnquiryReason,
    EnquiryRequest,
    EnquirySection,
    Section,
    SessionRequest,
    SlipRequest,
)
from tests.unit.api.conftest import MakeClient, sign_in

REQUEST_ID = re.compile(r"request_id=[0-9a-f-]{36}")
# The reference server runs in this process; its own (access) log is not the terminal's.
SERVER_LOGGERS = ("uvicorn", "kiosk.reference_server")


def _client_log(caplog: pytest.LogCaptureFixture) -> str:
    return "\n".join(r.getMessage() for r in caplog.records
                     if not r.name.startswith(SERVER_LOGGERS))


def _visit(client: CentralClient, family: Any) -> list[str]:
    """A visit touching every kind of call; returns the personal strings it saw."""
    created = sign_in(client, family)
    inmate_id = family.inmate_ids[0]
    profile = client.profile(created.session_token, inmate_id)
    for section in Section:
        client.section(created.session_token, inmate_id, section)
    slip = client.register_slip(created.session_token, SlipRequest(
        inmate_id=inmate_id, sections=list(Section), content_sha256="e" * 64))
    client.verify_url(slip.verify_url)
    ticket = client.file_enquiry(created.session_token, EnquiryRequest(
        inmate_id=inmate_id, section=EnquirySection.REFORM, reason=EnquiryReason.OTHER))
    client.enquiry(ticket.ticket_no)
    client.end_session(created.session_token)
    return [family.id_number, family.reference_number, created.session_token, inmate_id,
            profile.name, created.visitor.display_name, slip.verify_code, ticket.ticket_no,
            profile.crime]


def test_a_whole_visit_logs_no_personal_data(
    make_client: MakeClient, family: Any, caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG, logger="kiosk.api")
    caplog.set_level(logging.INFO)  # libraries at the kiosk's default level
    secrets = [*_visit(make_client(), family), "demo-token"]

    api_lines = [r.getMessage() for r in caplog.records if r.name == "kiosk.api"]
    assert len(api_lines) >= 10
    assert all(REQUEST_ID.search(line) for line in api_lines)
    assert any("GET /inmates/{inmate_id}/living -> 200" in line for line in api_lines)
    assert any("POST /sessions -> 201" in line for line in api_lines)
    assert any("GET /slips/{slip_no} -> 200" in line for line in api_lines)
    logged = _client_log(caplog)
    for secret in secrets:
        assert secret not in logged, f"logged: {secret[:3]}…"


def test_a_failure_logs_and_carries_no_personal_data(
    make_client: MakeClient, caplog: pytest.LogCaptureFixture, central_faults: Any,
    family: Any,
) -> None:
    caplog.set_level(logging.DEBUG, logger="kiosk.api")
    client = make_client(get_retries=1)
    wrong = SessionRequest(id_number=family.id_number, reference_number="NOPE-NOPE-1",
                           method=AuthMethod.MANUAL)
    with pytest.raises(InvalidCredentials) as credentials_error:
        client.create_session(wrong)
    created = sign_in(client, family)  # a success resets the server's failure count
    central_faults.inject("/inmates", kind="truncated", times=2)
    with pytest.raises(ApiError) as transport_error:
        client.profile(created.session_token, family.inmate_ids[0])

    secrets = [family.id_number, family.reference_number, "NOPE-NOPE-1",
               created.session_token, family.inmate_ids[0]]
    logged = _client_log(caplog)
    for secret in secrets:
        assert secret not in logged
        for error in (credentials_error.value, transport_error.value):
            assert secret not in str(error)
            assert secret not in repr(error)
    assert "retrying in 0.25 s" in logged
    client.end_session(created.session_token)
