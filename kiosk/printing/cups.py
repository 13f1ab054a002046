"""The ``cups`` backend: ``lp`` hands the PDF to a CUPS queue; ``lpstat`` and IPP report back.

The PDF goes to ``lp`` on its standard input, so the kiosk itself never writes a slip to disk;
CUPS keeps its own spool copy only until the job is done. The media option is taken from the
PDF's page size (an 80 mm receipt is exactly as long as its content), and the job is named by
the caller with the slip number only. ``lpstat`` runs with ``LC_ALL=C`` so its text parses the
same on a Chinese-language system.
"""

from __future__ import annotations

import os
import re
import subprocess
import time

from kiosk import log
from kiosk.api.models import PrinterState
from kiosk.printing.base import (
    JobFailed,
    JobState,
    PrinterOffline,
    PrintJob,
    check_copies,
    check_job_name,
    ensure_ready,
)
from kiosk.printing.ipp import IppError, IppJobState, get_job_state
from kiosk.printing.media import media_for_pdf

_C_ENV = {**os.environ, "LC_ALL": "C", "LANG": "C"}
_REQUEST_ID = re.compile(r"request id is (\S+)")
_DEFAULT_DEST = re.compile(r"system default destination: (\S+)")

# printer-state-reasons (as lpstat's "Alerts:" line lists them) that stop a family's slip.
_PAPER_OUT = ("media-empty", "media-needed", "media-jam")
_OFFLINE = ("offline", "paused", "shutdown", "stopped", "door-open", "cover-open",
            "connecting-to-device", "timed-out")
_PAPER_LOW = ("media-low",)

_IPP_TO_JOB = {
    IppJobState.PENDING: JobState.QUEUED,
    IppJobState.PENDING_HELD: JobState.QUEUED,
    IppJobState.PROCESSING: JobState.PRINTING,
    IppJobState.PROCESSING_STOPPED: JobState.PRINTING,
    IppJobState.CANCELED: JobState.FAILED,
    IppJobState.ABORTED: JobState.FAILED,
    IppJobState.COMPLETED: JobState.DONE,
}


def parse_lpstat_printer(output: str) -> PrinterState:
    """Printer state from ``LC_ALL=C lpstat -l -p QUEUE`` output."""
    first = output.strip().splitlines()[0] if output.strip() else ""
    if not first.startswith("printer "):
        return PrinterState.UNKNOWN
    alerts = ""
    for line in output.splitlines():
        if line.strip().startswith("Alerts:"):
            alerts = line.split(":", 1)[1]
    reasons = [r for r in re.split(r"[\s,]+", alerts.strip()) if r and r != "none"]

    def has(prefixes: tuple[str, ...]) -> bool:
        return any(r.startswith(p) for r in reasons for p in prefixes)

    if has(_PAPER_OUT):
        return PrinterState.PAPER_OUT
    if " disabled " in f"{first} " or has(_OFFLINE):
        return PrinterState.OFFLINE
    if has(_PAPER_LOW):
        return PrinterState.PAPER_LOW
    if " is idle" in first or " now printing " in first:
        return PrinterState.READY
    return PrinterState.UNKNOWN


class CupsPrinter:
    name = "cups"

    def __init__(self, queue: str = "", *, job_timeout_s: float = 45.0,
                 command_timeout_s: float = 20.0) -> None:
        self.queue = queue  # empty: the system default destination
        self.job_timeout_s = job_timeout_s
        self.command_timeout_s = command_timeout_s

    def _run(self, args: list[str],
             stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(args, input=stdin, capture_output=True, env=_C_ENV,
                              timeout=self.command_timeout_s, check=False)

    def _destination(self) -> str | None:
        if self.queue:
            return self.queue
        try:
            out = self._run(["lpstat", "-d"]).stdout.decode("utf-8", "replace")
        except (OSError, subprocess.TimeoutExpired):
            return None
        match = _DEFAULT_DEST.search(out)
        return match.group(1) if match else None

    def status(self) -> PrinterState:
        try:
            running = self._run(["lpstat", "-r"]).stdout.decode("utf-8", "replace")
            if "scheduler is running" not in running:
                return PrinterState.UNKNOWN
            dest = self._destination()
            if dest is None:
                return PrinterState.OFFLINE
            result = self._run(["lpstat", "-l", "-p", dest])
        except (OSError, subprocess.TimeoutExpired):
            return PrinterState.UNKNOWN
        if result.returncode != 0:
            return PrinterState.OFFLINE  # the queue does not exist (any more)
        return parse_lpstat_printer(result.stdout.decode("utf-8", "replace"))

    def print_pdf(self, pdf: bytes, *, job_name: str, copies: int = 1) -> PrintJob:
        check_job_name(job_name)
        check_copies(copies)
        ensure_ready(self.status())
        args = ["lp", "-t", job_name, "-n", str(copies)]
        if self.queue:
            args[1:1] = ["-d", self.queue]
        media = media_for_pdf(pdf)
        if media:
            args += ["-o", f"media={media}"]
        args.append("-")  # the PDF comes on standard input: no file of ours on disk
        try:
            result = self._run(args, stdin=pdf)
        except subprocess.TimeoutExpired as exc:
            raise PrinterOffline("lp did not answer") from exc
        except OSError as exc:
            raise PrinterOffline(f"lp cannot run: {exc.strerror}") from exc
        text = (result.stdout + result.stderr).decode("utf-8", "replace")
        match = _REQUEST_ID.search(text)
        if result.returncode != 0 or not match:
            log.printing.warning("lp refused job %s: %s", job_name, text.strip()[:200])
            if "not accepting" in text or "Invalid destination" in text or \
                    "does not exist" in text:
                raise PrinterOffline("queue does not accept jobs")
            raise JobFailed("lp refused the job")
        log.printing.info("job %s handed to CUPS as %s (media %s)", job_name, match.group(1), media)
        return PrintJob(self.name, match.group(1), job_name, copies, time.monotonic(),
                        self.job_timeout_s)

    def job_status(self, job: PrintJob) -> JobState:
        number = job.job_id.rsplit("-", 1)[-1]
        try:
            state = _IPP_TO_JOB[get_job_state(int(number))]
        except (IppError, ValueError) as exc:
            log.printing.warning("job %s state not available: %s", job.job_id, exc)
            state = JobState.QUEUED  # cannot tell: keep waiting until the job is overdue
        if state in (JobState.QUEUED, JobState.PRINTING) and job.overdue():
            return JobState.STUCK
        return state
