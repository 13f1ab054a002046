"""Cycles are collected on the GUI thread only, while the collector runs (ui/garbage.py)."""

from __future__ import annotations

import gc
import threading
from typing import ClassVar

import pytest

from ui import garbage
from ui.garbage import GuiThreadCollector


class _Cycle:
    """Garbage only the cycle collector can free; says in which thread it was freed."""

    freed_in: ClassVar[list[str]] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        _Cycle.freed_in.append(threading.current_thread().name)


def _make_garbage_in_a_worker() -> list[list[int]]:
    """A cycle, then enough live objects to fill the youngest generation three times over:
    with automatic collection on, CPython collects the cycle during them, in the worker."""
    held: list[list[int]] = []

    def work() -> None:
        _Cycle()
        held.extend([i] for i in range(gc.get_threshold()[0] * 3))

    worker = threading.Thread(target=work, name="slip-worker")
    worker.start()
    worker.join()
    return held


@pytest.fixture
def collector(qapp):
    gc.collect()
    _Cycle.freed_in.clear()
    made = GuiThreadCollector()
    yield made
    made.stop()
    made.deleteLater()


def test_a_cycle_made_in_a_worker_is_freed_on_the_gui_thread(collector, qtbot):
    collector.start()
    held = _make_garbage_in_a_worker()
    assert _Cycle.freed_in == []  # nothing was collected in the worker
    qtbot.waitUntil(lambda: _Cycle.freed_in != [], timeout=5000)  # the collector's timer
    assert _Cycle.freed_in == [threading.main_thread().name]
    assert len(held) > gc.get_threshold()[0]


def test_without_the_collector_the_worker_would_have_freed_it(collector):
    """The case the collector exists for: this is what happens with it stopped."""
    assert gc.isenabled()
    _make_garbage_in_a_worker()
    assert _Cycle.freed_in == ["slip-worker"]


def test_stopping_gives_automatic_collection_back_only_if_it_took_it(collector):
    collector.start()
    assert not gc.isenabled()
    second = GuiThreadCollector()  # another kiosk in the same process
    second.start()
    second.stop()
    assert not gc.isenabled()  # still the first one's
    collector.stop()
    assert gc.isenabled()


def test_a_full_collection_waits_a_minute_after_the_last(collector, monkeypatch):
    thresholds = gc.get_threshold()
    over = (thresholds[0] + 1, thresholds[1] + 1, thresholds[2] + 1)
    monkeypatch.setattr(garbage.gc, "get_count", lambda: over)
    assert collector.collect_due() == 1  # the oldest is due, but one ran less than 60 s ago
    clock = [1_000.0]
    monkeypatch.setattr(garbage.time, "monotonic", lambda: clock[0])
    collector._last_full = clock[0] - garbage.FULL_EVERY_S - 1
    assert collector.collect_due() == 2
    assert collector.collect_due() == 1  # and not again at once
    monkeypatch.setattr(garbage.gc, "get_count", lambda: (0, 0, 0))
    assert collector.collect_due() is None
