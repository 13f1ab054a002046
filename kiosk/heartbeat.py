"""The fleet heartbeat: every ``[central] heartbeat_s`` the terminal posts its state.

The bureau's operations desk sees from it which terminals work. Sending must never disturb a
family's visit: :class:`HeartbeatSender` runs off the GUI thread, never raises, and logs a
failure once per outage (not once a minute for a terminal that is offline all weekend).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime

from kiosk import log
from kiosk.api.client import CentralClient
from kiosk.api.errors import ApiError
from kiosk.api.models import Heartbeat, PrinterState, ReaderState, TerminalState


def build_heartbeat(
    version: str,
    started_at: datetime,
    now: datetime,
    state: TerminalState | str,
    printer_state: PrinterState | str,
    reader_state: ReaderState | str,
    queued: int,
) -> Heartbeat:
    """The heartbeat body; ``version`` is ``kiosk.__version__``; uptime counts whole seconds
    since start (0 if the clock went back)."""
    uptime = max(0, int((now - started_at).total_seconds()))
    return Heartbeat(
        version=version,
        uptime_s=uptime,
        state=TerminalState(state),
        printer=PrinterState(printer_state),
        reader=ReaderState(reader_state),
        queued_events=max(0, queued),
    )


class HeartbeatSender:
    """Posts heartbeats; ``send`` returns whether the central service took it."""

    def __init__(self, client: CentralClient) -> None:
        self._client = client
        self._lock = threading.Lock()
        self._down_since: datetime | None = None
        self._failures = 0

    @property
    def failures(self) -> int:
        """Consecutive failed heartbeats (0 after a success)."""
        return self._failures

    def send(self, beat: Heartbeat, now: datetime) -> bool:
        with self._lock:
            try:
                self._client.heartbeat(beat)
            except ApiError as exc:
                self._failures += 1
                if self._down_since is None:
                    self._down_since = now
                    log.api.warning("heartbeat failed (%s, status %s); further failures are not "
                                "logged until it works again", exc.code, exc.status)
                return False
            except Exception:  # a bug must not end the heartbeat thread or reach a visit
                self._failures += 1
                log.api.exception("heartbeat failed unexpectedly")
                return False
            if self._down_since is not None:
                log.api.info("heartbeat works again after %d failures since %s",
                         self._failures, self._down_since.isoformat())
            self._down_since = None
            self._failures = 0
            return True

    def run_forever(
        self,
        stop: threading.Event,
        interval_s: float,
        snapshot: Callable[[], Heartbeat],
        clock: Callable[[], datetime],
    ) -> None:
        """Send ``snapshot()`` now and then every ``interval_s`` until ``stop`` is set."""
        while not stop.is_set():
            try:
                beat = snapshot()
            except Exception:
                log.api.exception("could not take the heartbeat snapshot")
            else:
                self.send(beat, clock())
            stop.wait(interval_s)
