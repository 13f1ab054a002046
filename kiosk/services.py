"""The composition root of the Qt-free parts: one place that builds the kiosk from its pieces.

The UI receives a :class:`Services` and never constructs a client, store or driver itself, so a
test builds the same window with other parts (a client pointed at a reference server, a printer
backend with a fault harness, a reader on a simulator's pseudo-terminal) — the vxsuite habit.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from kiosk.api.client import CentralClient
from kiosk.printing import PrinterBackend, make_backend
from kiosk.printing.factory import BackendBuilder
from kiosk.reader import Reader, make_reader
from kiosk.secrets import load_or_create_secret
from kiosk.settings import LoadedSettings, Settings
from kiosk.store import DB_FILE, Store, StoreError


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Services:
    settings: Settings
    data_dir: Path
    log_dir: Path
    client: CentralClient
    store: Store
    printer: PrinterBackend
    reader: Reader | None
    terminal_secret: bytes = field(repr=False)  # the HMAC key: never in a repr or a log
    clock: Callable[[], datetime] = utc_now
    settings_sources: tuple[str, ...] = field(default_factory=tuple)
    started_at: datetime = field(default_factory=utc_now)
    """When this kiosk started (uptime on the officer status page and in the heartbeat)."""
    reload_settings: Callable[[], Settings] | None = field(default=None, repr=False)
    """The settings a fresh start would load (after an officer edit); None when the settings
    were built in memory (tests, demo): the edit is then applied to the current ones."""
    audit_listener: Callable[[], None] | None = field(default=None, repr=False)
    """Called after each audit event is stored: the uploader's nudge, set by the app."""

    @property
    def spool_dir(self) -> Path:
        return self.data_dir / "spool"

    def close(self) -> None:
        self.client.close()
        self.store.close()
        if self.reader is not None:
            self.reader.close()


def build_services(
    loaded: LoadedSettings,
    *,
    client: CentralClient | None = None,
    printer: PrinterBackend | None = None,
    reader: Reader | None = None,
    printer_builders: Mapping[str, BackendBuilder] | None = None,
    clock: Callable[[], datetime] = utc_now,
) -> Services:
    """Build every Qt-free part from loaded settings; any part may be passed in instead.

    Raises ``ConfigurationError`` (central settings), ``StoreError`` (data folder or
    database unusable) or ``SecretError`` (damaged terminal key).
    """
    settings = loaded.settings
    spool = loaded.data_dir / "spool"
    try:
        spool.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{spool}: cannot create the data folder: {exc.strerror}") from None
    return Services(
        settings=settings,
        data_dir=loaded.data_dir,
        log_dir=loaded.log_dir,
        client=client if client is not None else CentralClient.from_settings(settings),
        store=Store.open(loaded.data_dir / DB_FILE),
        printer=printer if printer is not None else make_backend(
            settings.printer, spool, default_output_dir=loaded.data_dir / "slips",
            builders=printer_builders,
        ),
        reader=reader if reader is not None else make_reader(settings.reader),
        terminal_secret=load_or_create_secret(loaded.data_dir),
        clock=clock,
        settings_sources=loaded.sources,
    )
