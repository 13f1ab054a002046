"""The flow controller: the one place where the pure flow meets Qt.

It holds the current :class:`~kiosk.flow.state.KioskState`, feeds events to
:func:`~kiosk.flow.update.update` (always on the GUI thread, one at a time, in order), hands the
effects to the worker pool and drives the flow's timers (the one-second tick, the health check).
Screens never call the network: they send events.
"""

from __future__ import annotations

from collections import deque
from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk import log
from kiosk.flow import events as ev
from kiosk.flow.effects import Effect
from kiosk.flow.failures import Failure, FailureKind
from kiosk.flow.perform import FlowDeps, failed_event, perform, time_limit, warm_up
from kiosk.flow.state import FlowConfig, KioskState
from kiosk.flow.update import update
from ui import app_filters
from ui.workers import Outcome, WatchdogTimeout, WorkerPool

TICK_MS = 250
HEALTH_INTERVAL_S = 30.0
OUTAGE_HEALTH_INTERVAL_S = 5.0


class FlowController(QObject):
    stateChanged = Signal(object)
    """The new KioskState, after every event that changed it."""
    crashed = Signal(object)
    """An unexpected exception (already turned into the out-of-service screen)."""

    def __init__(
        self,
        deps: FlowDeps,
        pool: WorkerPool,
        *,
        config: FlowConfig | None = None,
        health_interval_s: float = HEALTH_INTERVAL_S,
        outage_health_interval_s: float = OUTAGE_HEALTH_INTERVAL_S,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._deps = deps
        self._pool = pool
        self._state = KioskState(config=config or FlowConfig.from_settings(deps.settings))
        self._queue: deque[ev.Event] = deque()
        self._dispatching = False
        self._health_interval_ms = int(health_interval_s * 1000)
        self._outage_interval_ms = int(outage_health_interval_s * 1000)

        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(lambda: self.dispatch(ev.Tick()))
        self._health = QTimer(self)
        self._health.setInterval(self._health_interval_ms)
        self._health.timeout.connect(lambda: self.dispatch(ev.HealthDue()))

    @property
    def state(self) -> KioskState:
        return self._state

    def start(self) -> None:
        self._tick.start()
        self._health.start()
        self.dispatch(ev.HealthDue())
        self._pool.submit(warm_up, self._warmed_up)

    def _warmed_up(self, outcome: Outcome) -> None:
        if outcome.error is not None:
            # Printing will report the problem when a family asks for a slip.
            log.ui.error("slip fonts could not be loaded: %s", type(outcome.error).__name__)

    def stop(self) -> None:
        self._tick.stop()
        self._health.stop()

    @property
    def running(self) -> bool:
        return self._tick.isActive()

    def dispatch(self, event: ev.Event) -> None:
        """Apply one event. Events sent while another is being applied queue behind it."""
        self._queue.append(event)
        if self._dispatching:
            return
        self._dispatching = True
        try:
            # Applying an event builds screens: the input filters would see every event of
            # every new widget, and no input can arrive meanwhile (ui.app_filters).
            with app_filters.paused():
                while self._queue:
                    self._apply(self._queue.popleft())
        finally:
            self._dispatching = False

    def _apply(self, event: ev.Event) -> None:
        new, effects = update(self._state, event, self._deps.clock())
        changed = new is not self._state
        self._state = new
        for effect in effects:
            self._run(effect)
        if changed:
            self._adjust_health_timer(new)
            self.stateChanged.emit(new)

    def _adjust_health_timer(self, state: KioskState) -> None:
        wanted = self._outage_interval_ms if state.outage is not None else (
            self._health_interval_ms)
        if self._health.interval() != wanted:
            self._health.setInterval(wanted)

    def _run(self, effect: Effect) -> None:
        log.flow.debug("effect %s", type(effect).__name__)
        self._pool.submit(
            partial(perform, effect, self._deps),
            partial(self._effect_done, effect),
            timeout_s=time_limit(effect, self._deps.settings),
        )

    def _effect_done(self, effect: Effect, outcome: Outcome) -> None:
        if outcome.error is None:
            if outcome.value is not None:
                self.dispatch(outcome.value)
            return
        if isinstance(outcome.error, WatchdogTimeout):
            event = failed_event(effect, Failure(FailureKind.TIMEOUT, detail="watchdog"))
            if event is not None:
                self.dispatch(event)
            return
        self.crash(outcome.error)

    def crash(self, error: BaseException) -> None:
        """An unexpected exception: wipe, show out-of-service, recover by the flow's timer."""
        self.crashed.emit(error)
        self._queue.clear()
        self._dispatching = False
        try:
            self.dispatch(ev.Crashed())
        except Exception:
            # The flow itself is broken: start from a fresh state that shows out-of-service.
            log.ui.exception("the flow failed while handling a crash; resetting it")
            self._queue.clear()
            self._dispatching = False
            fresh = KioskState(config=self._state.config)
            self._state, _ = update(fresh, ev.Crashed(), self._deps.clock())
            self.stateChanged.emit(self._state)
