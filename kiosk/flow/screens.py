"""Which screen the kiosk shows: one function of the state, in priority order."""

from __future__ import annotations

from enum import StrEnum

from kiosk.flow.state import (
    Attract,
    Authenticating,
    ChooseInmate,
    Done,
    Identify,
    KioskState,
    PrintFailed,
    Printing,
    PrintPreview,
    Records,
)


class ScreenId(StrEnum):
    OUT_OF_SERVICE = "out_of_service"
    ATTRACT = "attract"
    IDENTIFY = "identify"
    CHOOSE_INMATE = "choose_inmate"
    RECORDS = "records"
    PRINT = "print"
    DONE = "done"


def screen_for(state: KioskState) -> ScreenId:
    """The screen for a state. Priority: out of service, (officer mode, later), the visit."""
    if state.outage is not None:
        return ScreenId.OUT_OF_SERVICE
    visit = state.visit
    if isinstance(visit, Attract):
        return ScreenId.ATTRACT
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
    raise AssertionError(f"no screen for {type(visit).__name__}")


def countdown_shown(state: KioskState) -> bool:
    """The "still there?" overlay, above whichever screen is showing (never out of service)."""
    return state.countdown_until is not None and state.outage is None


def busy(state: KioskState) -> bool:
    """A request the family waits for (the UI shows a spinner after 300 ms)."""
    return state.outage is None and isinstance(state.visit, Authenticating | Printing)
