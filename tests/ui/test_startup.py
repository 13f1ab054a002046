"""Start-up order: the attract screen is painted from the settings alone, before the database,
client and officer mode exist, and a tap made in that moment is not lost."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiosk.flow.screens import ScreenId
from tests.ui.helpers import KioskDriver, kiosk_settings, make_services
from ui.main_window import SCREENS, screen_factory
from ui.screens.base import Screen
from ui.startup import show_first_frame

SLOW_PARTS = ("sqlalchemy", "alembic", "requests", "reportlab", "kiosk.store", "kiosk.services",
              "ui.controller", "ui.officer.host", "ui.screens.records")


def test_a_tap_on_the_first_frame_reaches_the_kiosk_once_it_runs(qapp, qtbot, central, tmp_path):
    from ui.app import build_kiosk

    settings = kiosk_settings(central.base_url, tmp_path)
    window, lock = show_first_frame(settings, windowed=True)
    services = None
    try:
        assert window.isVisible()
        assert window.current_screen_id() is ScreenId.ATTRACT
        start = window.findChild(Screen, "attractScreen").start_button
        qtbot.mouseClick(start, Qt.MouseButton.LeftButton)
        assert window.current_screen_id() is ScreenId.ATTRACT  # nothing runs the flow yet

        services = make_services(settings)
        kiosk = build_kiosk(services, window=window)
        kiosk.start()
        driver = KioskDriver(qtbot, window, services)
        driver.wait_screen("identify")  # the early tap, delivered on attach
    finally:
        if services is not None:
            window.kiosk.shutdown(grace_ms=5000)
            services.close()
        QApplication.instance().removeEventFilter(lock)
        window.close()
        window.deleteLater()


def test_the_first_frame_needs_none_of_the_slow_parts():
    """What ``ui.startup`` imports to paint the attract screen, in a fresh interpreter: none of
    the modules that cost start-up time (they load after the first frame)."""
    probe = (
        "import sys, ui.startup, ui.screens.attract, ui.screens.out_of_service\n"
        f"print([m for m in {SLOW_PARTS!r} if m in sys.modules])\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}).stdout
    assert out.strip() == "[]"


def test_every_screen_of_the_flow_has_a_class_to_show_it():
    for screen_id in ScreenId:
        factory = screen_factory(screen_id)
        assert isinstance(factory, type) and issubclass(factory, Screen), screen_id
    assert set(SCREENS) == set(ScreenId)
