"""Injected faults reach a real client as real faults on the wire."""

from __future__ import annotations

import json
import socket
import time
import uuid
from datetime import datetime
from urllib.parse import urlsplit

import pytest
import requests

from kiosk.reference_server import RunningServer
from kiosk.reference_server.faults import FaultConfig, FaultPlan
from kiosk.timefmt import BEIJING

from .conftest import TERMINAL_ID, Api


def test_drop_closes_the_connection_without_an_answer(api: Api, central_faults: FaultPlan) -> None:
    central_faults.inject("/health", kind="drop")
    with pytest.raises(requests.ConnectionError):
        api.get("/health")
    assert api.get("/health").status_code == 200  # the next request is answered


def test_drop_on_a_raw_socket_sends_not_a_single_byte(
    central: RunningServer, central_faults: FaultPlan
) -> None:
    central_faults.inject("/health", kind="drop")
    assert _raw_get(central, "/api/v1/health") == b""


def test_truncated_sends_fewer_bytes_than_content_length_then_closes(
    central: RunningServer, central_faults: FaultPlan
) -> None:
    central_faults.inject("/health", kind="truncated")
    raw = _raw_get(central, "/api/v1/health")
    head, _, body = raw.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200")
    length = next(
        int(line.split(b":")[1])
        for line in head.split(b"\r\n")
        if line.lower().startswith(b"content-length")
    )
    assert 0 < len(body) < length


def test_truncated_reaches_requests_as_a_broken_body(api: Api, central_faults: FaultPlan) -> None:
    central_faults.inject("/announcements", kind="truncated")
    with pytest.raises(requests.exceptions.ChunkedEncodingError):
        api.get("/announcements")


def test_a_truncated_answer_was_still_processed(
    api: Api, central: RunningServer, central_faults: FaultPlan
) -> None:
    """An answer lost in transit is not a request lost: resending must be harmless."""
    event = {
        "event_id": str(uuid.uuid4()),
        "type": "fault",
        "at": datetime.now(BEIJING).isoformat(),
        "data": {"what": "printer"},
    }
    central_faults.inject("/terminals", kind="truncated", method="POST")
    with pytest.raises(requests.RequestException):
        api.post(f"/terminals/{TERMINAL_ID}/events", json={"events": [event]})
    assert event["event_id"] in [e.event_id for e in central.events()]
    resent = api.post(f"/terminals/{TERMINAL_ID}/events", json={"events": [event]})
    assert resent.json() == {"accepted": [event["event_id"]]}
    assert [e.event_id for e in central.events()].count(event["event_id"]) == 1


def test_malformed_is_200_with_a_body_that_is_not_json(api: Api, central_faults: FaultPlan) -> None:
    central_faults.inject("/health", kind="malformed")
    response = api.get("/health")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    with pytest.raises(json.JSONDecodeError):
        json.loads(response.content)


def test_delay_answers_late_but_answers(api: Api, central_faults: FaultPlan) -> None:
    central_faults.inject("/health", kind="delay", delay_s=0.3)
    started = time.monotonic()
    response = api.get("/health")
    assert time.monotonic() - started >= 0.3
    assert response.status_code == 200
    central_faults.inject("/health", kind="delay", delay_s=1.0)
    with pytest.raises(requests.Timeout):
        api.http.get(api.base_url + "/health", timeout=(1, 0.2))


def test_faults_match_by_path_prefix_and_method(api: Api, central_faults: FaultPlan) -> None:
    central_faults.inject("/announcements", status=503, method="POST")
    central_faults.inject("/inmates", status=503)
    assert api.get("/announcements").status_code == 200  # neither matches
    assert api.get("/health").status_code == 200
    assert len(central_faults.pending()) == 2


def test_a_fault_hits_as_many_times_as_asked(api: Api, central_faults: FaultPlan) -> None:
    central_faults.inject("/health", status=503, times=2)
    assert [api.get("/health").status_code for _ in range(3)] == [503, 503, 200]
    central_faults.inject("/health", status=500, times=None)
    assert [api.get("/health").status_code for _ in range(3)] == [500, 500, 500]
    central_faults.clear()
    assert api.get("/health").status_code == 200


def test_injected_faults_come_before_random_ones_in_order(
    api: Api, central_faults: FaultPlan
) -> None:
    central_faults.inject("/", status=429)
    central_faults.inject("/", status=503)
    assert [api.get("/health").status_code for _ in range(3)] == [429, 503, 200]


def test_random_faults_follow_their_rates(api: Api, central_faults: FaultPlan) -> None:
    central_faults.configure(FaultConfig(error_rate=1.0, seed=5))
    statuses = {api.get("/health").status_code for _ in range(20)}
    assert statuses <= {500, 503, 429} and len(statuses) >= 2
    central_faults.configure(FaultConfig(latency_ms=200))
    started = time.monotonic()
    assert api.get("/health").status_code == 200
    assert time.monotonic() - started >= 0.1  # 200 ms jittered by ±50 %
    central_faults.clear()
    assert central_faults.config == FaultConfig()  # back to how the server started


def test_random_faults_are_reproducible_from_their_seed() -> None:
    config = FaultConfig(
        error_rate=0.2, malformed_rate=0.2, truncate_rate=0.2, drop_rate=0.2, seed=9
    )
    plans = [FaultPlan(config), FaultPlan(config)]
    draws = [[plan.draw("GET", "/health")[0] for _ in range(50)] for plan in plans]
    kinds = [[f.kind if f else None for f in sequence] for sequence in draws]
    assert kinds[0] == kinds[1]
    assert {"error", "malformed", "truncated", "drop", None} == set(kinds[0])


@pytest.mark.parametrize(
    "config",
    [
        {"error_rate": 1.5},
        {"drop_rate": -0.1},
        {"error_rate": 0.6, "drop_rate": 0.6},
        {"latency_ms": -1},
    ],
)
def test_fault_config_rejects_impossible_rates(config: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        FaultConfig(**config)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "kwargs",
    [{}, {"kind": "explode"}, {"kind": "error"}, {"status": 200}, {"status": 503, "times": 0}],
)
def test_inject_rejects_faults_it_cannot_act_out(central_faults: FaultPlan, kwargs: dict) -> None:
    with pytest.raises(ValueError):
        central_faults.inject("/", **kwargs)


def _raw_get(server: RunningServer, path: str) -> bytes:
    """Send one GET on a bare socket and read until the server closes it."""
    url = urlsplit(server.base_url)
    with socket.create_connection((url.hostname, url.port), timeout=5) as sock:
        request = f"GET {path} HTTP/1.1\r\nHost: {url.netloc}\r\n\r\n"
        sock.sendall(request.encode())
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)
