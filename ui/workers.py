"""The worker pool: blocking work off the GUI thread, results back on the GUI thread.

``submit(job, on_done)`` runs ``job()`` on a ``QThreadPool`` thread; ``on_done(outcome)`` is
called on the GUI thread through a queued signal. A job that has not answered within its
``timeout_s`` is reported as :class:`WatchdogTimeout` (its late answer is then dropped), so a
stuck socket can never freeze a screen on "please wait".
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, SignalInstance, Slot

from kiosk import log


class WatchdogTimeout(Exception):
    """The job did not answer within its time limit."""


@dataclass(frozen=True)
class Outcome:
    value: Any = None
    error: BaseException | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


class _Job(QRunnable):
    def __init__(self, job_id: int, job: Callable[[], Any], deliver: SignalInstance) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._id = job_id
        self._job = job
        self._deliver = deliver

    def run(self) -> None:
        try:
            outcome = Outcome(value=self._job())
        except BaseException as exc:  # delivered to the GUI thread, which decides
            outcome = Outcome(error=exc)
        self._deliver.emit(self._id, outcome)


class WorkerPool(QObject):
    """Runs jobs in threads; at most ``max_threads`` at once, the rest queue."""

    _delivered = Signal(int, object)

    def __init__(self, max_threads: int = 8, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._ids = itertools.count(1)
        self._pending: dict[int, Callable[[Outcome], None]] = {}
        self._lock = threading.Lock()
        self._delivered.connect(self._on_delivered)

    def submit(
        self,
        job: Callable[[], Any],
        on_done: Callable[[Outcome], None] | None = None,
        *,
        timeout_s: float | None = None,
    ) -> int:
        job_id = next(self._ids)
        with self._lock:
            self._pending[job_id] = on_done or (lambda _outcome: None)
        if timeout_s is not None:
            QTimer.singleShot(int(timeout_s * 1000), self, lambda: self._expire(job_id))
        self._pool.start(_Job(job_id, job, self._delivered))
        return job_id

    def pending(self) -> int:
        with self._lock:
            return len(self._pending)

    def wait_for_done(self, timeout_ms: int = 30_000) -> bool:
        """Block until every running job returned (shutdown and tests only)."""
        return self._pool.waitForDone(timeout_ms)

    def _take(self, job_id: int) -> Callable[[Outcome], None] | None:
        with self._lock:
            return self._pending.pop(job_id, None)

    @Slot(int, object)
    def _on_delivered(self, job_id: int, outcome: Outcome) -> None:
        callback = self._take(job_id)
        if callback is None:
            log.ui.info("job %d answered after its watchdog expired; answer dropped", job_id)
            return
        callback(outcome)

    def _expire(self, job_id: int) -> None:
        callback = self._take(job_id)
        if callback is not None:
            log.ui.warning("job %d outlived its time limit", job_id)
            callback(Outcome(error=WatchdogTimeout()))
