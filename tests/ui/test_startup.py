"""Start-up order: the attract screen is painted from the settings alone, before the database,
client and officer mode exist, and a tap made in that moment is not lost."""

from __future__ import annotations

import ast
import os
import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiosk.flow.screens import ScreenId
from tests.ui.helpers import KioskDriver, kiosk_settings, make_services
from ui import app_filters
from ui.main_window import SCREENS, screen_factory
from ui.screens.base import Screen
from ui.startup import show_first_frame

SLOW_PARTS = ("sqlalchemy", "alembic", "requests", "reportlab", "kiosk.store", "kiosk.services",
              "ui.controller", "ui.officer.host", "ui.screens.records", "ui.widgets.grid_table")


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
        app_filters.remove(lock)
        window.close()
        window.deleteLater()


def test_the_full_screen_window_is_frameless_and_on_top_from_the_start(qapp, tmp_path):
    settings = kiosk_settings("http://127.0.0.1:9/api/v1", tmp_path)
    window, lock = show_first_frame(settings, windowed=False)
    try:
        flags = window.windowFlags()
        assert window.isFullScreen() and window.current_screen_id() is ScreenId.ATTRACT
        assert flags & Qt.WindowType.FramelessWindowHint
        assert flags & Qt.WindowType.WindowStaysOnTopHint
    finally:
        app_filters.remove(lock)
        window.allow_close = True
        window.close()
        window.deleteLater()


def test_the_lockdown_is_in_force_once_the_first_frame_is_shown(qapp, tmp_path):
    """The lockdown filter is installed while the first frame is built and takes effect when
    show_first_frame returns, before any tap is handled: a context menu never arrives."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QWidget

    class Probe(QWidget):
        menus = 0

        def contextMenuEvent(self, event: QContextMenuEvent) -> None:
            Probe.menus += 1

    settings = kiosk_settings("http://127.0.0.1:9/api/v1", tmp_path)
    window, lock = show_first_frame(settings, windowed=True)
    probe = Probe(window)
    try:
        assert lock in app_filters.installed()
        QApplication.sendEvent(probe, QContextMenuEvent(
            QContextMenuEvent.Reason.Mouse, QPoint(1, 1), probe.mapToGlobal(QPoint(1, 1))))
        assert Probe.menus == 0
        app_filters.remove(lock)
        QApplication.sendEvent(probe, QContextMenuEvent(
            QContextMenuEvent.Reason.Mouse, QPoint(1, 1), probe.mapToGlobal(QPoint(1, 1))))
        assert Probe.menus == 1  # the probe does see one without the lockdown
    finally:
        app_filters.remove(lock)
        window.close()
        window.deleteLater()


def test_the_application_made_for_the_kiosk_has_the_kiosk_style():
    """The style comes from Qt's ``-style`` argument (so Python never holds the style object
    before the first frame), and wins over a desktop's ``QT_STYLE_OVERRIDE``."""
    probe = ("import sys\nfrom PySide6.QtWidgets import QApplication\n"
             "from ui.theme import style_arguments\n"
             "app = QApplication([*sys.argv[:1], *style_arguments()])\n"
             "print(app.style().name())\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen",
                              "QT_STYLE_OVERRIDE": "windows"}).stdout
    assert out.strip() == "fusion"


def test_the_first_frame_needs_none_of_the_slow_parts():
    """What ``ui.startup`` imports to paint the attract screen, in a fresh interpreter: none of
    the modules that cost start-up time (they load after the first frame)."""
    assert _loaded("ui.startup, ui.screens.attract, ui.screens.out_of_service", SLOW_PARTS) == []


def test_the_first_frame_imports_only_the_flow_parts_of_its_screen():
    """The flow's events, officer mode's and the visit's steps, over a hundred dataclasses
    generated at import, wait until after the first frame: the attract screen's few taps and
    the state's frame have modules of their own."""
    flow = ("kiosk.flow.events", "kiosk.flow.officer_events", "kiosk.flow.officer_state",
            "kiosk.flow.state")
    assert _loaded("ui.startup, ui.screens.attract", flow) == []


def _loaded(imports: str, watched: tuple[str, ...]) -> list[str]:
    """Which of ``watched`` a fresh interpreter has loaded after ``import`` of ``imports``."""
    probe = f"import sys, {imports}\nprint([m for m in {watched!r} if m in sys.modules])\n"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}).stdout
    return ast.literal_eval(out.strip())


def test_every_screen_of_the_flow_has_a_class_to_show_it():
    for screen_id in ScreenId:
        factory = screen_factory(screen_id)
        assert isinstance(factory, type) and issubclass(factory, Screen), screen_id
    assert set(SCREENS) == set(ScreenId)
