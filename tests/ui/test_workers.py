"""The worker pool: answers on the GUI thread, a watchdog for jobs that never answer."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from ui.workers import Outcome, WatchdogTimeout, WorkerPool


def test_results_and_errors_arrive_on_the_gui_thread(qtbot):
    pool = WorkerPool()
    seen: list[tuple[Outcome, bool, bool]] = []
    gui = QApplication.instance().thread()

    def record(outcome: Outcome) -> None:
        seen.append((outcome, QThread.currentThread() is gui,
                     threading.current_thread() is threading.main_thread()))

    pool.submit(lambda: threading.current_thread() is threading.main_thread(), record)
    pool.submit(lambda: 1 / 0, record)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    by_ok = {o.ok: (o, on_gui, main) for o, on_gui, main in seen}
    assert by_ok[True][0].value is False  # the job itself ran off the GUI thread
    assert isinstance(by_ok[False][0].error, ZeroDivisionError)
    assert all(on_gui and main for _, on_gui, main in seen)
    assert pool.wait_for_done(5000)


def test_a_job_that_outlives_its_limit_is_reported_once_and_its_answer_dropped(qtbot):
    pool = WorkerPool()
    release = threading.Event()
    seen: list[Outcome] = []
    pool.submit(lambda: release.wait(10) and "late", seen.append, timeout_s=0.2)
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=5000)
    assert isinstance(seen[0].error, WatchdogTimeout)
    release.set()
    assert pool.wait_for_done(5000)
    qtbot.wait(100)
    assert len(seen) == 1 and pool.pending() == 0
