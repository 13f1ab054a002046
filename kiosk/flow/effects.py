"""Effects: requests for I/O that ``update`` returns and a worker carries out.

Each effect is performed by :func:`kiosk.flow.perform.perform` (blocking, off the GUI thread),
and its outcome comes back to ``update`` as an event. ``EndSession`` and ``Audit`` answer
nothing: a wipe never waits for the network.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeAlias

from kiosk.api.models import (
    EnquiryFiled,
    EnquiryReason,
    EnquirySection,
    EventType,
    Profile,
    Section,
    SlipRegistered,
)
from kiosk.flow.officer_events import OfficerEffect
from kiosk.flow.state import Credentials


@dataclass(frozen=True)
class CreateSession:
    request_no: int
    credentials: Credentials


@dataclass(frozen=True)
class EndSession:
    token: str = field(repr=False)


@dataclass(frozen=True)
class FetchProfile:
    token: str = field(repr=False)
    inmate_id: str = field(repr=False)


@dataclass(frozen=True)
class FetchSection:
    token: str = field(repr=False)
    inmate_id: str = field(repr=False)
    section: Section


@dataclass(frozen=True)
class PrintSlip:
    """Register the slip (unless ``registration`` is already known), render it, print it."""

    request_no: int
    token: str = field(repr=False)
    inmate_id: str = field(repr=False)
    masked_id: str = field(repr=False)
    profile: Profile = field(repr=False)
    sections: tuple[tuple[Section, Any], ...] = field(repr=False)
    registration: SlipRegistered | None
    copy_no: int
    language: str


@dataclass(frozen=True)
class FileEnquiry:
    request_no: int
    token: str = field(repr=False)
    inmate_id: str = field(repr=False)
    section: EnquirySection
    reason: EnquiryReason


@dataclass(frozen=True)
class PrintTicket:
    """Render and print the receipt of a filed enquiry (ticket number, QR of its tracking URL)."""

    request_no: int
    ticket: EnquiryFiled = field(repr=False)
    copy_no: int
    language: str


@dataclass(frozen=True)
class CheckHealth:
    prison_code: str


@dataclass(frozen=True)
class Audit:
    """An audit event; ``data`` is checked against the catalogue (no personal data)."""

    type: EventType
    subject: str | None = field(repr=False)
    data: tuple[tuple[str, str | int | bool], ...] = ()


Effect: TypeAlias = (
    CreateSession | EndSession | FetchProfile | FetchSection | PrintSlip | CheckHealth | Audit
    | FileEnquiry | PrintTicket
    | OfficerEffect
)
