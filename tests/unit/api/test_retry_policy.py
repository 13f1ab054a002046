"""The retry decision as a table: which failures are tried again, after how long."""

from __future__ import annotations

import pytest

from kiosk.api.errors import (
    ApiError,
    BadResponse,
    ConnectionFailed,
    InvalidCredentials,
    Locked,
    Maintenance,
    NotFound,
    RateLimited,
    RequestTimeout,
    ServiceUnavailable,
    SessionExpired,
    TlsError,
)
from kiosk.api.retry import RetryPolicy

POLICY = RetryPolicy(retries=2, max_retry_after_s=20)

CASES = [
    # id, method, attempt, error, expected wait (None = raise now)
    ("timeout-first", "GET", 0, RequestTimeout(), 0.25),
    ("timeout-second", "GET", 1, RequestTimeout(), 0.5),
    ("timeout-exhausted", "GET", 2, RequestTimeout(), None),
    ("refused", "GET", 0, ConnectionFailed(), 0.25),
    ("500", "GET", 0, ServiceUnavailable(status=500), 0.25),
    ("502", "GET", 1, ServiceUnavailable(status=502), 0.5),
    ("429-short-retry-after", "GET", 0, RateLimited(status=429, retry_after_s=3), 3.0),
    ("429-at-cap", "GET", 0, RateLimited(status=429, retry_after_s=20), 20.0),
    ("429-over-cap", "GET", 0, RateLimited(status=429, retry_after_s=21), None),
    ("429-no-header", "GET", 1, RateLimited(status=429), 0.5),
    ("503-short", "GET", 0, Maintenance(status=503, retry_after_s=1), 1.0),
    ("503-long", "GET", 0, Maintenance(status=503, retry_after_s=3600), None),
    ("tls", "GET", 0, TlsError(), None),
    ("bad-answer", "GET", 0, BadResponse(status=200), None),
    ("bad-5xx-no-status", "GET", 0, ServiceUnavailable(), None),
    ("not-found", "GET", 0, NotFound(status=404), None),
    ("session-expired", "GET", 0, SessionExpired(status=401), None),
    ("post-timeout", "POST", 0, RequestTimeout(), None),
    ("post-500", "POST", 0, ServiceUnavailable(status=500), None),
    ("post-429", "POST", 0, RateLimited(status=429, retry_after_s=1), None),
    ("delete-refused", "DELETE", 0, ConnectionFailed(), None),
    ("post-locked", "POST", 0, Locked(status=423, retry_after_s=5), None),
    ("post-credentials", "POST", 0, InvalidCredentials(status=401, attempts_left=2), None),
]


@pytest.mark.parametrize(
    ("method", "attempt", "error", "expected"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_wait_before_retry(method: str, attempt: int, error: ApiError,
                           expected: float | None) -> None:
    assert POLICY.wait_before_retry(method, attempt, error) == expected


def test_backoff_doubles_and_is_capped() -> None:
    policy = RetryPolicy(retries=5, backoff_base_s=0.25, backoff_cap_s=1.0)
    assert [policy.backoff(n) for n in range(5)] == [0.25, 0.5, 1.0, 1.0, 1.0]


def test_no_retries_configured_means_none() -> None:
    assert RetryPolicy(retries=0).wait_before_retry("GET", 0, RequestTimeout()) is None
