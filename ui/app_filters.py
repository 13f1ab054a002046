"""The application-wide event filters (lockdown, idle watcher, keyboard wedge), installed here
so that they can step aside while the GUI thread builds screens.

Qt calls an application-wide filter for every event of every object, and a filter written in
Python costs a call into Python each time. Building a screen sends a dozen internal events per
widget (polish, child added, property, style and font changes), so with the kiosk's filters on,
building the identify screen took twice as long (63 -> 128 ms of the GUI thread,
``bench/gui_stall.py``). Input, which is all the filters look at, only ever arrives from the
event loop; while :func:`paused` runs the kiosk's own code (a state change and the screens it
builds) the loop is not running, so nothing the filters guard can happen then. They are taken
off for that moment and put back in the order they were installed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QObject
from shiboken6 import isValid

_installed: list[QObject] = []
_paused = [0]


def install(event_filter: QObject) -> None:
    """Install ``event_filter`` on the application (the newest is consulted first)."""
    app = QCoreApplication.instance()
    assert app is not None, "create the QApplication first"
    if event_filter in _installed:
        return
    _installed.append(event_filter)
    if not _paused[0]:
        app.installEventFilter(event_filter)


def remove(event_filter: QObject) -> None:
    if event_filter in _installed:
        _installed.remove(event_filter)
    app = QCoreApplication.instance()
    if app is not None and isValid(event_filter):
        app.removeEventFilter(event_filter)


def installed() -> list[QObject]:
    """The filters installed through this module, oldest first (destroyed ones forgotten)."""
    _installed[:] = [f for f in _installed if isValid(f)]
    return list(_installed)


@contextmanager
def paused() -> Iterator[None]:
    """Run the block with the application's filters off (in nested blocks the outermost takes
    them off and puts them back). Only for code that does not run the event loop, or runs it
    with user input excluded (``QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents``)."""
    app = QCoreApplication.instance()
    outermost = _paused[0] == 0
    _paused[0] += 1
    if outermost and app is not None:
        for event_filter in installed():
            app.removeEventFilter(event_filter)
    try:
        yield
    finally:
        _paused[0] -= 1
        if outermost and app is not None:
            for event_filter in installed():
                app.installEventFilter(event_filter)
