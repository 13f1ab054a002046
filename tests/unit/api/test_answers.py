"""The error table of the contract, applied to raw answers (status, headers, body)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from requests.structures import CaseInsensitiveDict

from kiosk.api.answers import error_from_answer, parse_answer, parse_retry_after
from kiosk.api.errors import (
    BadResponse,
    InvalidCredentials,
    InvalidRequest,
    Locked,
    Maintenance,
    NotFound,
    NotLinked,
    RateLimited,
    ServiceUnavailable,
    SessionExpired,
    TerminalUnauthorized,
)
from kiosk.api.models import SessionCreated


def _body(code: str, **extra: object) -> bytes:
    return json.dumps({"error": {"code": code, "message": "m", **extra}}).encode()


ROWS = [
    # id, status, headers, body, class, attributes
    ("400-invalid_request", 400, {}, _body("invalid_request"), InvalidRequest, {}),
    ("401-invalid_credentials", 401, {}, _body("invalid_credentials", attempts_left=2),
     InvalidCredentials, {"attempts_left": 2}),
    ("401-session_expired", 401, {}, _body("session_expired"), SessionExpired, {}),
    ("401-terminal_unauthorized", 401, {}, _body("terminal_unauthorized"),
     TerminalUnauthorized, {}),
    ("403-not_linked", 403, {}, _body("not_linked"), NotLinked, {}),
    ("404-not_found", 404, {}, _body("not_found"), NotFound, {}),
    ("423-locked", 423, {}, _body("locked", retry_after=900), Locked, {"retry_after_s": 900}),
    ("429-rate_limited", 429, {"retry-after": "7"}, _body("rate_limited"), RateLimited,
     {"retry_after_s": 7}),
    ("503-maintenance", 503, {"Retry-After": "600"}, _body("maintenance"), Maintenance,
     {"retry_after_s": 600}),
    ("500-server_error", 500, {}, _body("server_error"), ServiceUnavailable, {}),
    ("unknown-code", 418, {}, _body("teapot"), ServiceUnavailable, {}),
    ("502-html", 502, {}, b"<html>bad gateway</html>", ServiceUnavailable, {}),
    ("404-html", 404, {}, b"<html>not here</html>", BadResponse, {}),
    ("429-empty-body", 429, {"Retry-After": "3"}, b"", RateLimited, {"retry_after_s": 3}),
    ("503-empty-body", 503, {}, b"", Maintenance, {"retry_after_s": None}),
]


@pytest.mark.parametrize(
    ("status", "headers", "body", "kind", "attributes"),
    [row[1:] for row in ROWS],
    ids=[row[0] for row in ROWS],
)
def test_error_table(status: int, headers: dict[str, str], body: bytes, kind: type,
                     attributes: dict[str, object]) -> None:
    error = error_from_answer(status, CaseInsensitiveDict(headers), body, request_id="rid")
    assert type(error) is kind
    assert error.status == status
    assert error.request_id == "rid"
    for name, value in attributes.items():
        assert getattr(error, name) == value


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("0", 0),
        ("120", 120),
        (" 5 ", 5),
        ("Fri, 27 Nov 2026 10:00:30 GMT", 30),
        ("Fri, 27 Nov 2026 09:00:00 GMT", 0),  # in the past
        ("soon", None),
        ("-5", None),
        ("\u00b2", None),  # "²" is a digit to str.isdigit(), not to int()
        ("\u0663", None),  # Arabic-Indic three
        ("9" * 5000, 9_999_999_999),  # beyond int()'s digit limit: still "a very long wait"
        ("Mon, 01 Jan 0001 00:00:00 GMT", 0),
    ],
    ids=["absent", "zero", "seconds", "padded", "http-date", "past-date", "garbage",
         "negative", "superscript-digit", "non-ascii-digit", "5000-digits", "year-1"],
)
def test_parse_retry_after(value: str | None, expected: int | None) -> None:
    now = datetime(2026, 11, 27, 10, 0, 0, tzinfo=UTC)
    assert parse_retry_after(value, now) == expected


_GOOD_SESSION = {
    "session_token": "abcdefgh12345678",
    "expires_at": "2026-11-27T10:30:00+08:00",
    "visitor": {"display_name": "王*芳"},
    "inmates": [{"inmate_id": "NM150001", "name": "李某某", "relationship": "母子",
                 "prison_name": "呼和浩特第一监狱", "ward": "三监区"}],
}


def test_wrong_shape_names_the_field_but_not_the_value() -> None:
    bad = json.loads(json.dumps(_GOOD_SESSION))
    bad["inmates"][0]["name"] = "秘" * 300  # too long
    with pytest.raises(BadResponse) as caught:
        parse_answer(SessionCreated, json.dumps(bad).encode(), status=201, request_id="r")
    assert "inmates.0.name" in caught.value.message
    assert "秘" not in str(caught.value)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_not_json_is_bad_response() -> None:
    with pytest.raises(BadResponse, match="not valid JSON"):
        parse_answer(SessionCreated, b'{"session_token": ', status=201, request_id="r")


def test_unknown_fields_are_ignored() -> None:
    extra = {**_GOOD_SESSION, "new_field": [1, 2, 3]}
    parsed = parse_answer(SessionCreated, json.dumps(extra).encode(), status=201,
                          request_id="r")
    assert parsed.visitor.display_name == "王*芳"
