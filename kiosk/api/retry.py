"""When the client tries a call again, and how long it waits first: a pure function.

Only idempotent GETs are retried. A POST or DELETE that failed after the request left may
already have taken effect on the server (a slip registered, a session ended), so the caller —
who knows what the family sees — decides; audit events are retried by their queue.

Worked table (``retries=2``, ``max_retry_after_s=20``, backoff 0.25 s doubling, cap 4 s):

====================================  ========  ==================================
failure of attempt n (0-based)         n         decision
====================================  ========  ==================================
timeout / connection fault / 5xx       0, 1      wait 0.25 s, 0.5 s, then retry
any failure                            2         raise (retries used up)
429 or 503 with Retry-After: 3         0         wait 3 s (the server's word wins)
429 or 503 with Retry-After: 120       0         raise at once, ``retry_after_s=120``
429 or 503 without Retry-After         0         backoff as for 5xx
TLS error, bad answer, 4xx             any       raise (trying again cannot help)
any failure of POST / DELETE           any       raise
====================================  ========  ==================================
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.api.errors import (
    ApiError,
    BadResponse,
    ConnectionFailed,
    Maintenance,
    RateLimited,
    RequestTimeout,
    ServiceUnavailable,
)

BACKOFF_BASE_S = 0.25
BACKOFF_CAP_S = 4.0


@dataclass(frozen=True)
class RetryPolicy:
    retries: int = 2
    max_retry_after_s: float = 20.0
    backoff_base_s: float = BACKOFF_BASE_S
    backoff_cap_s: float = BACKOFF_CAP_S

    def backoff(self, attempt: int) -> float:
        """Capped exponential: base, 2*base, 4*base ... never above the cap."""
        return float(min(self.backoff_cap_s, self.backoff_base_s * (2**attempt)))

    def wait_before_retry(self, method: str, attempt: int, error: ApiError) -> float | None:
        """Seconds to wait before attempt ``attempt + 1``, or ``None`` to raise ``error`` now."""
        if method != "GET" or attempt >= self.retries or not is_transient(error):
            return None
        if isinstance(error, RateLimited | Maintenance) and error.retry_after_s is not None:
            if error.retry_after_s > self.max_retry_after_s:
                return None
            return float(error.retry_after_s)
        return self.backoff(attempt)


def is_transient(error: ApiError) -> bool:
    """Faults that may clear by themselves: no answer in time, a broken connection, 5xx,
    429, 503. Not TLS errors (a configuration matter) and not bad answers (the same server
    would send the same body again)."""
    if isinstance(error, RequestTimeout | ConnectionFailed | RateLimited | Maintenance):
        return True
    return isinstance(error, ServiceUnavailable) and not isinstance(error, BadResponse) and (
        error.status is not None and error.status >= 500
    )
