"""Turn what the central service answered into a model or into one typed exception.

Pure functions over (status, headers, body bytes): no network here, so the error table of the
contract reads as one mapping below.

Privacy: a pydantic error carries the offending input (which may be a name or a record line).
Messages built here name the field and the rule only, and exceptions are raised ``from None``
so the input does not travel on in ``__cause__`` into a crash report.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from kiosk.api.errors import (
    ApiError,
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
from kiosk.api.models import ErrorBody, ErrorCode

M = TypeVar("M", bound=BaseModel)

# Delta-seconds are ASCII digits only: str.isdigit() also takes "²", which int() refuses.
_DELTA_SECONDS = re.compile(r"[0-9]+")
# Ten digits (over 300 years) already mean "not soon"; more would only make int() slow.
_LONGEST_DELTA = 9_999_999_999

# Codes without extra fields; locked / rate_limited / maintenance / invalid_credentials carry
# numbers and are built in ``error_from_answer``.
_PLAIN: dict[str, type[ApiError]] = {
    ErrorCode.INVALID_REQUEST: InvalidRequest,
    ErrorCode.SESSION_EXPIRED: SessionExpired,
    ErrorCode.TERMINAL_UNAUTHORIZED: TerminalUnauthorized,
    ErrorCode.NOT_LINKED: NotLinked,
    ErrorCode.NOT_FOUND: NotFound,
}


def describe_validation_error(error: ValidationError) -> str:
    """``"inmates.0.name: String should have at most 200 characters"`` — field and rule, never
    the offending value. Only the first problem is named (plus a count)."""
    problems = error.errors(include_input=False, include_url=False, include_context=False)
    if not problems:  # pragma: no cover - pydantic always lists at least one
        return "answer has the wrong shape"
    first = problems[0]
    if first["type"] == "json_invalid":
        return "answer is not valid JSON"
    where = ".".join(str(part) for part in first["loc"]) or "(top level)"
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return f"wrong shape at {where}: {first['msg']}{more}"


def parse_answer(model: type[M], body: bytes, *, status: int, request_id: str) -> M:
    """Parse a 2xx body into ``model``; anything else is ``BadResponse``."""
    try:
        return model.model_validate_json(body)
    except ValidationError as exc:
        message = describe_validation_error(exc)
    raise BadResponse(message, status=status, request_id=request_id) from None


def parse_retry_after(value: str | None, now: datetime | None = None) -> int | None:
    """Seconds from a ``Retry-After`` header: delta-seconds or an HTTP date (RFC 9110).

    Rounded up, never negative; ``None`` when absent or unreadable. The header comes from
    the network, so nothing in it may raise here.
    """
    if value is None:
        return None
    value = value.strip()
    if _DELTA_SECONDS.fullmatch(value):
        return int(value) if len(value) <= 10 else _LONGEST_DELTA
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:  # an HTTP date is GMT by definition
        when = when.replace(tzinfo=UTC)
    seconds = (when - (now or datetime.now(UTC))).total_seconds()
    return max(0, math.ceil(seconds))


def error_from_answer(
    status: int, headers: Mapping[str, str], body: bytes, *, request_id: str
) -> ApiError:
    """The typed exception for a non-2xx answer, following the contract's error table.

    The code in the body decides; an answer without a readable error body (a proxy's HTML
    page) or with a code this client does not know is a server fault (``ServiceUnavailable``;
    ``BadResponse`` for a non-5xx status, since such an answer breaks the contract).
    429 and 503 keep their ``Retry-After`` even without a readable body.
    """
    retry_after = parse_retry_after(headers.get("Retry-After"))
    try:
        detail = ErrorBody.model_validate_json(body).error
    except ValidationError:
        if status == 429:
            return RateLimited("429 without an error body", status=status,
                               retry_after_s=retry_after, request_id=request_id)
        if status == 503:
            return Maintenance("503 without an error body", status=status,
                               retry_after_s=retry_after, request_id=request_id)
        kind = ServiceUnavailable if status >= 500 else BadResponse
        return kind(f"HTTP {status} without a readable error body", status=status,
                    request_id=request_id)

    message = f"{detail.code}: {detail.message}"[:300]
    code = detail.code
    if code in _PLAIN:
        return _PLAIN[code](message, status=status, request_id=request_id)
    if code == ErrorCode.INVALID_CREDENTIALS:
        return InvalidCredentials(message, status=status, request_id=request_id,
                                  attempts_left=detail.attempts_left)
    if code == ErrorCode.LOCKED:
        return Locked(message, status=status, request_id=request_id,
                      retry_after_s=detail.retry_after if detail.retry_after is not None
                      else retry_after)
    if code in (ErrorCode.RATE_LIMITED, ErrorCode.MAINTENANCE):
        kind_ra = RateLimited if code == ErrorCode.RATE_LIMITED else Maintenance
        return kind_ra(message, status=status, request_id=request_id,
                       retry_after_s=retry_after if retry_after is not None
                       else detail.retry_after)
    return ServiceUnavailable(message, status=status, request_id=request_id)
