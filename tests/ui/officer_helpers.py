"""Driving officer mode in tests: the emblem gesture, the PIN pad, a clock the test moves."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any

from kiosk.officer.pin import hash_pin

PIN = "24681357"
SHORT_PIN = "135790"


@cache
def pin_hash(pin: str = PIN) -> str:
    return hash_pin(pin)


@dataclass
class ManualClock:
    """A clock that stands still until the test moves it (lock delays without waiting)."""

    now: datetime = field(default_factory=lambda: datetime.now(UTC))

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def tap_emblem(kiosk: Any, times: int = 5) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    emblem = kiosk.visible("topBarEmblem", QLabel)
    for _ in range(times):
        kiosk.qtbot.mouseClick(emblem, Qt.MouseButton.LeftButton)


def type_pin(kiosk: Any, pin: str) -> None:
    kiosk.qtbot.wait(120)  # the last PIN's last key may be this one's first: its debounce
    kiosk.type_keys("pin", pin)
    if len(pin) < 8:
        kiosk.tap("pinKey_OK")


def enter_officer_mode(kiosk: Any, pin: str = PIN) -> None:
    tap_emblem(kiosk)
    kiosk.wait_screen("officer_pin")
    kiosk.qtbot.waitUntil(lambda: kiosk.button("pinKey_1").isEnabled(), timeout=5000)
    type_pin(kiosk, pin)
    kiosk.wait_screen("officer_menu", timeout=10_000)
