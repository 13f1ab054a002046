"""The error answers of the contract: ``{"error": {"code", "message", ...}}`` and nothing else."""

from __future__ import annotations

from collections.abc import Mapping

from starlette.responses import JSONResponse

from kiosk.api.models import ErrorBody, ErrorCode, ErrorDetail

DEFAULT_CODES: dict[int, ErrorCode] = {
    400: ErrorCode.INVALID_REQUEST,
    403: ErrorCode.NOT_LINKED,
    404: ErrorCode.NOT_FOUND,
    405: ErrorCode.INVALID_REQUEST,
    423: ErrorCode.LOCKED,
    429: ErrorCode.RATE_LIMITED,
    503: ErrorCode.MAINTENANCE,
}


class ApiFailure(Exception):
    """Raised anywhere in the server to answer with one row of the contract's error table."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        attempts_left: int | None = None,
        retry_after: int | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.attempts_left = attempts_left
        self.retry_after = retry_after

    def response(self) -> JSONResponse:
        return error_response(
            self.status,
            self.code,
            self.message,
            attempts_left=self.attempts_left,
            retry_after=self.retry_after,
        )


MAX_MESSAGE = 500
"""Longer messages are cut: they are for logs, and ErrorDetail refuses very long text."""


def error_response(
    status: int,
    code: str,
    message: str,
    *,
    attempts_left: int | None = None,
    retry_after: int | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    """The JSON error answer; ``retry_after`` also goes into the Retry-After header."""
    if len(message) > MAX_MESSAGE:
        message = message[: MAX_MESSAGE - 1] + "…"
    body = ErrorBody(
        error=ErrorDetail(
            code=code, message=message, attempts_left=attempts_left, retry_after=retry_after
        )
    )
    all_headers = dict(headers or {})
    if retry_after is not None:
        all_headers["Retry-After"] = str(retry_after)
    return JSONResponse(
        body.model_dump(mode="json", exclude_none=True), status, headers=all_headers or None
    )


def default_code(status: int) -> str:
    if status in DEFAULT_CODES:
        return DEFAULT_CODES[status]
    if status >= 500:
        return ErrorCode.SERVER_ERROR
    raise ValueError(f"give the error code for status {status} (it is ambiguous)")
