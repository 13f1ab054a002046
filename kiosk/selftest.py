"""``kiosk --selftest``: check every part a visit needs, one line per check, no window.

Run at install time and by the CI smoke test of the frozen build. Exits 0 only if every check
passes. Nothing here opens a display or imports Qt.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from kiosk.api import errors
from kiosk.api.client import CentralClient
from kiosk.api.models import PrinterState
from kiosk.exitcodes import ExitCode
from kiosk.printing.factory import BackendBuilder
from kiosk.resources import resource
from kiosk.settings import LoadedSettings

# Characters a slip must be able to print: everyday Chinese plus rare name characters.
FONT_PROBE = "狱务公开查询巴特尔·额尔敦𠮷䶮堃赟"
QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str


def _guard(name: str, fn: Callable[[], str]) -> Check:
    """Run one check; any exception is that check's failure, never the self-test's crash."""
    try:
        return Check(name, True, fn())
    except Exception as exc:  # a self-test reports every failure as a line, never crashes
        return Check(name, False, f"{type(exc).__name__}: {exc}")


def check_database(loaded: LoadedSettings) -> str:
    from kiosk.store import DB_FILE, Store

    loaded.data_dir.mkdir(parents=True, exist_ok=True)
    store = Store.open(loaded.data_dir / DB_FILE)
    try:
        return f"migrated, {store.queued_count()} audit events queued"
    finally:
        store.close()


def check_fonts() -> str:
    from kiosk.slip.fonts import load_fonts

    fonts = load_fonts()
    missing = [ch for ch in FONT_PROBE if not fonts.covers(ch)]
    if missing:
        raise RuntimeError("no glyph for " + "".join(missing))
    return f"{fonts.main} with fallback {fonts.fallback}"


def check_translations(folder: Path | None = None) -> str:
    """Every compiled catalogue must be a well-formed .qm, and every .ts source (present in a
    source tree, not shipped in a build) must have its .qm beside it."""
    folder = folder or resource("translations")
    if not folder.is_dir():
        return "source language only (no catalogues)"
    compiled = sorted(folder.glob("*.qm"))
    for ts in sorted(folder.glob("*.ts")):
        if ts.with_suffix(".qm") not in compiled:
            raise RuntimeError(f"{ts.name} has no compiled {ts.with_suffix('.qm').name}")
    for qm in compiled:
        if qm.read_bytes()[:16] != QM_MAGIC:
            raise RuntimeError(f"{qm.name} is not a compiled Qt catalogue")
    if not compiled:
        return "source language only (no catalogues)"
    return ", ".join(qm.stem for qm in compiled)


def check_api(client: CentralClient) -> str:
    started = time.perf_counter()
    health = client.health()
    elapsed_ms = 1000 * (time.perf_counter() - started)
    return f"{health.status}, api {health.api_version}, {elapsed_ms:.0f} ms"


def check_token(client: CentralClient, prison_code: str) -> str:
    try:
        client.announcements(prison_code)
    except errors.TerminalUnauthorized:
        raise RuntimeError("the central service refused this terminal's token") from None
    return "accepted"


def check_printer(
    loaded: LoadedSettings, builders: Mapping[str, BackendBuilder] | None = None
) -> str:
    from kiosk.printing import make_backend

    spool = loaded.data_dir / "spool"
    spool.mkdir(parents=True, exist_ok=True, mode=0o700)
    backend = make_backend(
        loaded.settings.printer, spool, default_output_dir=loaded.data_dir / "slips",
        builders=builders,
    )
    state = backend.status()
    if state not in (PrinterState.READY, PrinterState.PAPER_LOW):
        printer = loaded.settings.printer
        # Which queue: a name mistyped or never created looks the same as a printer that is off.
        queue = (f" (queue {printer.queue or 'the system default'})"
                 if printer.backend in ("cups", "qt") else "")
        raise RuntimeError(f"{backend.name} printer{queue} is {state.value}")
    return f"{backend.name}: {state.value}"


def check_reader(loaded: LoadedSettings) -> str:
    from kiosk.api.models import ReaderState
    from kiosk.reader import make_reader

    if loaded.settings.reader.backend != "serial":
        return f"{loaded.settings.reader.backend} (manual entry always available)"
    reader = make_reader(loaded.settings.reader)
    try:
        state = reader.check()
    finally:
        reader.close()
    if state is not ReaderState.READY:
        raise RuntimeError(f"serial reader on {loaded.settings.reader.port} is {state.value}")
    return "serial: ready"


def run_checks(
    loaded: LoadedSettings, printer_builders: Mapping[str, BackendBuilder] | None = None
) -> list[Check]:
    checks = [Check("settings", True, " < ".join(loaded.sources) or "defaults")]
    checks.append(_guard("database", lambda: check_database(loaded)))
    checks.append(_guard("fonts", check_fonts))
    checks.append(_guard("translations", check_translations))
    try:
        client = CentralClient.from_settings(loaded.settings)
    except errors.ConfigurationError as exc:
        checks.append(Check("api", False, str(exc)))
    else:
        with closing(client):
            api = _guard("api", lambda: check_api(client))
            checks.append(api)
            if api.ok:
                prison = loaded.settings.terminal.prison_code
                checks.append(_guard("terminal token", lambda: check_token(client, prison)))
            else:
                checks.append(Check("terminal token", False, "not checked: API unreachable"))
    checks.append(_guard("printer", lambda: check_printer(loaded, printer_builders)))
    checks.append(_guard("card reader", lambda: check_reader(loaded)))
    return checks


def run_selftest(
    loaded: LoadedSettings, printer_builders: Mapping[str, BackendBuilder] | None = None
) -> int:
    checks = run_checks(loaded, printer_builders)
    for check in checks:
        print(f"{'PASS' if check.ok else 'FAIL'}  {check.name}: {check.detail}", flush=True)
    return ExitCode.OK if all(c.ok for c in checks) else ExitCode.SELFTEST_FAILED
