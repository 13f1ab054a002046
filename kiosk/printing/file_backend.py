"""The ``file`` backend: each job is a PDF in a folder (development, demo, training rooms).

Writes are atomic (a temp file in the same folder, then ``os.replace``), so a reader of the
folder never sees half a slip. The folder is the output, by configuration: unlike a spool it is
not emptied.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from kiosk.api.models import PrinterState
from kiosk.printing.base import (
    JobState,
    PrinterOffline,
    PrintJob,
    check_copies,
    check_job_name,
    ensure_ready,
)


class FilePrinter:
    name = "file"

    def __init__(self, folder: Path, *, job_timeout_s: float = 45.0) -> None:
        self.folder = folder
        self.job_timeout_s = job_timeout_s

    def status(self) -> PrinterState:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return PrinterState.OFFLINE
        return PrinterState.READY if os.access(self.folder, os.W_OK) else PrinterState.OFFLINE

    def print_pdf(self, pdf: bytes, *, job_name: str, copies: int = 1) -> PrintJob:
        check_job_name(job_name)
        check_copies(copies)
        ensure_ready(self.status())
        try:
            for copy in range(1, copies + 1):
                suffix = "" if copy == 1 else f"-copy{copy}"
                self._write_atomically(self.folder / f"{job_name}{suffix}.pdf", pdf)
        except OSError as exc:
            raise PrinterOffline(f"cannot write to the output folder: {exc.strerror}") from exc
        return PrintJob(self.name, job_name, job_name, copies, time.monotonic(),
                        self.job_timeout_s)

    def job_status(self, job: PrintJob) -> JobState:
        return JobState.DONE if (self.folder / f"{job.job_id}.pdf").is_file() else JobState.FAILED

    def _write_atomically(self, target: Path, data: bytes) -> None:
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".partial-", suffix=".pdf")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
