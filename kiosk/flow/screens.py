"""Which screen the kiosk shows: one function of the state, in priority order.

The window reads these for its first frame, the attract screen; the visit's other steps
(:mod:`kiosk.flow.state`, some forty dataclasses generated at import) and officer mode's states
are imported by the first state that needs them, not before the first frame.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from kiosk.api.enums import TerminalState
from kiosk.flow.kiosk_state import Attract, KioskState

if TYPE_CHECKING:
    from kiosk.flow.officer_state import OfficerState
    from kiosk.flow.state import VisitState


class ScreenId(StrEnum):
    OUT_OF_SERVICE = "out_of_service"
    ATTRACT = "attract"
    IDENTIFY = "identify"
    CHOOSE_INMATE = "choose_inmate"
    RECORDS = "records"
    PRINT = "print"
    DONE = "done"
    ENQUIRY = "enquiry"
    FAREWELL = "farewell"
    OFFICER_PIN = "officer_pin"
    OFFICER_MENU = "officer_menu"
    OFFICER_STATUS = "officer_status"
    OFFICER_SETTINGS = "officer_settings"
    OFFICER_DEVICES = "officer_devices"
    OFFICER_STATS = "officer_stats"
    OFFICER_VERIFY = "officer_verify"


OFFICER_SCREENS: dict[str, ScreenId] = {
    "menu": ScreenId.OFFICER_MENU,
    "status": ScreenId.OFFICER_STATUS,
    "settings": ScreenId.OFFICER_SETTINGS,
    "devices": ScreenId.OFFICER_DEVICES,
    "stats": ScreenId.OFFICER_STATS,
    "verify": ScreenId.OFFICER_VERIFY,
}
"""Officer mode's screen by ``OfficerPage`` (a ``StrEnum``: its values are these keys)."""


def screen_for(state: KioskState) -> ScreenId:
    """The screen for a state. Priority: officer mode (an officer must be able to repair a
    terminal that is out of service), out of service, the visit."""
    if state.officer is not None:
        return _officer_screen(state.officer)
    if state.outage is not None:
        return ScreenId.OUT_OF_SERVICE
    visit = state.visit
    if isinstance(visit, Attract):
        return ScreenId.ATTRACT
    return _visit_screen(visit)


def _officer_screen(officer: OfficerState) -> ScreenId:
    from kiosk.flow.officer_state import PinPad  # officer mode: not for the first frame

    return ScreenId.OFFICER_PIN if isinstance(officer, PinPad) else OFFICER_SCREENS[officer.page]


def _visit_screen(visit: VisitState) -> ScreenId:
    from kiosk.flow.state import (  # past the attract screen: not for the first frame
        Authenticating,
        ChooseInmate,
        Done,
        Enquiry,
        Farewell,
        Identify,
        PrintFailed,
        Printing,
        PrintPreview,
        Records,
    )

    if isinstance(visit, Identify | Authenticating):
        return ScreenId.IDENTIFY
    if isinstance(visit, ChooseInmate):
        return ScreenId.CHOOSE_INMATE
    if isinstance(visit, Records):
        return ScreenId.RECORDS
    if isinstance(visit, PrintPreview | Printing | PrintFailed):
        return ScreenId.PRINT
    if isinstance(visit, Done):
        return ScreenId.DONE
    if isinstance(visit, Enquiry):
        return ScreenId.ENQUIRY
    if isinstance(visit, Farewell):
        return ScreenId.FAREWELL
    raise AssertionError(f"no screen for {type(visit).__name__}")


def terminal_state(state: KioskState) -> TerminalState:
    """What the heartbeat reports: out of service (officer mode counts), ready (attract), or a
    visit in progress."""
    from kiosk.flow.officer_state import OfficerMode  # officer mode: not for the first frame

    if state.outage is not None or isinstance(state.officer, OfficerMode):
        return TerminalState.OUT_OF_SERVICE
    return TerminalState.READY if isinstance(state.visit, Attract) else TerminalState.IN_SESSION


def countdown_shown(state: KioskState) -> bool:
    """The "still there?" overlay, above whichever screen is showing (never out of service)."""
    return state.countdown_until is not None and state.outage is None and state.officer is None


def busy(state: KioskState) -> bool:
    """A request the family waits for (the UI shows a spinner after 300 ms)."""
    if state.outage is not None or state.officer is not None:
        return False
    visit = state.visit
    if isinstance(visit, Attract):
        return False
    from kiosk.flow.state import (  # past the attract screen: not for the first frame
        Authenticating,
        Enquiry,
        Printing,
    )

    return isinstance(visit, Authenticating | Printing) or (
        isinstance(visit, Enquiry) and visit.filing)


def visit_ended(old: KioskState | None, new: KioskState) -> bool:
    """Whether the visit shown in ``old`` is over in ``new`` (back to the attract screen, or its
    session gone): the window then wipes what it showed of the family."""
    if old is None or isinstance(old.visit, Attract):
        return False  # nothing of a family's was shown
    if isinstance(new.visit, Attract):
        return True
    from kiosk.flow.state import session_of  # past the attract screen: not for the first frame

    old_session = session_of(old.visit)
    return old_session is not None and session_of(new.visit) is not old_session
