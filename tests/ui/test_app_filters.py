"""The application-wide filters step aside while the kiosk builds, and come back in order."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from ui import app_filters


class Recorder(QObject):
    """Notes the key presses it sees, in a log shared with the other recorders."""

    def __init__(self, name: str, log: list[str]) -> None:
        super().__init__()
        self.name = name
        self.log = log

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            self.log.append(self.name)
        return False


def press(target: QWidget) -> None:
    QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_5,
                                             Qt.KeyboardModifier.NoModifier, "5"))


def test_paused_takes_the_filters_off_and_puts_them_back_in_order(qtbot):
    log: list[str] = []
    target = QWidget()
    qtbot.addWidget(target)
    first, second = Recorder("first", log), Recorder("second", log)
    app_filters.install(first)
    app_filters.install(second)
    try:
        press(target)
        assert log == ["second", "first"]  # Qt asks the newest filter first
        log.clear()
        with app_filters.paused():
            with app_filters.paused():  # nested: still off
                press(target)
            press(target)
            assert log == []
        press(target)
        assert log == ["second", "first"]
    finally:
        app_filters.remove(first)
        app_filters.remove(second)
    log.clear()
    press(target)
    assert log == [] and first not in app_filters.installed()


def test_a_filter_installed_while_paused_starts_once_the_pause_ends(qtbot):
    log: list[str] = []
    target = QWidget()
    qtbot.addWidget(target)
    late = Recorder("late", log)
    try:
        with app_filters.paused():
            app_filters.install(late)
            press(target)
        assert log == []
        press(target)
        assert log == ["late"]
    finally:
        app_filters.remove(late)


def test_the_idle_watcher_still_sees_taps_after_the_kiosk_applied_a_change(make_kiosk):
    kiosk = make_kiosk()
    idle = kiosk.window.kiosk.idle
    assert idle in app_filters.installed()
    kiosk.tap("startButton")  # applies a state change, with the filters paused meanwhile
    kiosk.wait_screen("identify")
    idle._timer.stop()
    kiosk.tap("idKey_1")
    assert idle._timer.isActive()  # the tap re-armed the idle wait: the filter is back
