"""Officer mode's states: the PIN pad and the officer pages, held in ``KioskState.officer``.

While ``officer`` is set the officer screens cover whatever the visit was showing; the visit is
suspended, not ended (a family's accidental taps on the emblem cost them nothing when they
cancel the pad). Leaving officer mode always ends any visit and shows the attract screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:  # annotations only: the officer modules reach the store and SQLAlchemy
    from kiosk.officer.actions import ActionResult, SlipCheck
    from kiosk.officer.settings_edit import SettingsOutcome
    from kiosk.officer.stats import Statistics
    from kiosk.officer.status import TerminalStatus


PIN_MAX_DIGITS = 8
PIN_MIN_DIGITS = 6


class PinNotice(StrEnum):
    NO_PIN = "no_pin"
    """No PIN is set on this terminal: officer mode is refused (``kiosk set-pin``)."""
    WRONG = "wrong"
    LOCKED = "locked"
    TOO_SHORT = "too_short"


@dataclass(frozen=True)
class PinPad:
    pin_set: bool = True
    digits: str = field(default="", repr=False)
    checking: bool = False
    request_no: int = 0
    failures: int = 0
    locked_until: datetime | None = None
    notice: PinNotice | None = None

    def locked(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until


class OfficerPage(StrEnum):
    MENU = "menu"
    STATUS = "status"
    SETTINGS = "settings"
    DEVICES = "devices"
    """Test print, printer and reader diagnostics."""
    STATS = "stats"
    VERIFY = "verify"


class Pending(StrEnum):
    """Officer requests in flight (their buttons are disabled meanwhile)."""

    STATUS = "status"
    STATS = "stats"
    SETTINGS = "settings"
    ACTION = "action"
    VERIFY = "verify"
    RESET = "reset"


class Leaving(StrEnum):
    """Officer mode is ending; the UI finishes what the flow cannot do itself."""

    RESET = "reset"
    """Waiting for the spool and reader to be cleared, then the UI is rebuilt."""
    EXIT = "exit"
    """The officer chose exit to desktop: the UI quits the program with ExitCode.OK."""


@dataclass(frozen=True)
class OfficerMode:
    entered_at: datetime
    page: OfficerPage = OfficerPage.MENU
    pending: frozenset[Pending] = frozenset()
    status: TerminalStatus | None = None
    stats: Statistics | None = None
    action: tuple[str, ActionResult] | None = None
    """The last device action (an ``AdminAction`` value) and its result."""
    verification: SlipCheck | None = field(default=None, repr=False)
    settings: SettingsOutcome | None = None
    undo_available: bool = False
    overridden: frozenset[str] = frozenset()
    """``section.key`` names set in the officer overrides file."""
    leaving: Leaving | None = None


OfficerState: TypeAlias = PinPad | OfficerMode
