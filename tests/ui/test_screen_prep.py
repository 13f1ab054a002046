"""The next screen is built ahead while the kiosk is quiet, used when the family gets there, and
wiped with the visit like any other."""

from __future__ import annotations

from kiosk.flow.screens import ScreenId
from ui.screen_prep import QUIET_MS


def prepared(kiosk, screen_id: ScreenId):
    return kiosk.window.screen_widget(screen_id)


def test_the_identify_screen_is_ready_before_the_start_tap_and_is_the_one_shown(make_kiosk):
    kiosk = make_kiosk()
    def laid_out() -> bool:  # built, and laid out at the window's size
        screen = prepared(kiosk, ScreenId.IDENTIFY)
        return screen is not None and screen.size() == kiosk.window.stack.size()

    kiosk.qtbot.waitUntil(laid_out, timeout=QUIET_MS + 2000)
    ahead = prepared(kiosk, ScreenId.IDENTIFY)
    assert not ahead.isVisible()
    kiosk.tap("startButton")
    kiosk.wait_screen("identify")
    assert kiosk.window.current_screen() is ahead


def test_a_records_screen_built_ahead_goes_with_the_visit(make_kiosk, demo_credentials):
    visitor = next(c for c in demo_credentials if c.note == "one inmate")
    kiosk = make_kiosk()
    kiosk.tap("startButton")
    kiosk.wait_screen("identify")
    kiosk.type_keys("id", visitor.id_number)
    kiosk.qtbot.waitUntil(lambda: prepared(kiosk, ScreenId.RECORDS) is not None,
                          timeout=QUIET_MS + 2000)
    ahead = prepared(kiosk, ScreenId.RECORDS)
    assert not ahead.isVisible() and not kiosk.exists("profileName")  # empty until shown
    kiosk.tap("exitButton" if kiosk.is_visible("exitButton") else "backButton")
    kiosk.wait_screen("attract")
    assert prepared(kiosk, ScreenId.RECORDS) is None  # destroyed with the visit
    kiosk.qtbot.waitUntil(lambda: not kiosk.exists("recordsScreen"), timeout=5000)


def test_the_reference_keypad_is_made_in_a_quiet_moment_on_the_identify_screen(make_kiosk):
    kiosk = make_kiosk()
    kiosk.tap("startButton")
    kiosk.wait_screen("identify")
    assert not kiosk.exists("referenceKey_A")  # not while the screen opens
    kiosk.qtbot.waitUntil(lambda: kiosk.exists("referenceKey_A"), timeout=QUIET_MS + 2000)
    assert not kiosk.is_visible("referenceKey_A")  # ready, behind the ID keypad
    kiosk.tap_widget(kiosk.visible("referenceEntry"))
    assert kiosk.is_visible("referenceKey_A")
