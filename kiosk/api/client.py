"""The client of the central disclosure API (``docs/central-api.md``), built on ``requests``.

One ``CentralClient`` per terminal, shared by the worker threads of the UI (the records screen
fetches profile and four sections at once): one ``requests.Session`` whose connection pool is
sized for that, and no per-call state on the client except ``last_latency_ms``.

Every method returns a parsed model or raises exactly one exception from
``kiosk.api.errors``; nothing else escapes (a ``ValidationError``, ``requests`` or socket error
would be a bug here). The construction checks settings and raises ``ConfigurationError``.

``X-Request-Id`` is fresh for every *attempt*, not only every call: each HTTP request the
central service sees has its own id, and a retried GET appears as separate requests. The log
line of every attempt names its id, the attempt number and the path template, so a support desk
can find all attempts of one tap from the terminal's log. The id of the attempt that failed last
is on the exception (``request_id``).

Logs (logger ``kiosk.api``) hold method, path template, status, latency, attempt and request
id; never bodies, ID numbers, tokens, query strings or record contents.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import SplitResult, parse_qs, quote, urlsplit

import requests
import urllib3.exceptions
from pydantic import BaseModel

from kiosk.api.answers import error_from_answer, parse_answer
from kiosk.api.errors import (
    ApiError,
    BadResponse,
    ConfigurationError,
    InvalidRequest,
    NetworkError,
    RequestTimeout,
)
from kiosk.api.models import (
    INMATE_ID_PATTERN,
    SLIP_NO_PATTERN,
    TERMINAL_ID_PATTERN,
    TICKET_PATTERN,
    VERIFY_CODE_PATTERN,
    Announcements,
    Assessment,
    EnquiryFiled,
    EnquiryRequest,
    EnquiryState,
    EventBatch,
    EventsAccepted,
    Health,
    Heartbeat,
    Living,
    Profile,
    Reform,
    Rewards,
    Section,
    SessionCreated,
    SessionRequest,
    SlipRegistered,
    SlipRequest,
    SlipVerification,
)
from kiosk.api.retry import RetryPolicy
from kiosk.api.transport import TlsFiles, build_session, normalise_base_url, transport_error

if TYPE_CHECKING:
    from kiosk.settings import Settings

log = logging.getLogger("kiosk.api")

M = TypeVar("M", bound=BaseModel)
SectionRecord = Reform | Assessment | Rewards | Living

# Profile + four sections in parallel, plus heartbeat, audit upload and one spare.
POOL_SIZE = 8
# The largest answer accepted (years of monthly records are well under 2 MB).
MAX_BODY_BYTES = 16 * 1024 * 1024
_CHUNK = 64 * 1024
# Header values must be visible ASCII: a CR/LF would split the request.
_TOKEN_RE = re.compile(r"[\x21-\x7e]{1,512}")
_LENGTH_RE = re.compile(r"[0-9]+")
_VERIFY_PATH_RE = re.compile(r"/(?:slips|verify)/([^/]+)")


@dataclass(frozen=True)
class _Answer:
    status: int
    body: bytes
    request_id: str
    latency_ms: float


class CentralClient:
    """Typed calls to the central API; thread-safe (one shared session, no call state)."""

    def __init__(
        self,
        base_url: str,
        terminal_id: str,
        token: str,
        *,
        ca_bundle: str | None = None,
        client_cert: str | None = None,
        client_key: str | None = None,
        connect_timeout_s: float = 3.0,
        read_timeout_s: float = 8.0,
        get_retries: int = 2,
        max_retry_after_s: float = 20.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._base_url = normalise_base_url(base_url)
        if not re.fullmatch(TERMINAL_ID_PATTERN, terminal_id):
            raise ConfigurationError("terminal id must be 1-64 of A-Z a-z 0-9 . _ -")
        if not _TOKEN_RE.fullmatch(token):
            # The value itself is a secret and stays out of the message.
            raise ConfigurationError("central token is empty or holds spaces/control characters")
        if connect_timeout_s <= 0 or read_timeout_s <= 0:
            raise ConfigurationError("central timeouts must be positive")
        if get_retries < 0 or max_retry_after_s < 0:
            raise ConfigurationError("central get_retries and max_retry_after_s must be >= 0")
        self._terminal_id = terminal_id
        self._timeouts = (connect_timeout_s, read_timeout_s)
        self._policy = RetryPolicy(retries=get_retries, max_retry_after_s=max_retry_after_s)
        self._sleep = sleep
        self._session = build_session(
            TlsFiles.from_paths(ca_bundle, client_cert, client_key), POOL_SIZE
        )
        self._headers = {
            "X-Terminal-Id": terminal_id,
            "Authorization": f"Bearer {token}",
            "Accept": "application/json",
        }
        self.last_latency_ms: float | None = None
        """Time to the full answer of the last attempt that got one (officer status screen)."""

    @classmethod
    def from_settings(cls, settings: Settings) -> CentralClient:
        central = settings.central
        return cls(
            central.base_url,
            settings.terminal.id,
            central.token,
            ca_bundle=central.ca_bundle or None,
            client_cert=central.client_cert or None,
            client_key=central.client_key or None,
            connect_timeout_s=central.connect_timeout_s,
            read_timeout_s=central.read_timeout_s,
            get_retries=central.get_retries,
            max_retry_after_s=float(central.max_retry_after_s),
        )

    @property
    def base_url(self) -> str:
        return self._base_url

    # ---- public calls, in the order of the contract -------------------------------------

    def health(self) -> Health:
        return self._json(Health, "GET", "/health")

    def announcements(self, prison_code: str) -> Announcements:
        return self._json(Announcements, "GET", "/announcements",
                          query={"prison_code": prison_code})

    def create_session(self, request: SessionRequest) -> SessionCreated:
        return self._json(SessionCreated, "POST", "/sessions", body=request)

    def end_session(self, session_token: str) -> None:
        self._request("DELETE", "/sessions/current", session_token=session_token)

    def profile(self, session_token: str, inmate_id: str) -> Profile:
        return self._json(Profile, "GET", "/inmates/{inmate_id}/profile",
                          params={"inmate_id": _checked("inmate_id", inmate_id,
                                                        INMATE_ID_PATTERN)},
                          session_token=session_token)

    def section(self, session_token: str, inmate_id: str, section: Section) -> SectionRecord:
        try:
            which = Section(section)
        except ValueError:
            raise InvalidRequest("unknown record section") from None
        fetch: dict[Section, Callable[[str, str], SectionRecord]] = {
            Section.REFORM: self.reform,
            Section.ASSESSMENT: self.assessment,
            Section.REWARDS: self.rewards,
            Section.LIVING: self.living,
        }
        return fetch[which](session_token, inmate_id)

    def reform(self, session_token: str, inmate_id: str) -> Reform:
        return self._record(Reform, Section.REFORM, session_token, inmate_id)

    def assessment(self, session_token: str, inmate_id: str) -> Assessment:
        return self._record(Assessment, Section.ASSESSMENT, session_token, inmate_id)

    def rewards(self, session_token: str, inmate_id: str) -> Rewards:
        return self._record(Rewards, Section.REWARDS, session_token, inmate_id)

    def living(self, session_token: str, inmate_id: str) -> Living:
        return self._record(Living, Section.LIVING, session_token, inmate_id)

    def register_slip(self, session_token: str, request: SlipRequest) -> SlipRegistered:
        return self._json(SlipRegistered, "POST", "/slips", body=request,
                          session_token=session_token)

    def verify_slip(self, slip_no: str, verify_code: str) -> SlipVerification:
        return self._json(SlipVerification, "GET", "/slips/{slip_no}",
                          params={"slip_no": _checked("slip_no", slip_no, SLIP_NO_PATTERN)},
                          query={"c": _checked("verify_code", verify_code,
                                               VERIFY_CODE_PATTERN)})

    def verify_url(self, url: str) -> SlipVerification:
        """Verify a slip from the URL in its QR code.

        The URL must point at this client's server (same scheme, host, port, under the base
        path): a QR pointing anywhere else is ``InvalidRequest`` and is never fetched.
        """
        slip_no, verify_code = self._parse_verify_url(url)
        return self.verify_slip(slip_no, verify_code)

    def file_enquiry(self, session_token: str, request: EnquiryRequest) -> EnquiryFiled:
        return self._json(EnquiryFiled, "POST", "/enquiries", body=request,
                          session_token=session_token)

    def enquiry(self, ticket_no: str) -> EnquiryState:
        return self._json(EnquiryState, "GET", "/enquiries/{ticket_no}",
                          params={"ticket_no": _checked("ticket_no", ticket_no,
                                                        TICKET_PATTERN)})

    def heartbeat(self, beat: Heartbeat) -> None:
        self._request("POST", "/terminals/{terminal_id}/heartbeat", body=beat,
                      params={"terminal_id": self._terminal_id})

    def send_events(self, batch: EventBatch) -> EventsAccepted:
        return self._json(EventsAccepted, "POST", "/terminals/{terminal_id}/events",
                          body=batch, params={"terminal_id": self._terminal_id})

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> CentralClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # ---- the machinery -------------------------------------------------------------------

    def _record(self, model: type[M], section: Section, session_token: str,
                inmate_id: str) -> M:
        return self._json(model, "GET", f"/inmates/{{inmate_id}}/{section.value}",
                          params={"inmate_id": _checked("inmate_id", inmate_id,
                                                        INMATE_ID_PATTERN)},
                          session_token=session_token)

    def _json(
        self,
        model: type[M],
        method: str,
        template: str,
        *,
        params: Mapping[str, str] | None = None,
        query: Mapping[str, str] | None = None,
        body: BaseModel | None = None,
        session_token: str | None = None,
    ) -> M:
        answer = self._request(method, template, params=params, query=query, body=body,
                               session_token=session_token)
        try:
            return parse_answer(model, answer.body, status=answer.status,
                                request_id=answer.request_id)
        except BadResponse as error:
            log.warning("%s %s answer rejected: %s (request_id=%s)",
                        method, template, error.message, answer.request_id)
            raise

    def _request(
        self,
        method: str,
        template: str,
        *,
        params: Mapping[str, str] | None = None,
        query: Mapping[str, str] | None = None,
        body: BaseModel | None = None,
        session_token: str | None = None,
    ) -> _Answer:
        """Send one call, retrying GETs as ``RetryPolicy`` says; return a 2xx answer."""
        url = self._base_url + template.format(
            **{name: quote(value, safe="") for name, value in (params or {}).items()}
        )
        headers = dict(self._headers)
        if session_token is not None:
            if not _TOKEN_RE.fullmatch(session_token):
                raise InvalidRequest("session token is empty or malformed")
            headers["X-Session-Token"] = session_token
        data = None
        if body is not None:
            data = body.model_dump_json().encode("utf-8")
            headers["Content-Type"] = "application/json; charset=utf-8"
        attempt = 0
        while True:
            request_id = str(uuid.uuid4())
            headers["X-Request-Id"] = request_id
            started = time.monotonic()
            try:
                answer = self._attempt(method, url, query, data, headers, request_id)
            except ApiError as error:
                elapsed_ms = (time.monotonic() - started) * 1000
                wait = self._policy.wait_before_retry(method, attempt, error)
                log.log(
                    logging.INFO if error.status is not None and error.status < 500
                    else logging.WARNING,
                    "%s %s -> %s %s%s in %.0f ms (attempt %d, request_id=%s)%s",
                    method, template, error.status or "-", error.code,
                    # Our own text for faults below HTTP (e.g. the TLS reason): no URL in it.
                    f": {error.message}" if isinstance(error, NetworkError) else "",
                    elapsed_ms, attempt + 1, request_id,
                    "" if wait is None else f"; retrying in {wait:.2f} s",
                )
                if wait is None:
                    raise
                self._sleep(wait)
                attempt += 1
                continue
            log.info("%s %s -> %d in %.0f ms (attempt %d, request_id=%s)", method, template,
                     answer.status, answer.latency_ms, attempt + 1, request_id)
            return answer

    def _attempt(
        self,
        method: str,
        url: str,
        query: Mapping[str, str] | None,
        data: bytes | None,
        headers: Mapping[str, str],
        request_id: str,
    ) -> _Answer:
        started = time.monotonic()
        # The read timeout bounds each socket read; this bounds the whole answer, so a server
        # that trickles bytes cannot hold a worker (and the family's screen) forever.
        deadline = started + self._timeouts[0] + self._timeouts[1]
        try:
            with self._session.request(
                method, url, params=query, data=data, headers=headers,
                timeout=self._timeouts, allow_redirects=False, stream=True,
            ) as response:
                status = response.status_code
                response_headers = response.headers  # case-insensitive, unlike a dict
                body = _read_body(response, deadline, request_id)
        # requests' exceptions and socket errors are OSErrors; a urllib3 error that requests
        # did not wrap (while streaming the body) is not, and is the same kind of fault.
        except (OSError, urllib3.exceptions.HTTPError) as exc:
            raise transport_error(exc, request_id) from None  # exc's text names the URL
        latency_ms = (time.monotonic() - started) * 1000
        self.last_latency_ms = latency_ms
        if 200 <= status < 300:
            return _Answer(status, body, request_id, latency_ms)
        if 300 <= status < 400:
            # Following a redirect would carry the session token to wherever it points.
            raise BadResponse(f"unexpected redirect (HTTP {status})", status=status,
                              request_id=request_id)
        raise error_from_answer(status, response_headers, body, request_id=request_id)

    def _parse_verify_url(self, url: str) -> tuple[str, str]:
        base = urlsplit(self._base_url)
        try:
            parts = urlsplit(url.strip())
            same_origin = _origin(parts) == _origin(base)
        except ValueError:  # an unreadable port
            same_origin = False
        if not same_origin or parts.username or parts.password:
            raise InvalidRequest("verify URL does not point at this terminal's central server")
        if not parts.path.startswith(base.path + "/"):
            raise InvalidRequest("verify URL is outside the central API")
        match = _VERIFY_PATH_RE.fullmatch(parts.path[len(base.path):])
        codes = parse_qs(parts.query).get("c", [])
        if match is None or len(codes) != 1:
            raise InvalidRequest("verify URL has no slip number and code")
        return match.group(1), codes[0]


def _origin(parts: SplitResult) -> tuple[str, str | None, int | None]:
    """Scheme, host and port, with the scheme's default port filled in."""
    port = parts.port or {"https": 443, "http": 80}.get(parts.scheme)
    return parts.scheme, parts.hostname, port


def _checked(name: str, value: str, pattern: str) -> str:
    """Refuse a path or query value of the wrong form before it reaches the wire."""
    if not isinstance(value, str) or not re.fullmatch(pattern, value):
        raise InvalidRequest(f"{name} has the wrong form")
    return value


def _read_body(response: requests.Response, deadline: float, request_id: str) -> bytes:
    declared = response.headers.get("Content-Length", "")
    # ASCII digits only (str.isdigit() also takes "²", which int() refuses); anything else is
    # left to urllib3, and the size is still counted below as the body arrives.
    if _LENGTH_RE.fullmatch(declared) and (len(declared) > 12 or int(declared) > MAX_BODY_BYTES):
        raise BadResponse("answer too large", status=response.status_code,
                          request_id=request_id)
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_content(_CHUNK):
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise BadResponse("answer too large", status=response.status_code,
                              request_id=request_id)
        if time.monotonic() > deadline:
            raise RequestTimeout("answer did not finish in time", status=response.status_code,
                                 request_id=request_id)
        chunks.append(chunk)
    return b"".join(chunks)
