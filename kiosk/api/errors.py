"""Every way a call to the central API can fail, as one typed exception each.

The client raises only these (and ``ConfigurationError`` at construction). The visitor flow maps
each class to a screen; the UI owns every word a family reads. ``message`` comes from the server
or from the transport and is for logs only — it is never shown to a family as is, and it never
contains personal data (the client does not put request bodies into it).
"""

from __future__ import annotations


class ConfigurationError(Exception):
    """The client cannot be built from these settings (e.g. http:// to a non-loopback host)."""


class ApiError(Exception):
    """Base of every failure of a call to the central API."""

    code: str = "error"

    def __init__(
        self,
        message: str = "",
        *,
        status: int | None = None,
        request_id: str | None = None,
    ) -> None:
        super().__init__(message or self.code)
        self.message = message
        self.status = status
        self.request_id = request_id

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status={self.status}, request_id={self.request_id})"


# ---- answers the server gave on purpose (the error table of the contract) ------------------


class InvalidRequest(ApiError):
    """400 invalid_request: the kiosk sent something malformed ("please check what you entered")."""

    code = "invalid_request"


class InvalidCredentials(ApiError):
    """401 invalid_credentials: ID number and reference number do not match."""

    code = "invalid_credentials"

    def __init__(
        self,
        message: str = "",
        *,
        attempts_left: int | None = None,
        status: int | None = None,
        request_id: str | None = None,
    ) -> None:
        super().__init__(message, status=status, request_id=request_id)
        self.attempts_left = attempts_left


class SessionExpired(ApiError):
    """401 session_expired: the visit's session token expired or was revoked."""

    code = "session_expired"


class TerminalUnauthorized(ApiError):
    """401 terminal_unauthorized: this terminal's token is revoked or unknown."""

    code = "terminal_unauthorized"


class NotLinked(ApiError):
    """403 not_linked: this visitor may not see this inmate."""

    code = "not_linked"


class NotFound(ApiError):
    """404 not_found: unknown inmate, slip or ticket."""

    code = "not_found"


class _RetryAfter(ApiError):
    def __init__(
        self,
        message: str = "",
        *,
        retry_after_s: int | None = None,
        status: int | None = None,
        request_id: str | None = None,
    ) -> None:
        super().__init__(message, status=status, request_id=request_id)
        self.retry_after_s = retry_after_s


class Locked(_RetryAfter):
    """423 locked: too many failed attempts for this ID number; retry after ``retry_after_s``."""

    code = "locked"


class RateLimited(_RetryAfter):
    """429 rate_limited: the terminal sends too much; ``retry_after_s`` from Retry-After."""

    code = "rate_limited"


class Maintenance(_RetryAfter):
    """503 maintenance: planned downtime; ``retry_after_s`` from Retry-After."""

    code = "maintenance"


# ---- faults: the service could not be used ------------------------------------------------


class ServiceUnavailable(ApiError):
    """A 5xx answer or an error code this client does not know."""

    code = "service_unavailable"


class NetworkError(ServiceUnavailable):
    """No usable answer arrived: see the subclasses."""

    code = "network"


class RequestTimeout(NetworkError):
    code = "timeout"


class ConnectionFailed(NetworkError):
    """Refused, reset, dropped mid-answer, or the host could not be resolved."""

    code = "connection"


class TlsError(NetworkError):
    """The server's certificate was not trusted, or the server refused ours."""

    code = "tls"


class BadResponse(ServiceUnavailable):
    """The answer was not JSON of the documented shape."""

    code = "bad_response"
