"""Every way an effect can fail, as data the pure flow can reason about.

The executor (:mod:`kiosk.flow.perform`) turns typed exceptions into a :class:`Failure`; the flow
turns a Failure into a :class:`~kiosk.flow.messages.Notice` (a message *code*) or an outage. No
words here: the UI owns every word a family reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kiosk.api import errors


class FailureKind(StrEnum):
    INVALID_REQUEST = "invalid_request"
    INVALID_CREDENTIALS = "invalid_credentials"
    LOCKED = "locked"
    SESSION_EXPIRED = "session_expired"
    TERMINAL_UNAUTHORIZED = "terminal_unauthorized"
    NOT_LINKED = "not_linked"
    NOT_FOUND = "not_found"
    RATE_LIMITED = "rate_limited"
    MAINTENANCE = "maintenance"
    UNAVAILABLE = "unavailable"
    """5xx, refused or dropped connections, TLS trouble, answers of the wrong shape."""
    TIMEOUT = "timeout"
    """No answer within the client's timeout, or the worker watchdog gave up waiting."""
    PRINTER = "printer"


@dataclass(frozen=True)
class Failure:
    kind: FailureKind
    attempts_left: int | None = None
    retry_after_s: int | None = None
    detail: str = ""
    """A machine code for logs and audit (``"paper_out"``, ``"tls"``); never personal data."""


_BY_CLASS: tuple[tuple[type[errors.ApiError], FailureKind], ...] = (
    # Subclasses before their bases: the first match wins.
    (errors.InvalidCredentials, FailureKind.INVALID_CREDENTIALS),
    (errors.Locked, FailureKind.LOCKED),
    (errors.SessionExpired, FailureKind.SESSION_EXPIRED),
    (errors.TerminalUnauthorized, FailureKind.TERMINAL_UNAUTHORIZED),
    (errors.NotLinked, FailureKind.NOT_LINKED),
    (errors.NotFound, FailureKind.NOT_FOUND),
    (errors.RateLimited, FailureKind.RATE_LIMITED),
    (errors.Maintenance, FailureKind.MAINTENANCE),
    (errors.InvalidRequest, FailureKind.INVALID_REQUEST),
    (errors.RequestTimeout, FailureKind.TIMEOUT),
    (errors.ServiceUnavailable, FailureKind.UNAVAILABLE),
)


def classify(exc: errors.ApiError) -> Failure:
    """The Failure for one API exception (an unknown ApiError counts as the service failing)."""
    kind = next((k for cls, k in _BY_CLASS if isinstance(exc, cls)), FailureKind.UNAVAILABLE)
    return Failure(
        kind=kind,
        attempts_left=getattr(exc, "attempts_left", None),
        retry_after_s=getattr(exc, "retry_after_s", None),
        detail=exc.code,
    )


TERMINAL_LEVEL = frozenset({FailureKind.TERMINAL_UNAUTHORIZED, FailureKind.MAINTENANCE})
"""Failures that take the whole terminal out of service (and end any visit)."""
