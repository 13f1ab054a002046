"""Recording audit events: validated by the catalogue, written to the local store first.

``record`` returns only once the event is committed to SQLite (WAL, ``synchronous=FULL``), so it
survives a power cut or ``kill -9`` before it is ever sent; the uploader sends it later. The
daily statistics counter of the event (visits, slips, ratings per score, ...) is bumped in the
same call, after the event: a crash between the two can lose one count but never an event.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from kiosk import log
from kiosk.api.models import AuditEvent, EventType
from kiosk.audit.catalogue import Scalar, counter_for, make_event
from kiosk.store import Store
from kiosk.timefmt import beijing

Clock = Callable[[], datetime]


class AuditRecorder:
    """Thread-safe (the store is): call from any worker. Never call it on the GUI thread."""

    def __init__(
        self, store: Store, clock: Clock, *, on_recorded: Callable[[], None] | None = None
    ) -> None:
        self._store = store
        self._clock = clock
        self._on_recorded = on_recorded
        """Called after each event is stored, e.g. ``AuditUploader.nudge`` to send it soon."""

    def record(
        self, type_: EventType | str, *, subject: str | None = None, **data: Scalar
    ) -> AuditEvent:
        """Validate, store durably and count one event.

        Raises ``AuditDataError`` for data the catalogue does not allow (a bug in the caller)
        and ``StoreError`` if the local database cannot be written."""
        event = make_event(type_, self._clock(), subject=subject, **data)
        self._store.enqueue_event(event)
        counter = counter_for(event)
        if counter is not None:
            self._store.bump(counter, beijing(event.at).date())
        # Type and action only: the data holds no personal data, but logs need none of it.
        log.audit.info("recorded %s%s (%s)", event.type.value,
                 f"/{event.data['action']}" if "action" in event.data else "", event.event_id)
        if self._on_recorded is not None:
            self._on_recorded()
        return event
