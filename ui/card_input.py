"""Cards from the configured reader start or fill in the identify screen.

``[reader] backend = serial``: the reader work's ``ReaderBridge`` polls on its own thread, and
only while a card is wanted (attract and identify screens, terminal in service).
``keyboard``: its ``KeyboardWedgeDetector`` watches the key stream for an 18-character burst.
``none``: nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from kiosk.flow import events as ev
from kiosk.flow.state import Attract, Identify, KioskState
from kiosk.reader import CardData, InvalidCardNumber, Reader, UnsupportedCard
from kiosk.settings import Settings
from ui import app_filters
from ui.controller import FlowController


def card_wanted(state: KioskState) -> bool:
    # Not in officer mode: its diagnostics talk to the reader, and no visit starts under it.
    return (state.outage is None and state.officer is None
            and isinstance(state.visit, Attract | Identify))


class CardInput(QObject):
    def __init__(self, settings: Settings, reader: Reader | None,
                 controller: FlowController, *,
                 activity: Callable[[], None] | None = None) -> None:
        super().__init__(controller)
        self._controller = controller
        self._activity = activity
        """Called for every card read: a card laid on the reader is the family's activity,
        like a touch (the idle wait must start for a visit that no finger started)."""
        self._bridge = None
        self._wedge = None
        backend = settings.reader.backend
        if backend == "serial" and reader is not None:
            from ui.reader.bridge import ReaderBridge

            self._bridge = ReaderBridge(reader, settings.reader.poll_interval_ms, parent=self)
            self._bridge.cardRead.connect(self._on_card)
            controller.stateChanged.connect(self._follow)
        elif backend == "keyboard":
            from ui.reader.wedge import KeyboardWedgeDetector

            self._wedge = KeyboardWedgeDetector(self)
            self._wedge.cardNumberScanned.connect(
                lambda number: self._controller.dispatch(ev.CardRead(number)))

    def start(self) -> None:
        if self._bridge is not None:
            self._bridge.start()
            self._bridge.set_polling(card_wanted(self._controller.state))
        if self._wedge is not None:
            app_filters.install(self._wedge)

    def stop(self) -> None:
        if self._bridge is not None:
            self._bridge.stop()
        if self._wedge is not None:
            app_filters.remove(self._wedge)

    def _follow(self, state: KioskState) -> None:
        if self._bridge is not None and self._bridge.polling != card_wanted(state):
            self._bridge.set_polling(card_wanted(state))

    def _on_card(self, result: object) -> None:
        if self._activity is not None:
            self._activity()
        if isinstance(result, CardData | InvalidCardNumber):
            # A number that fails its check shows like a mistyped one, with the same hint.
            self._controller.dispatch(ev.CardRead(result.id_number))
        elif isinstance(result, UnsupportedCard):
            self._controller.dispatch(ev.CardUnsupported())
