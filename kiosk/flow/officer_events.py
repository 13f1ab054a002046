"""Officer mode's events (taps, timers, worker answers) and effects (work for a worker)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, TypeAlias

from kiosk.flow.officer_state import OfficerPage

if TYPE_CHECKING:  # annotations only: the officer modules reach the store and SQLAlchemy
    from kiosk.audit.catalogue import AdminAction
    from kiosk.officer.actions import ActionResult, SlipCheck
    from kiosk.officer.pinlock import PinCheck
    from kiosk.officer.settings_edit import SettingsOutcome
    from kiosk.officer.stats import Statistics
    from kiosk.officer.status import TerminalStatus

# ---- events ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class OfficerGesture:
    """The hidden gesture on the emblem; ``pin_set`` says whether a PIN hash is configured."""

    pin_set: bool


@dataclass(frozen=True)
class PinKey:
    digit: str = field(repr=False)


@dataclass(frozen=True)
class PinBackspace:
    pass


@dataclass(frozen=True)
class PinSubmit:
    pass


@dataclass(frozen=True)
class PinCancel:
    pass


@dataclass(frozen=True)
class PinLockRead:
    failures: int
    locked_until: datetime | None


@dataclass(frozen=True)
class PinChecked:
    request_no: int
    check: PinCheck


@dataclass(frozen=True)
class OfficerIdle:
    """No touch for ``[kiosk] officer_timeout_s`` (sent whatever is showing; ignored outside
    officer mode)."""

    idle_s: int


@dataclass(frozen=True)
class OfficerOpen:
    page: OfficerPage


@dataclass(frozen=True)
class OfficerLogout:
    pass


@dataclass(frozen=True)
class OfficerRun:
    """Test print, printer or reader diagnostics."""

    action: AdminAction


@dataclass(frozen=True)
class OfficerVerify:
    slip_no: str = ""
    code: str = ""
    url: str = ""
    """From a keyboard-wedge QR scanner: the slip's verify URL."""


@dataclass(frozen=True)
class OfficerSaveSetting:
    section: str
    key: str
    text: str


@dataclass(frozen=True)
class OfficerUndoSettings:
    pass


@dataclass(frozen=True)
class OfficerReset:
    pass


@dataclass(frozen=True)
class OfficerExit:
    """Exit to the desktop."""


@dataclass(frozen=True)
class StatusGathered:
    status: TerminalStatus


@dataclass(frozen=True)
class StatsLoaded:
    stats: Statistics


@dataclass(frozen=True)
class OverridesRead:
    undo_available: bool
    overridden: frozenset[str]


@dataclass(frozen=True)
class ActionDone:
    action: AdminAction
    result: ActionResult


@dataclass(frozen=True)
class SlipChecked:
    check: SlipCheck = field(repr=False)
    method: str = "typed"


@dataclass(frozen=True)
class SettingsSaved:
    outcome: SettingsOutcome
    overridden: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ResetDone:
    cleared_jobs: int


OfficerEvent: TypeAlias = (
    OfficerGesture | PinKey | PinBackspace | PinSubmit | PinCancel | PinLockRead | PinChecked
    | OfficerIdle | OfficerOpen | OfficerLogout | OfficerRun | OfficerVerify
    | OfficerSaveSetting | OfficerUndoSettings | OfficerReset | OfficerExit | StatusGathered
    | StatsLoaded | OverridesRead | ActionDone | SlipChecked | SettingsSaved | ResetDone
)

# ---- effects --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReadPinLock:
    pass


@dataclass(frozen=True)
class CheckPin:
    request_no: int
    pin: str = field(repr=False)


@dataclass(frozen=True)
class GatherStatus:
    pass


@dataclass(frozen=True)
class LoadStats:
    pass


@dataclass(frozen=True)
class ReadOverrides:
    pass


@dataclass(frozen=True)
class RunAction:
    action: AdminAction


@dataclass(frozen=True)
class VerifySlip:
    slip_no: str = ""
    code: str = ""
    url: str = ""


@dataclass(frozen=True)
class SaveSetting:
    section: str
    key: str
    text: str


@dataclass(frozen=True)
class UndoSettings:
    pass


@dataclass(frozen=True)
class ResetTerminal:
    """Clear spooled jobs and the reader's state (polling is off in officer mode)."""


OfficerEffect: TypeAlias = (
    ReadPinLock | CheckPin | GatherStatus | LoadStats | ReadOverrides | RunAction | VerifySlip
    | SaveSetting | UndoSettings | ResetTerminal
)
