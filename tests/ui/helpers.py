"""Building the kiosk for tests: real parts pointed at the reference server and a temp folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kiosk.api.client import CentralClient
from kiosk.printing import FilePrinter, PrinterBackend
from kiosk.secrets import load_or_create_secret
from kiosk.services import Services, utc_now
from kiosk.settings import Settings
from kiosk.settings.loader import build
from kiosk.store import Store


def kiosk_settings(base_url: str, folder: Path, **changes: Any) -> Settings:
    """Settings for a test kiosk; ``changes`` as ``section__key=value`` (bounds not enforced,
    so a test may use a 1-second idle timeout)."""
    values: dict[tuple[str, str], Any] = {
        ("central", "base_url"): base_url,
        ("central", "token"): "demo-token",
        ("central", "connect_timeout_s"): 2.0,
        ("central", "read_timeout_s"): 6.0,
        ("central", "get_retries"): 0,
        ("paths", "data_dir"): str(folder / "data"),
        ("paths", "log_dir"): str(folder / "logs"),
        ("printer", "backend"): "file",
        ("printer", "output_dir"): str(folder / "slips"),
        ("printer", "job_timeout_s"): 10,
    }
    for name, value in changes.items():
        section, key = name.split("__")
        values[(section, key)] = value
    return build(values)


def make_services(settings: Settings, *, printer: PrinterBackend | None = None,
                  clock: Any = utc_now) -> Services:
    data_dir = Path(settings.paths.data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    return Services(
        settings=settings,
        data_dir=data_dir,
        log_dir=Path(settings.paths.log_dir),
        client=CentralClient.from_settings(settings),
        store=Store.open(data_dir / "kiosk.sqlite3"),
        printer=printer or FilePrinter(Path(settings.printer.output_dir),
                                       job_timeout_s=settings.printer.job_timeout_s),
        reader=None,
        terminal_secret=load_or_create_secret(data_dir),
        clock=clock,
    )
