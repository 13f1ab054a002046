"""The committed OpenAPI file is the contract the code really implements."""

from __future__ import annotations

import json
from typing import Any

import pytest

from kiosk.api.openapi import OPENAPI_FILE, build_openapi, main, render
from kiosk.reference_server import RunningServer
from kiosk.resources import project_file

from .conftest import plain_session

CONTRACT = {
    ("get", "/health"),
    ("get", "/announcements"),
    ("post", "/sessions"),
    ("delete", "/sessions/current"),
    ("get", "/inmates/{inmate_id}/profile"),
    ("get", "/inmates/{inmate_id}/reform"),
    ("get", "/inmates/{inmate_id}/assessment"),
    ("get", "/inmates/{inmate_id}/rewards"),
    ("get", "/inmates/{inmate_id}/living"),
    ("post", "/slips"),
    ("get", "/slips/{slip_no}"),
    ("post", "/enquiries"),
    ("get", "/enquiries/{ticket_no}"),
    ("post", "/terminals/{terminal_id}/heartbeat"),
    ("post", "/terminals/{terminal_id}/events"),
}


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return build_openapi()


def test_the_committed_openapi_file_is_up_to_date(document: dict[str, Any]) -> None:
    committed = project_file(OPENAPI_FILE).read_text(encoding="utf-8")
    assert committed == render(document), (
        f"{OPENAPI_FILE} is stale: run `python -m kiosk.api.openapi --write` and commit it"
    )


def test_it_is_openapi_3_1_with_every_endpoint_of_the_contract(document: dict[str, Any]) -> None:
    assert document["openapi"].startswith("3.1")
    operations = {(m, p) for p, item in document["paths"].items() for m in item}
    assert operations == CONTRACT


def test_errors_are_documented_in_the_contract_shape_not_as_422(document: dict[str, Any]) -> None:
    for path, item in document["paths"].items():
        for method, operation in item.items():
            responses = operation["responses"]
            assert "422" not in responses, (method, path)
            default = responses["default"]["content"]["application/json"]["schema"]
            assert default == {"$ref": "#/components/schemas/ErrorBody"}
    schemes = document["components"]["securitySchemes"]
    assert schemes["terminalToken"]["scheme"] == "bearer"
    assert schemes["sessionToken"]["name"] == "X-Session-Token"


def test_money_is_a_decimal_string_in_the_schema(document: dict[str, Any]) -> None:
    account = document["components"]["schemas"]["Account"]["properties"]
    assert account["balance"]["type"] == "string"


def test_the_running_server_serves_the_same_document(
    central: RunningServer, document: dict[str, Any]
) -> None:
    with plain_session() as http:
        served = http.get(central.base_url + "/openapi.json", timeout=10).json()
    assert served == json.loads(render(document))


def test_without_write_the_document_goes_to_stdout(
    capsys: pytest.CaptureFixture[str], document: dict[str, Any]
) -> None:
    assert main([]) == 0
    assert json.loads(capsys.readouterr().out) == json.loads(render(document))
