"""The frame of the kiosk's state: :class:`KioskState` and what it is made of before any visit
(the flow's settings, the attract step, an outage).

Apart from the visit's other steps (:mod:`kiosk.flow.state`, which re-exports these) so that
the window paints its first frame, the attract screen, without generating them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: the first frame imports none of these
    from kiosk.api.models import Announcement
    from kiosk.flow.messages import Message
    from kiosk.flow.officer_state import OfficerState
    from kiosk.flow.state import VisitState
    from kiosk.settings import Settings


@dataclass(frozen=True)
class FlowConfig:
    """The settings the flow itself needs (times in seconds)."""

    prison_code: str = "NM-HHHT1"
    language: str = "zh_CN"
    countdown_s: int = 20
    max_copies: int = 2
    done_return_s: int = 30
    """The done screen returns to the attract screen by itself after this long."""
    crash_recover_s: int = 8
    """How long the out-of-service screen stands after an unexpected error."""
    farewell_s: int = 30
    """How long the goodbye screen (rating, phone hand-off) waits before the attract screen."""
    thanks_s: int = 4
    """How long "thank you" stands after a rating."""

    @classmethod
    def from_settings(cls, settings: Settings) -> FlowConfig:
        return cls(
            prison_code=settings.terminal.prison_code,
            language=settings.kiosk.language,
            countdown_s=settings.kiosk.countdown_s,
            max_copies=settings.printer.max_copies_per_session,
        )


@dataclass(frozen=True)
class Attract:
    reading: str | None = None
    """The id of the announcement open in full (public text, not personal data)."""


@dataclass(frozen=True)
class Outage:
    reason: Message
    """MAINTENANCE, TERMINAL_UNAUTHORIZED, SERVICE_UNAVAILABLE or INTERNAL_ERROR."""
    since: datetime
    until: datetime | None = None
    """For MAINTENANCE: the announced return; for INTERNAL_ERROR: when to return to attract."""


@dataclass(frozen=True)
class KioskState:
    config: FlowConfig = field(default_factory=FlowConfig)
    visit: VisitState = field(default_factory=Attract)
    outage: Outage | None = None
    countdown_until: datetime | None = None
    announcements: tuple[Announcement, ...] = ()
    health_pending: bool = False
    next_request_no: int = 1
    language_choice: str | None = None
    """The language a family switched to; None is the terminal's default (``config``)."""
    large_text: bool = False
    """Large text and high contrast, chosen by a family for the rest of its visit."""
    officer: OfficerState | None = None
    """The PIN pad or officer mode (``kiosk.flow.officer_update``); covers the visit."""

    @property
    def language(self) -> str:
        return self.language_choice or self.config.language
