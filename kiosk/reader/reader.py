"""The one interface every card-reader driver offers, and the factory that picks a driver."""

from __future__ import annotations

from typing import Protocol

from kiosk.api.models import ReaderState
from kiosk.reader.card import CardResult
from kiosk.reader.serial_driver import SerialReader
from kiosk.settings.schema import ReaderSettings


class Reader(Protocol):
    """A card reader polled from a worker thread. Every call may block for a while (serial
    I/O) and none raises for hardware faults: those show in :attr:`state`."""

    @property
    def state(self) -> ReaderState: ...

    def poll(self) -> CardResult | None:
        """One look at the reader: a card newly laid down, else None. A card that stays on the
        reader is returned once; it is returned again only after it was taken away."""
        ...

    def check(self) -> ReaderState:
        """Look at the reader now (connecting if need be) and return its state."""
        ...

    def close(self) -> None: ...


class NullReader:
    """A reader that never reads: backend ``none`` (DISABLED) and backend ``keyboard`` (READY:
    a keyboard-emulating reader is invisible to the program until it types, and its input is
    caught by the UI's keystroke detector, not here)."""

    def __init__(self, state: ReaderState = ReaderState.DISABLED) -> None:
        self._state = state

    @property
    def state(self) -> ReaderState:
        return self._state

    def poll(self) -> CardResult | None:
        return None

    def check(self) -> ReaderState:
        return self._state

    def close(self) -> None:
        return None


def make_reader(settings: ReaderSettings) -> Reader:
    if settings.backend == "serial":
        return SerialReader(settings.port)
    if settings.backend == "keyboard":
        return NullReader(ReaderState.READY)
    return NullReader(ReaderState.DISABLED)
