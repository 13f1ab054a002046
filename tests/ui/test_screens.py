"""What must hold on every screen: touch targets, text sizes, nothing clipped, names for tests and
screen readers, kinetic scrolling. Checked at 1920x1080 landscape and portrait and at 1280x800,
on a real visit."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QLabel,
    QScroller,
    QWidget,
)

from tests.ui.helpers import walk_screens
from ui.widgets.buttons import MIN_TOUCH_PX
from ui.widgets.entry import EntryBox
from ui.widgets.grid_table import GridTable

MIN_TEXT_PX = 28


def _visible(window: QWidget, kind: type) -> list:
    return [w for w in window.findChildren(kind) if w.isVisible()]


def _problems(window: QWidget, size: tuple[int, int] | None = None) -> list[str]:
    problems: list[str] = []
    if size is not None and (window.width(), window.height()) != size:
        # Minimum sizes forced the window past the screen: something is cut off at the edge.
        problems.append(f"window grew to {window.width()}x{window.height()}")
    for button in _visible(window, QAbstractButton):
        if button.width() < MIN_TOUCH_PX or button.height() < MIN_TOUCH_PX:
            problems.append(f"{button.objectName()} is {button.width()}x{button.height()}")
        if not button.objectName() or not button.accessibleName():
            problems.append(f"unnamed button {button.objectName()!r} {button.text()!r}")
    for entry in _visible(window, EntryBox):
        if entry.height() < MIN_TOUCH_PX or not entry.accessibleName():
            problems.append(f"entry {entry.objectName()} too small or unnamed")
    for label in _visible(window, QLabel):
        if not label.text():
            continue
        size = label.font().pixelSize()
        if size < MIN_TEXT_PX:
            problems.append(f"{label.objectName()} text is {size}px: {label.text()[:20]!r}")
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            if needed > label.height() + 2:
                problems.append(f"{label.objectName()} clipped: needs {needed}px height, "
                                f"has {label.height()}")
        elif label.sizeHint().width() > label.width() + 2:
            problems.append(f"{label.objectName()} clipped: needs {label.sizeHint().width()}px "
                            f"width, has {label.width()}")
    for table in _visible(window, GridTable):
        needed = table.heightForWidth(table.width())
        if needed > table.height():
            problems.append(f"{table.objectName()} clipped: needs {needed}px height, "
                            f"has {table.height()}")
    for area in _visible(window, QAbstractScrollArea):
        if not QScroller.hasScroller(area.viewport()):
            problems.append(f"{area.objectName()} has no kinetic scrolling")
    return problems


@pytest.mark.parametrize(
    ("size", "language", "large_text"),
    [
        pytest.param((1920, 1080), None, False, id="1080p"),
        pytest.param((1080, 1920), None, False, id="1080p-portrait"),
        pytest.param((1280, 800), None, False, id="1280x800"),
        pytest.param((1280, 800), "en", False, id="1280x800-english"),
        pytest.param((1280, 800), None, True, id="1280x800-large-text"),
        pytest.param((1280, 800), "en", True, id="1280x800-english-large-text"),
        pytest.param((1920, 1080), "en", True, id="1080p-english-large-text"),
    ],
)
def test_every_screen_is_made_for_fingers_and_old_eyes(make_kiosk, demo_credentials, central,
                                                       size, language, large_text):
    kiosk = make_kiosk(size=size)
    one = [c for c in demo_credentials if c.note == "one inmate"][12]
    two = [c for c in demo_credentials if c.note == "two inmates"][1]
    found: dict[str, list[str]] = {}
    try:
        for stop in walk_screens(kiosk, one, two, language=language, large_text=large_text):
            problems = _problems(kiosk.window, size)
            if problems:
                found[stop] = problems
    finally:
        central.reset_lockouts()
    assert found == {}
