"""The officer status page, gathered off the GUI thread: is this terminal working, and if not,
which part is not?

Each probe is separate and none raises: a central service that cannot be reached still leaves
the printer, reader, queue and disk lines filled in.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kiosk.api.client import CentralClient
from kiosk.api.errors import ApiError, TerminalUnauthorized
from kiosk.api.models import PrinterState, ReaderState
from kiosk.printing import PrinterBackend
from kiosk.reader import Reader
from kiosk.store import Store


@dataclass(frozen=True)
class ApiProbe:
    reachable: bool
    latency_ms: int | None
    """Round trip of ``GET /health`` (None when it failed)."""
    token_accepted: bool | None
    """Whether the terminal token was accepted (None: could not tell, the service failed)."""
    error: str | None = None
    """The fault's code (``ApiError.code``) when something failed."""


@dataclass(frozen=True)
class TerminalStatus:
    terminal_id: str
    version: str
    uptime_s: int
    base_url: str
    api: ApiProbe
    printer_backend: str
    printer: PrinterState
    reader_backend: str
    reader: ReaderState
    queued_events: int
    disk_free_bytes: int | None
    disk_total_bytes: int | None


def probe_api(client: CentralClient, prison_code: str) -> ApiProbe:
    """``GET /health`` for reachability and latency, then the announcements (which need the
    terminal token) to tell whether the bureau still accepts this terminal."""
    started = time.monotonic()
    try:
        client.health()
    except ApiError as exc:
        return ApiProbe(False, None, None, exc.code)
    latency = round((time.monotonic() - started) * 1000)
    try:
        client.announcements(prison_code)
    except TerminalUnauthorized as exc:
        return ApiProbe(True, latency, False, exc.code)
    except ApiError as exc:
        return ApiProbe(True, latency, None, exc.code)
    return ApiProbe(True, latency, True)


def printer_state(printer: PrinterBackend) -> PrinterState:
    try:
        return printer.status()
    except Exception:  # a driver bug must not hide the rest of the page
        return PrinterState.UNKNOWN


def reader_state(reader: Reader | None) -> ReaderState:
    return ReaderState.DISABLED if reader is None else reader.state


def disk_space(folder: Path) -> tuple[int | None, int | None]:
    try:
        usage = shutil.disk_usage(folder)
    except OSError:
        return None, None
    return usage.free, usage.total


def gather_status(
    *,
    terminal_id: str,
    version: str,
    started_at: datetime,
    now: datetime,
    client: CentralClient,
    prison_code: str,
    printer: PrinterBackend,
    printer_backend: str,
    reader: Reader | None,
    reader_backend: str,
    store: Store,
    data_dir: Path,
) -> TerminalStatus:
    try:
        queued = store.queued_count()
    except Exception:  # a broken database shows as "unknown" (-1), not as a crash
        queued = -1
    free, total = disk_space(data_dir)
    return TerminalStatus(
        terminal_id=terminal_id,
        version=version,
        uptime_s=max(0, int((now - started_at).total_seconds())),
        base_url=client.base_url,
        api=probe_api(client, prison_code),
        printer_backend=printer_backend,
        printer=printer_state(printer),
        reader_backend=reader_backend,
        reader=reader_state(reader),
        queued_events=queued,
        disk_free_bytes=free,
        disk_total_bytes=total,
    )
