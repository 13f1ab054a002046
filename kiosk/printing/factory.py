"""Build the backend that ``[printer] backend`` names.

The ``qt`` backend lives in ``ui/`` (kiosk/ never imports Qt): the UI passes its builder in
``builders={"qt": ...}``. A builder gets the printer settings and the spool folder.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from kiosk.api.models import PrinterState
from kiosk.printing.base import JobState, PrinterBackend, PrinterOffline, PrintJob
from kiosk.printing.cups import CupsPrinter
from kiosk.printing.file_backend import FilePrinter
from kiosk.settings.schema import PrinterSettings

BackendBuilder = Callable[[PrinterSettings, Path], PrinterBackend]


class NoPrinter:
    """``backend = none``: the terminal has no printer; printing is offered nowhere."""

    name = "none"

    def status(self) -> PrinterState:
        return PrinterState.OFFLINE

    def print_pdf(self, pdf: bytes, *, job_name: str, copies: int = 1) -> PrintJob:
        raise PrinterOffline("this terminal has no printer")

    def job_status(self, job: PrintJob) -> JobState:
        return JobState.FAILED


def make_backend(printer: PrinterSettings, spool_dir: Path, *,
                 default_output_dir: Path | None = None,
                 builders: Mapping[str, BackendBuilder] | None = None) -> PrinterBackend:
    """The backend for these settings.

    ``spool_dir`` is for backends that need the PDF as a file (created 0700 by them);
    ``default_output_dir`` is the ``file`` backend's folder when ``output_dir`` is empty.
    """
    if builders and printer.backend in builders:
        return builders[printer.backend](printer, spool_dir)
    if printer.backend == "file":
        folder = Path(printer.output_dir) if printer.output_dir else default_output_dir
        if folder is None:
            raise ValueError("[printer] output_dir is empty and no default folder was given")
        return FilePrinter(folder, job_timeout_s=printer.job_timeout_s)
    if printer.backend == "cups":
        return CupsPrinter(printer.queue, job_timeout_s=printer.job_timeout_s)
    if printer.backend == "none":
        return NoPrinter()
    raise ValueError(f"printer backend {printer.backend!r} is not available here")
