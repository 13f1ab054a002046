"""Runs a card reader's poll loop on its own thread and reports on the GUI thread.

The shell turns polling on while the attract or identify screen is shown
(:meth:`ReaderBridge.set_polling`) and listens to :attr:`ReaderBridge.cardRead` (a
:data:`kiosk.reader.CardResult`) and :attr:`ReaderBridge.stateChanged` (a
:class:`kiosk.api.models.ReaderState` value) for the status screen and the heartbeat. Serial I/O
may block for seconds (timeouts, reconnects); none of it runs on the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot

from kiosk import log
from kiosk.api.models import ReaderState
from kiosk.reader import Reader


class _PollWorker(QObject):
    """Lives on the reader thread; every slot runs there."""

    cardRead = Signal(object)
    stateChanged = Signal(str)

    def __init__(self, reader: Reader, interval_ms: int) -> None:
        super().__init__()
        self._reader = reader
        self._interval_ms = interval_ms
        self._polling = False
        self._state: ReaderState | None = None
        self._timer: QTimer | None = None

    @Slot()
    def begin(self) -> None:
        # Created here so the timer belongs to the reader thread.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._tick)
        self._publish_state()

    @Slot(bool)
    def set_polling(self, on: bool) -> None:
        self._polling = on
        if self._timer is None:
            return
        if on:
            self._timer.start(0)  # look at once: a card may already be lying there
        else:
            self._timer.stop()

    @Slot()
    def finish(self) -> None:
        self._polling = False
        if self._timer is not None:
            self._timer.stop()
        self._reader.close()
        thread = self.thread()
        if thread is not None:
            thread.quit()

    @Slot()
    def _tick(self) -> None:
        if not self._polling:
            return
        result = self._reader.poll()
        self._publish_state()
        if result is not None:
            self.cardRead.emit(result)
        if self._polling and self._timer is not None:
            # Re-armed after each poll, so a slow poll never piles up a backlog.
            self._timer.start(self._interval_ms)

    def _publish_state(self) -> None:
        state = self._reader.state
        if state is not self._state:
            self._state = state
            self.stateChanged.emit(state.value)


class ReaderBridge(QObject):
    cardRead = Signal(object)
    stateChanged = Signal(str)
    _pollingRequested = Signal(bool)
    _finishRequested = Signal()

    def __init__(self, reader: Reader, interval_ms: int = 300,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._polling = False
        self._state = reader.state.value
        self._thread = QThread()
        self._thread.setObjectName("card-reader")
        self._worker = _PollWorker(reader, interval_ms)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.begin)
        self._thread.finished.connect(self._worker.deleteLater)
        self._pollingRequested.connect(self._worker.set_polling)
        self._finishRequested.connect(self._worker.finish)
        self._worker.cardRead.connect(self._on_card)
        self._worker.stateChanged.connect(self._on_state)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)  # a running QThread must not outlive the app

    @property
    def state(self) -> str:
        """The last reader state reported (a ReaderState value)."""
        return self._state

    @property
    def polling(self) -> bool:
        return self._polling

    def start(self) -> None:
        if not self._thread.isRunning():
            self._thread.start()

    def set_polling(self, on: bool) -> None:
        self._polling = on
        self._pollingRequested.emit(on)

    @Slot()
    def stop(self, timeout_ms: int = 10_000) -> bool:
        """Stop polling, close the reader and end the thread; True once it has ended."""
        if not self._thread.isRunning():
            return True
        self._polling = False
        self._finishRequested.emit()
        stopped = self._thread.wait(timeout_ms)
        if not stopped:
            log.reader.error("reader thread did not stop within %d ms", timeout_ms)
        return stopped

    @Slot(object)
    def _on_card(self, result: object) -> None:
        # A card read just as polling was switched off belongs to a screen that is gone.
        if self._polling:
            self.cardRead.emit(result)

    @Slot(str)
    def _on_state(self, state: str) -> None:
        self._state = state
        self.stateChanged.emit(state)
