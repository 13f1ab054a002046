"""Carry out officer mode's effects: blocking work for a worker thread, Qt-free.

Each returns the event that reports it. Faults of the parts an officer is diagnosing come back
as results (the page shows them); a bug propagates like any other effect's.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Protocol

from kiosk import __version__
from kiosk.api.client import CentralClient
from kiosk.audit.catalogue import AdminAction
from kiosk.flow import officer_events as oe
from kiosk.officer import actions
from kiosk.officer.overrides import can_undo
from kiosk.officer.pinlock import check_pin, read_failures
from kiosk.officer.settings_edit import save_settings, undo_settings
from kiosk.officer.stats import statistics
from kiosk.officer.status import TerminalStatus, gather_status
from kiosk.printing import PrinterBackend
from kiosk.reader import Reader
from kiosk.settings import Settings
from kiosk.settings.loader import OFFICER_FILE, read_ini
from kiosk.store import Store


class OfficerDeps(Protocol):
    """What officer effects need (``kiosk.services.Services`` provides it)."""

    @property
    def settings(self) -> Settings: ...
    @property
    def client(self) -> CentralClient: ...
    @property
    def store(self) -> Store: ...
    @property
    def printer(self) -> PrinterBackend: ...
    @property
    def reader(self) -> Reader | None: ...
    @property
    def data_dir(self) -> Path: ...
    @property
    def spool_dir(self) -> Path: ...
    @property
    def started_at(self) -> datetime: ...
    @property
    def clock(self) -> Callable[[], datetime]: ...
    @property
    def reload_settings(self) -> Callable[[], Settings] | None: ...


def officer_file(deps: OfficerDeps) -> Path:
    return deps.data_dir / OFFICER_FILE


def overridden_keys(path: Path) -> frozenset[str]:
    """``section.key`` of each setting the officer file overrides (not the [officer] PIN)."""
    if not path.is_file():
        return frozenset()
    parser = read_ini(path)
    return frozenset(f"{section}.{key}" for section in parser.sections()
                     if section != "officer" for key, _ in parser.items(section))


def perform_officer(effect: oe.OfficerEffect, deps: OfficerDeps) -> oe.OfficerEvent:
    if isinstance(effect, oe.ReadPinLock):
        now = deps.clock()
        failures = read_failures(deps.store, now)
        return oe.PinLockRead(failures.count, failures.lock(now).locked_until)
    if isinstance(effect, oe.CheckPin):
        return oe.PinChecked(effect.request_no, check_pin(
            deps.store, deps.settings.officer.pin_hash, effect.pin, deps.clock()))
    if isinstance(effect, oe.GatherStatus):
        return oe.StatusGathered(_status(deps))
    if isinstance(effect, oe.LoadStats):
        return oe.StatsLoaded(statistics(deps.store, deps.clock()))
    if isinstance(effect, oe.ReadOverrides):
        path = officer_file(deps)
        return oe.OverridesRead(can_undo(path), overridden_keys(path))
    if isinstance(effect, oe.RunAction):
        return oe.ActionDone(effect.action, _run(effect.action, deps))
    if isinstance(effect, oe.VerifySlip):
        slip = actions.verify_slip(deps.client, slip_no=effect.slip_no, code=effect.code,
                                   url=effect.url)
        return oe.SlipChecked(slip, "scan" if effect.url else "typed")
    if isinstance(effect, oe.SaveSetting | oe.UndoSettings):
        path = officer_file(deps)
        if isinstance(effect, oe.SaveSetting):
            outcome = save_settings(path, deps.settings, {(effect.section, effect.key):
                                                          effect.text}, deps.reload_settings)
        else:
            outcome = undo_settings(path, deps.settings, deps.reload_settings)
        return oe.SettingsSaved(outcome, overridden_keys(path))
    if isinstance(effect, oe.ResetTerminal):
        cleared = actions.clear_spool(deps.spool_dir)
        if deps.reader is not None:
            deps.reader.close()  # the next poll reconnects from scratch
        return oe.ResetDone(cleared)
    raise AssertionError(f"unknown officer effect {type(effect).__name__}")


def _status(deps: OfficerDeps) -> TerminalStatus:
    settings = deps.settings
    return gather_status(
        terminal_id=settings.terminal.id, version=__version__, started_at=deps.started_at,
        now=deps.clock(), client=deps.client, prison_code=settings.terminal.prison_code,
        printer=deps.printer, printer_backend=settings.printer.backend, reader=deps.reader,
        reader_backend=settings.reader.backend, store=deps.store, data_dir=deps.data_dir)


def _run(action: AdminAction, deps: OfficerDeps) -> actions.ActionResult:
    if action is AdminAction.TEST_PRINT:
        return actions.print_test_slip(deps.printer, deps.settings, deps.clock())
    if action is AdminAction.PRINTER_DIAGNOSTICS:
        return actions.printer_diagnostics(deps.printer)
    if action is AdminAction.READER_DIAGNOSTICS:
        return actions.reader_diagnostics(deps.reader)
    raise AssertionError(f"not a device action: {action}")
