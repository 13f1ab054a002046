"""Catch keyboard-emulating ID card readers: 18 characters typed faster than a person can, then
Enter.

Installed as an application event filter, the detector looks at key presses as they enter a
window (before Qt hands them to the focused widget). Digits and X are held back briefly: if
they keep coming faster than ``max_gap_ms`` apart and end with Enter after exactly ``length``
characters, the burst is a card read — :attr:`KeyboardWedgeDetector.cardNumberScanned` is
emitted and none of those keystrokes reach any widget. Otherwise the held keys are delivered
unchanged and in order, at most ``hold_ms`` late, which a person does not notice.

Gaps are measured with the key events' own timestamps (``QInputEvent.timestamp()``), so tests
can synthesise fast and slow bursts deterministically. The on-screen keypad calls methods
instead of generating key events and is never affected.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QWindow

from kiosk import log

ID_CHARACTERS = frozenset("0123456789X")
ENTER_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})
_ALLOWED_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier


@dataclass(frozen=True)
class _HeldKey:
    """What is needed to deliver a key press later (the event itself dies after filtering)."""

    window: QWindow
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    timestamp: int
    char: str


class KeyboardWedgeDetector(QObject):
    cardNumberScanned = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        max_gap_ms: int = 50,
        length: int = 18,
        hold_ms: int = 100,
        clock_ms: Callable[[], int] = lambda: time.monotonic_ns() // 1_000_000,
    ) -> None:
        """``clock_ms`` times key events whose platform left the timestamp unset (0), which
        would otherwise make every gap 0 and every person a card reader."""
        super().__init__(parent)
        self._clock_ms = clock_ms
        self._max_gap_ms = max_gap_ms
        self._length = length
        self._held: list[_HeldKey] = []
        self._last_timestamp: int | None = None
        self._too_long = False  # a fast stream longer than an ID number: let it all through
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(hold_ms)
        self._timer.timeout.connect(self._deliver_held)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (self._replaying or event.type() != QEvent.Type.KeyPress
                or not isinstance(watched, QWindow) or not isinstance(event, QKeyEvent)):
            return False
        timestamp = event.timestamp() or self._clock_ms()
        fast = (self._last_timestamp is not None
                and 0 <= timestamp - self._last_timestamp <= self._max_gap_ms)
        self._last_timestamp = timestamp
        char = _id_character(event)
        if char is not None:
            return self._on_character(watched, event, char, fast)
        if event.key() in ENTER_KEYS and fast and not self._too_long and self._scanned():
            return True
        self._deliver_held()
        self._too_long = False
        self._last_timestamp = None
        return False

    # --- internals -------------------------------------------------------------------------

    def _on_character(self, window: QWindow, event: QKeyEvent, char: str, fast: bool) -> bool:
        if not fast:
            self._deliver_held()
            self._too_long = False
        if self._too_long:
            return False
        if len(self._held) >= self._length:
            self._deliver_held()
            self._too_long = True
            return False
        self._held.append(
            _HeldKey(window, event.key(), event.modifiers(), event.text(), event.timestamp(), char)
        )
        self._timer.start()
        return True

    def _scanned(self) -> bool:
        if len(self._held) != self._length:
            return False
        number = "".join(held.char for held in self._held)
        self._held.clear()
        self._timer.stop()
        self._last_timestamp = None
        log.reader.info("keyboard-emulating reader: card number scanned")
        self.cardNumberScanned.emit(number)
        return True

    def _deliver_held(self) -> None:
        self._timer.stop()
        held, self._held = self._held, []
        self._replaying = True
        try:
            for key in held:
                if not shiboken6.isValid(key.window):
                    continue  # the window closed meanwhile; its keys go with it
                replay = QKeyEvent(QEvent.Type.KeyPress, key.key, key.modifiers, key.text)
                replay.setTimestamp(key.timestamp)
                QCoreApplication.sendEvent(key.window, replay)
        finally:
            self._replaying = False


def _id_character(event: QKeyEvent) -> str | None:
    """The ID-number character a key press types (x counts as X), else None."""
    if event.isAutoRepeat() or event.modifiers() & ~_ALLOWED_MODIFIERS:
        return None
    text = event.text().upper()
    return text if len(text) == 1 and text in ID_CHARACTERS else None
