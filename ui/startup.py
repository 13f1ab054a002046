"""What ``kiosk`` runs: the attract screen painted first, the rest of the kiosk built behind it.

A terminal just switched on, or restarted by its supervisor after a fault, should show the
family its start screen at once. So the window is built from the settings alone and painted
before anything else; only then come the parts that take most of a second to import and open
(the database with SQLAlchemy and Alembic, the HTTP client, officer mode, the printer), which
``ui.app.build_kiosk`` attaches to the window already on screen. A tap in that moment waits in
Qt's queue and reaches the same start button once the kiosk is running.

This module imports only what the first frame needs; keep it that way (``bench/startup.py``
measures it).
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from kiosk import log
from kiosk.malloc_tuning import tune_malloc
from kiosk.settings import Settings
from ui import app_filters
from ui.garbage import freeze_start_up
from ui.i18n import translate
from ui.lockdown import LockdownFilter, apply_lockdown, kiosk_window_flags
from ui.main_window import MainWindow
from ui.screens.base import ScreenContext
from ui.theme import apply_theme, style_arguments
from ui.workers import WorkerPool

if TYPE_CHECKING:
    from kiosk.services import Services

WINDOWED_SIZE = (1280, 800)
READY_MESSAGE = "kiosk running: the attract screen answers taps"
"""Logged once every part is built and the flow runs (``bench/startup.py`` waits for it)."""
FIRST_FRAME_PASSES = 3
"""Event-loop passes that let Qt expose, lay out and paint the new window before the slow
parts are built (the window is shown by then either way; this only orders the work)."""


def ensure_application() -> QApplication:
    app = QApplication.instance()
    made_here = app is None
    if app is None:
        tune_malloc()  # before Qt's and the kiosk's threads (a no-op if main() did it)
        app = QApplication([*sys.argv[:1], *style_arguments()])
        app.setApplicationName("prison-kiosk")
        app.setApplicationDisplayName(translate("MainWindow", "狱务公开查询"))
    assert isinstance(app, QApplication)
    if not app.property("kioskThemed"):
        apply_theme(app, styled=made_here)
        app.setProperty("kioskThemed", True)
    return app


def show_first_frame(settings: Settings, *, windowed: bool,
                     demo_banner: str | None = None) -> tuple[MainWindow, LockdownFilter]:
    """The kiosk's window on the attract screen, locked down, shown and painted; with the
    application's lockdown filter (removed on quit)."""
    app = ensure_application()
    # The lockdown filter is installed here but takes effect when the block ends: until then it
    # would only be called, in Python, for each internal event of every new widget (and make
    # PySide build a Python type, with all its enums, for each kind of object it saw). Nothing
    # it guards can happen meanwhile: the passes below leave user input queued.
    with app_filters.paused():
        context = ScreenContext(settings, lambda: datetime.now(UTC),
                                reader_present=settings.reader.backend != "none",
                                pool=WorkerPool())
        window = (MainWindow(context) if windowed
                  else MainWindow(context, flags=kiosk_window_flags()))
        lock = apply_lockdown(app, window, windowed=windowed,
                              hide_cursor=settings.kiosk.hide_cursor)
        if demo_banner:
            window.setWindowTitle(f"{window.windowTitle()} — {demo_banner}")
        if windowed:
            window.resize(*WINDOWED_SIZE)
            window.allow_close = True
            window.show()
        else:
            window.showFullScreen()
        for _ in range(FIRST_FRAME_PASSES):
            # Not user input: a tap now stays queued for the running kiosk.
            app.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    return window, lock


def run_kiosk(start: Callable[[], Services], settings: Settings, *, windowed: bool,
              demo_banner: str | None = None) -> int:
    """Paint the attract screen, then ``start()`` the Qt-free parts and run the kiosk on them
    until the process is asked to quit; returns the exit code.

    An exception from ``start()`` (unusable settings or data) propagates: the command line
    turns it into its exit code.
    """
    app = ensure_application()
    # The supervisor's SIGTERM (and Ctrl+C in development) ends the visit and quits cleanly,
    # also when it comes while the kiosk is still being built: then the loop quits at once.
    # exit(), not quit(): quit() asks every window to close, and the kiosk window refuses.
    stopping: list[int] = []

    def stop(signum: int, _frame: object) -> None:
        stopping.append(signum)
        app.exit(0)

    previous = {signum: signal.signal(signum, stop) for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        window, lock = show_first_frame(settings, windowed=windowed, demo_banner=demo_banner)
        services = start()
        from ui.app import build_kiosk  # the slow imports, after the first frame
        from ui.crash import CrashHandler

        kiosk = build_kiosk(services, window=window)
        crash = CrashHandler(services.log_dir, window.controller.crash)
        crash.install()
        kiosk.start()
        log.ui.info(READY_MESSAGE)
        # Once, now that start-up is over and before any family: later full collections then
        # walk only what came after (ui.garbage), not all of start-up's 270,000 objects.
        QTimer.singleShot(0, window, freeze_start_up)

        def quitting() -> None:
            kiosk.shutdown()
            crash.uninstall()
            app_filters.remove(lock)

        app.aboutToQuit.connect(quitting)
        assert kiosk.officer is not None
        kiosk.officer.exitRequested.connect(app.exit)  # officer mode's "exit to desktop"
        # Python runs its signal handlers between Qt events only if some event comes.
        heartbeat = QTimer(window)
        heartbeat.start(500)
        heartbeat.timeout.connect(lambda: None)
        if stopping:
            QTimer.singleShot(0, lambda: app.exit(0))
        try:
            return app.exec()
        finally:
            app.aboutToQuit.disconnect(quitting)
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
