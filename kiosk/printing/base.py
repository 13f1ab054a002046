"""The one interface every printer backend implements, its job handle and its typed errors.

Backends block: the UI calls ``print_pdf`` and ``job_status`` from a worker thread. A job name
never carries personal data (callers pass ``slip-<slip number>``; :func:`check_job_name`
refuses anything else that could hold a name). Printer state ``unknown`` is never ready.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from kiosk.api.models import PrinterState


class JobState(StrEnum):
    QUEUED = "queued"
    PRINTING = "printing"
    DONE = "done"
    FAILED = "failed"
    STUCK = "stuck"  # not finished within the job timeout


@dataclass(frozen=True)
class PrintJob:
    backend: str
    job_id: str
    job_name: str
    copies: int
    submitted_at: float  # time.monotonic() at hand-over
    timeout_s: float

    def overdue(self, now: float | None = None) -> bool:
        return (time.monotonic() if now is None else now) - self.submitted_at > self.timeout_s


class PrinterError(Exception):
    """Base of every printing failure; ``code`` is what the flow maps to a screen."""

    code = "printer_error"

    def __init__(self, message: str = "", *, job: PrintJob | None = None) -> None:
        super().__init__(message or self.code)
        self.job = job


class PrinterOffline(PrinterError):
    """Not reachable, disabled, or its state is unknown."""

    code = "offline"


class PaperOut(PrinterError):
    code = "paper_out"


class JobFailed(PrinterError):
    """The job was refused, aborted or cancelled."""

    code = "job_failed"


class JobStuck(PrinterError):
    """The job did not finish within the job timeout."""

    code = "job_stuck"


class PrinterBackend(Protocol):
    name: str

    def status(self) -> PrinterState: ...

    def print_pdf(self, pdf: bytes, *, job_name: str, copies: int = 1) -> PrintJob: ...

    def job_status(self, job: PrintJob) -> JobState: ...


READY_STATES = frozenset({PrinterState.READY, PrinterState.PAPER_LOW})
MAX_COPIES = 5
_JOB_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


def check_job_name(job_name: str) -> str:
    """Job names show in spooler queues and logs: ASCII codes only, never a person's name."""
    if not _JOB_NAME.match(job_name):
        raise ValueError("job name must be 1-64 ASCII letters, digits, '.', '_' or '-'")
    return job_name


def check_copies(copies: int) -> int:
    if not 1 <= copies <= MAX_COPIES:
        raise ValueError(f"copies must be 1..{MAX_COPIES}")
    return copies


def ensure_ready(state: PrinterState) -> None:
    """Raise the error a family is shown for a printer in ``state`` that cannot print."""
    if state is PrinterState.PAPER_OUT:
        raise PaperOut("printer is out of paper")
    if state not in READY_STATES:
        raise PrinterOffline(f"printer state is {state.value}")


def wait_for_job(backend: PrinterBackend, job: PrintJob, *, poll_s: float = 0.5,
                 sleep: Callable[[float], None] = time.sleep) -> JobState:
    """Poll until the job is done; raise :class:`JobFailed` or :class:`JobStuck` otherwise."""
    while True:
        state = backend.job_status(job)
        if state is JobState.DONE:
            return state
        if state is JobState.FAILED:
            raise JobFailed("print job failed", job=job)
        if state is JobState.STUCK:
            raise JobStuck("print job did not finish in time", job=job)
        sleep(poll_s)
