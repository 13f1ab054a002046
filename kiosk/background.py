"""The terminal's background threads: the audit uploader and the fleet heartbeat.

Plain threads (no Qt): the app starts them after the window and stops them at shutdown; a
settings change that replaces the API client restarts them on the new one. Neither ever touches
the visit: the uploader reads the store's queue, the heartbeat reads a snapshot function that
the UI keeps current. Any failure stays inside the thread (both loops log and carry on).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from kiosk import __version__, log
from kiosk.api.models import Heartbeat, ReaderState, TerminalState
from kiosk.audit.uploader import AuditUploader
from kiosk.heartbeat import HeartbeatSender, build_heartbeat
from kiosk.officer.status import printer_state, reader_state
from kiosk.services import Services

JOIN_TIMEOUT_S = 5.0


class BackgroundTasks:
    """``start()`` / ``stop()``; ``terminal_state`` is read on the heartbeat thread."""

    def __init__(self, services: Services, terminal_state: Callable[[], TerminalState],
                 *, upload_idle_s: float = 30.0,
                 reader_state_of: Callable[[], ReaderState] | None = None) -> None:
        self._services = services
        self._terminal_state = terminal_state
        self._reader_state_of = reader_state_of
        self._upload_idle_s = upload_idle_s
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self.uploader: AuditUploader | None = None
        self.heartbeat: HeartbeatSender | None = None

    @property
    def running(self) -> bool:
        return any(thread.is_alive() for thread in self._threads)

    def snapshot(self) -> Heartbeat:
        services = self._services
        reader = (self._reader_state_of() if self._reader_state_of is not None
                  else reader_state(services.reader))
        return build_heartbeat(__version__, services.started_at, services.clock(),
                               self._terminal_state(), printer_state(services.printer), reader,
                               services.store.queued_count())

    def start(self) -> None:
        if self.running:
            return
        services = self._services
        self._stop = threading.Event()
        uploader = AuditUploader(services.store, services.client, services.clock)
        heartbeat = HeartbeatSender(services.client)
        services.audit_listener = uploader.nudge
        self.uploader, self.heartbeat = uploader, heartbeat
        stop = self._stop
        self._threads = [
            threading.Thread(target=uploader.run_forever, args=(stop,),
                             kwargs={"idle_s": self._upload_idle_s}, name="audit-upload",
                             daemon=True),
            threading.Thread(target=heartbeat.run_forever,
                             args=(stop, float(services.settings.central.heartbeat_s),
                                   self.snapshot, services.clock),
                             name="heartbeat", daemon=True),
        ]
        for thread in self._threads:
            thread.start()
        log.audit.info("audit upload and heartbeat threads started")

    def stop(self) -> None:
        """Stop both loops and wait a little for them (a request in flight ends on its timeout;
        the threads are daemons, so a stuck one never blocks the program's exit)."""
        self._stop.set()
        if self._services.audit_listener is not None and self.uploader is not None and (
                self._services.audit_listener == self.uploader.nudge):
            self._services.audit_listener = None
        for thread in self._threads:
            thread.join(JOIN_TIMEOUT_S)
            if thread.is_alive():
                log.audit.warning("%s thread still busy after stop; leaving it", thread.name)
        self._threads = []

    def restart(self) -> None:
        """On a new client (the central settings changed)."""
        self.stop()
        self.start()
