"""run_kiosk: the program's event loop, its lockdown and a clean quit that ends the visit."""

from __future__ import annotations

import os
import signal

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kiosk.flow.screens import ScreenId
from tests.ui.helpers import kiosk_settings, make_services
from ui.main_window import MainWindow
from ui.startup import run_kiosk


def test_run_kiosk_shows_the_kiosk_and_quits_cleanly_on_sigterm(qapp, central, tmp_path,
                                                                 demo_credentials):
    settings = kiosk_settings(central.base_url, tmp_path)
    seen: dict[str, object] = {}

    def start():
        # The window is on screen, on the attract screen, before the slow parts are built.
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, MainWindow) and w.isVisible()]
        seen["before_start"] = [w.current_screen_id() for w in windows]
        seen["services"] = make_services(settings)
        return seen["services"]

    def look() -> None:
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, MainWindow) and w.isVisible()]
        if len(windows) != 1 or windows[0].current_screen_id() is not ScreenId.ATTRACT:
            QTimer.singleShot(50, look)
            return
        window = windows[0]
        seen["window"] = window
        window.close()  # the window manager's close is refused ...
        seen["survived_close"] = window.isVisible()
        os.kill(os.getpid(), signal.SIGTERM)  # ... the supervisor's SIGTERM is not

    QTimer.singleShot(0, look)
    try:
        code = run_kiosk(start, settings, windowed=False)
    finally:
        seen["services"].close()
    assert code == 0
    assert seen["before_start"] == [ScreenId.ATTRACT]
    assert seen["survived_close"] is True
    window = seen["window"]
    assert isinstance(window, MainWindow)
    assert not window.controller.running  # shut down on the way out
    window.allow_close = True
    window.close()
    window.deleteLater()
