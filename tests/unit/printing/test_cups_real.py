"""Printing through a real CUPS server and the cups-pdf virtual printer."""

from __future__ import annotations

import subprocess
import time

import pytest

from kiosk.api.models import PrinterState
from kiosk.printing import (
    CupsPrinter,
    JobState,
    JobStuck,
    PrinterOffline,
    wait_for_job,
)
from tests.unit.printing.cupspdf import output_of, unique_job_name
from tests.unit.slip import pdfcheck, sample

pytestmark = pytest.mark.cups


@pytest.mark.parametrize("layout, size_mm", [("receipt80", None), ("a4", (210.0, 297.0))])
def test_slip_prints_through_the_virtual_pdf_queue(cups_queue, cups_output, layout, size_mm):
    printer = CupsPrinter(cups_queue, job_timeout_s=60)
    assert printer.status() is PrinterState.READY
    pdf = sample.render(sample.content(), layout)
    slip_no = sample.REGISTRATION.slip_no
    job_name = unique_job_name(f"slip-{slip_no}")
    job = printer.print_pdf(pdf, job_name=job_name)
    assert wait_for_job(printer, job, poll_s=0.2) is JobState.DONE
    out = output_of(job_name, cups_output)
    try:
        assert out.name.endswith(f"job_{job.job_id.rsplit('-', 1)[1]}.pdf")
        printed = out.read_bytes()
        pages = pdfcheck.pages(printed)
        expected = size_mm or (80.0, pdfcheck.pages(pdf)[0].height_mm)
        assert (pages[0].width_mm, pages[0].height_mm) == pytest.approx(expected, abs=0.6)
        # What came out of the printer still carries the slip's QR code, slip number inside.
        codes = {c.text for c in pdfcheck.qr_codes(printed)}
        assert codes == {sample.REGISTRATION.verify_url}
        assert slip_no in sample.REGISTRATION.verify_url
    finally:
        out.unlink(missing_ok=True)


def test_disabled_queue_is_offline_and_refuses_the_slip(scratch_queue):
    queue = scratch_queue("cups-pdf:/kiosk")
    subprocess.run(["cupsdisable", queue], check=True, timeout=20)
    printer = CupsPrinter(queue)
    assert printer.status() is PrinterState.OFFLINE
    with pytest.raises(PrinterOffline):
        printer.print_pdf(b"%PDF-1.4", job_name="slip-TEST-0001")


def test_missing_queue_is_offline():
    assert CupsPrinter("kiosk-no-such-queue").status() in (PrinterState.OFFLINE,
                                                          PrinterState.UNKNOWN)


def test_a_job_that_never_reaches_the_printer_is_stuck_then_failed_when_cancelled(
        scratch_queue):
    # A network printer that does not answer: the socket backend keeps retrying.
    queue = scratch_queue("socket://127.0.0.1:9")
    printer = CupsPrinter(queue, job_timeout_s=1.5)
    pdf = sample.render(sample.content(sections=(sample.Section.LIVING,)))
    job = printer.print_pdf(pdf, job_name="slip-TEST-0002")
    assert printer.job_status(job) in (JobState.QUEUED, JobState.PRINTING)
    with pytest.raises(JobStuck) as caught:
        wait_for_job(printer, job, poll_s=0.2)
    assert caught.value.job == job  # the slip number survives for a reprint
    subprocess.run(["cancel", job.job_id], check=True, timeout=20)
    deadline = time.monotonic() + 10
    while printer.job_status(job) is not JobState.FAILED and time.monotonic() < deadline:
        time.sleep(0.2)
    assert printer.job_status(job) is JobState.FAILED
