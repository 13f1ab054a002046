"""The visitor flow, Qt-free: immutable states, one pure ``update`` and one ``screen_for``.

Elm-style: the UI sends events (taps, timer ticks, answers of workers) to
:func:`~kiosk.flow.update.update`, shows the state it returns (the screen picked by
:func:`~kiosk.flow.screens.screen_for`) and hands the returned effects to workers, which call
:func:`~kiosk.flow.perform.perform` and send its event back.
"""

from kiosk.flow.screens import ScreenId, screen_for
from kiosk.flow.state import FlowConfig, KioskState
from kiosk.flow.update import update

__all__ = ["FlowConfig", "KioskState", "ScreenId", "screen_for", "update"]
