"""Every endpoint of the contract, over real HTTP, answering what the dataset holds."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from kiosk.api import models
from kiosk.reference_server import DemoCredential, RunningServer
from kiosk.timefmt import BEIJING

from .conftest import TERMINAL_ID, Api, credential, plain_session

SECTIONS = {
    "profile": models.Profile,
    "reform": models.Reform,
    "assessment": models.Assessment,
    "rewards": models.Rewards,
    "living": models.Living,
}


def test_health_needs_no_terminal_headers(central: RunningServer) -> None:
    with plain_session() as http:
        response = http.get(central.base_url + "/health", timeout=10)
    assert response.status_code == 200
    health = models.Health.model_validate(response.json())
    assert health.status == "ok" and health.api_version == models.API_VERSION
    assert health.time.utcoffset() == timedelta(hours=8)
    assert abs(health.time - datetime.now(UTC)) < timedelta(minutes=1)


def test_announcements_newest_first_and_filtered_by_prison(api: Api) -> None:
    everything = models.Announcements.model_validate(api.get("/announcements").json()).items
    dates = [a.published_at for a in everything]
    assert len(everything) >= 5 and dates == sorted(dates, reverse=True)
    baotou = models.Announcements.model_validate(
        api.get("/announcements", params={"prison_code": "NM-BT"}).json()
    ).items
    assert 0 < len(baotou) < len(everything)
    assert {a.id for a in baotou} <= {a.id for a in everything}
    assert any("包头" in a.title or "终端" in a.title for a in baotou)


def test_sign_in_answers_the_visitor_and_every_linked_inmate(
    api: Api, central: RunningServer, demo_credentials: list[DemoCredential]
) -> None:
    family = credential(demo_credentials, "three inmates")
    before = datetime.now(UTC)
    response = api.sign_in_response(family.id_number, family.reference_number, "card")
    assert response.status_code == 201
    created = models.SessionCreated.model_validate(response.json())
    assert [i.inmate_id for i in created.inmates] == list(family.inmate_ids)
    world = central.store.dataset
    for linked in created.inmates:
        profile = world.inmate(linked.inmate_id).profile
        assert (linked.name, linked.prison_name, linked.ward) == (
            profile.name,
            profile.prison_name,
            profile.ward,
        )
    assert {i.relationship for i in created.inmates} == {"夫妻", "母子"}
    assert re.fullmatch(r".\*+.|.\*", created.visitor.display_name)
    assert created.expires_at.utcoffset() == timedelta(hours=8)
    ttl = created.expires_at - before
    assert timedelta(seconds=890) < ttl < timedelta(seconds=910)


@pytest.mark.parametrize("section", SECTIONS)
def test_each_section_is_the_dataset_record(
    section: str, api: Api, central: RunningServer, demo_credentials: list[DemoCredential]
) -> None:
    family = credential(demo_credentials, "ten years of assessments")
    token = api.sign_in(family)
    inmate_id = family.inmate_ids[0]
    response = api.get(f"/inmates/{inmate_id}/{section}", token=token)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    answer = SECTIONS[section].model_validate(response.json())
    assert answer == getattr(central.store.dataset.inmate(inmate_id), section)


def test_money_and_points_travel_as_the_contract_says(
    api: Api, demo_credentials: list[DemoCredential]
) -> None:
    family = credential(demo_credentials, "one inmate")
    token = api.sign_in(family)
    living = api.get(f"/inmates/{family.inmate_ids[0]}/living", token=token).json()
    assert isinstance(living["account"]["balance"], str)
    assert re.fullmatch(r"\d+\.\d\d", living["account"]["balance"])
    assert all(isinstance(t["amount"], str) for t in living["transactions"])
    assessment = api.get(f"/inmates/{family.inmate_ids[0]}/assessment", token=token).json()
    assert all(isinstance(m["total"], int | float) for m in assessment["months"])


def test_ending_the_session_revokes_its_token(
    api: Api, demo_credentials: list[DemoCredential]
) -> None:
    family = credential(demo_credentials, "one inmate")
    token = api.sign_in(family)
    assert api.request("DELETE", "/sessions/current", token=token).status_code == 204
    response = api.get(f"/inmates/{family.inmate_ids[0]}/profile", token=token)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "session_expired"


def test_a_registered_slip_verifies_at_its_url_without_any_headers(
    api: Api, central: RunningServer, demo_credentials: list[DemoCredential]
) -> None:
    family = credential(demo_credentials, "rare characters in name")
    token = api.sign_in(family)
    digest = "0123456789abcdef" * 4
    response = api.post(
        "/slips",
        token=token,
        json={
            "inmate_id": family.inmate_ids[0],
            "sections": ["reform", "living"],
            "content_sha256": digest,
        },
    )
    assert response.status_code == 201
    slip = models.SlipRegistered.model_validate(response.json())
    assert re.fullmatch(r"NM-\d{4}-\d{7}", slip.slip_no)
    assert re.fullmatch(r"[A-HJKMNP-Z2-9]{8}", slip.verify_code)
    assert slip.verify_url == f"{central.base_url}/slips/{slip.slip_no}?c={slip.verify_code}"
    assert slip.issued_at.utcoffset() == timedelta(hours=8)

    with plain_session() as phone:
        check = phone.get(slip.verify_url, timeout=10)
        lower = phone.get(slip.verify_url.lower().replace("nm-", "NM-"), timeout=10)
    assert check.status_code == 200
    verification = models.SlipVerification.model_validate(check.json())
    assert verification.valid
    assert verification.inmate_name == "𠮷*"
    assert verification.sections == [models.Section.REFORM, models.Section.LIVING]
    assert verification.content_sha256 == digest
    assert verification.issued_at == slip.issued_at
    assert lower.status_code == 200  # a code typed in lower case still verifies


def test_slip_numbers_count_up(api: Api, demo_credentials: list[DemoCredential]) -> None:
    family = credential(demo_credentials, "one inmate")
    token = api.sign_in(family)
    body = {"inmate_id": family.inmate_ids[0], "sections": ["reform"], "content_sha256": "f" * 64}
    first, second = (api.post("/slips", token=token, json=body).json() for _ in range(2))
    assert int(second["slip_no"][-7:]) == int(first["slip_no"][-7:]) + 1
    assert first["verify_code"] != second["verify_code"]


def test_an_enquiry_gets_a_ticket_a_due_date_and_a_tracking_url(
    api: Api, central: RunningServer, demo_credentials: list[DemoCredential]
) -> None:
    family = credential(demo_credentials, "two inmates")
    token = api.sign_in(family)
    body = {"inmate_id": family.inmate_ids[1], "section": "assessment", "reason": "incorrect"}
    response = api.post("/enquiries", token=token, json=body)
    assert response.status_code == 201
    filed = models.EnquiryFiled.model_validate(response.json())
    assert re.fullmatch(r"E-\d{4}-\d{6}", filed.ticket_no)
    assert filed.reply_due == datetime.now(BEIJING).date() + timedelta(days=14)
    assert filed.track_url == f"{central.base_url}/enquiries/{filed.ticket_no}"
    state = models.EnquiryState.model_validate(api.get(f"/enquiries/{filed.ticket_no}").json())
    assert state == models.EnquiryState(ticket_no=filed.ticket_no, status="received", reply=None)


def test_enquiries_filed_earlier_show_their_status(api: Api) -> None:
    answered = models.EnquiryState.model_validate(api.get("/enquiries/E-2026-000101").json())
    assert answered.status is models.EnquiryStatus.ANSWERED and answered.reply
    in_review = models.EnquiryState.model_validate(api.get("/enquiries/E-2026-000102").json())
    assert in_review.status is models.EnquiryStatus.IN_REVIEW and in_review.reply is None


def test_heartbeats_are_stored(api: Api, central: RunningServer) -> None:
    body = {
        "version": "1.4.0",
        "uptime_s": 86400,
        "state": "ready",
        "printer": "paper_low",
        "reader": "ready",
        "queued_events": 3,
    }
    response = api.post(f"/terminals/{TERMINAL_ID}/heartbeat", json=body)
    assert response.status_code == 204 and response.content == b""
    last = central.heartbeats()[-1]
    assert last.terminal_id == TERMINAL_ID
    assert (last.printer, last.queued_events, last.uptime_s) == (
        models.PrinterState.PAPER_LOW,
        3,
        86400,
    )


def _event(kind: str = "session_started", **data: object) -> dict[str, object]:
    return {
        "event_id": str(uuid.uuid4()),
        "type": kind,
        "at": datetime.now(BEIJING).isoformat(),
        "subject": "ab" * 32,
        "data": data,
    }


def test_events_are_idempotent_by_event_id(api: Api, central: RunningServer) -> None:
    started, rating = _event(), _event("rating", score=3)
    batch = {"events": [started, rating, started]}
    first = api.post(f"/terminals/{TERMINAL_ID}/events", json=batch)
    again = api.post(f"/terminals/{TERMINAL_ID}/events", json={"events": [rating]})
    assert first.status_code == 200 and again.status_code == 200
    ids = [started["event_id"], rating["event_id"], started["event_id"]]
    assert first.json() == {"accepted": ids}
    assert again.json() == {"accepted": [rating["event_id"]]}
    stored = [e for e in central.events() if e.event_id in ids]
    assert [e.event_id for e in stored] == ids[:2]
    assert stored[1].type is models.EventType.RATING and stored[1].data == {"score": 3}
    assert stored[0].terminal_id == TERMINAL_ID and stored[0].subject == "ab" * 32
