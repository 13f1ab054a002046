"""What the officer's buttons do, Qt-free and blocking (run from a worker).

Each function returns a small result the officer screen shows and the audit trail records; none
raises for a printer, reader or network fault (those are the results an officer is looking for).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from kiosk import log
from kiosk.api.client import CentralClient
from kiosk.api.errors import ApiError, NotFound
from kiosk.api.models import SLIP_NO_PATTERN, PrinterState, ReaderState, Section
from kiosk.printing import PrinterBackend, PrinterError, wait_for_job
from kiosk.printing.base import READY_STATES
from kiosk.reader import Reader
from kiosk.settings import Settings


@dataclass(frozen=True)
class ActionResult:
    ok: bool
    code: str
    """``ok`` or the fault's machine code (``paper_out``, ``offline``, ``absent`` ...)."""
    state: str | None = None
    """The printer or reader state found, for diagnostics."""


def print_test_slip(printer: PrinterBackend, settings: Settings, now: datetime) -> ActionResult:
    """Print the sample slip (fonts, width, a QR code; no personal data) and wait for it."""
    from kiosk.slip import render_test_slip

    pdf = render_test_slip(settings.printer.layout, now, prison_name=settings.terminal.prison_name,
                           terminal_id=settings.terminal.id,
                           language="en" if settings.kiosk.language == "en" else "zh_CN")
    try:
        job = printer.print_pdf(pdf, job_name=f"test-{now:%Y%m%d%H%M%S}", copies=1)
        wait_for_job(printer, job)
    except PrinterError as exc:
        log.printing.warning("test print failed: %s", exc.code)
        return ActionResult(False, exc.code)
    return ActionResult(True, "ok")


def printer_diagnostics(printer: PrinterBackend) -> ActionResult:
    try:
        state = printer.status()
    except Exception:
        log.printing.exception("printer status failed")
        state = PrinterState.UNKNOWN
    return ActionResult(state in READY_STATES, "ok" if state in READY_STATES else state.value,
                        state.value)


def reader_diagnostics(reader: Reader | None) -> ActionResult:
    """Ask the reader now (connecting if need be). Polling is off in officer mode, so this
    worker is the only one talking to the port."""
    if reader is None:
        return ActionResult(False, ReaderState.DISABLED.value, ReaderState.DISABLED.value)
    try:
        state = reader.check()
    except Exception:
        log.reader.exception("reader check failed")
        state = ReaderState.ERROR
    return ActionResult(state is ReaderState.READY,
                        "ok" if state is ReaderState.READY else state.value, state.value)


@dataclass(frozen=True)
class SlipCheck:
    """The central service's answer about one slip (``valid`` None: it could not be asked)."""

    slip_no: str
    valid: bool | None
    issued_at: datetime | None = None
    inmate_name: str = field(default="", repr=False)
    """Shown to the officer to compare with the paper; never logged or stored."""
    sections: tuple[Section, ...] = ()
    error: str | None = None


def verify_slip(client: CentralClient, *, slip_no: str = "", code: str = "",
                url: str = "") -> SlipCheck:
    """Check a slip by its number and code, or by the URL from its QR code."""
    if url:
        last = urlsplit(url.strip()).path.rstrip("/").rsplit("/", 1)[-1]
        slip_no = last if re.fullmatch(SLIP_NO_PATTERN, last) else ""
    try:
        answer = client.verify_url(url) if url else client.verify_slip(slip_no, code)
    except NotFound:
        return SlipCheck(slip_no, False, error="not_found")
    except ApiError as exc:
        return SlipCheck(slip_no, None, error=exc.code)
    return SlipCheck(slip_no, answer.valid, answer.issued_at, answer.inmate_name,
                     tuple(answer.sections))


def clear_spool(spool_dir: Path) -> int:
    """Remove spooled print files left behind (a crash between spooling and hand-over)."""
    cleared = 0
    if not spool_dir.is_dir():
        return 0
    for entry in spool_dir.iterdir():
        if entry.is_file() or entry.is_symlink():
            try:
                entry.unlink()
            except OSError as exc:
                log.printing.warning("could not remove a spooled file: %s", exc.strerror)
                continue
            cleared += 1
    if cleared:
        log.printing.info("reset removed %d spooled file(s)", cleared)
    return cleared
