"""Every row of the contract's error table, each in the exact ``{"error": {...}}`` shape."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from kiosk.reference_server import DemoCredential, RunningServer, ServerConfig, start_server
from kiosk.reference_server.faults import FaultPlan
from kiosk.timefmt import BEIJING

from .conftest import TERMINAL_ID, Api, credential, error_of, plain_session, unknown_id_number


@pytest.fixture
def token(api: Api, demo_credentials: list[DemoCredential]) -> str:
    return api.sign_in(credential(demo_credentials, "one inmate"))


@pytest.fixture
def inmate_id(demo_credentials: list[DemoCredential]) -> str:
    return credential(demo_credentials, "one inmate").inmate_ids[0]


@pytest.fixture
def lockouts_reset(central: RunningServer) -> Iterator[None]:
    yield
    central.reset_lockouts()


# ---- 400 invalid_request -----------------------------------------------------------------------

GOOD_ID = "11010519491231002X"  # the GB 11643 example number: valid, in nobody's name here
# What a Chinese input method types: the same number in full-width digits and letters.
_FULL_WIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")
EVENT = {"event_id": "e-" + "1" * 10, "type": "fault", "at": "2026-11-27T10:15:00+08:00"}
INVALID = {
    "body not JSON": ("POST", "/sessions", {"data": "{not json"}),
    "field missing": ("POST", "/sessions", {"json": {"id_number": GOOD_ID, "method": "card"}}),
    "unknown field": (
        "POST",
        "/sessions",
        {
            "json": {
                "id_number": GOOD_ID,
                "reference_number": "NM24-7K3P-9Q",
                "method": "card",
                "pin": "1234",
            }
        },
    ),
    "wrong check character": (
        "POST",
        "/sessions",
        {
            "json": {
                "id_number": GOOD_ID[:-1] + "1",
                "reference_number": "NM24-7K3P-9Q",
                "method": "manual",
            }
        },
    ),
    "unknown method": (
        "POST",
        "/sessions",
        {"json": {"id_number": GOOD_ID, "reference_number": "NM24-7K3P-9Q", "method": "face"}},
    ),
    "X-Terminal-Id missing": ("GET", "/announcements", {"headers": {"X-Terminal-Id": None}}),
    "X-Terminal-Id malformed": ("GET", "/announcements", {"headers": {"X-Terminal-Id": "a b"}}),
    "bad prison code": ("GET", "/announcements", {"params": {"prison_code": "<script>"}}),
    "slip code missing": ("GET", "/slips/NM-2026-0000001", {}),
    "heartbeat for another terminal": (
        "POST",
        "/terminals/OTHER-01/heartbeat",
        {
            "json": {
                "version": "1",
                "uptime_s": 1,
                "state": "ready",
                "printer": "ready",
                "reader": "ready",
                "queued_events": 0,
            }
        },
    ),
    "event carrying an ID number": (
        "POST",
        f"/terminals/{TERMINAL_ID}/events",
        {"json": {"events": [{**EVENT, "data": {"note": f"visitor {GOOD_ID}"}}]}},
    ),
    "event carrying an ID number in full-width digits": (
        "POST",
        f"/terminals/{TERMINAL_ID}/events",
        {"json": {"events": [{**EVENT, "data": {"note": GOOD_ID.translate(_FULL_WIDTH)}}]}},
    ),
    "event data keyed by an ID number": (
        "POST",
        f"/terminals/{TERMINAL_ID}/events",
        {"json": {"events": [{**EVENT, "data": {GOOD_ID: 1}}]}},
    ),
    "rating out of range": (
        "POST",
        f"/terminals/{TERMINAL_ID}/events",
        {"json": {"events": [{**EVENT, "type": "rating", "data": {"score": 4}}]}},
    ),
    "empty event batch": ("POST", f"/terminals/{TERMINAL_ID}/events", {"json": {"events": []}}),
}


@pytest.mark.parametrize("case", INVALID)
def test_malformed_input_is_400_invalid_request(api: Api, case: str) -> None:
    method, path, kwargs = INVALID[case]
    response = api.request(method, path, **kwargs)
    error = error_of(response, 400, "invalid_request")
    assert error["message"]
    assert GOOD_ID[:10] not in error["message"]  # the values sent are never echoed


def test_the_field_at_fault_is_named(api: Api) -> None:
    response = api.post("/sessions", json={"id_number": GOOD_ID, "method": "card"})
    assert "reference_number" in error_of(response, 400, "invalid_request")["message"]


def test_a_malformed_inmate_id_is_400(api: Api, token: str) -> None:
    error_of(api.get("/inmates/nm%20150001/profile", token=token), 400, "invalid_request")


# ---- 401 and 423: signing in -------------------------------------------------------------------


@pytest.mark.usefixtures("lockouts_reset")
def test_wrong_reference_numbers_count_down_then_lock(
    api: Api, demo_credentials: list[DemoCredential]
) -> None:
    family = credential(demo_credentials, "two inmates")
    left = []
    for _ in range(4):
        response = api.sign_in_response(family.id_number, "NM00-AAAA-AA")
        left.append(error_of(response, 401, "invalid_credentials")["attempts_left"])
    assert left == [4, 3, 2, 1]
    fifth = api.sign_in_response(family.id_number, "NM00-AAAA-AA")
    assert error_of(fifth, 423, "locked")["retry_after"] == 900
    right = api.sign_in_response(family.id_number, family.reference_number)
    error = error_of(right, 423, "locked")  # even the right reference number, while locked
    assert 0 < error["retry_after"] <= 900
    assert right.headers["Retry-After"] == str(error["retry_after"])


@pytest.mark.usefixtures("lockouts_reset")
def test_a_success_forgets_earlier_failures(
    api: Api, demo_credentials: list[DemoCredential]
) -> None:
    family = credential(demo_credentials, "Mongolian name")
    api.sign_in_response(family.id_number, "NM00-AAAA-AA")
    api.sign_in(family)
    again = api.sign_in_response(family.id_number, "NM00-AAAA-AA")
    assert error_of(again, 401, "invalid_credentials")["attempts_left"] == 4


def test_unknown_id_numbers_are_counted_too(api: Api) -> None:
    number = unknown_id_number()
    first = api.sign_in_response(number, "NM24-7K3P-9Q")
    second = api.sign_in_response(number, "NM24-7K3P-9Q")
    assert error_of(first, 401, "invalid_credentials")["attempts_left"] == 4
    assert error_of(second, 401, "invalid_credentials")["attempts_left"] == 3


def test_the_prelocked_demo_credential_is_423(
    api: Api, demo_credentials: list[DemoCredential]
) -> None:
    family = credential(demo_credentials, "locked")
    response = api.sign_in_response(family.id_number, family.reference_number)
    assert error_of(response, 423, "locked")["retry_after"] > 900


# ---- 401 session_expired -----------------------------------------------------------------------


@pytest.mark.parametrize("session_token", [None, "", "not-a-session-token"])
def test_a_missing_or_unknown_session_token_is_401(
    api: Api, inmate_id: str, session_token: str | None
) -> None:
    response = api.get(f"/inmates/{inmate_id}/profile", token=session_token)
    error_of(response, 401, "session_expired")


def test_expire_sessions_ends_every_live_session(
    api: Api, central: RunningServer, demo_credentials: list[DemoCredential]
) -> None:
    one, two = (credential(demo_credentials, n) for n in ("one inmate", "two inmates"))
    tokens = [api.sign_in(one), api.sign_in(two)]
    central.expire_sessions()
    for token, family in zip(tokens, (one, two), strict=True):
        response = api.get(f"/inmates/{family.inmate_ids[0]}/reform", token=token)
        error_of(response, 401, "session_expired")
    error_of(api.request("DELETE", "/sessions/current", token=tokens[0]), 401, "session_expired")
    assert api.sign_in(one)  # new sessions work as before


class Clock:
    """The server's clock, moved by the test instead of waiting."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def test_sessions_expire_after_their_ttl(http: Any) -> None:
    clock = Clock()
    with start_server(ServerConfig(clock=clock)) as server:  # the default TTL: 900 s
        api = Api(server, http)
        family = server.credentials()[0]
        token = api.sign_in(family)
        path = f"/inmates/{family.inmate_ids[0]}/profile"
        clock.advance(899)
        assert api.get(path, token=token).status_code == 200
        clock.advance(1)
        error_of(api.get(path, token=token), 401, "session_expired")


def test_a_lock_ends_after_lockout_s_and_the_count_starts_again(http: Any) -> None:
    clock = Clock()
    with start_server(ServerConfig(clock=clock)) as server:
        api = Api(server, http)
        family = credential(server.credentials(), "one inmate")
        for _ in range(4):
            api.sign_in_response(family.id_number, "NM00-AAAA-AA")
        fifth = api.sign_in_response(family.id_number, "NM00-AAAA-AA")
        assert error_of(fifth, 423, "locked")["retry_after"] == 900
        clock.advance(899)
        late = api.sign_in_response(family.id_number, family.reference_number)
        assert error_of(late, 423, "locked")["retry_after"] == 1
        clock.advance(1)
        # The lock is over and its failures are spent: one wrong try does not lock again.
        wrong = api.sign_in_response(family.id_number, "NM00-AAAA-AA")
        assert error_of(wrong, 401, "invalid_credentials")["attempts_left"] == 4
        assert api.sign_in(family)


# ---- 401 terminal_unauthorized -----------------------------------------------------------------

TERMINAL_AUTH = {
    "no Authorization": {"Authorization": None},
    "unknown token": {"Authorization": "Bearer stolen-token"},
    "not a bearer token": {"Authorization": "Basic ZGVtby10b2tlbjo="},
}


@pytest.mark.parametrize("case", TERMINAL_AUTH)
@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/announcements"),
        ("POST", "/sessions"),
        ("GET", "/inmates/NM150001/profile"),
        ("GET", "/enquiries/E-2026-000101"),
        ("POST", f"/terminals/{TERMINAL_ID}/events"),
    ],
)
def test_a_terminal_without_a_valid_token_is_401(
    api: Api, token: str, case: str, method: str, path: str
) -> None:
    response = api.request(method, path, token=token, headers=TERMINAL_AUTH[case], json={})
    error_of(response, 401, "terminal_unauthorized")


def test_any_configured_token_is_accepted(http: Any) -> None:
    with start_server(ServerConfig(tokens=("lobby-a", "lobby-b"))) as server:
        for token, status in (("lobby-b", 200), ("lobby-a", 200), ("demo-token", 401)):
            response = http.get(
                server.base_url + "/announcements",
                headers={"X-Terminal-Id": TERMINAL_ID, "Authorization": f"Bearer {token}"},
                timeout=10,
            )
            assert response.status_code == status


# ---- 403 not_linked and 404 not_found ----------------------------------------------------------


def _acts_for_family(inmate: str) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        *(
            ("GET", f"/inmates/{inmate}/{s}", {})
            for s in ("profile", "reform", "assessment", "rewards", "living")
        ),
        (
            "POST",
            "/slips",
            {"json": {"inmate_id": inmate, "sections": ["reform"], "content_sha256": "0" * 64}},
        ),
        (
            "POST",
            "/enquiries",
            {"json": {"inmate_id": inmate, "section": "living", "reason": "other"}},
        ),
    ]


def test_an_inmate_not_linked_to_the_visitor_is_403_everywhere(
    api: Api, token: str, demo_credentials: list[DemoCredential]
) -> None:
    stranger = credential(demo_credentials, "three inmates").inmate_ids[0]
    for method, path, kwargs in _acts_for_family(stranger):
        error_of(api.request(method, path, token=token, **kwargs), 403, "not_linked")


def test_an_unknown_inmate_is_404_everywhere(api: Api, token: str) -> None:
    for method, path, kwargs in _acts_for_family("NM999999"):
        error_of(api.request(method, path, token=token, **kwargs), 404, "not_found")


def test_unknown_slips_wrong_codes_and_unknown_tickets_are_404(
    api: Api, token: str, inmate_id: str
) -> None:
    body = {"inmate_id": inmate_id, "sections": ["living"], "content_sha256": "1" * 64}
    slip = api.post("/slips", token=token, json=body).json()
    with plain_session() as phone:
        base = api.base_url
        wrong = "A" * 8 if slip["verify_code"] != "A" * 8 else "B" * 8
        error_of(phone.get(f"{base}/slips/{slip['slip_no']}?c={wrong}"), 404, "not_found")
        error_of(phone.get(f"{base}/slips/NM-1999-0000001?c=ABCDEFGH"), 404, "not_found")
    error_of(api.get("/enquiries/E-1999-000001"), 404, "not_found")


@pytest.mark.parametrize("path", ["/no-such-endpoint", "/inmates", "/../../etc/passwd"])
def test_unknown_paths_are_404_in_the_contract_shape(api: Api, path: str) -> None:
    error_of(api.get(path), 404, "not_found")


def test_paths_outside_the_api_are_404_in_the_contract_shape(central: RunningServer) -> None:
    root = central.base_url.removesuffix("/api/v1")
    with plain_session() as http:
        error_of(http.get(root + "/", timeout=10), 404, "not_found")
        error_of(http.get(root + "/api/v2/health", timeout=10), 404, "not_found")


def test_a_wrong_method_is_405_in_the_contract_shape(api: Api) -> None:
    response = api.request("DELETE", "/health")
    error_of(response, 405, "invalid_request")
    assert response.headers["Allow"] == "GET"  # RFC 9110: a 405 says what is allowed


def test_a_very_long_field_name_is_still_a_400(api: Api) -> None:
    # The 400 names where the problem is; a 5000-character key in event data made that
    # message too long for the error model itself, and the answer became a 500.
    event = {**EVENT, "data": {"k" * 5000: ""}}
    response = api.post(f"/terminals/{TERMINAL_ID}/events", json={"events": [event]})
    assert len(error_of(response, 400, "invalid_request")["message"]) <= 500


# ---- 429, 503, 5xx: the server's own trouble (injected) ----------------------------------------


@pytest.mark.parametrize(
    ("status", "code", "retry_after"),
    [
        (429, "rate_limited", 2),
        (503, "maintenance", 3600),
        (500, "server_error", None),
        (502, "server_error", None),
    ],
)
def test_service_trouble_answers_carry_retry_after(
    api: Api, central_faults: FaultPlan, status: int, code: str, retry_after: int | None
) -> None:
    central_faults.inject("/announcements", status=status, retry_after=retry_after)
    response = api.get("/announcements")
    error = error_of(response, status, code)
    if retry_after is None:
        assert "Retry-After" not in response.headers
    else:
        assert response.headers["Retry-After"] == str(retry_after)
        assert error["retry_after"] == retry_after
    assert api.get("/announcements").status_code == 200  # it was injected once


def test_every_error_code_of_the_table_can_be_injected(api: Api, central_faults: FaultPlan) -> None:
    event = {**EVENT, "event_id": str(uuid.uuid4()), "at": datetime.now(BEIJING).isoformat()}
    central_faults.inject("/terminals", status=401, code="terminal_unauthorized", method="POST")
    response = api.post(f"/terminals/{TERMINAL_ID}/events", json={"events": [event]})
    error_of(response, 401, "terminal_unauthorized")
    with pytest.raises(ValueError, match="code"):
        central_faults.inject("/", status=401)  # 401 is ambiguous without a code
