"""Fixtures that build the real kiosk window against the reference server (pytest-qt)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.flow.state import FlowConfig
from tests.ui.helpers import KioskDriver, kiosk_settings, make_services


@pytest.fixture
def make_kiosk(qtbot: Any, central: Any, tmp_path: Path) -> Iterator[Callable[..., KioskDriver]]:
    """``make_kiosk(size=(w, h), config=FlowConfig(...), health_interval_s=..., **settings)``
    builds a started, shown kiosk; settings as ``kiosk__idle_timeout_s=2``."""
    from ui.app import build_main_window

    drivers: list[KioskDriver] = []

    def make(*, size: tuple[int, int] = (1920, 1080), config: FlowConfig | None = None,
             health_interval_s: float = 60.0, outage_health_interval_s: float | None = None,
             reader: Any = None, **changes: Any) -> KioskDriver:
        folder = tmp_path / f"kiosk{len(drivers)}"
        settings = kiosk_settings(central.base_url, folder, **changes)
        services = make_services(settings, reader=reader)
        window = build_main_window(services, config=config, health_interval_s=health_interval_s,
                                   outage_health_interval_s=outage_health_interval_s)
        window.allow_close = True
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        driver = KioskDriver(qtbot, window, services)
        drivers.append(driver)
        return driver

    yield make
    for driver in drivers:
        driver.window.kiosk.shutdown(grace_ms=5000)
        driver.window.close()
        driver.window.deleteLater()
        driver.services.close()
