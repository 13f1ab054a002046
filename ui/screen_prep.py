"""Builds the screen a family is likely to need next while the GUI thread has nothing to do.

A screen is built when it is first shown, and building one (its widgets, their polish against
the style sheet, its layout) took 50-100 ms of the GUI thread at the moment of a tap or of an
answer arriving (``bench/gui_stall.py``). Most of a visit goes one way (attract, identify,
records, print, done, goodbye), and between taps the GUI thread is idle: while the family reads
or types, the next screen is built, hidden and empty, in three short steps (the widgets; adding
them to the window, which polishes them; laying them out at the window's size), each in its own
turn of the event loop. Showing it later costs little more than painting it.

Prepared screens are empty: the state fills them when they are shown. A screen that shows
personal data is still destroyed when the visit ends, prepared or not (``MainWindow.wipe``);
the next visit's is prepared after that.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from kiosk.flow.kiosk_state import KioskState
from kiosk.flow.screens import ScreenId, screen_for
from ui import app_filters
from ui.main_window import MainWindow, screen_factory
from ui.screens.base import Screen

NEXT: dict[ScreenId, ScreenId] = {
    ScreenId.ATTRACT: ScreenId.IDENTIFY,
    ScreenId.IDENTIFY: ScreenId.RECORDS,
    ScreenId.RECORDS: ScreenId.PRINT,
    ScreenId.PRINT: ScreenId.DONE,
    ScreenId.DONE: ScreenId.FAREWELL,
}
"""The screen most families go to next from each screen."""
QUIET_MS = 250
"""Start only once the screen has been quiet this long (its own layout and paint done, the
family between taps)."""
STEP_GAP_MS = 16
"""Between steps: a frame's time for taps and paints that came in meanwhile."""


class ScreenPrep(QObject):
    """Follows the kiosk's states and prepares ``NEXT[screen]`` for the screen shown."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._steps: list[Callable[[], None]] = []
        self._built: dict[ScreenId, Screen] = {}
        """Made but not yet handed to the window."""
        self._target: ScreenId | None = None
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(QUIET_MS)
        self._quiet.timeout.connect(self._step)
        self._gap = QTimer(self)
        self._gap.setSingleShot(True)
        self._gap.setInterval(STEP_GAP_MS)
        self._gap.timeout.connect(self._step)

    def follow(self, state: KioskState) -> None:
        """A new state: wait for quiet again, then prepare what comes after its screen."""
        self._gap.stop()
        target = NEXT.get(screen_for(state))
        if target is not self._target or not self._steps:
            self._target = target
            for screen_id in [s for s in self._built if s is not target]:
                self._built.pop(screen_id).deleteLater()  # for a way the family did not go
            self._steps = (self._plan(target) if target is not None
                           and self._window.screen_widget(target) is None else [])
        if self._steps:
            self._quiet.start()
        else:
            self._quiet.stop()

    def _plan(self, target: ScreenId) -> list[Callable[[], None]]:
        def make() -> None:
            self._built[target] = screen_factory(target)(self._window.send, self._window.context)

        def adopt() -> None:
            self._window.adopt_screen(target, self._built.pop(target))

        def lay_out() -> None:
            screen = self._window.screen_widget(target)
            if screen is not None and not screen.isVisible():
                screen.resize(self._window.stack.size())
                layout = screen.layout()
                if layout is not None:
                    layout.activate()

        return ([] if target in self._built else [make]) + [adopt, lay_out]

    def _step(self) -> None:
        if not self._steps:
            return
        step = self._steps.pop(0)
        with app_filters.paused():  # no input can arrive while a step runs (ui.app_filters)
            step()
        if self._steps:
            self._gap.start()
