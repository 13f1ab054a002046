"""Kinetic scrolling: a finger drag scrolls, and building lists visit after visit costs nothing
that stays (every list of a visit is built afresh and destroyed when the visit ends)."""

from __future__ import annotations

import enum
import gc

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from ui.widgets.scroll import kinetic_scroll_area


def _list_area(rows: int = 60) -> QScrollArea:
    content = QWidget()
    column = QVBoxLayout(content)
    for index in range(rows):
        column.addWidget(QLabel(f"row {index}"))
    return kinetic_scroll_area(content, "testList")


def _enum_classes() -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, enum.EnumType))


def test_lists_built_and_destroyed_leave_no_enum_classes_behind(qtbot):
    # QScroller.grabGesture per list made a new gesture type number each time, and PySide6 a
    # new enum class for each (+5 per visit, kept for ever: ~3 KB each in the soak).
    _list_area().deleteLater()
    before = _enum_classes()
    for _ in range(20):
        area = _list_area(3)
        area.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert _enum_classes() == before


# The scroller takes the drag's events for itself: QTest reports each as not accepted.
@pytest.mark.qt_log_ignore(r'Mouse event "Mouse\w+" not accepted')
def test_a_drag_scrolls_the_list(qtbot):
    area = _list_area()
    qtbot.addWidget(area)
    area.resize(300, 400)
    area.show()
    qtbot.waitExposed(area)
    viewport = area.viewport()
    scrolled = []
    # Synthetic drags do not always start the flick (QTest's event timing): a few tries; a
    # list without the gesture never scrolls at all.
    for _ in range(8):
        area.verticalScrollBar().setValue(0)
        QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         QPoint(100, 350), 50)
        for y in range(350, 50, -20):
            QTest.mouseMove(viewport, QPoint(100, y), 16)
        QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                           QPoint(100, 50), 16)
        qtbot.wait(400)
        scrolled.append(area.verticalScrollBar().value())
        if scrolled[-1] > 0:
            break
    assert max(scrolled) > 200, scrolled
