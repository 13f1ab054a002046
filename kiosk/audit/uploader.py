"""Sending queued audit events to ``POST /terminals/{id}/events`` in batches.

Each event keeps the ``event_id`` it was queued with, and the server ignores an id it already
has, so an event is removed from the local queue only after the server lists it in ``accepted``.
A crash after the server stored a batch but before the terminal removed it therefore leads to a
harmless resend, never to a loss or a double count.

While the central service cannot be reached, the batch that failed is deferred in the store and
the whole uploader waits with exponential backoff and jitter (many terminals coming back after
an outage must not all call at the same second). Events the server answered but did not accept
(missing from ``accepted``, or refused with 400 on their own) are deferred for the longest
delay: something is wrong with them on the server's side, and they must not hold up the rest of
the queue.

``upload_once`` never raises an ``ApiError``: faults come back in the :class:`UploadResult`.
``run_forever`` is the loop of a background thread and survives any exception.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from kiosk import log
from kiosk.api.client import CentralClient
from kiosk.api.errors import ApiError, InvalidRequest, Maintenance, RateLimited
from kiosk.api.models import AuditEvent, EventBatch
from kiosk.store import Store

Clock = Callable[[], datetime]

BASE_DELAY_S = 5.0
MAX_DELAY_S = 900.0
MAX_BATCHES_PER_RUN = 20
"""A run stops after this many batches so a huge backlog does not hog the worker for long."""


def backoff_delay(failures: int, rand: float, *, base_s: float = BASE_DELAY_S,
                  max_s: float = MAX_DELAY_S) -> float:
    """Seconds to wait after ``failures`` consecutive faults, with "equal jitter".

    The delay doubles from ``base_s`` up to ``max_s``; ``rand`` in [0, 1) picks a point in its
    upper half, so the wait is never shorter than half the nominal delay. E.g. with the defaults
    and rand = 0: 2.5, 5, 10, 20, ... 450 s; with rand -> 1: 5, 10, 20, 40, ... 900 s.
    """
    if failures <= 0:
        return 0.0
    nominal = min(max_s, base_s * 2.0 ** min(failures - 1, 30))
    return nominal / 2 + nominal / 2 * rand


@dataclass(frozen=True)
class UploadResult:
    sent: int
    """Events the server accepted in this run (removed from the local queue)."""
    deferred: int
    """Events sent without being accepted, or not sent because of a fault."""
    remaining: int
    """Events still queued after this run (the status screen's "queued audit events")."""
    error: str | None = None
    """Code of the fault that stopped the run (``ApiError.code``), or None."""
    retry_at: datetime | None = None
    """When an event is next due (None: the queue is empty)."""


@dataclass
class _Tally:
    """Events of one batch settled so far, in batch order (halves are sent in order)."""

    accepted: int = 0
    refused: int = 0


class AuditUploader:
    """Usable from any thread; runs are serialised by a lock."""

    def __init__(
        self,
        store: Store,
        client: CentralClient,
        clock: Clock,
        batch_size: int = 100,
        *,
        base_delay_s: float = BASE_DELAY_S,
        max_delay_s: float = MAX_DELAY_S,
        rng: random.Random | None = None,
    ) -> None:
        if not 1 <= batch_size <= 500:
            raise ValueError("batch_size must be 1..500 (the contract's limit)")
        self._store = store
        self._client = client
        self._clock = clock
        self._batch_size = batch_size
        self._base_s = base_delay_s
        self._max_s = max_delay_s
        self._rng = rng or random.Random()
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._failures = 0
        self._not_before: datetime | None = None

    @property
    def failures(self) -> int:
        """Consecutive failed runs (0 once the central service answers again)."""
        return self._failures

    def nudge(self) -> None:
        """Ask the background loop to try now (e.g. after an event was recorded)."""
        self._wake.set()

    def upload_once(self) -> UploadResult:
        """Send what is due, batch by batch, until the queue is drained or a fault stops it."""
        with self._lock:
            return self._run()

    def _run(self) -> UploadResult:
        now = self._clock()
        if self._not_before is not None and now < self._not_before:
            return self._result(0, 0, "backoff")
        sent = deferred = 0
        for _ in range(MAX_BATCHES_PER_RUN):
            batch = self._store.pending_events(self._batch_size, now)
            if not batch:
                break
            tally = _Tally()  # kept by _send even when a fault interrupts it
            try:
                self._send(batch, now, tally)
            except ApiError as exc:
                unsettled = [e.event_id for e in batch][tally.accepted + tally.refused:]
                self._fault(exc, unsettled, now)
                return self._result(sent + tally.accepted,
                                    deferred + len(batch) - tally.accepted, exc.code)
            sent += tally.accepted
            deferred += tally.refused
            self._recovered()
            now = self._clock()
        return self._result(sent, deferred, None)

    def _send(self, batch: list[AuditEvent], now: datetime, tally: _Tally) -> None:
        """Send one batch and settle each event: removed if accepted, deferred if refused.

        A 400 answer refuses the whole batch for what may be one bad event (say, a key a newer
        server no longer allows): the batch is halved until the bad events stand alone, so the
        good ones still go through. A refused event waits the longest delay and is retried
        then; it is never dropped. Any other ApiError is raised after settling what was sent.
        """
        ids = [event.event_id for event in batch]
        try:
            answer = self._client.send_events(EventBatch(events=batch))
        except InvalidRequest:
            if len(batch) > 1:
                half = len(batch) // 2
                self._send(batch[:half], now, tally)
                self._send(batch[half:], now, tally)
                return
            accepted: set[str] = set()
        else:
            accepted = set(answer.accepted).intersection(ids)
        self._store.mark_sent(accepted)
        refused = [i for i in ids if i not in accepted]
        if refused:
            later = now + timedelta(seconds=self._max_s)
            self._store.defer(refused, later)
            log.audit.error("central service refused %d audit event(s) (%s); retrying them at %s",
                      len(refused), ", ".join(refused[:5]), later.isoformat())
        tally.accepted += len(accepted)
        tally.refused += len(refused)

    def _fault(self, exc: ApiError, ids: list[str], now: datetime) -> None:
        self._failures += 1
        delay = backoff_delay(self._failures, self._rng.random(), base_s=self._base_s,
                              max_s=self._max_s)
        if isinstance(exc, (RateLimited, Maintenance)) and exc.retry_after_s:
            delay = max(delay, float(exc.retry_after_s))
        self._not_before = now + timedelta(seconds=delay)
        self._store.defer(ids, self._not_before)
        level = logging.WARNING if self._failures == 1 else logging.DEBUG
        log.audit.log(level, "audit upload failed (%s, status %s); %d queued, next try in %.0f s",
                exc.code, exc.status, self._store.queued_count(), delay)

    def _recovered(self) -> None:
        if self._failures:
            log.audit.info("audit upload works again after %d failed attempts", self._failures)
        self._failures = 0
        self._not_before = None

    def _result(self, sent: int, deferred: int, error: str | None) -> UploadResult:
        due = self._store.next_try()
        if due is not None and self._not_before is not None:
            due = max(due, self._not_before)
        return UploadResult(sent, deferred, self._store.queued_count(), error, due)

    # -- background loop ------------------------------------------------------------------------

    def run_forever(self, stop: threading.Event, *, idle_s: float = 30.0) -> None:
        """Upload until ``stop`` is set: right away when nudged or when events fall due, every
        ``idle_s`` otherwise. Any exception is logged and retried with backoff."""
        while not stop.is_set():
            try:
                result = self.upload_once()
                wait = self._wait_after(result, idle_s)
            except Exception:  # the thread must outlive a bug or a broken database
                log.audit.exception("audit upload run failed")
                self._failures += 1
                wait = backoff_delay(self._failures, self._rng.random(), base_s=self._base_s,
                                     max_s=self._max_s)
            self._sleep(stop, wait)

    def _wait_after(self, result: UploadResult, idle_s: float) -> float:
        if result.retry_at is None:
            return idle_s
        until_due = (result.retry_at - self._clock()).total_seconds()
        return min(idle_s, max(0.0, until_due))

    def _sleep(self, stop: threading.Event, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while not stop.is_set():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            if self._wake.wait(min(remaining, 0.25)):
                self._wake.clear()
                return
