"""The reader bridge: the simulator's card arrives as a signal; the I/O runs off the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.api.models import ReaderState
from kiosk.reader import CardData, CardResult, CardType
from kiosk.reader.serial_driver import SerialReader, Timeouts
from kiosk.reader.simulator import Fault, ReaderSimulator, sample_cards
from ui.reader.bridge import ReaderBridge

CARDS = sample_cards()
FAST = Timeouts(reply_s=0.3, read_card_s=0.6, probe_s=0.2)


class ThreadRecordingReader:
    """The real serial driver, noting which thread each poll runs on."""

    def __init__(self, inner: SerialReader) -> None:
        self.inner = inner
        self.poll_threads: set[int] = set()
        self.polls = 0
        self.closed = False

    @property
    def state(self) -> ReaderState:
        return self.inner.state

    def poll(self) -> CardResult | None:
        self.poll_threads.add(threading.get_ident())
        self.polls += 1
        return self.inner.poll()

    def check(self) -> ReaderState:
        return self.inner.check()

    def close(self) -> None:
        self.closed = True
        self.inner.close()


@pytest.fixture
def sim() -> Iterator[ReaderSimulator]:
    with ReaderSimulator() as simulator:
        yield simulator


@pytest.fixture
def reader(sim: ReaderSimulator) -> ThreadRecordingReader:
    return ThreadRecordingReader(SerialReader(sim.path, timeouts=FAST, backoff_s=(0.0,)))


@pytest.fixture
def bridge(qapp: QApplication, reader: ThreadRecordingReader) -> Iterator[ReaderBridge]:
    bridge = ReaderBridge(reader, interval_ms=50)
    bridge.start()
    yield bridge
    assert bridge.stop()


def test_card_arrives_by_signal_from_another_thread(
    qtbot: QtBot, sim: ReaderSimulator, reader: ThreadRecordingReader, bridge: ReaderBridge
) -> None:
    with qtbot.waitSignal(bridge.stateChanged, timeout=3000,
                          check_params_cb=lambda s: s == "ready"):
        bridge.set_polling(True)
    with qtbot.waitSignal(bridge.cardRead, timeout=3000) as blocker:
        sim.place(CARDS["resident"])
    result = blocker.args[0]
    assert isinstance(result, CardData)
    assert result.card_type is CardType.RESIDENT
    assert reader.poll_threads and threading.get_ident() not in reader.poll_threads


def test_gui_thread_stays_responsive_while_the_reader_hangs(
    qtbot: QtBot, qapp: QApplication, sim: ReaderSimulator
) -> None:
    # A module that stops answering: every exchange now waits its full 2 s timeout.
    hanging = ThreadRecordingReader(
        SerialReader(sim.path, timeouts=Timeouts(reply_s=2.0), backoff_s=(0.0,))
    )
    bridge = ReaderBridge(hanging, interval_ms=50)
    bridge.start()
    try:
        bridge.set_polling(True)
        qtbot.waitUntil(lambda: bridge.state == "ready", timeout=3000)
        sim.set_fault(Fault.SILENT)
        polls = hanging.polls
        qtbot.waitUntil(lambda: hanging.polls > polls, timeout=3000)  # a poll is now hanging
        ticks: list[int] = []
        QTimer.singleShot(0, lambda: ticks.append(1))
        # Were the poll on the GUI thread, the timer could not fire before the 2 s timeout.
        qtbot.waitUntil(lambda: ticks == [1], timeout=1000)
        qtbot.waitUntil(lambda: bridge.state == "error", timeout=5000)
    finally:
        assert bridge.stop()


def test_state_follows_unplug_and_replug(
    qtbot: QtBot, sim: ReaderSimulator, bridge: ReaderBridge
) -> None:
    bridge.set_polling(True)
    qtbot.waitUntil(lambda: bridge.state == "ready", timeout=3000)
    with qtbot.waitSignal(bridge.stateChanged, timeout=3000) as blocker:
        sim.unplug()
    assert blocker.args == ["absent"]
    with qtbot.waitSignal(bridge.stateChanged, timeout=3000) as blocker:
        sim.replug()
    assert blocker.args == ["ready"]


def test_no_polling_while_switched_off(
    qtbot: QtBot, sim: ReaderSimulator, reader: ThreadRecordingReader, bridge: ReaderBridge
) -> None:
    bridge.set_polling(True)
    qtbot.waitUntil(lambda: reader.polls >= 2, timeout=3000)
    bridge.set_polling(False)
    qtbot.wait(150)  # a poll already under way may still finish
    settled = reader.polls
    sim.place(CARDS["resident"])
    with qtbot.assertNotEmitted(bridge.cardRead, wait=400):
        pass
    assert reader.polls == settled
    with qtbot.waitSignal(bridge.cardRead, timeout=3000):
        bridge.set_polling(True)  # back on the identify screen: the card is read at once


def test_stop_closes_the_reader_and_ends_the_thread(
    qapp: QApplication, reader: ThreadRecordingReader
) -> None:
    bridge = ReaderBridge(reader, interval_ms=50)
    bridge.start()
    bridge.set_polling(True)
    assert bridge.stop()
    assert reader.closed
    assert bridge.stop()  # idempotent
