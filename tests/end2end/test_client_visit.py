"""A whole visit through the API client alone, against the reference server over real HTTP:
what the kiosk does from the attract screen to the family walking away, minus the screens."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from kiosk.api.client import CentralClient
from kiosk.api.errors import SessionExpired
from kiosk.api.models import (
    Assessment,
    AuditEvent,
    AuthMethod,
    EnquiryReason,
    EnquiryRequest,
    EnquirySection,
    EnquiryStatus,
    EventBatch,
    EventType,
    Heartbeat,
    Living,
    PrinterState,
    ReaderState,
    Reform,
    Rewards,
    Section,
    SessionRequest,
    SlipRequest,
    TerminalState,
)
from kiosk.reference_server import DemoCredential, RunningServer

TERMINAL_ID = "E2E-LOBBY-01"


@pytest.fixture
def client(central: RunningServer) -> Iterator[CentralClient]:
    with CentralClient(central.base_url, TERMINAL_ID, "demo-token") as made:
        yield made


def test_a_whole_visit(client: CentralClient, central: RunningServer,
                       demo_credentials: list[DemoCredential]) -> None:
    # Attract screen: is the service there, what is new.
    assert client.health().status == "ok"
    notices = client.announcements("NM-HHHT1").items
    assert notices
    assert [n.published_at for n in notices] == sorted(
        (n.published_at for n in notices), reverse=True)

    # A family member linked to two inmates signs in.
    family = next(c for c in demo_credentials if c.note == "two inmates")
    session = client.create_session(SessionRequest(
        id_number=family.id_number, reference_number=family.reference_number,
        method=AuthMethod.CARD))
    token = session.session_token
    assert [i.inmate_id for i in session.inmates] == list(family.inmate_ids)
    assert "*" in session.visitor.display_name  # masked by the service

    # Every record of both inmates, typed.
    for inmate_id in family.inmate_ids:
        profile = client.profile(token, inmate_id)
        assert profile.inmate_id == inmate_id
        assert profile.sentence.current_end <= profile.sentence.end
        records = {section: client.section(token, inmate_id, section) for section in Section}
        assert isinstance(records[Section.REFORM], Reform)
        assert isinstance(records[Section.ASSESSMENT], Assessment)
        assert isinstance(records[Section.REWARDS], Rewards)
        living = records[Section.LIVING]
        assert isinstance(living, Living)
        assert isinstance(living.account.balance, Decimal)
        # The typed wrappers answer the same as section().
        assert client.living(token, inmate_id) == living

    # A slip is printed and registered; anyone holding it can check it, by number or by QR.
    inmate_id = family.inmate_ids[0]
    content = json.dumps({"inmate": inmate_id, "sections": ["reform", "living"]},
                         sort_keys=True, separators=(",", ":")).encode()
    digest = hashlib.sha256(content).hexdigest()
    slip = client.register_slip(token, SlipRequest(
        inmate_id=inmate_id, sections=[Section.REFORM, Section.LIVING], content_sha256=digest))
    by_number = client.verify_slip(slip.slip_no, slip.verify_code)
    by_qr = client.verify_url(slip.verify_url)
    assert by_number == by_qr
    assert by_qr.valid and by_qr.content_sha256 == digest
    assert by_qr.sections == [Section.REFORM, Section.LIVING]

    # The family disputes a section; the ticket can be read back.
    filed = client.file_enquiry(token, EnquiryRequest(
        inmate_id=inmate_id, section=EnquirySection.ASSESSMENT,
        reason=EnquiryReason.INCORRECT))
    state = client.enquiry(filed.ticket_no)
    assert state.ticket_no == filed.ticket_no
    assert state.status is EnquiryStatus.RECEIVED

    # The audit queue uploads; a resend after a lost answer stores nothing twice.
    now = datetime.now(UTC)
    batch = EventBatch(events=[
        AuditEvent(event_id=str(uuid.uuid4()), type=EventType.SESSION_STARTED, at=now,
                   subject="ab" * 32, data={"method": "card"}),
        AuditEvent(event_id=str(uuid.uuid4()), type=EventType.RATING, at=now,
                   data={"score": 3}),
    ])
    ids = [event.event_id for event in batch.events]
    assert client.send_events(batch).accepted == ids
    assert client.send_events(batch).accepted == ids
    stored = [e.event_id for e in central.events() if e.event_id in ids]
    assert sorted(stored) == sorted(ids)

    # The terminal reports in.
    client.heartbeat(Heartbeat(version="1.4.0", uptime_s=86400, state=TerminalState.IN_SESSION,
                               printer=PrinterState.PAPER_LOW, reader=ReaderState.READY,
                               queued_events=0))
    beats = [b for b in central.heartbeats() if b.terminal_id == TERMINAL_ID]
    assert beats and beats[-1].printer is PrinterState.PAPER_LOW

    # The family leaves: the session ends and its token opens nothing any more.
    client.end_session(token)
    with pytest.raises(SessionExpired):
        client.reform(token, inmate_id)
    assert client.last_latency_ms is not None
