"""Python's cyclic garbage collector, run on the GUI thread only.

CPython collects cycles in whichever thread allocates when a generation is full: a worker
rendering a slip, the audit uploader and the demo server as often as the GUI thread. A cycle
can hold the last reference to a Qt object (a widget's wrapper with its timers and layouts),
which is then destroyed in that thread; a Qt object must die in its own. The screen tour
crashed so about once in four runs: a segmentation fault "Garbage-collecting" in a slip worker.

:class:`GuiThreadCollector` switches automatic collection off while the kiosk runs and collects
from a GUI-thread timer instead, each generation when CPython's thresholds say: the remedy that
calibre and other PyQt programs use since it was described on the PyQt list in 2011. A full
collection walks every object the process holds, about 150 ms once the kiosk has started, so
full ones run at most once a minute, and :func:`freeze_start_up` takes what start-up made
(modules, classes, the first screens) out of their way.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QObject, QTimer

CHECK_MS = 250
"""How often the collector looks at CPython's allocation counts."""
FULL_EVERY_S = 60.0
"""Least time between two full collections (the oldest generation)."""


class GuiThreadCollector(QObject):
    """Collects cycles on the thread it lives in, from ``start()`` to ``stop()``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.collect_due)
        self._switched_off = False
        self._last_full = time.monotonic()

    def start(self) -> None:
        if gc.isenabled():  # a second kiosk in the same process (tests) leaves it to the first
            gc.disable()
            self._switched_off = True
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self._switched_off:
            gc.enable()
            self._switched_off = False

    def collect_due(self) -> int | None:
        """Collect the oldest generation whose count is over its threshold, as CPython would;
        returns that generation, or None when none is due."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        due = [g for g in (2, 1, 0) if counts[g] > thresholds[g]]
        if due and due[0] == 2 and time.monotonic() - self._last_full < FULL_EVERY_S:
            due = due[1:]
        if not due:
            return None
        gc.collect(due[0])
        if due[0] == 2:
            self._last_full = time.monotonic()
        return due[0]


def freeze_start_up() -> None:
    """Collect once, then keep every object alive now out of later collections
    (``gc.freeze``): they live as long as the process, and later full collections need walk
    only what came after. Call it once, when the kiosk has started."""
    gc.collect()
    gc.freeze()
