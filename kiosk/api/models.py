"""Typed models of the central disclosure API, version 1 (see docs/central-api.md).

This module is the single source of truth for the contract: the client parses answers with
these models, the reference server answers with them, and the OpenAPI file in
``docs/central-api.openapi.json`` is generated from them (``kiosk.api.openapi``).

Rules applied everywhere:
- unknown fields in an answer are ignored (the central service adds fields over time);
- money is a decimal string on the wire and ``Decimal`` in code, never a float;
- times carry their UTC offset (naive times are rejected); dates are ``YYYY-MM-DD``;
  months ``YYYY-MM``;
- a wrong shape raises ``pydantic.ValidationError`` whose ``loc`` names the field.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, TypeVar

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    Strict,
    StringConstraints,
    WithJsonSchema,
)

from kiosk.api.enums import (
    AnnouncementCategory as AnnouncementCategory,
)
from kiosk.api.enums import (  # re-exported: the models are the contract's one entry
    AuthMethod as AuthMethod,
)
from kiosk.api.enums import (
    ContactType as ContactType,
)
from kiosk.api.enums import (
    CycleOutcome as CycleOutcome,
)
from kiosk.api.enums import (
    EnquiryReason as EnquiryReason,
)
from kiosk.api.enums import (
    EnquirySection as EnquirySection,
)
from kiosk.api.enums import (
    EnquiryStatus as EnquiryStatus,
)
from kiosk.api.enums import (
    ErrorCode as ErrorCode,
)
from kiosk.api.enums import (
    EventType as EventType,
)
from kiosk.api.enums import (
    PrinterState as PrinterState,
)
from kiosk.api.enums import (
    ReaderState as ReaderState,
)
from kiosk.api.enums import (
    RewardKind as RewardKind,
)
from kiosk.api.enums import (
    Section as Section,
)
from kiosk.api.enums import (
    SentenceChangeKind as SentenceChangeKind,
)
from kiosk.api.enums import (
    SentenceChangeStage as SentenceChangeStage,
)
from kiosk.api.enums import (
    TerminalState as TerminalState,
)
from kiosk.api.enums import (
    TransactionType as TransactionType,
)

API_VERSION = "1.3"

# --------------------------------------------------------------------------------------------
# Scalar types
# --------------------------------------------------------------------------------------------

# ASCII digits only: ``\d`` would also take "٣٥٦" or "３５６", which Decimal() reads as 356.
_MONEY_RE = re.compile(r"^-?[0-9]{1,12}(\.[0-9]{1,2})?$")
_CENT = Decimal("0.01")
_POINT_STEP = Decimal("0.1")
_MAX_POINTS = Decimal(1_000_000)


def _parse_money(value: Any) -> Decimal:
    """Accept only decimal strings ("356.20"); a float would already have lost precision."""
    if isinstance(value, Decimal):  # built in code (the reference server): same rules
        if not value.is_finite() or value != value.quantize(_CENT) or abs(value) >= 10**12:
            raise ValueError("money must be finite, with at most two decimals")
        return value
    # fullmatch: "$" alone would let a trailing newline through.
    if not isinstance(value, str) or not _MONEY_RE.fullmatch(value):
        raise ValueError('money must be a decimal string such as "356.20"')
    return Decimal(value)


def _money_to_str(value: Decimal) -> str:
    return f"{value:.2f}"


Money = Annotated[
    Decimal,
    BeforeValidator(_parse_money),
    PlainSerializer(_money_to_str, return_type=str),
    WithJsonSchema({"type": "string", "pattern": _MONEY_RE.pattern, "examples": ["356.20"]}),
]


def _parse_points(value: Any) -> Decimal:
    """Points are JSON numbers with at most one decimal (245.5); bools and strings are not."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        raise ValueError("points must be a number")
    result = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    # The range first: quantize() raises InvalidOperation for 1e308, not a ValueError.
    if not result.is_finite() or abs(result) > _MAX_POINTS:
        raise ValueError("points out of range")
    if result != result.quantize(_POINT_STEP):
        raise ValueError("points have at most one decimal")
    return result


def _points_to_json(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


Points = Annotated[
    Decimal,
    BeforeValidator(_parse_points),
    PlainSerializer(_points_to_json, return_type=float),
    WithJsonSchema({"type": "number", "multipleOf": 0.1, "examples": [245.5]}),
]


DateOrTime = TypeVar("DateOrTime", date, datetime)

_ISO_START = re.compile(r"[0-9]{4}-")


def _iso_text(value: Any) -> Any:
    """Dates and times travel as ISO 8601 text (``2026-11-27...``). pydantic would also read
    seconds since 1970, as a number or as a string (``0``, ``"1764209700"``): a wrong shape
    here, not a time, so anything that does not start ``YYYY-`` is refused first."""
    if isinstance(value, date):  # built in code
        return value
    if not isinstance(value, str) or not _ISO_START.match(value):
        raise ValueError("must be an ISO 8601 date or time such as 2026-11-27")
    return value


EARLIEST_YEAR, LATEST_YEAR = 1900, 2199


def _plausible_year(value: DateOrTime) -> DateOrTime:
    """Year 1 or 9999 is valid ISO 8601 but no record of a living person; worse, date arithmetic
    near those ends overflows (a slip's "last 92 days" before 0001-01-01, Beijing time of
    9999-12-31T23:00-05:00). Such a time is a wrong shape, refused like any other."""
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise ValueError(f"year must be from {EARLIEST_YEAR} to {LATEST_YEAR}")
    return value


Month = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}-(0[1-9]|1[0-2])$")]
"""A month as ``YYYY-MM``."""
Day = Annotated[date, BeforeValidator(_iso_text), AfterValidator(_plausible_year)]
"""A date as ``YYYY-MM-DD``."""
Timestamp = Annotated[
    AwareDatetime, BeforeValidator(_iso_text), AfterValidator(_plausible_year)
]
"""An ISO 8601 time that carries its offset; naive times are rejected."""
Count = Annotated[int, Strict()]
"""A whole number: ``true``, ``"86"`` and ``86.0`` are wrong shapes, not 1 and 86."""

Text = Annotated[str, StringConstraints(max_length=2000)]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=200)]

INMATE_ID_PATTERN = r"^[A-Z0-9-]{4,32}$"
InmateId = Annotated[str, StringConstraints(pattern=INMATE_ID_PATTERN)]
ID_NUMBER_PATTERN = r"^[0-9]{17}[0-9X]$"
REFERENCE_PATTERN = r"^[A-Z0-9-]{8,16}$"
SLIP_NO_PATTERN = r"^[A-Z0-9-]{4,40}$"
VERIFY_CODE_PATTERN = r"^[A-Z0-9]{4,16}$"
TICKET_PATTERN = r"^[A-Z0-9-]{4,40}$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"
TERMINAL_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
"""What ``X-Terminal-Id`` and the ``{terminal_id}`` path segments may hold."""


class _Model(BaseModel):
    """Answers: unknown fields ignored, immutable once parsed.

    Each validator is built on its first use, not at import (``defer_build``): the kiosk imports
    these models before its first frame and parses an answer only later. (Request bodies are
    built at once: FastAPI's request-body validation expects them ready.)
    """

    model_config = ConfigDict(extra="ignore", frozen=True, str_max_length=4000, defer_build=True)


class _Request(BaseModel):
    """Request bodies: the kiosk builds them, so unknown fields are a bug on either side."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_max_length=4000)


# --------------------------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------------------------


class ErrorDetail(_Model):
    code: str
    message: str = ""
    attempts_left: Count | None = Field(default=None, ge=0, le=100)
    retry_after: Count | None = Field(default=None, ge=0, le=7 * 24 * 3600)


class ErrorBody(_Model):
    error: ErrorDetail


# --------------------------------------------------------------------------------------------
# Health and announcements
# --------------------------------------------------------------------------------------------


class Health(_Model):
    status: str
    time: Timestamp
    api_version: str


class Announcement(_Model):
    id: ShortText
    category: AnnouncementCategory
    title: ShortText
    body: Text
    published_at: Timestamp


class Announcements(_Model):
    items: list[Announcement] = Field(max_length=500)


# --------------------------------------------------------------------------------------------
# Sessions
# --------------------------------------------------------------------------------------------


class SessionRequest(_Request):
    id_number: Annotated[str, StringConstraints(pattern=ID_NUMBER_PATTERN)]
    reference_number: Annotated[str, StringConstraints(pattern=REFERENCE_PATTERN)]
    method: AuthMethod


class Visitor(_Model):
    display_name: ShortText


class LinkedInmate(_Model):
    inmate_id: InmateId
    name: ShortText
    relationship: ShortText
    prison_name: ShortText
    ward: ShortText


class SessionCreated(_Model):
    session_token: Annotated[str, StringConstraints(min_length=8, max_length=512)]
    expires_at: Timestamp
    visitor: Visitor
    inmates: list[LinkedInmate] = Field(min_length=1, max_length=50)


# --------------------------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------------------------


class Sentence(_Model):
    term: ShortText
    start: Day
    end: Day
    current_end: Day


class Profile(_Model):
    inmate_id: InmateId
    name: ShortText
    prison_name: ShortText
    ward: ShortText
    crime: ShortText
    sentence: Sentence
    treatment_level: ShortText
    as_of: Timestamp


class ReformMonth(_Model):
    month: Month
    ideology: ShortText
    education: ShortText
    labour: ShortText
    remark: Text = ""


class Course(_Model):
    name: ShortText
    term: ShortText
    score: Count | None = Field(default=None, ge=0, le=150)
    result: ShortText


class Certificate(_Model):
    name: ShortText
    issued_on: Day


class Reform(_Model):
    as_of: Timestamp
    monthly: list[ReformMonth] = Field(max_length=1000)
    courses: list[Course] = Field(max_length=1000)
    certificates: list[Certificate] = Field(max_length=1000)


class AssessmentMonth(_Model):
    month: Month
    base: Points
    bonus: Points
    deduction: Points
    total: Points
    note: Text = ""


class AssessmentCycle(_Model):
    closed: Month
    points: Points
    outcome: CycleOutcome
    graded_on: Day


class Assessment(_Model):
    as_of: Timestamp
    threshold: Points
    cycle_points: Points
    cycle_started: Month
    months: list[AssessmentMonth] = Field(max_length=1200)
    cycles: list[AssessmentCycle] = Field(max_length=1200)


class RewardItem(_Model):
    date: Day
    kind: RewardKind
    reason: Text
    document_no: Annotated[str, StringConstraints(max_length=200)] = ""


class SentenceChange(_Model):
    kind: SentenceChangeKind
    stage: SentenceChangeStage
    date: Day
    detail: Text
    authority: Annotated[str, StringConstraints(max_length=200)] = ""


class Rewards(_Model):
    as_of: Timestamp
    items: list[RewardItem] = Field(max_length=1000)
    sentence_changes: list[SentenceChange] = Field(max_length=1000)


class Account(_Model):
    balance: Money
    monthly_limit: Money
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] = "CNY"


class Transaction(_Model):
    date: Day
    type: TransactionType
    amount: Money
    description: Text = ""


class HealthCheck(_Model):
    date: Day
    item: ShortText
    result: Text


class Contact(_Model):
    date: Day
    type: ContactType
    minutes: Count = Field(ge=0, le=24 * 60)


class Living(_Model):
    as_of: Timestamp
    account: Account
    transactions: list[Transaction] = Field(max_length=5000)
    health: list[HealthCheck] = Field(max_length=1000)
    contacts: list[Contact] = Field(max_length=1000)


SECTION_MODELS: dict[Section, type[_Model]] = {
    Section.REFORM: Reform,
    Section.ASSESSMENT: Assessment,
    Section.REWARDS: Rewards,
    Section.LIVING: Living,
}

# --------------------------------------------------------------------------------------------
# Slips and enquiries
# --------------------------------------------------------------------------------------------


class SlipRequest(_Request):
    inmate_id: InmateId
    sections: list[Section] = Field(min_length=1, max_length=4)
    content_sha256: Annotated[str, StringConstraints(pattern=SHA256_PATTERN)]


class SlipRegistered(_Model):
    slip_no: Annotated[str, StringConstraints(pattern=SLIP_NO_PATTERN)]
    verify_code: Annotated[str, StringConstraints(pattern=VERIFY_CODE_PATTERN)]
    verify_url: Annotated[str, StringConstraints(min_length=8, max_length=500)]
    issued_at: Timestamp


class SlipVerification(_Model):
    valid: Annotated[bool, Strict()]  # "yes" or 1 is not an answer to "genuine?"
    issued_at: Timestamp
    inmate_name: ShortText
    sections: list[Section] = Field(max_length=4)
    content_sha256: Annotated[str, StringConstraints(pattern=SHA256_PATTERN)]


class EnquiryRequest(_Request):
    inmate_id: InmateId
    section: EnquirySection
    reason: EnquiryReason


class EnquiryFiled(_Model):
    ticket_no: Annotated[str, StringConstraints(pattern=TICKET_PATTERN)]
    reply_due: Day
    track_url: Annotated[str, StringConstraints(min_length=8, max_length=500)]


class EnquiryState(_Model):
    ticket_no: Annotated[str, StringConstraints(pattern=TICKET_PATTERN)]
    status: EnquiryStatus
    reply: Text | None = None


# --------------------------------------------------------------------------------------------
# Terminal: heartbeat and audit events
# --------------------------------------------------------------------------------------------


class Heartbeat(_Request):
    version: Annotated[str, StringConstraints(min_length=1, max_length=50)]
    uptime_s: Count = Field(ge=0)
    state: TerminalState
    printer: PrinterState
    reader: ReaderState
    queued_events: Count = Field(ge=0)


class AuditEvent(_Request):
    event_id: Annotated[str, StringConstraints(min_length=8, max_length=64)]
    type: EventType
    at: Timestamp
    subject: Annotated[str, StringConstraints(pattern=SHA256_PATTERN)] | None = None
    data: dict[str, str | int | float | bool | None] = Field(default_factory=dict, max_length=32)


class EventBatch(_Request):
    events: list[AuditEvent] = Field(min_length=1, max_length=500)


class EventsAccepted(_Model):
    accepted: list[str] = Field(max_length=500)
