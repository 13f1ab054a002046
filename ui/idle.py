"""Idleness: an application-wide event filter restarts a timer on every touch, click or key."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

from ui import app_filters

_ACTIVITY = frozenset({
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.KeyPress,
    QEvent.Type.Wheel,
})


class IdleWatcher(QObject):
    """Emits ``idle`` once after ``timeout_s`` seconds without input; input re-arms it."""

    idle = Signal()

    def __init__(self, timeout_s: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(int(timeout_s * 1000))
        self._timer.timeout.connect(self.idle)

    def install(self) -> None:
        app_filters.install(self)
        self._timer.start()

    def uninstall(self) -> None:
        app_filters.remove(self)
        self._timer.stop()

    def set_timeout_s(self, timeout_s: float) -> None:
        """A new wait (``kiosk.flow.patience``); the time already waited counts afresh."""
        wanted = int(timeout_s * 1000)
        if self._timer.interval() != wanted:
            self._timer.setInterval(wanted)
            if self._timer.isActive():
                self._timer.start()

    def poke(self) -> None:
        """Count as activity (also called by the filter on every input event)."""
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self._timer.start()
        return False
