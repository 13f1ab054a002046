"""The officer screens in the screen tour: the refused pad (no PIN), the pad with a wrong PIN,
then every officer page with something on it, the reset question, and back to attract.

The tour sets a PIN in memory only (the demo terminal has none, and the tour must not write the
officer file); the one wrong PIN it types is cleared by the right one, so no lock is left behind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kiosk.flow import events as ev
from kiosk.flow.officer_state import OfficerMode
from kiosk.flow.state import Done
from kiosk.officer.pin import hash_pin
from kiosk.services import Services
from kiosk.settings.loader import replace

if TYPE_CHECKING:
    from kiosk.reference_server import DemoCredential
    from ui.tour import Tour

TOUR_PIN = "24681357"


def _mode(tour: Tour) -> OfficerMode:
    mode = tour.window.controller.state.officer
    if not isinstance(mode, OfficerMode):
        raise LookupError("not in officer mode")
    return mode


def _gesture(tour: Tour) -> None:
    emblem = tour.find("topBarEmblem")
    for _ in range(5):
        QTest.mouseClick(emblem, Qt.MouseButton.LeftButton)
    tour.wait_screen("officer_pin")


def _back_to_attract(tour: Tour) -> None:
    """End the visit and skip the goodbye screen's rating."""
    tour.window.send(ev.Exit())
    tour.wait_until(lambda: tour.screen() in ("attract", "farewell"), "the end of the visit")
    if tour.screen() == "farewell":
        tour.window.send(ev.SkipRating())
    tour.wait_screen("attract")


def _print_a_slip(tour: Tour, family: DemoCredential) -> tuple[str, str]:
    """A visit that prints one slip; its number and verify code, for the verify page."""
    tour.sign_in(family)
    tour.wait_screen("records")
    tour.wait_until(lambda: tour.find("printButton").isEnabled(), "the print button")
    tour.tap("printButton")
    tour.wait_screen("print")
    tour.tap("printConfirm")
    tour.wait_screen("done")
    done = tour.window.controller.state.visit
    if not isinstance(done, Done):
        raise LookupError("no slip was printed")
    registration = done.registration
    _back_to_attract(tour)
    return registration.slip_no, registration.verify_code


def officer_tour(tour: Tour, services: Services, family: DemoCredential) -> None:
    slip_no, code = _print_a_slip(tour, family)

    _gesture(tour)
    tour.shot("officer-no-pin")
    tour.tap("officerPinCancel")
    tour.wait_screen("attract")

    services.settings = replace(services.settings,
                                {("officer", "pin_hash"): hash_pin(TOUR_PIN)})
    _gesture(tour)
    tour.wait_until(lambda: tour.find("pinKey_1").isEnabled(), "the PIN keys")
    tour.type_keys("pin", "11111111")
    tour.wait_until(lambda: tour.text("officerPinNotice") != "", "the wrong-PIN notice")
    tour.shot("officer-pin-wrong")
    tour.type_keys("pin", TOUR_PIN)
    tour.wait_screen("officer_menu")
    tour.shot("officer-menu")

    tour.tap("officerOpen_status")
    tour.wait_until(lambda: tour.text("status_api") != "", "the status")
    tour.shot("officer-status")
    tour.tap("officerBack")

    tour.tap("officerOpen_settings")
    tour.wait_screen("officer_settings")
    tour.tap("setting_central_base_url")
    tour.shot("officer-settings")
    tour.tap("officerBack")

    tour.tap("officerOpen_devices")
    tour.tap("devicesTestPrint")
    tour.wait_until(lambda: _mode(tour).action is not None, "the test print")
    tour.shot("officer-devices")
    tour.tap("officerBack")

    tour.tap("officerOpen_stats")
    tour.wait_until(lambda: tour.text("stats_month_visits") != "", "the statistics")
    tour.shot("officer-stats")
    tour.tap("officerBack")

    tour.tap("officerOpen_verify")
    tour.wait_screen("officer_verify")
    tour.type_keys("verify", slip_no)
    QTest.mouseClick(tour.find("verifyCode"), Qt.MouseButton.LeftButton)
    tour.type_keys("verify", code)
    tour.tap("verifySubmit")
    tour.wait_until(lambda: tour.text("verify_inmate") != "", "the slip check")
    tour.shot("officer-verify")
    tour.tap("officerBack")

    tour.tap("officerReset")
    tour.shot("officer-reset")
    tour.tap("officerConfirmYes")
    tour.wait_screen("attract")
