"""Keyboard-emulating readers: a fast burst is a card, a person's slow typing is not.

Key presses are synthesised with chosen timestamps and sent to the top-level window, the way
real keyboard input enters a Qt application (the window forwards them to the focused widget).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QWindow
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ui.reader.wedge import KeyboardWedgeDetector

NUMBER = "150102198001011236"
FAST_MS = 8
SLOW_MS = 160

KEYS = {**{ch: getattr(Qt.Key, f"Key_{ch}") for ch in "0123456789"},
        "X": Qt.Key.Key_X, "x": Qt.Key.Key_X, "a": Qt.Key.Key_A}


class Typist:
    """Sends key presses and releases to a window with a running timestamp."""

    def __init__(self, window: QWindow) -> None:
        self.window = window
        self.clock = 1_000

    def key(self, key: Qt.Key, text: str, gap_ms: int,
            modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.clock += gap_ms
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, modifiers, text)
            event.setTimestamp(self.clock)
            QApplication.sendEvent(self.window, event)

    def type(self, text: str, gap_ms: int, *, enter: bool = True, enter_gap_ms: int | None = None
             ) -> None:
        for ch in text:
            self.key(KEYS[ch], ch, gap_ms)
        if enter:
            self.key(Qt.Key.Key_Return, "\r", gap_ms if enter_gap_ms is None else enter_gap_ms)


class Screen(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.field = QLineEdit()
        self.button = QPushButton("7")
        self.button.clicked.connect(lambda: self.field.insert("7"))  # an on-screen key
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.button)
        self.entered = 0
        self.field.returnPressed.connect(self._on_return)

    def _on_return(self) -> None:
        self.entered += 1


@pytest.fixture
def detector(qapp: QApplication) -> Iterator[KeyboardWedgeDetector]:
    wedge = KeyboardWedgeDetector()
    qapp.installEventFilter(wedge)
    yield wedge
    qapp.removeEventFilter(wedge)


@pytest.fixture
def screen(qtbot: QtBot, detector: KeyboardWedgeDetector) -> Screen:
    widget = Screen()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.field.setFocus()
    return widget


@pytest.fixture
def typist(screen: Screen) -> Typist:
    window = screen.windowHandle()
    assert window is not None
    return Typist(window)


def scans(detector: KeyboardWedgeDetector) -> list[str]:
    seen: list[str] = []
    detector.cardNumberScanned.connect(seen.append)
    return seen


def test_fast_burst_is_a_card_and_never_reaches_the_field(
    qtbot: QtBot, detector: KeyboardWedgeDetector, screen: Screen, typist: Typist
) -> None:
    with qtbot.waitSignal(detector.cardNumberScanned, timeout=1000) as blocker:
        typist.type(NUMBER, FAST_MS)
    assert blocker.args == [NUMBER]
    qtbot.wait(200)  # longer than the hold time: nothing is delivered late either
    assert screen.field.text() == ""
    assert screen.entered == 0


def test_burst_fills_in_with_no_focused_text_box(
    qtbot: QtBot, detector: KeyboardWedgeDetector, screen: Screen, typist: Typist
) -> None:
    screen.button.setFocus()
    seen = scans(detector)
    typist.type("15010219800101123x", FAST_MS)
    assert seen == ["15010219800101123X"]


def test_slow_typing_passes_through_untouched(
    qtbot: QtBot, detector: KeyboardWedgeDetector, screen: Screen, typist: Typist
) -> None:
    seen = scans(detector)
    typist.type(NUMBER, SLOW_MS)
    qtbot.waitUntil(lambda: screen.entered == 1, timeout=1000)
    assert screen.field.text() == NUMBER
    assert seen == []


def test_slow_key_is_delivered_after_the_hold_without_more_typing(
    qtbot: QtBot, screen: Screen, typist: Typist
) -> None:
    typist.type("5", SLOW_MS, enter=False)
    assert screen.field.text() == ""  # held for a moment: it could start a burst
    qtbot.waitUntil(lambda: screen.field.text() == "5", timeout=1000)


@pytest.mark.parametrize(
    ("text", "gap", "enter_gap"),
    [
        pytest.param("123456", FAST_MS, FAST_MS, id="fast-but-short"),
        pytest.param(NUMBER + "12", FAST_MS, FAST_MS, id="fast-but-too-long"),
        pytest.param(NUMBER, FAST_MS, SLOW_MS, id="fast-then-slow-enter"),
        pytest.param(NUMBER[:9] + "a" + NUMBER[9:17], FAST_MS, FAST_MS, id="letter-inside"),
    ],
)
def test_not_a_card_is_delivered_in_order(
    qtbot: QtBot, detector: KeyboardWedgeDetector, screen: Screen, typist: Typist,
    text: str, gap: int, enter_gap: int,
) -> None:
    seen = scans(detector)
    typist.type(text, gap, enter_gap_ms=enter_gap)
    qtbot.waitUntil(lambda: screen.entered == 1, timeout=1000)
    assert screen.field.text() == text
    assert seen == []


def test_a_long_fast_stream_does_not_hide_an_id_at_its_end(
    qtbot: QtBot, detector: KeyboardWedgeDetector, screen: Screen, typist: Typist
) -> None:
    seen = scans(detector)
    typist.type("9" * 19 + NUMBER, FAST_MS)  # 37 fast characters: not an ID card
    qtbot.waitUntil(lambda: screen.entered == 1, timeout=1000)
    assert seen == []
    assert screen.field.text() == "9" * 19 + NUMBER


def test_two_cards_one_after_the_other(
    qtbot: QtBot, detector: KeyboardWedgeDetector, screen: Screen, typist: Typist
) -> None:
    seen = scans(detector)
    typist.type(NUMBER, FAST_MS)
    typist.type("110105199003070025", FAST_MS)
    assert seen == [NUMBER, "110105199003070025"]


def test_keys_with_control_pass_at_once(
    qtbot: QtBot, detector: KeyboardWedgeDetector, screen: Screen, typist: Typist
) -> None:
    screen.field.setText("abc")
    screen.field.selectAll()
    typist.key(Qt.Key.Key_A, "", FAST_MS, Qt.KeyboardModifier.ControlModifier)
    typist.key(Qt.Key.Key_Backspace, "", FAST_MS)
    assert screen.field.text() == ""  # not held back


def test_on_screen_keypad_is_not_a_card(
    qtbot: QtBot, detector: KeyboardWedgeDetector, screen: Screen
) -> None:
    seen = scans(detector)
    for _ in range(18):
        qtbot.mouseClick(screen.button, Qt.MouseButton.LeftButton)
    assert screen.field.text() == "7" * 18
    assert seen == []


def test_events_without_timestamps_are_timed_by_the_clock(qtbot: QtBot, qapp: QApplication) -> None:
    now = [5_000]
    wedge = KeyboardWedgeDetector(clock_ms=lambda: now[0])
    qapp.installEventFilter(wedge)
    screen = Screen()
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    screen.field.setFocus()
    window = screen.windowHandle()
    assert window is not None
    seen = scans(wedge)

    def type_untimed(text: str, gap_ms: int) -> None:
        for key, ch in [*((KEYS[c], c) for c in text), (Qt.Key.Key_Return, "\r")]:
            now[0] += gap_ms
            event = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, ch)
            assert event.timestamp() == 0
            QApplication.sendEvent(window, event)

    try:
        type_untimed(NUMBER, 75)  # a quick person
        qtbot.waitUntil(lambda: screen.entered == 1, timeout=1000)
        assert screen.field.text() == NUMBER
        assert seen == []
        type_untimed(NUMBER, 5)  # a reader
        assert seen == [NUMBER]
    finally:
        qapp.removeEventFilter(wedge)
