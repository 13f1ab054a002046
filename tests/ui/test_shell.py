"""The shell around the screens: lockdown, the busy indicator's delay, crashes, messages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.crash_report import CRASH_PREFIX
from kiosk.flow.messages import Message, Notice
from kiosk.flow.state import FlowConfig
from ui.crash import CrashHandler
from ui.lockdown import LockdownFilter
from ui.messages import message_text, notice_text
from ui.widgets.overlays import BusyOverlay


def test_the_window_refuses_to_close(make_kiosk):
    kiosk = make_kiosk()
    kiosk.window.allow_close = False
    kiosk.window.close()
    assert kiosk.window.isVisible()
    kiosk.window.allow_close = True


@pytest.mark.parametrize(
    "event",
    [
        pytest.param(lambda: QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5),
                                               QPoint(5, 5)),
                     id="context-menu"),
        pytest.param(lambda: QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_F4,
                                       Qt.KeyboardModifier.AltModifier), id="alt-f4"),
        pytest.param(lambda: QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Q,
                                       Qt.KeyboardModifier.ControlModifier), id="ctrl-q"),
    ],
)
def test_lockdown_swallows_escape_routes(qtbot, event):
    lock = LockdownFilter()
    target = QWidget()
    qtbot.addWidget(target)
    assert lock.eventFilter(target, event()) is True


def test_lockdown_lets_ordinary_keys_through(qtbot):
    lock = LockdownFilter()
    target = QWidget()
    qtbot.addWidget(target)
    key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_5, Qt.KeyboardModifier.NoModifier, "5")
    assert lock.eventFilter(target, key) is False


def test_the_busy_indicator_waits_300_ms(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    host.resize(800, 600)
    host.show()
    busy = BusyOverlay(host)
    busy.set_busy(True)
    qtbot.wait(150)
    assert not busy.isVisible()  # a quick answer shows no spinner at all
    qtbot.waitUntil(busy.isVisible, timeout=2000)
    busy.set_busy(False)
    assert not busy.isVisible()
    busy.set_busy(True)
    busy.set_busy(False)
    qtbot.wait(400)
    assert not busy.isVisible()


@pytest.mark.qt_no_exception_capture
def test_an_unexpected_exception_shows_out_of_service_then_attract(make_kiosk, demo_credentials,
                                                                   tmp_path):
    kiosk = make_kiosk(config=FlowConfig(crash_recover_s=1))
    visitor = [c for c in demo_credentials if c.note == "one inmate"][8]
    kiosk.sign_in(visitor.id_number, visitor.reference_number)
    kiosk.wait_screen("records")
    kiosk.qtbot.waitUntil(lambda: kiosk.text("profileName") != "", timeout=15_000)
    name = kiosk.text("profileName")
    reports = tmp_path / "reports"
    handler = CrashHandler(reports, kiosk.window.controller.crash)
    handler.install()
    try:
        def bug() -> None:
            raise RuntimeError(f"bug while showing {name} {visitor.id_number}")

        QTimer.singleShot(0, bug)
        kiosk.wait_screen("out_of_service")
        assert not any(name in t for t in kiosk.all_texts())
        kiosk.wait_screen("attract", timeout=10_000)
    finally:
        handler.uninstall()
    (report,) = reports.glob(f"{CRASH_PREFIX}*.txt")
    text = report.read_text(encoding="utf-8")
    assert "RuntimeError" in text and "bug" in text  # the type and the frame, by name
    assert name not in text and visitor.id_number not in text


def test_every_message_has_words():
    for message in Message:
        assert message_text(message).strip()


@pytest.mark.parametrize(
    ("notice", "fragment"),
    [
        pytest.param(Notice(Message.WRONG_REFERENCE, attempts_left=2), "还可以再试 2 次",
                     id="attempts-left"),
        pytest.param(Notice(Message.LOCKED, until=datetime(2026, 11, 27, 3, 5, tzinfo=UTC)),
                     "11:05", id="locked-until-beijing-time"),
        pytest.param(Notice(Message.MAINTENANCE,
                            until=datetime(2026, 11, 27, 2, 0, tzinfo=UTC) + timedelta(hours=1)),
                     "预计 11:00 恢复", id="maintenance-return"),
    ],
)
def test_notices_carry_their_values(qapp: QApplication, notice, fragment):
    assert fragment in notice_text(notice)
