"""The FastAPI application of the central API: every endpoint of docs/central-api.md.

Request and answer bodies are the models of ``kiosk.api.models``; the OpenAPI document built
from this app is the contract's machine-readable copy (``kiosk.api.openapi``). Record sections
are answered with the JSON documents the models produced when the dataset was loaded, which
keeps a section read to a couple of milliseconds.

Identity checks, in order: the terminal (X-Terminal-Id + bearer token, not for /health and
the public slip verification), then the family session (X-Session-Token) where the request
acts for a family member, then the visitor's link to the inmate.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Header, Path, Query, Request, Response, Security
from fastapi.exceptions import RequestValidationError
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from kiosk.api import models
from kiosk.api.models import TERMINAL_ID_PATTERN, ErrorBody, ErrorCode
from kiosk.reference_server.errors import ApiFailure, error_response
from kiosk.reference_server.store import FamilySession, Store
from kiosk.timefmt import BEIJING
from kiosk.visitor.idnumber import contains_id_number

EXAMPLE_SERVER = "https://disclosure.example.gov.cn/api/v1"


@dataclass
class ServerContext:
    store: Store
    tokens: frozenset[str] = field(repr=False)
    session_ttl_s: int
    public_base_url: str
    clock: Callable[[], datetime] = lambda: datetime.now(UTC)

    def token_known(self, token: str) -> bool:
        return any(hmac.compare_digest(token, known) for known in self.tokens)


# ---- error rows, for the OpenAPI document ------------------------------------------------------

_ERROR_TEXT = {
    400: "invalid_request: malformed input",
    401: "invalid_credentials (with attempts_left), session_expired or terminal_unauthorized",
    403: "not_linked: this visitor may not see this inmate",
    404: "not_found",
    423: "locked: too many failed attempts; retry_after seconds in the error object",
}


def _errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    return {status: {"model": ErrorBody, "description": _ERROR_TEXT[status]} for status in statuses}


_ANY_ERROR: dict[int | str, dict[str, Any]] = {
    "default": {
        "model": ErrorBody,
        "description": "Any error, e.g. 429 rate_limited or 503 maintenance (Retry-After header)",
    }
}

# ---- identity ------------------------------------------------------------------------------------

_bearer = HTTPBearer(
    auto_error=False, scheme_name="terminalToken", description="The terminal's bearer token."
)
_session_header = APIKeyHeader(
    name="X-Session-Token",
    auto_error=False,
    scheme_name="sessionToken",
    description="The session token from POST /sessions, for requests made for a family member.",
)


async def _context(request: Request) -> ServerContext:
    # Dependencies that do no I/O are async: FastAPI would send sync ones to a worker thread.
    context = request.app.state.context
    if context is None:
        raise RuntimeError("this app was built without a context (for the OpenAPI export only)")
    return context


Context = Annotated[ServerContext, Depends(_context)]


async def _terminal(
    context: Context,
    x_terminal_id: Annotated[
        str,
        Header(
            alias="X-Terminal-Id",
            pattern=TERMINAL_ID_PATTERN,
            description="The terminal's identity, e.g. NM-HHHT1-LOBBY-01.",
        ),
    ],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Security(_bearer)],
) -> str:
    if credentials is None or not context.token_known(credentials.credentials):
        raise ApiFailure(401, ErrorCode.TERMINAL_UNAUTHORIZED, "terminal token unknown or revoked")
    return x_terminal_id


TerminalId = Annotated[str, Depends(_terminal)]


async def _family(
    context: Context,
    caller: TerminalId,  # the terminal is checked first
    token: Annotated[str | None, Security(_session_header)],
) -> FamilySession:
    # Async on purpose, like the section reads: one indexed read (~0.15 ms) costs less on the
    # event loop than a hop to a worker thread, and these are the kiosk's hot path.
    return context.store.session(token)


Family = Annotated[FamilySession, Depends(_family)]
InmateIdPath = Annotated[str, Path(pattern=models.INMATE_ID_PATTERN)]

# ---- endpoints -----------------------------------------------------------------------------------

router = APIRouter(responses=_ANY_ERROR)


@router.get("/health", response_model=models.Health, tags=["service"])
def health(context: Context) -> models.Health:
    """Liveness; needs no terminal token."""
    return models.Health(
        status="ok", time=context.clock().astimezone(BEIJING), api_version=models.API_VERSION
    )


@router.get(
    "/announcements", response_model=models.Announcements, tags=["service"], responses=_errors(401)
)
def announcements(
    context: Context,
    caller: TerminalId,
    prison_code: Annotated[str | None, Query(pattern=r"^[A-Z0-9-]{2,32}$")] = None,
) -> models.Announcements:
    """Public notices for the attract screen, newest first (province-wide and the prison's)."""
    return models.Announcements(items=context.store.announcements(prison_code))


@router.post(
    "/sessions",
    status_code=201,
    response_model=models.SessionCreated,
    tags=["sessions"],
    responses=_errors(400, 401, 423),
)
def create_session(
    context: Context, caller: TerminalId, body: models.SessionRequest
) -> models.SessionCreated:
    """Sign a family member in with ID number and reference number (5 attempts, then locked)."""
    return context.store.authenticate(body, caller, context.session_ttl_s)


@router.delete("/sessions/current", status_code=204, tags=["sessions"], responses=_errors(401))
def end_session(context: Context, session: Family) -> Response:
    context.store.end_session(session)
    return Response(status_code=204)


def _add_section(section: str, model: type[BaseModel], summary: str) -> None:
    async def read_section(context: Context, session: Family, inmate_id: InmateIdPath) -> Response:
        body = context.store.record(session, inmate_id, section)
        return Response(body, media_type="application/json")

    router.add_api_route(
        f"/inmates/{{inmate_id}}/{section}",
        read_section,
        methods=["GET"],
        response_model=model,
        name=f"read_{section}",
        summary=summary,
        tags=["records"],
        responses=_errors(400, 401, 403, 404),
    )


for _section, _model, _summary in (
    ("profile", models.Profile, "Profile and sentence"),
    ("reform", models.Reform, "改造表现 — reform performance"),
    ("assessment", models.Assessment, "计分考核 — points assessment"),
    ("rewards", models.Rewards, "奖惩与刑罚变更 — rewards, punishments, sentence changes"),
    ("living", models.Living, "生活卫生 — account, health, family contacts"),
):
    _add_section(_section, _model, _summary)


@router.post(
    "/slips",
    status_code=201,
    response_model=models.SlipRegistered,
    tags=["slips"],
    responses=_errors(400, 401, 403, 404),
)
def register_slip(
    context: Context,
    caller: TerminalId,
    session: Family,
    body: models.SlipRequest,
) -> models.SlipRegistered:
    """Register a printed slip; its QR code carries ``verify_url``."""
    return context.store.register_slip(session, body, caller, context.public_base_url)


@router.get(
    "/slips/{slip_no}",
    response_model=models.SlipVerification,
    tags=["slips"],
    responses=_errors(400, 404),
)
def verify_slip(
    context: Context,
    slip_no: Annotated[str, Path(max_length=40)],
    c: Annotated[str, Query(pattern=r"^[A-Za-z0-9]{4,16}$", description="verify code")],
) -> models.SlipVerification:
    """Public: anyone holding a slip checks it is genuine (404: unknown slip or wrong code)."""
    return context.store.verify_slip(slip_no, c)


@router.post(
    "/enquiries",
    status_code=201,
    response_model=models.EnquiryFiled,
    tags=["enquiries"],
    responses=_errors(400, 401, 403, 404),
)
def file_enquiry(
    context: Context, caller: TerminalId, session: Family, body: models.EnquiryRequest
) -> models.EnquiryFiled:
    """A family member disputes what is disclosed; answered within 14 days."""
    return context.store.file_enquiry(session, body, caller, context.public_base_url)


@router.get(
    "/enquiries/{ticket_no}",
    response_model=models.EnquiryState,
    tags=["enquiries"],
    responses=_errors(401, 404),
)
def enquiry_state(
    context: Context,
    caller: TerminalId,
    ticket_no: Annotated[str, Path(max_length=40)],
) -> models.EnquiryState:
    return context.store.enquiry(ticket_no)


def _same_terminal(caller: str, terminal_id: str) -> None:
    if caller != terminal_id:
        raise ApiFailure(400, ErrorCode.INVALID_REQUEST, "path terminal id is not X-Terminal-Id")


TerminalPath = Annotated[str, Path(pattern=TERMINAL_ID_PATTERN)]


@router.post(
    "/terminals/{terminal_id}/heartbeat",
    status_code=204,
    tags=["terminals"],
    responses=_errors(400, 401),
)
def heartbeat(
    context: Context, caller: TerminalId, terminal_id: TerminalPath, body: models.Heartbeat
) -> Response:
    _same_terminal(caller, terminal_id)
    context.store.add_heartbeat(terminal_id, body)
    return Response(status_code=204)


@router.post(
    "/terminals/{terminal_id}/events",
    response_model=models.EventsAccepted,
    tags=["terminals"],
    responses=_errors(400, 401),
)
def events(
    context: Context, caller: TerminalId, terminal_id: TerminalPath, body: models.EventBatch
) -> models.EventsAccepted:
    """Audit events, idempotent by event_id. Data must not carry an ID number; ratings are 1-3."""
    _same_terminal(caller, terminal_id)
    for event in body.events:
        _check_event(event)
    return context.store.add_events(terminal_id, body)


def _check_event(event: models.AuditEvent) -> None:
    """Refuse what the contract forbids, so that a kiosk bug shows up in its tests."""
    for key, value in event.data.items():
        if contains_id_number(key) or (isinstance(value, str) and contains_id_number(value)):
            raise ApiFailure(400, ErrorCode.INVALID_REQUEST, "event data holds an ID number")
    if event.type is models.EventType.RATING:
        score = event.data.get("score")
        if isinstance(score, bool) or score not in (1, 2, 3):
            raise ApiFailure(400, ErrorCode.INVALID_REQUEST, "rating score must be 1, 2 or 3")


# ---- the application -----------------------------------------------------------------------------


async def _validation_failed(request: Request, exc: Exception) -> Response:
    """400 naming the fields; the submitted values are never echoed (they may be ID numbers)."""
    assert isinstance(exc, RequestValidationError)
    problems = []
    for error in exc.errors()[:5]:
        # A location part can be a key the client chose (in event data): cut, never long.
        where = ".".join(str(part)[:40] for part in error.get("loc", ()))
        problems.append(f"{where}: {error.get('msg', 'invalid')}")
    return error_response(400, ErrorCode.INVALID_REQUEST, "; ".join(problems) or "invalid request")


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    status = exc.status_code
    if status == 404:
        code: str = ErrorCode.NOT_FOUND
    elif status >= 500:
        code = ErrorCode.SERVER_ERROR
    else:
        code = ErrorCode.INVALID_REQUEST
    # Starlette's 405 carries Allow (RFC 9110 15.5.6): keep it.
    return error_response(status, code, str(exc.detail), headers=exc.headers)


async def _api_failure(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiFailure)
    return exc.response()


async def _unexpected(request: Request, exc: Exception) -> Response:
    return error_response(500, ErrorCode.SERVER_ERROR, "internal error")


ERROR_HANDLERS: dict[
    int | type[Exception], Callable[[Request, Any], Coroutine[Any, Any, Response]]
] = {
    ApiFailure: _api_failure,
    RequestValidationError: _validation_failed,
    HTTPException: _http_error,
    Exception: _unexpected,
}


def create_app(context: ServerContext | None = None) -> FastAPI:
    """The API app, routes at its root (the server mounts it at /api/v1).

    Without a context it can only describe itself (``kiosk.api.openapi``).
    """
    app = FastAPI(
        title="Central disclosure API",
        version=models.API_VERSION,
        summary="狱务公开查询系统 — what the prison kiosk speaks (docs/central-api.md)",
        servers=[{"url": EXAMPLE_SERVER, "description": "production (example)"}],
        root_path_in_servers=False,
        docs_url=None,
        redoc_url=None,
        exception_handlers=ERROR_HANDLERS,
        # No tracing, metrics or exception logs: the latter carry request data.
        telemetry={"tracing": False, "metrics": False, "logs": False, "operation_spans": False},
    )
    app.state.context = context
    app.include_router(router)
    return app
