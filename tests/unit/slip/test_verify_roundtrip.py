"""A slip printed from real answers of the reference server, then checked as a verifier would.

Real HTTP on loopback: sign in, read the profile and every section, register the slip with the
hash of its canonical JSON, render it, decode the QR from a 203 dpi rasterisation and GET the
URL it carries.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import requests

from kiosk.api.models import (
    SECTION_MODELS,
    EnquiryFiled,
    Profile,
    Section,
    SessionCreated,
    SlipRegistered,
    SlipRequest,
    SlipVerification,
)
from kiosk.slip import SlipContent, content_sha256, render_enquiry_ticket, render_slip
from tests.unit.slip import pdfcheck

TERMINAL = "DEMO-LOBBY-01"


@pytest.fixture
def family(central, demo_credentials):
    http = requests.Session()
    http.trust_env = False
    http.headers.update({"X-Terminal-Id": TERMINAL, "Authorization": "Bearer demo-token"})
    cred = demo_credentials[0]
    answer = http.post(f"{central.base_url}/sessions", json={
        "id_number": cred.id_number, "reference_number": cred.reference_number,
        "method": "manual"}, timeout=10)
    assert answer.status_code == 201, answer.text
    session = SessionCreated.model_validate_json(answer.content)
    http.headers["X-Session-Token"] = session.session_token
    yield http, session, cred.id_number
    http.delete(f"{central.base_url}/sessions/current", timeout=10)


def _masked(id_number: str) -> str:
    return id_number[:6] + "*" * 8 + id_number[-4:]


@pytest.mark.parametrize("layout", ["receipt80", "a4"])
def test_printed_slip_verifies_against_the_central_server(central, family, layout):
    http, session, id_number = family
    inmate = session.inmates[0]
    base = f"{central.base_url}/inmates/{inmate.inmate_id}"
    profile = Profile.model_validate_json(http.get(f"{base}/profile", timeout=10).content)
    sections = {
        s: SECTION_MODELS[s].model_validate_json(http.get(f"{base}/{s.value}", timeout=10).content)
        for s in Section
    }
    content = SlipContent(
        prison_name=inmate.prison_name, terminal_id=TERMINAL,
        issued_at=datetime.now(UTC), visitor_masked_id=_masked(id_number),
        profile=profile, sections=sections,  # type: ignore[arg-type]
    )
    digest = content_sha256(content)
    request = SlipRequest(inmate_id=inmate.inmate_id, sections=list(sections),
                          content_sha256=digest)
    answer = http.post(f"{central.base_url}/slips", data=request.model_dump_json(),
                       headers={"Content-Type": "application/json"}, timeout=10)
    assert answer.status_code == 201, answer.text
    registration = SlipRegistered.model_validate_json(answer.content)

    pdf = render_slip(content, registration, layout)

    text = pdfcheck.compact(pdfcheck.all_text(pdf))
    assert profile.name in text and registration.slip_no in text
    assert _masked(id_number) in text and id_number not in text
    [code] = pdfcheck.qr_codes(pdf, 203, mono=True)
    assert code.text == registration.verify_url

    verifier = requests.Session()
    verifier.trust_env = False  # anyone holding the slip: no terminal headers
    checked = verifier.get(code.text, timeout=10)
    assert checked.status_code == 200, checked.text
    verification = SlipVerification.model_validate_json(checked.content)
    assert verification.valid
    assert verification.content_sha256 == digest
    assert set(verification.sections) == set(Section)


def test_enquiry_ticket_qr_tracks_the_enquiry(central, family):
    http, session, _ = family
    answer = http.post(f"{central.base_url}/enquiries", json={
        "inmate_id": session.inmates[0].inmate_id, "section": "living",
        "reason": "unclear"}, timeout=10)
    assert answer.status_code == 201, answer.text
    ticket = EnquiryFiled.model_validate_json(answer.content)
    pdf = render_enquiry_ticket(ticket, session.inmates[0].prison_name, TERMINAL,
                                datetime.now(UTC), "receipt80")
    [code] = pdfcheck.qr_codes(pdf)
    assert code.text == ticket.track_url
    tracked = http.get(code.text, timeout=10)
    assert tracked.status_code == 200 and ticket.ticket_no in tracked.text
