"""The officer host: what ties officer mode to the running kiosk beyond the pure flow.

- the hidden gesture: taps on the prison emblem in the top bar, counted by
  ``kiosk.officer.gesture.TapGesture`` (``[kiosk] officer_gesture_taps`` within
  ``officer_gesture_window_s``), open the PIN pad;
- the officer idle timer (``[kiosk] officer_timeout_s``), sent to the flow as ``OfficerIdle``;
- the background threads (audit upload, heartbeat), started and stopped with the kiosk;
- what the flow asks of the UI: saved settings applied in place, exit to the desktop.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QLabel

from kiosk import log
from kiosk.api.models import TerminalState
from kiosk.background import BackgroundTasks
from kiosk.exitcodes import ExitCode
from kiosk.flow import officer_events as oe
from kiosk.flow.officer_state import Leaving, OfficerMode
from kiosk.flow.screens import terminal_state
from kiosk.flow.state import KioskState
from kiosk.officer.gesture import TapGesture
from kiosk.officer.settings_edit import SettingsOutcome
from kiosk.services import Services
from ui.idle import IdleWatcher
from ui.officer.apply import apply_settings

if TYPE_CHECKING:
    from ui.app import Kiosk

EMBLEM = "topBarEmblem"


class OfficerHost(QObject):
    exitRequested = Signal(int)
    """The officer chose exit to desktop: the program should end with this code."""

    def __init__(self, kiosk: Kiosk, services: Services, *, background: bool = True) -> None:
        super().__init__(kiosk.window)
        self._kiosk = kiosk
        self._services = services
        settings = services.settings.kiosk
        self._gesture = TapGesture(settings.officer_gesture_taps,
                                   settings.officer_gesture_window_s)
        self._idle_s = settings.officer_timeout_s
        self.idle = IdleWatcher(self._idle_s, self)
        self.idle.idle.connect(self._idle)
        self._emblem: QLabel | None = None
        self._state = TerminalState.READY
        self.background = BackgroundTasks(services, lambda: self._state) if background else None
        self._applied: SettingsOutcome | None = None
        self._exiting = False
        kiosk.window.controller.stateChanged.connect(self._follow)

    # ---- life -------------------------------------------------------------------------------

    def start(self) -> None:
        self._watch_emblem()
        self.idle.install()
        if self.background is not None:
            self.background.start()

    def stop(self) -> None:
        self.idle.uninstall()
        if self._emblem is not None:
            self._emblem.removeEventFilter(self)
            self._emblem = None
        if self.background is not None:
            self.background.stop()

    def _watch_emblem(self) -> None:
        emblem = self._kiosk.window.top_bar.findChild(QLabel, EMBLEM)
        if emblem is None:
            log.officer.error("no %s in the top bar: officer mode cannot be opened", EMBLEM)
            return
        self._emblem = emblem
        emblem.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._emblem and event.type() == QEvent.Type.MouseButtonPress:
            self.emblem_tapped(time.monotonic())
        return False

    def emblem_tapped(self, now: float) -> None:
        if self._gesture.tap(now):
            pin_set = bool(self._services.settings.officer.pin_hash)
            self._kiosk.window.controller.dispatch(oe.OfficerGesture(pin_set=pin_set))

    def _idle(self) -> None:
        self._kiosk.window.controller.dispatch(oe.OfficerIdle(int(self._idle_s)))

    # ---- what the flow asks of the UI -------------------------------------------------------

    def _follow(self, state: KioskState) -> None:
        self._state = terminal_state(state)  # read by the heartbeat thread
        officer = state.officer
        if not isinstance(officer, OfficerMode):
            return
        outcome = officer.settings
        if outcome is not None and outcome is not self._applied and outcome.ok and (
                outcome.settings is not None):
            self._applied = outcome
            try:
                apply_settings(self._kiosk, self._services, outcome.settings, self.background)
            except Exception:  # saved but not applied: it takes effect at the next start
                log.officer.exception("saved settings could not be applied in place")
        if officer.leaving is Leaving.EXIT and not self._exiting:
            self._exiting = True
            log.officer.info("officer chose exit to desktop")
            self.exitRequested.emit(int(ExitCode.OK))
