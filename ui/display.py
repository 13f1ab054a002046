"""Large text and high contrast: one mode a family turns on with one tap (attract or identify)
for the rest of its visit.

The style sheet's font sizes are scaled by about 1.4 (very large headings less, they are big
already) and ``resources/styles/contrast.qss`` is laid over it: white and yellow on black,
thick borders. Widgets that paint themselves (charts, timeline, faces) ask :func:`colors` and
:func:`scaled_px` at paint time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QWidget

from kiosk import log
from kiosk.resources import resource
from ui.theme import style_sheet

LARGE_SCALE = 1.4
LARGEST_SCALED_PX = 72
"""Headings that would grow past this stay as they are: they are large enough already."""
CONTRAST_SHEET = "styles/contrast.qss"

_FONT_SIZE = re.compile(r"font-size:\s*(\d+)px(?!\s*/\*\s*fixed)")
"""A size followed by ``/* fixed */`` is not scaled (it is large enough, or space is short:
the top band, the entry boxes, the keypad keys)."""
_state = {"large": False}


def large_text() -> bool:
    return _state["large"]


def scale_px(px: int, large: bool) -> int:
    if not large:
        return px
    bigger = round(px * LARGE_SCALE)
    return bigger if bigger <= LARGEST_SCALED_PX else max(px, LARGEST_SCALED_PX)


TIGHT_HEIGHT_PX = 900
"""Below this height, large text leaves no room for a screen's optional lines."""


def tight(widget: QWidget) -> bool:
    """Large text on a short screen (1280x800): screens drop what a family can do without
    (the attract screen's description, the identify screen's title)."""
    return large_text() and widget.height() < TIGHT_HEIGHT_PX


def scaled_px(px: int) -> int:
    """``px`` in the current mode (for sizes a widget sets or paints itself)."""
    return scale_px(px, large_text())


def _contrast_sheet() -> str:
    path = resource(CONTRAST_SHEET)
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        log.ui.error("cannot read the style sheet %s: %s", path, exc.strerror)
        return ""


def style_sheet_for(large: bool) -> str:
    sheet = style_sheet()
    if not large:
        return sheet
    sheet += "\n" + _contrast_sheet()
    return _FONT_SIZE.sub(lambda m: f"font-size: {scale_px(int(m.group(1)), True)}px", sheet)


def apply_display(large: bool) -> None:
    """Switch the whole application to (or back from) large text and high contrast."""
    if large == _state["large"]:
        return
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    _state["large"] = large
    app.setStyleSheet(style_sheet_for(large))


@dataclass(frozen=True)
class Colors:
    """Colours for painted widgets; the style sheet colours everything else."""

    ink: QColor
    muted: QColor
    card: QColor
    track: QColor
    grid: QColor
    accent: QColor
    base: QColor
    bonus: QColor
    deduction: QColor
    good: QColor
    bad: QColor
    pending: QColor
    header: QColor
    """The heading row of a table."""
    heading: QColor
    """Headings' text."""


NORMAL = Colors(
    ink=QColor("#14181F"), muted=QColor("#3D4756"), card=QColor("#FFFFFF"),
    track=QColor("#DCE3EC"), grid=QColor("#C9D3E0"), accent=QColor("#0B4F9C"),
    base=QColor("#0B4F9C"), bonus=QColor("#14622A"), deduction=QColor("#A0150F"),
    good=QColor("#14622A"), bad=QColor("#A0150F"), pending=QColor("#A86400"),
    header=QColor("#E6EEF9"), heading=QColor("#0B3D7A"),
)
CONTRAST = Colors(
    ink=QColor("#FFFFFF"), muted=QColor("#FFFFFF"), card=QColor("#000000"),
    track=QColor("#3A3A3A"), grid=QColor("#9A9A9A"), accent=QColor("#FFE14D"),
    base=QColor("#6FB7FF"), bonus=QColor("#7CE08A"), deduction=QColor("#FF8A80"),
    good=QColor("#7CE08A"), bad=QColor("#FF8A80"), pending=QColor("#FFE14D"),
    header=QColor("#1A1A1A"), heading=QColor("#FFE14D"),
)


def colors() -> Colors:
    return CONTRAST if large_text() else NORMAL
