"""The real kiosk window for benches: built as the tests build it, driven by the tests' driver.

``start_kiosk`` builds ``Services`` on a folder (``tests/ui/helpers.py``), the window with
``ui.app.build_main_window``, shows it at 1920x1080 and registers its shutdown with the caller's
``ExitStack``. Everything Qt is imported inside functions so a bench can set up its environment
(QT_QPA_PLATFORM, TMPDIR) first.
"""

from __future__ import annotations

import os
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def start_kiosk(stack: ExitStack, base_url: str, folder: Path, *, printer: Any = None,
                reader: Any = None, config: Any = None, health_interval_s: float = 30.0,
                outage_health_interval_s: float | None = None, **changes: Any) -> Any:
    """A shown, started kiosk (a ``tests.ui.helpers.KioskDriver``); ``changes`` are settings
    as ``section__key=value``."""
    from tests.ui.helpers import kiosk_settings, make_services

    settings = kiosk_settings(base_url, folder, **changes)
    services = make_services(settings, printer=printer, reader=reader)
    stack.callback(services.close)
    driver = show_kiosk(stack, services, config=config, health_interval_s=health_interval_s,
                        outage_health_interval_s=outage_health_interval_s)
    driver.wait_screen("attract")
    return driver


def show_kiosk(stack: ExitStack, services: Any, *, config: Any = None,
               health_interval_s: float = 30.0,
               outage_health_interval_s: float | None = None) -> Any:
    """The window on these services, started and shown at 1920x1080 (a ``KioskDriver``); its
    shutdown is registered with ``stack``."""
    from bench.soak_qt import QtBotLite
    from tests.ui.helpers import KioskDriver
    from ui.app import build_main_window, ensure_application

    ensure_application()
    window = build_main_window(services, config=config, health_interval_s=health_interval_s,
                               outage_health_interval_s=outage_health_interval_s)
    window.allow_close = True

    def close() -> None:
        window.kiosk.shutdown(grace_ms=5000)
        window.close()
        window.deleteLater()

    stack.callback(close)
    window.resize(1920, 1080)
    window.show()
    bot = QtBotLite()
    bot.waitExposed(window)
    return KioskDriver(bot, window, services)


def back_to_attract(kiosk: Any, timeout_ms: int = 15_000) -> None:
    """After the family ended the visit: skip the goodbye screen's rating if it shows."""
    kiosk.qtbot.waitUntil(lambda: kiosk.screen_id() in ("attract", "farewell"),
                          timeout=timeout_ms)
    if kiosk.screen_id() == "farewell":
        kiosk.qtbot.wait(650)  # the debounce of a screen's buttons
        kiosk.tap("farewellSkip")
    kiosk.wait_screen("attract", timeout=timeout_ms)


def one_inmate_visitors(seed: int = 1) -> list[Any]:
    from kiosk.reference_server.data import generate

    return [c for c in generate(seed).credentials() if c.note == "one inmate"]


def rss_mib(pid: int | str = "self") -> float:
    """Resident memory of a process, MiB (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc status")


def machine() -> str:
    """nproc, CPU model and RAM, for the figures' context."""
    model = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    ram_kib = 0
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            ram_kib = int(line.split()[1])
    return (f"{os.cpu_count()} CPUs ({model}), {ram_kib / 2**20:.1f} GiB RAM, "
            f"Python {sys.version.split()[0]}")
