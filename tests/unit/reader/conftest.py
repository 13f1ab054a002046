"""A simulated reader module on a real pseudo-terminal, and a driver with short timeouts."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kiosk.reader.serial_driver import SerialReader, Timeouts
from kiosk.reader.simulator import ReaderSimulator

FAST = Timeouts(reply_s=0.3, read_card_s=0.6, probe_s=0.2)


@pytest.fixture
def sim() -> Iterator[ReaderSimulator]:
    with ReaderSimulator() as simulator:
        yield simulator


@pytest.fixture
def reader(sim: ReaderSimulator) -> Iterator[SerialReader]:
    driver = SerialReader(sim.path, timeouts=FAST, backoff_s=(0.0,))
    yield driver
    driver.close()
