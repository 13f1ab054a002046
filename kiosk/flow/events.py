"""Events: everything that can happen to the flow, from a tap to the answer of a worker."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeAlias

from kiosk.api.enums import EnquiryReason, EnquirySection, Section
from kiosk.flow.attract_events import (
    CloseAnnouncement,
    Exit,
    ReadAnnouncement,
    SetLanguage,
    Start,
    StillHere,
    ToggleLargeText,
)
from kiosk.flow.failures import Failure
from kiosk.flow.officer_events import OfficerEvent
from kiosk.flow.state import Field

if TYPE_CHECKING:  # annotations only: importing pydantic would slow the first frame
    from kiosk.api.models import Announcement, EnquiryFiled, Profile, SessionCreated, SlipRegistered

# ---- taps (those of the first frame are in kiosk.flow.attract_events) ---------------------


@dataclass(frozen=True)
class CardRead:
    id_number: str = field(repr=False)


@dataclass(frozen=True)
class CardUnsupported:
    """A card the central service cannot use (an old foreigner card, an unknown kind)."""


@dataclass(frozen=True)
class KeyPressed:
    """One key of an on-screen keypad, typed into the focused field."""

    char: str = field(repr=False)


@dataclass(frozen=True)
class Backspace:
    pass


@dataclass(frozen=True)
class ClearField:
    pass


@dataclass(frozen=True)
class FocusField:
    field: Field


@dataclass(frozen=True)
class Submit:
    pass


@dataclass(frozen=True)
class Back:
    """The screen's way back (identify → attract, records → choose inmate, preview → records)."""


@dataclass(frozen=True)
class PickInmate:
    inmate_id: str


@dataclass(frozen=True)
class SelectTab:
    section: Section


@dataclass(frozen=True)
class RetryLoad:
    section: Section | None
    """None retries the profile."""


@dataclass(frozen=True)
class OpenPrint:
    pass


@dataclass(frozen=True)
class ToggleSection:
    section: Section


@dataclass(frozen=True)
class ConfirmPrint:
    pass


@dataclass(frozen=True)
class PrintAgain:
    """Another copy (from the done screen) or a retry after a failed job."""


@dataclass(frozen=True)
class OpenEnquiry:
    """"Something is wrong here" on a section of the records."""

    section: EnquirySection


@dataclass(frozen=True)
class ChooseReason:
    reason: EnquiryReason


@dataclass(frozen=True)
class PrintTicketAgain:
    """Print the enquiry receipt again after the printer failed."""


@dataclass(frozen=True)
class Rate:
    """One of the three faces after a visit: 3 satisfied, 2 fairly satisfied, 1 not."""

    score: int


@dataclass(frozen=True)
class SkipRating:
    pass


# ---- timers -------------------------------------------------------------------------------


@dataclass(frozen=True)
class IdleTimeout:
    """Nobody touched the screen for ``[kiosk] idle_timeout_s``."""


@dataclass(frozen=True)
class Tick:
    """Once a second: countdowns, the done screen's return, recovery after a crash."""


@dataclass(frozen=True)
class HealthDue:
    """Time to check the central service (and refresh the announcements)."""


@dataclass(frozen=True)
class Crashed:
    """An unexpected exception somewhere: show out-of-service, wipe, recover."""


# ---- answers of effects -----------------------------------------------------------------------


@dataclass(frozen=True)
class SessionStarted:
    request_no: int
    created: SessionCreated = field(repr=False)
    masked_id: str = field(repr=False)
    subject: str | None = field(repr=False)


@dataclass(frozen=True)
class AuthFailed:
    request_no: int
    failure: Failure


@dataclass(frozen=True)
class ProfileLoaded:
    token: str = field(repr=False)
    inmate_id: str = field(repr=False)
    profile: Profile = field(repr=False)


@dataclass(frozen=True)
class SectionLoaded:
    token: str = field(repr=False)
    inmate_id: str = field(repr=False)
    section: Section
    data: Any = field(repr=False)


@dataclass(frozen=True)
class LoadFailedEvent:
    token: str = field(repr=False)
    inmate_id: str = field(repr=False)
    section: Section | None
    failure: Failure


@dataclass(frozen=True)
class SlipPrinted:
    request_no: int
    registration: SlipRegistered


@dataclass(frozen=True)
class SlipFailed:
    request_no: int
    failure: Failure
    registration: SlipRegistered | None


@dataclass(frozen=True)
class EnquiryAnswered:
    request_no: int
    ticket: EnquiryFiled


@dataclass(frozen=True)
class EnquiryFailed:
    request_no: int
    failure: Failure


@dataclass(frozen=True)
class TicketPrinted:
    request_no: int


@dataclass(frozen=True)
class TicketFailed:
    request_no: int
    failure: Failure


@dataclass(frozen=True)
class HealthChecked:
    failure: Failure | None
    announcements: tuple[Announcement, ...] | None = None


Event: TypeAlias = (
    Start | CardRead | CardUnsupported | KeyPressed | Backspace | ClearField | FocusField
    | Submit | Back | Exit
    | PickInmate | SelectTab | RetryLoad | OpenPrint | ToggleSection | ConfirmPrint | PrintAgain
    | StillHere | IdleTimeout | Tick | HealthDue | Crashed | SessionStarted | AuthFailed
    | ProfileLoaded | SectionLoaded | LoadFailedEvent | SlipPrinted | SlipFailed | HealthChecked
    | ReadAnnouncement | CloseAnnouncement | SetLanguage | ToggleLargeText | OpenEnquiry
    | ChooseReason | PrintTicketAgain | Rate | SkipRating | EnquiryAnswered | EnquiryFailed
    | TicketPrinted | TicketFailed
    | OfficerEvent
)
