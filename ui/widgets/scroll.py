"""Kinetic touch scrolling for every list: drag with a finger, flick, no hover-only scrollbars."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QScrollArea,
    QScroller,
    QScrollerProperties,
    QWidget,
)


def enable_kinetic(area: QAbstractScrollArea) -> None:
    """Grab a finger (or left-button) drag on ``area`` as kinetic scrolling."""
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    if isinstance(area, QAbstractItemView):
        area.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        area.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    viewport = area.viewport()
    QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    scroller = QScroller.scroller(viewport)
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
    area.setObjectName(object_name)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(content)
    enable_kinetic(area)
    return area
