"""The part of pytest-qt's ``qtbot`` that ``tests.ui.helpers.KioskDriver`` uses, without pytest.

Benches and the soak drive the kiosk with the same driver as the tests; outside pytest they
hand it this instead of ``qtbot``. Clicks are ``QTest.mouseClick``; waiting runs the event loop.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget


class WaitTimeout(AssertionError):
    """A condition did not come true in time (an ``AssertionError``, as with pytest-qt)."""


class QtBotLite:
    """Waiting runs a real ``QEventLoop``, as pytest-qt's ``qtbot.wait`` does. A plain
    ``processEvents`` loop is not an event loop: ``deleteLater`` calls would stay pending for
    ever and every wiped screen would pile up (a leak of the harness, not of the kiosk)."""

    def mouseClick(self, widget: QWidget, button: Qt.MouseButton) -> None:
        QTest.mouseClick(widget, button)

    def wait(self, ms: int) -> None:
        loop = QEventLoop()
        # With the loop as context: PySide6 6.12 keeps a block (~44 bytes) for every
        # context-less singleShot whose timer fires, ~70 per soak visit.
        QTimer.singleShot(ms, loop, loop.quit)
        loop.exec()

    def waitUntil(self, condition: Callable[[], object], timeout: int = 5000) -> None:
        deadline = time.monotonic() + timeout / 1000
        while True:
            try:
                if condition() is not False:
                    return
            except AssertionError:
                pass
            if time.monotonic() > deadline:
                raise WaitTimeout(f"condition not met within {timeout} ms")
            self.wait(5)

    def waitExposed(self, widget: QWidget, timeout: int = 5000) -> None:
        self.waitUntil(lambda: widget.isVisible() or False, timeout=timeout)


def flush_deletes() -> None:
    """Run pending ``deleteLater`` calls (they run only when the event loop gets to them)."""
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        QCoreApplication.processEvents()
