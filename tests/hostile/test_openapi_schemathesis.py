"""schemathesis against a live reference server, driven by the contract's OpenAPI document
(``docs/central-api.openapi.json``, kept equal to ``kiosk.api.openapi.build_openapi()`` by
tests/unit/reference_server): no 5xx, every answer conforms to the documented status codes,
content types, headers and schemas, and every error body is ``{"error": {"code",
"message"}}``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from schemathesis import Case
from schemathesis.specs.openapi.checks import positive_data_acceptance, unsupported_method

from kiosk.api.models import ErrorBody
from kiosk.reference_server import RunningServer, ServerConfig, start_server
from kiosk.resources import project_file
from tests.hostile.profiles import fuzz

TERMINAL = {"X-Terminal-Id": "DEMO-LOBBY-01", "Authorization": "Bearer demo-token"}
schema = schemathesis.openapi.from_dict(
    json.loads(project_file("docs/central-api.openapi.json").read_text(encoding="utf-8"))
)


@pytest.fixture(scope="module")
def server() -> Iterator[RunningServer]:
    # A server of its own: schemathesis signs in with random numbers, locks ID numbers and
    # ends sessions, which must not leak into tests sharing the session-wide one.
    with start_server(ServerConfig(port=0)) as running:
        yield running


def _session_token(server: RunningServer) -> str:
    import requests

    family = next(c for c in server.credentials() if c.note == "one inmate")
    answer = requests.post(f"{server.base_url}/sessions", headers=TERMINAL, timeout=5, json={
        "id_number": family.id_number, "reference_number": family.reference_number,
        "method": "manual"})
    answer.raise_for_status()
    return str(answer.json()["session_token"])


# Answers a schema alone cannot predict, so this check is off: a request that fits the schema
# may still be refused with 400 for reasons the contract states in words (a wrong GB 11643
# check character, a path terminal id that is not the caller's X-Terminal-Id).
# unsupported_method stops each operation at its first finding, and every operation shares
# the one below (405 without Allow), which test_405_names_the_allowed_methods shows on its own.
EXCLUDED = [positive_data_acceptance, unsupported_method]


@schema.parametrize()
@fuzz(0.1)
def test_the_reference_server_keeps_the_contract(case: Case, server: RunningServer) -> None:
    # X-Terminal-Id is a declared parameter: schemathesis generates it, valid or not. The
    # bearer token and the session token are security schemes it leaves to the caller.
    headers: dict[str, Any] = {"Authorization": TERMINAL["Authorization"]}
    if "X-Session-Token" not in (case.headers or {}):
        headers["X-Session-Token"] = _session_token(server)
    response = case.call_and_validate(base_url=server.base_url, headers=headers,
                                      excluded_checks=EXCLUDED)
    assert response.status_code < 500
    if response.status_code >= 400:
        body = ErrorBody.model_validate_json(response.content)
        assert body.error.code and isinstance(body.error.message, str)


@pytest.mark.parametrize("method", ["TRACE", "PUT", "PATCH"])
def test_405_names_the_allowed_methods(server: RunningServer, method: str) -> None:
    """RFC 9110 15.5.6: a 405 answer carries Allow (schemathesis check ST204)."""
    import requests

    answer = requests.request(method, f"{server.base_url}/health", timeout=5)
    assert answer.status_code == 405
    ErrorBody.model_validate_json(answer.content)
    assert "GET" in answer.headers.get("Allow", "")


def test_an_invalid_request_with_a_long_key_is_a_400_not_a_500(server: RunningServer) -> None:
    """Found by schemathesis (ST101): the validation message echoes the offending field's
    location, and a 5000-character key in ``data`` made it longer than ErrorDetail allows."""
    import requests

    event = {"event_id": "00000000", "type": "fault", "at": "2026-11-27T10:15:00+08:00",
             "data": {"k" * 5000: ""}}
    answer = requests.post(f"{server.base_url}/terminals/DEMO-LOBBY-01/events",
                           headers=TERMINAL, json={"events": [event]}, timeout=5)
    assert answer.status_code == 400
    assert ErrorBody.model_validate_json(answer.content).error.code == "invalid_request"
