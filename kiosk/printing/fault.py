"""A harness that makes any backend fail on demand: tests, the soak run, officer training.

Wraps a real backend (usually ``file``) and lets the caller switch faults on and off while the
kiosk runs: printer offline or out of paper, paper running low after so many sheets, the next
job refused, every job stuck or failed. Everything not faulted goes to the wrapped backend.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from kiosk.api.models import PrinterState
from kiosk.printing.base import (
    JobFailed,
    JobState,
    PrinterBackend,
    PrinterError,
    PrintJob,
    check_copies,
    check_job_name,
    ensure_ready,
)


@dataclass
class Faults:
    state: PrinterState | None = None  # forced printer state (offline, paper_out, unknown ...)
    sheets_left: int | None = None  # paper on the roll, in slips; None: endless
    low_at: int = 3  # sheets left at which the printer reports paper_low
    refuse_next: PrinterError | None = None  # raised by the next print_pdf, once
    job_outcome: JobState | None = None  # forced state of every job (stuck, failed ...)


class FaultyPrinter:
    def __init__(self, inner: PrinterBackend, faults: Faults | None = None) -> None:
        self.inner = inner
        self.name = inner.name
        self.faults = faults or Faults()
        self._lock = threading.Lock()
        self.jobs: list[PrintJob] = []

    def status(self) -> PrinterState:
        with self._lock:
            return self._status()

    def _status(self) -> PrinterState:
        f = self.faults
        if f.state is not None:
            return f.state
        if f.sheets_left is not None:
            if f.sheets_left <= 0:
                return PrinterState.PAPER_OUT
            if f.sheets_left <= f.low_at:
                return PrinterState.PAPER_LOW
        return self.inner.status()

    def print_pdf(self, pdf: bytes, *, job_name: str, copies: int = 1) -> PrintJob:
        check_job_name(job_name)
        check_copies(copies)
        with self._lock:
            refused, self.faults.refuse_next = self.faults.refuse_next, None
            if refused is not None:
                raise refused
            ensure_ready(self._status())
            f = self.faults
            if f.sheets_left is not None:
                if f.sheets_left < copies:
                    f.sheets_left = 0
                    raise JobFailed("paper ran out during the job")
                f.sheets_left -= copies
        job = self.inner.print_pdf(pdf, job_name=job_name, copies=copies)
        with self._lock:
            self.jobs.append(job)
        return job

    def job_status(self, job: PrintJob) -> JobState:
        outcome = self.faults.job_outcome
        return outcome if outcome is not None else self.inner.job_status(job)
