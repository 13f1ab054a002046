"""The main window: top bar, one screen at a time (picked by ``screen_for``), overlays.

Screens that show personal data are built for a visit and destroyed when it ends: their texts
are cleared at once and the widgets deleted, so nothing of the family's survives in the widget
tree — not even in a hidden page. The wipe never waits for the network.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk import log
from kiosk.flow.attract_events import Exit, SetLanguage, StillHere, ToggleLargeText
from kiosk.flow.kiosk_state import FlowConfig, KioskState
from kiosk.flow.screens import ScreenId, busy, countdown_shown, screen_for, visit_ended
from ui.display import apply_display, large_text
from ui.i18n import current_language, install_language, translate
from ui.screens.base import Screen, ScreenContext, Send
from ui.widgets.display_buttons import LanguageButton, LargeTextButton
from ui.widgets.topbar import TopBar

if TYPE_CHECKING:
    from kiosk.flow.events import Event  # all of the flow's events: not for the first frame
    from ui.controller import FlowController
    from ui.widgets.overlays import BusyOverlay, CountdownOverlay

ScreenFactory = Callable[[Send, ScreenContext], Screen]

SCREENS: dict[ScreenId, str] = {
    ScreenId.OUT_OF_SERVICE: "ui.screens.out_of_service:OutOfServiceScreen",
    ScreenId.ATTRACT: "ui.screens.attract:AttractScreen",
    ScreenId.IDENTIFY: "ui.screens.identify:IdentifyScreen",
    ScreenId.CHOOSE_INMATE: "ui.screens.choose_inmate:ChooseInmateScreen",
    ScreenId.RECORDS: "ui.screens.records:RecordsScreen",
    ScreenId.PRINT: "ui.screens.print_preview:PrintScreen",
    ScreenId.DONE: "ui.screens.done:DoneScreen",
    ScreenId.ENQUIRY: "ui.screens.enquiry:EnquiryScreen",
    ScreenId.FAREWELL: "ui.screens.farewell:FarewellScreen",
    ScreenId.OFFICER_PIN: "ui.officer.pin_pad:PinPadScreen",
    ScreenId.OFFICER_MENU: "ui.officer.menu:OfficerMenuScreen",
    ScreenId.OFFICER_STATUS: "ui.officer.status:OfficerStatusScreen",
    ScreenId.OFFICER_SETTINGS: "ui.officer.settings:OfficerSettingsScreen",
    ScreenId.OFFICER_DEVICES: "ui.officer.devices:OfficerDevicesScreen",
    ScreenId.OFFICER_STATS: "ui.officer.stats:OfficerStatsScreen",
    ScreenId.OFFICER_VERIFY: "ui.officer.verify:OfficerVerifyScreen",
}
"""Each screen's class as "module:Class", imported when the screen is first shown: the first
frame needs only the attract screen's code, not the records' or officer mode's."""


def screen_factory(screen_id: ScreenId) -> ScreenFactory:
    module, name = SCREENS[screen_id].split(":")
    factory: ScreenFactory = getattr(importlib.import_module(module), name)
    return factory


DESTROY_GAP_MS = 16


def wipe_widget_tree(root: QWidget) -> None:
    """Clear every text and table under ``root`` (before it is deleted)."""
    # Not for the first frame: the records' tables, and Qt's item views (PySide builds each
    # class's Python type, with all its enums, the first time it is named).
    from PySide6.QtWidgets import QAbstractItemView, QTableWidget

    from ui.widgets.grid_table import GridTable

    for label in root.findChildren(QLabel):
        label.clear()
        label.setAccessibleName("")
    for button in root.findChildren(QAbstractButton):
        button.setText("")
        button.setAccessibleName("")
    for table in root.findChildren(QTableWidget):
        table.clear()
        table.setRowCount(0)
    for grid in root.findChildren(GridTable):
        grid.clear()
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if model is not None and not isinstance(view, QTableWidget):
            view.setModel(None)


class MainWindow(QWidget):
    """The kiosk's one window. It is built from the settings alone and shows the attract screen
    at once; ``attach`` then hands it the controller, built once the slower parts are ready
    (``ui.startup``). Taps before that wait in a queue and are sent on attach."""

    def __init__(self, context: ScreenContext, parent: QWidget | None = None, *,
                 flags: Qt.WindowType = Qt.WindowType.Widget) -> None:
        super().__init__(parent, flags)  # before the widgets: changed later, each is re-parented
        self.setObjectName("mainWindow")
        self.setWindowTitle(translate("MainWindow", "狱务公开查询"))
        self._controller: FlowController | None = None
        self._early: list[Event] = []
        self.context = context
        self.allow_close = False
        self.kiosk: Any = None
        """The running parts around this window (``ui.app.Kiosk``), set by ``ui.app``."""
        self.top_bar = TopBar(context.settings.terminal.prison_name, context.clock, self)
        self.language_button = LanguageButton()
        self.language_button.tapped.connect(
            lambda: self.send(SetLanguage(self.language_button.target)))
        self.large_text_button = LargeTextButton()
        self.large_text_button.tapped.connect(lambda: self.send(ToggleLargeText()))
        self.top_bar.controls.addWidget(self.large_text_button)
        self.top_bar.controls.addWidget(self.language_button)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("screens")
        # The screen's size is the display's: a page never makes the window larger (a
        # full-screen window would be cut off at the display's edge). A page that needs more
        # room than there is shows as clipped text, which the screen tests look for.
        self.stack.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.top_bar)
        column.addWidget(self.stack, 1)
        self._busy: BusyOverlay | None = None
        self._countdown: CountdownOverlay | None = None
        self._screens: dict[ScreenId, Screen] = {}
        self._previous: KioskState | None = None
        self.show_state(KioskState(config=FlowConfig.from_settings(context.settings)))

    def attach(self, controller: FlowController) -> None:
        """Follow this controller's state from now on; send it the taps made while waiting."""
        self._controller = controller
        controller.stateChanged.connect(self.show_state)
        self.show_state(controller.state)
        early, self._early = self._early, []
        for event in early:
            controller.dispatch(event)

    # The overlays are made when first needed: the attract screen shows neither, and their
    # painting classes cost the first frame about 7 ms.

    @property
    def busy_overlay(self) -> BusyOverlay:
        if self._busy is None:
            from ui.widgets.overlays import BusyOverlay

            self._busy = BusyOverlay(self)
        return self._busy

    @property
    def countdown(self) -> CountdownOverlay:
        if self._countdown is None:
            from ui.widgets.overlays import CountdownOverlay

            self._countdown = CountdownOverlay(self, self.context.clock)
            self._countdown.stillHere.connect(self._still_here)
            self._countdown.leave.connect(self._leave)
        return self._countdown

    @property
    def controller(self) -> FlowController:
        assert self._controller is not None, "the window has no controller yet (attach)"
        return self._controller

    # ---- for tests and the tour -------------------------------------------------------------

    def send(self, event: Event) -> None:
        if self._controller is None:
            self._early.append(event)
        else:
            self._controller.dispatch(event)

    def current_screen_id(self) -> ScreenId:
        assert self._previous is not None
        return screen_for(self._previous)

    def screen_widget(self, screen_id: ScreenId) -> Screen | None:
        return self._screens.get(screen_id)

    def current_screen(self) -> Screen:
        widget = self.stack.currentWidget()
        assert isinstance(widget, Screen)
        return widget

    # ---- rendering --------------------------------------------------------------------------

    def _screen(self, screen_id: ScreenId) -> Screen:
        if screen_id not in self._screens:
            self.adopt_screen(screen_id, screen_factory(screen_id)(self.send, self.context))
        return self._screens[screen_id]

    def adopt_screen(self, screen_id: ScreenId, screen: Screen) -> None:
        """Take ``screen`` as the one for ``screen_id``, hidden until shown (also a screen
        built ahead by ``ui.screen_prep``); a second one for the same id is dropped."""
        if screen_id in self._screens:
            screen.deleteLater()
            return
        self._screens[screen_id] = screen
        self.stack.addWidget(screen)

    def replace_context(self, context: ScreenContext) -> None:
        """New settings applied in place (officer mode): screens read them from here."""
        self.context = context
        for screen in self._screens.values():
            screen.context = context

    @staticmethod
    def _officer_ended(old: KioskState | None, new: KioskState) -> bool:
        return old is not None and old.officer is not None and new.officer is None

    def wipe(self, *, everything: bool = False) -> None:
        """Clear and destroy every screen that showed personal data (``everything``: every
        screen, so the next ones are built afresh from the settings now in effect)."""
        wiped = [s for s, screen in self._screens.items() if screen.personal or everything]
        for turn, screen_id in enumerate(wiped):
            screen = self._screens.pop(screen_id)
            self.stack.removeWidget(screen)
            screen.hide()
            wipe_widget_tree(screen)
            # Emptied and hidden at once; destroyed one per frame, as destroying a visit's
            # four or five screens together held the GUI thread for tens of milliseconds.
            QTimer.singleShot(turn * DESTROY_GAP_MS, screen, screen.deleteLater)
        log.ui.info("visit data wiped from the screen")

    def retranslate(self) -> None:
        """Every text again, in the current language and text size (before the screen's
        ``show_state`` renders the state in it)."""
        self.setWindowTitle(translate("MainWindow", "狱务公开查询"))
        self.top_bar.retranslate()
        self.language_button.retranslate()
        self.large_text_button.retranslate()
        for overlay in (self._busy, self._countdown):
            if overlay is not None:
                overlay.retranslate()
        for screen in self._screens.values():
            screen.retranslate()

    def _apply_display(self, state: KioskState) -> None:
        changed = False
        if state.language != current_language() and install_language(state.language):
            changed = True
        if state.large_text != large_text():
            apply_display(state.large_text)
            changed = True
        self.language_button.show_language(current_language())
        self.large_text_button.show_large(state.large_text)
        if changed:
            self.retranslate()

    def show_state(self, state: KioskState) -> None:
        if self._officer_ended(self._previous, state):
            self.wipe(everything=True)  # leaving officer mode restarts the UI
        elif visit_ended(self._previous, state):
            self.wipe()
        self._previous = state
        self._apply_display(state)
        screen_id = screen_for(state)
        # Large text is offered where a visit starts; the language everywhere a family goes.
        family = not screen_id.value.startswith("officer")
        self.language_button.setVisible(family)
        self.large_text_button.setVisible(family and (
            screen_id in (ScreenId.ATTRACT, ScreenId.IDENTIFY) or state.large_text))
        if self.kiosk is not None:
            from kiosk.flow.patience import idle_timeout_s  # not needed for the first frame

            self.kiosk.idle.set_timeout_s(
                idle_timeout_s(state, self.context.settings.kiosk.idle_timeout_s))
        screen = self._screen(screen_id)
        if self.stack.currentWidget() is not screen:
            self.stack.setCurrentWidget(screen)
        screen.show_state(state)
        waiting = busy(state)
        if waiting or self._busy is not None:
            self.busy_overlay.set_busy(waiting)
        until = state.countdown_until if countdown_shown(state) else None
        if until is not None or self._countdown is not None:
            self.countdown.show_until(until)

    def _still_here(self) -> None:
        self.send(StillHere())

    def _leave(self) -> None:
        self.send(Exit())

    def closeEvent(self, event: QCloseEvent) -> None:
        # The window manager's close and Alt+F4 must not end the kiosk.
        if self.allow_close:
            event.accept()
        else:
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        event.accept()  # no keyboard shortcuts on a kiosk (a card wedge has its own filter)
