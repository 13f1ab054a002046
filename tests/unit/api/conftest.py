"""Clients of the reference server for the API client tests, and a recording HTTP endpoint.

The reference server (fixtures ``central``, ``central_faults``, ``demo_credentials``) answers
every call. ``recording_server`` is a second, tiny real HTTP server for the two things the
reference server cannot show: the exact headers the client sends, and an answer of the wrong
shape.
"""

from __future__ import annotations

import contextlib
import itertools
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from kiosk.api.client import CentralClient
from kiosk.api.errors import ApiError
from kiosk.api.models import AuthMethod, SessionCreated, SessionRequest
from kiosk.reference_server import DemoCredential, RunningServer, idnumbers

TERMINAL_ID = "TEST-LOBBY-01"
_fresh_sequence = itertools.count(100)


class SleepRecorder:
    """Stands in for ``time.sleep``: records each wait instead of waiting."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


@pytest.fixture
def waits() -> SleepRecorder:
    return SleepRecorder()


MakeClient = Callable[..., CentralClient]


@pytest.fixture
def make_client(central: RunningServer, waits: SleepRecorder) -> Iterator[MakeClient]:
    """Build clients of the reference server (closed after the test); keyword arguments go to
    ``CentralClient``. Waits are recorded, not slept; the read timeout is short."""
    clients: list[CentralClient] = []

    def make(base_url: str | None = None, token: str = "demo-token", **kwargs: Any
             ) -> CentralClient:
        kwargs.setdefault("sleep", waits)
        kwargs.setdefault("read_timeout_s", 2.0)
        client = CentralClient(base_url or central.base_url, TERMINAL_ID, token, **kwargs)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def client(make_client: MakeClient) -> CentralClient:
    return make_client()


@pytest.fixture
def family(demo_credentials: list[DemoCredential]) -> DemoCredential:
    """A demo family linked to exactly one inmate."""
    return next(c for c in demo_credentials if c.note == "one inmate")


@pytest.fixture
def other_family(demo_credentials: list[DemoCredential],
                 family: DemoCredential) -> DemoCredential:
    """A second family that shares no inmate with ``family``."""
    return next(c for c in demo_credentials
                if c.note == "one inmate" and not set(c.inmate_ids) & set(family.inmate_ids))


@pytest.fixture
def locked_family(demo_credentials: list[DemoCredential]) -> DemoCredential:
    return next(c for c in demo_credentials if c.note == "locked")


def sign_in(client: CentralClient, credential: DemoCredential) -> SessionCreated:
    return client.create_session(SessionRequest(
        id_number=credential.id_number, reference_number=credential.reference_number,
        method=AuthMethod.MANUAL))


@pytest.fixture
def session(client: CentralClient, family: DemoCredential) -> Iterator[SessionCreated]:
    created = sign_in(client, family)
    yield created
    with contextlib.suppress(ApiError):  # the test may have ended or expired it already
        client.end_session(created.session_token)


def fresh_id_number() -> str:
    """A valid GB 11643 number the reference server has never seen (no lockout carries over
    between tests)."""
    return idnumbers.resident("150121", date(1977, 7, 7), next(_fresh_sequence))


# ---- a recording HTTP endpoint -------------------------------------------------------------


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]


@dataclass
class RecordingServer:
    base_url: str
    requests: list[Recorded] = field(default_factory=list)
    answers: list[tuple[int, dict[str, str], bytes]] = field(default_factory=list)
    """Answers to give, in order; the last one repeats."""


@pytest.fixture
def recording_server() -> Iterator[RecordingServer]:
    state = RecordingServer(base_url="")
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            self.rfile.read(length)
            with lock:
                state.requests.append(Recorded(self.command, self.path, dict(self.headers)))
                status, headers, body = (state.answers.pop(0) if len(state.answers) > 1
                                         else state.answers[0])
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_DELETE = _handle

        def log_message(self, format: str, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.base_url = f"http://127.0.0.1:{httpd.server_address[1]}/api/v1"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    yield state
    httpd.shutdown()
    httpd.server_close()
    thread.join()
