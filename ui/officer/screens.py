"""The officer screens by id, for the main window's screen table."""

from __future__ import annotations

from collections.abc import Callable

from kiosk.flow.screens import ScreenId
from ui.officer.devices import OfficerDevicesScreen
from ui.officer.menu import OfficerMenuScreen
from ui.officer.pin_pad import PinPadScreen
from ui.officer.settings import OfficerSettingsScreen
from ui.officer.stats import OfficerStatsScreen
from ui.officer.status import OfficerStatusScreen
from ui.officer.verify import OfficerVerifyScreen
from ui.screens.base import Screen, ScreenContext, Send

OFFICER_SCREENS: dict[ScreenId, Callable[[Send, ScreenContext], Screen]] = {
    ScreenId.OFFICER_PIN: PinPadScreen,
    ScreenId.OFFICER_MENU: OfficerMenuScreen,
    ScreenId.OFFICER_STATUS: OfficerStatusScreen,
    ScreenId.OFFICER_SETTINGS: OfficerSettingsScreen,
    ScreenId.OFFICER_DEVICES: OfficerDevicesScreen,
    ScreenId.OFFICER_STATS: OfficerStatsScreen,
    ScreenId.OFFICER_VERIFY: OfficerVerifyScreen,
}
