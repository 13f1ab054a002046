"""The qt backend (QtPdf onto QPrinter) printing through the real CUPS virtual PDF queue."""

from __future__ import annotations

import pytest

from kiosk.api.models import PrinterState
from kiosk.printing import JobState, PrinterOffline, make_backend, wait_for_job
from kiosk.settings.schema import PrinterSettings
from tests.unit.printing.cupspdf import output_of, unique_job_name
from tests.unit.slip import pdfcheck, sample
from ui.printing.qt_backend import QtPrinter, build_qt_backend


@pytest.mark.cups
@pytest.mark.parametrize("layout", ["receipt80", "a4"])
def test_qt_backend_prints_through_cups(qapp, cups_queue, cups_output, tmp_path, layout):
    printer = make_backend(PrinterSettings(backend="qt", queue=cups_queue), tmp_path,
                           builders={"qt": build_qt_backend})
    assert isinstance(printer, QtPrinter)
    assert printer.status() is PrinterState.READY
    pdf = sample.render(sample.content(), layout)
    job_name = unique_job_name(f"slip-{sample.REGISTRATION.slip_no}")
    job = printer.print_pdf(pdf, job_name=job_name)
    assert wait_for_job(printer, job) is JobState.DONE
    assert list(tmp_path.iterdir()) == []  # nothing spooled by the kiosk itself
    out = output_of(job_name, cups_output)
    try:
        printed = out.read_bytes()
        source_pages = pdfcheck.pages(pdf)
        out_pages = pdfcheck.pages(printed)
        assert len(out_pages) == len(source_pages)
        for src, got in zip(source_pages, out_pages, strict=True):
            # Same paper size (CUPS rounds custom sizes to whole points): nothing rescaled.
            assert got.width_mm == pytest.approx(src.width_mm, abs=0.6)
            assert got.height_mm == pytest.approx(src.height_mm, abs=0.6)
        # The page was rasterised onto white and the QR code still decodes.
        assert [c.text for c in pdfcheck.qr_codes(printed)] == [sample.REGISTRATION.verify_url]
    finally:
        out.unlink(missing_ok=True)


def test_qt_backend_without_the_printer_is_offline(qapp):
    printer = QtPrinter("kiosk-no-such-queue")
    assert printer.status() is PrinterState.OFFLINE
    with pytest.raises(PrinterOffline):
        printer.print_pdf(b"%PDF", job_name="slip-TEST-0003")
