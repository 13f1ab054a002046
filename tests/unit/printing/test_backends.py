"""The file backend, the fault harness, the factory and the parsers of CUPS answers."""

from __future__ import annotations

import struct

import pytest

from kiosk.api.models import PrinterState
from kiosk.printing import (
    CupsPrinter,
    Faults,
    FaultyPrinter,
    FilePrinter,
    JobFailed,
    JobState,
    JobStuck,
    NoPrinter,
    PaperOut,
    PrinterOffline,
    make_backend,
    wait_for_job,
)
from kiosk.printing.cups import parse_lpstat_printer
from kiosk.printing.ipp import IppJobState, job_state_request, parse_attributes
from kiosk.printing.media import media_for_pdf
from kiosk.settings.schema import PrinterSettings
from tests.unit.slip import pdfcheck, sample

# ---- file backend -----------------------------------------------------------------------


def test_file_backend_writes_the_pdf_atomically(tmp_path):
    printer = FilePrinter(tmp_path / "slips")
    assert printer.status() is PrinterState.READY
    pdf = sample.render(sample.content(sections=(sample.Section.LIVING,)))
    job = printer.print_pdf(pdf, job_name="slip-NM-2026-0001234", copies=2)
    assert printer.job_status(job) is JobState.DONE
    files = sorted(p.name for p in (tmp_path / "slips").iterdir())
    assert files == ["slip-NM-2026-0001234-copy2.pdf", "slip-NM-2026-0001234.pdf"]
    assert (tmp_path / "slips" / "slip-NM-2026-0001234.pdf").read_bytes() == pdf


def test_file_backend_offline_when_the_folder_cannot_exist(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_bytes(b"")
    printer = FilePrinter(blocker / "slips")
    assert printer.status() is PrinterState.OFFLINE
    with pytest.raises(PrinterOffline):
        printer.print_pdf(b"%PDF", job_name="slip-X-1")


@pytest.mark.parametrize("name", ["李某某", "slip NM 1", "", "x" * 65, "../etc/passwd",
                                  "15010219800101123X-王芳"])
def test_job_names_that_could_carry_personal_data_or_paths_are_refused(tmp_path, name):
    with pytest.raises(ValueError):
        FilePrinter(tmp_path).print_pdf(b"%PDF", job_name=name)


@pytest.mark.parametrize("copies", [0, 6])
def test_copies_are_bounded(tmp_path, copies):
    with pytest.raises(ValueError):
        FilePrinter(tmp_path).print_pdf(b"%PDF", job_name="slip-1", copies=copies)


# ---- fault harness ----------------------------------------------------------------------


@pytest.fixture
def faulty(tmp_path):
    return FaultyPrinter(FilePrinter(tmp_path / "out"))


@pytest.mark.parametrize("state, error", [
    (PrinterState.OFFLINE, PrinterOffline),
    (PrinterState.PAPER_OUT, PaperOut),
    (PrinterState.UNKNOWN, PrinterOffline),  # unknown is never treated as ready
], ids=lambda v: getattr(v, "value", getattr(v, "__name__", "")))
def test_a_printer_that_cannot_print_raises_its_typed_error(faulty, state, error):
    faulty.faults.state = state
    assert faulty.status() is state
    with pytest.raises(error):
        faulty.print_pdf(b"%PDF", job_name="slip-1")
    assert faulty.jobs == []


def test_paper_runs_low_then_out_as_slips_print(faulty):
    faulty.faults = Faults(sheets_left=4, low_at=2)
    states = []
    for n in range(4):
        faulty.print_pdf(b"%PDF", job_name=f"slip-{n}")
        states.append(faulty.status())
    assert states == [PrinterState.READY, PrinterState.PAPER_LOW, PrinterState.PAPER_LOW,
                      PrinterState.PAPER_OUT]
    with pytest.raises(PaperOut):
        faulty.print_pdf(b"%PDF", job_name="slip-5")


def test_refusal_is_raised_once(faulty):
    faulty.faults.refuse_next = JobFailed("driver error")
    with pytest.raises(JobFailed):
        faulty.print_pdf(b"%PDF", job_name="slip-1")
    faulty.print_pdf(b"%PDF", job_name="slip-1")  # the reprint goes through


@pytest.mark.parametrize("outcome, error", [(JobState.STUCK, JobStuck),
                                            (JobState.FAILED, JobFailed)])
def test_stuck_and_failed_jobs_raise_and_keep_the_job(faulty, outcome, error):
    faulty.faults.job_outcome = outcome
    job = faulty.print_pdf(b"%PDF", job_name="slip-NM-2026-0001234")
    with pytest.raises(error) as caught:
        wait_for_job(faulty, job, poll_s=0)
    assert caught.value.job is job and job.job_name == "slip-NM-2026-0001234"


def test_wait_for_job_polls_until_done(faulty):
    seen = iter([JobState.QUEUED, JobState.PRINTING, None])
    job = faulty.print_pdf(b"%PDF", job_name="slip-1")

    def step(_):
        faulty.faults.job_outcome = next(seen)

    faulty.faults.job_outcome = JobState.QUEUED
    assert wait_for_job(faulty, job, sleep=step) is JobState.DONE


# ---- factory ----------------------------------------------------------------------------


def test_factory_builds_each_configured_backend(tmp_path):
    spool = tmp_path / "spool"
    file_printer = make_backend(PrinterSettings(backend="file", output_dir=str(tmp_path / "o")),
                                spool)
    assert isinstance(file_printer, FilePrinter) and file_printer.folder == tmp_path / "o"
    default = make_backend(PrinterSettings(backend="file"), spool,
                           default_output_dir=tmp_path / "d")
    assert isinstance(default, FilePrinter) and default.folder == tmp_path / "d"
    cups = make_backend(PrinterSettings(backend="cups", queue="kiosk-pdf", job_timeout_s=30),
                        spool)
    assert isinstance(cups, CupsPrinter) and cups.queue == "kiosk-pdf"
    assert cups.job_timeout_s == 30
    none = make_backend(PrinterSettings(backend="none"), spool)
    assert isinstance(none, NoPrinter) and none.status() is PrinterState.OFFLINE
    with pytest.raises(PrinterOffline):
        none.print_pdf(b"%PDF", job_name="slip-1")


def test_factory_takes_the_qt_builder_from_the_ui(tmp_path):
    built = []

    def qt_builder(settings, spool_dir):
        built.append((settings.backend, spool_dir))
        return NoPrinter()

    make_backend(PrinterSettings(backend="qt"), tmp_path, builders={"qt": qt_builder})
    assert built == [("qt", tmp_path)]
    with pytest.raises(ValueError, match="qt"):
        make_backend(PrinterSettings(backend="qt"), tmp_path)


# ---- parsers ----------------------------------------------------------------------------

_IDLE = "printer kiosk-pdf is idle.  enabled since Fri Nov 27 22:28:03 2026\n"


@pytest.mark.parametrize("output, expected", [
    (_IDLE + "\tForm mounted:\n\tAlerts: none\n", PrinterState.READY),
    ("printer q now printing q-3.  enabled since X\n\tAlerts: job-printing\n",
     PrinterState.READY),
    (_IDLE + "\tAlerts: media-low-report\n", PrinterState.PAPER_LOW),
    (_IDLE + "\tAlerts: media-empty-error media-needed\n", PrinterState.PAPER_OUT),
    (_IDLE + "\tAlerts: media-jam-error\n", PrinterState.PAPER_OUT),
    ("printer q disabled since X -\n\tpaper jam test\n\tAlerts: paused\n",
     PrinterState.OFFLINE),
    ("printer q disabled since X -\n\treason unknown\n\tAlerts: none\n", PrinterState.OFFLINE),
    (_IDLE + "\tAlerts: offline-report\n", PrinterState.OFFLINE),
    ("", PrinterState.UNKNOWN),
    ("lpstat: Bad file descriptor\n", PrinterState.UNKNOWN),
], ids=["idle", "printing", "paper-low", "paper-out", "jam", "paused", "disabled", "offline",
        "empty", "error"])
def test_lpstat_printer_states(output, expected):
    assert parse_lpstat_printer(output) is expected


def test_media_follows_the_pdf_page():
    receipt = sample.render(sample.content(sections=(sample.Section.LIVING,)))
    height = round(pdfcheck.pages(receipt)[0].height_mm)
    assert media_for_pdf(receipt) == f"Custom.80x{height}mm"
    assert media_for_pdf(sample.render(sample.content(), "a4")) == "A4"
    assert media_for_pdf(b"%PDF-1.7 no media box") is None


def test_ipp_request_and_response_round_trip():
    request = job_state_request(42, "kiosk")
    assert request[:4] == bytes([2, 0, 0, 9])
    assert b"ipp://localhost/jobs/42" in request and request.endswith(b"\x03")
    response = (struct.pack(">BBHI", 2, 0, 0, 1) + b"\x01"
                + _attr(0x47, "attributes-charset", b"utf-8")
                + b"\x02" + _attr(0x23, "job-state", struct.pack(">i", 9))
                + _attr(0x44, "job-state-reasons", b"job-completed-successfully")
                + _attr(0x44, "", b"second-reason") + b"\x03")
    status, attrs = parse_attributes(response)
    assert status == 0
    assert IppJobState(struct.unpack(">i", attrs["job-state"][0])[0]) is IppJobState.COMPLETED
    assert attrs["job-state-reasons"] == [b"job-completed-successfully", b"second-reason"]


def _attr(tag: int, name: str, value: bytes) -> bytes:
    return (struct.pack(">BH", tag, len(name)) + name.encode()
            + struct.pack(">H", len(value)) + value)
