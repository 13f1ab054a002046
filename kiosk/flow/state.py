"""The visitor flow's states: immutable values, replaced (never changed) by ``update``.

A :class:`KioskState` is everything the kiosk screen shows, as data: the visit's step
(``visit``), whether the terminal is out of service (``outage``), whether the "still there?"
countdown is up (``countdown_until``) and the public announcements. Personal data (the typed ID
number, names, records) lives only inside ``visit`` and disappears with it when the visit ends.

``KioskState`` itself, the attract step, the outage and the flow's settings are defined in
:mod:`kiosk.flow.kiosk_state` (the first frame needs only those) and re-exported here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeAlias

from kiosk.api.enums import AuthMethod, EnquiryReason, EnquirySection, Section
from kiosk.flow.kiosk_state import Attract
from kiosk.flow.kiosk_state import FlowConfig as FlowConfig  # re-exported
from kiosk.flow.kiosk_state import KioskState as KioskState
from kiosk.flow.kiosk_state import Outage as Outage
from kiosk.flow.messages import Notice

if TYPE_CHECKING:  # annotations only: importing pydantic would slow the first frame
    from kiosk.api.models import EnquiryFiled, LinkedInmate, Profile, SlipRegistered

SECTION_ORDER: tuple[Section, ...] = (
    Section.REFORM,
    Section.ASSESSMENT,
    Section.REWARDS,
    Section.LIVING,
)
"""The order of the records tabs (and of sections on a slip)."""


class Field(StrEnum):
    ID = "id"
    REFERENCE = "reference"


@dataclass(frozen=True)
class Credentials:
    id_number: str = field(repr=False)
    reference_number: str = field(repr=False)
    method: AuthMethod


@dataclass(frozen=True)
class Session:
    """An open session with the central service. The raw ID number is not kept."""

    token: str = field(repr=False)
    visitor_name: str = field(repr=False)
    inmates: tuple[LinkedInmate, ...] = field(repr=False)
    masked_id: str = field(repr=False)
    subject: str | None = field(repr=False)
    """HMAC of the ID number under the terminal secret, for audit events."""
    method: AuthMethod
    started_at: datetime


# ---- loads: one per records panel ----------------------------------------------------------


@dataclass(frozen=True)
class Loading:
    pass


@dataclass(frozen=True)
class Loaded:
    data: Any = field(repr=False)


@dataclass(frozen=True)
class LoadFailed:
    notice: Notice


Load: TypeAlias = Loading | Loaded | LoadFailed


# ---- the visit's steps ------------------------------------------------------------------------


@dataclass(frozen=True)
class Identify:
    """The identify form. Its text lives here so the flow judges it and a wipe clears it."""

    id_text: str = field(default="", repr=False)
    reference_text: str = field(default="", repr=False)
    focus: Field = Field.ID
    method: AuthMethod = AuthMethod.MANUAL
    notice: Notice | None = None
    """The answer to the last attempt (wrong reference, locked, service unavailable, ...)."""


@dataclass(frozen=True)
class Authenticating:
    form: Identify
    credentials: Credentials
    request_no: int


@dataclass(frozen=True)
class ChooseInmate:
    session: Session


@dataclass(frozen=True)
class Records:
    session: Session
    inmate: LinkedInmate = field(repr=False)
    profile: Load
    sections: Mapping[Section, Load]
    tab: Section = SECTION_ORDER[0]
    copies_printed: int = 0

    @property
    def loaded_profile(self) -> Profile | None:
        return self.profile.data if isinstance(self.profile, Loaded) else None

    def loaded_sections(self) -> dict[Section, Any]:
        return {s: load.data for s, load in self.sections.items() if isinstance(load, Loaded)}


@dataclass(frozen=True)
class PrintPreview:
    records: Records
    chosen: frozenset[Section]


@dataclass(frozen=True)
class Printing:
    records: Records
    chosen: frozenset[Section]
    registration: SlipRegistered | None
    request_no: int


@dataclass(frozen=True)
class PrintFailed:
    records: Records
    chosen: frozenset[Section]
    registration: SlipRegistered | None
    """Kept so a reprint carries the same slip number."""
    notice: Notice


@dataclass(frozen=True)
class Done:
    """The slip is out. The session stays open for another copy until the family leaves."""

    records: Records
    chosen: frozenset[Section]
    registration: SlipRegistered
    return_at: datetime


class TicketPrint(StrEnum):
    PRINTING = "printing"
    PRINTED = "printed"
    FAILED = "failed"


@dataclass(frozen=True)
class Enquiry:
    """An objection (异议) to one section: a reason is tapped, the central service files it and
    the kiosk prints a receipt. No typing: the reason is one of four codes."""

    records: Records
    section: EnquirySection
    reason: EnquiryReason | None = None
    request_no: int = 0
    """The request in flight: filing, then printing the receipt."""
    ticket: EnquiryFiled | None = None
    notice: Notice | None = None
    """Why filing failed (the family can try again or go back)."""
    ticket_print: TicketPrint | None = None
    print_notice: Notice | None = None

    @property
    def filing(self) -> bool:
        return self.ticket is None and self.notice is None and self.request_no != 0


@dataclass(frozen=True)
class Farewell:
    """After a visit the family ended: rate the service (or skip), hand-off QR for the phone.
    The session is already ended and its data wiped; nothing personal is shown here."""

    return_at: datetime
    score: int | None = None


VisitState: TypeAlias = (
    Attract | Identify | Authenticating | ChooseInmate | Records | PrintPreview | Printing
    | PrintFailed | Done | Enquiry | Farewell
)


def session_of(visit: VisitState) -> Session | None:
    """The open session behind a visit step, if there is one."""
    if isinstance(visit, ChooseInmate):
        return visit.session
    if isinstance(visit, Records):
        return visit.session
    if isinstance(visit, PrintPreview | Printing | PrintFailed | Done | Enquiry):
        return visit.records.session
    return None


def records_of(visit: VisitState) -> Records | None:
    if isinstance(visit, Records):
        return visit
    if isinstance(visit, PrintPreview | Printing | PrintFailed | Done | Enquiry):
        return visit.records
    return None
