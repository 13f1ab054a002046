"""Helpers for talking to the reference server over real HTTP with ``requests``."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
import requests

from kiosk.api.models import ErrorBody
from kiosk.reference_server import DemoCredential, RunningServer, idnumbers

TERMINAL_ID = "TEST-REF-01"
TERMINAL_HEADERS = {"X-Terminal-Id": TERMINAL_ID, "Authorization": "Bearer demo-token"}
_unknown_sequence = itertools.count(1)


def plain_session() -> requests.Session:
    http = requests.Session()
    http.trust_env = False  # the test conftest leaves a bogus REQUESTS_CA_BUNDLE around
    return http


class Api:
    """A terminal's view of the server: base URL, terminal headers, optional session token."""

    def __init__(self, server: RunningServer, http: requests.Session) -> None:
        self.server = server
        self.http = http
        self.base_url = server.base_url

    def request(
        self, method: str, path: str, *, token: str | None = None, **kwargs: Any
    ) -> requests.Response:
        headers = dict(TERMINAL_HEADERS)
        if token is not None:
            headers["X-Session-Token"] = token
        headers.update(kwargs.pop("headers", {}))
        return self.http.request(
            method, self.base_url + path, headers=headers, timeout=10, **kwargs
        )

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("POST", path, **kwargs)

    def sign_in_response(
        self, id_number: str, reference_number: str, method: str = "manual"
    ) -> requests.Response:
        body = {"id_number": id_number, "reference_number": reference_number, "method": method}
        return self.post("/sessions", json=body)

    def sign_in(self, credential: DemoCredential) -> str:
        response = self.sign_in_response(credential.id_number, credential.reference_number)
        assert response.status_code == 201, response.text
        return str(response.json()["session_token"])


def error_of(response: requests.Response, status: int, code: str) -> dict[str, Any]:
    """Assert the contract's error shape, status and code; return the error object."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    ErrorBody.model_validate(body)
    assert body["error"]["code"] == code
    return dict(body["error"])


def unknown_id_number() -> str:
    """A well-formed ID number that belongs to nobody in the dataset (fresh for every call)."""
    return idnumbers.resident("150102", date(1931, 1, 1), next(_unknown_sequence))


def credential(demo_credentials: list[DemoCredential], note: str) -> DemoCredential:
    return next(c for c in demo_credentials if c.note == note)


@pytest.fixture
def http() -> Iterator[requests.Session]:
    with plain_session() as session:
        yield session


@pytest.fixture
def api(central: RunningServer, http: requests.Session) -> Api:
    return Api(central, http)
