"""The ``qt`` printer backend: the slip PDF rendered by QtPdf onto a QPrinter.

One code path reaches CUPS on Linux and the Windows spooler alike. Each page is rasterised at
the printer's resolution (capped at 300 dpi: a 203 dpi thermal head gets its own dot grid) onto
white — a rendered PDF page is transparent otherwise — and painted on a page of exactly the
PDF's size with no margins, so nothing is scaled. The PDF is read from memory (QBuffer): no
spool file is written.

Qt hands the job to the system spooler and cannot follow it afterwards: ``job_status`` reports
``done`` once the spooler accepted the job, ``failed`` if it did not. Use the ``cups`` backend
where the job's progress matters.

Blocking; call from a worker thread (QPrinter and QPainter on a printer may be used off the GUI
thread).
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

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
from kiosk.settings.schema import PrinterSettings
from ui.printing.pdf_pages import UnreadablePdf, opened_pdf, render_page

MAX_DPI = 300


class QtPrinter:
    name = "qt"

    def __init__(self, queue: str = "", *, job_timeout_s: float = 45.0) -> None:
        self.queue = queue  # empty: the system default printer
        self.job_timeout_s = job_timeout_s
        self._lock = threading.Lock()
        self._accepted: set[str] = set()
        self._counter = 0

    def _info(self) -> QPrinterInfo:
        if self.queue:
            return QPrinterInfo.printerInfo(self.queue)
        return QPrinterInfo.defaultPrinter()

    def status(self) -> PrinterState:
        info = self._info()
        if info.isNull():
            return PrinterState.OFFLINE
        state = info.state()
        if state in (QPrinter.PrinterState.Idle, QPrinter.PrinterState.Active):
            return PrinterState.READY
        if state in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
            return PrinterState.OFFLINE
        return PrinterState.UNKNOWN

    def print_pdf(self, pdf: bytes, *, job_name: str, copies: int = 1) -> PrintJob:
        check_job_name(job_name)
        check_copies(copies)
        info = self._info()
        ensure_ready(self.status())
        try:
            with opened_pdf(pdf) as document:
                printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
                printer.setDocName(job_name)
                printer.setCopyCount(copies)
                printer.setFullPage(True)
                ok = _paint(document, printer)
        except UnreadablePdf as exc:
            raise JobFailed("the slip PDF could not be read") from exc
        if not ok:
            raise JobFailed("the spooler did not accept the job")
        with self._lock:
            self._counter += 1
            job_id = f"qt-{self._counter}"
            self._accepted.add(job_id)
        log.printing.info("job %s handed to the spooler by Qt (%s)", job_name, info.printerName())
        return PrintJob(self.name, job_id, job_name, copies, time.monotonic(), self.job_timeout_s)

    def job_status(self, job: PrintJob) -> JobState:
        with self._lock:
            return JobState.DONE if job.job_id in self._accepted else JobState.FAILED


def _page_layout(size_pt: QSizeF) -> QPageLayout:
    page = QPageSize(size_pt, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.ExactMatch)
    return QPageLayout(page, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0),
                       QPageLayout.Unit.Point)


def _paint(document: QPdfDocument, printer: QPrinter) -> bool:
    dpi = min(printer.resolution(), MAX_DPI)
    printer.setResolution(dpi)
    printer.setPageLayout(_page_layout(document.pagePointSize(0)))
    painter = QPainter()
    if not painter.begin(printer):
        raise PrinterOffline("the printer could not be opened")
    try:
        for index in range(document.pageCount()):
            size_pt = document.pagePointSize(index)
            if index > 0:
                printer.setPageLayout(_page_layout(size_pt))
                if not printer.newPage():
                    return False
            pixels = QSize(round(size_pt.width() * dpi / 72), round(size_pt.height() * dpi / 72))
            page = render_page(document, index, pixels)
            target = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
            painter.drawImage(target, page)
    finally:
        ended = painter.end()
    return ended


def build_qt_backend(settings: PrinterSettings, spool_dir: Path) -> QtPrinter:
    """Builder for ``kiosk.printing.make_backend(..., builders={"qt": build_qt_backend})``."""
    del spool_dir  # the PDF is read from memory
    return QtPrinter(settings.queue, job_timeout_s=settings.job_timeout_s)
