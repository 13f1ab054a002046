"""Kinetic touch scrolling for every list: drag with a finger, flick, no hover-only scrollbars."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QScrollArea,
    QScroller,
    QScrollerProperties,
    QWidget,
)
from shiboken6 import isValid

_flick: tuple[QObject, Qt.GestureType] | None = None


def flick_gesture() -> Qt.GestureType:
    """The one flick gesture recognizer that every kinetic area shares.

    ``QScroller.grabGesture`` registers a new recognizer, with a new gesture type number, for
    each widget it is given; PySide6 makes a new Python enum class for every number it has not
    seen, and keeps it for ever (about 3 KB each, five per visit, as a visit's screens are
    built afresh). The recognizer makes one gesture per widget, and that gesture drives the
    widget's own ``QScroller``: registered once, on an object of this module's that is never
    deleted, it serves every viewport. (As a child of the application it was destroyed with
    it, and the process crashed on the way out.)"""
    global _flick
    if _flick is None or not isValid(_flick[0]):
        anchor = QObject()
        anchor.setObjectName("kineticScrollGesture")
        gesture = QScroller.grabGesture(anchor,
                                        QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        _flick = (anchor, gesture)
    return _flick[1]


def enable_kinetic(area: QAbstractScrollArea) -> None:
    """Grab a finger (or left-button) drag on ``area`` as kinetic scrolling."""
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    # By class name: naming QAbstractItemView would make PySide build its Python type, with
    # all its enums, for the attract screen's first frame (which has no item view).
    if area.inherits("QAbstractItemView"):
        from PySide6.QtWidgets import QAbstractItemView

        assert isinstance(area, QAbstractItemView)
        area.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        area.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    viewport = area.viewport()
    scroller = QScroller.scroller(viewport)  # first: the gesture finds it when it is made
    viewport.grabGesture(flick_gesture())
    props = scroller.scrollerProperties()
    off = QScrollerProperties.OvershootPolicy.OvershootAlwaysOff
    props.setScrollMetric(QScrollerProperties.ScrollMetric.VerticalOvershootPolicy, off)
    props.setScrollMetric(QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy, off)
    # A tap that moves a few pixels is still a tap, not the start of a scroll.
    props.setScrollMetric(QScrollerProperties.ScrollMetric.DragStartDistance, 0.006)
    # A press reaches the button under the finger at once (no 0.25 s hold-back, which also
    # lost taps on buttons inside a list long enough to scroll); a drag that turns into a
    # scroll releases it outside, so the button does not fire.
    props.setScrollMetric(QScrollerProperties.ScrollMetric.MousePressEventDelay, 0.0)
    scroller.setScrollerProperties(props)


def kinetic_scroll_area(content: QWidget, object_name: str) -> QScrollArea:
    # Wrapped labels need their height for the actual width; QScrollArea asks the content
    # for it only when its size policy says so.
    policy = content.sizePolicy()
    policy.setHeightForWidth(True)
    content.setSizePolicy(policy)
    area = QScrollArea()
    # Its own viewport, before anything asks for one: PySide meets Qt's built-in viewport as
    # an unknown C++ type and loads every QtWidgets class to name it (about 20 ms, before the
    # attract screen's first frame).
    area.setViewport(QWidget())
    area.setObjectName(object_name)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(content)
    enable_kinetic(area)
    return area
