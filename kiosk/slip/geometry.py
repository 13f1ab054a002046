"""Paper sizes, margins and type sizes of the two slip layouts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from reportlab.lib.units import mm

Layout = Literal["receipt80", "a4"]

DOT = 25.4 / 203 * mm
"""One dot of a 203 dpi thermal head, in points."""


@dataclass(frozen=True)
class PageSpec:
    layout: Layout
    width: float
    height: float | None  # None: the page is as tall as its content (receipt roll)
    margin_x: float
    margin_top: float
    margin_bottom: float
    body: float  # type sizes in points
    small: float
    heading: float
    title: float
    header: float  # height reserved for the running header/footer (paginated layouts)

    @property
    def content_width(self) -> float:
        return self.width - 2 * self.margin_x


RECEIPT80 = PageSpec(
    layout="receipt80",
    width=80 * mm,
    height=None,
    margin_x=4 * mm,  # 72 mm printable, centred on the 80 mm roll
    margin_top=3 * mm,
    margin_bottom=10 * mm,  # clear of the tear bar / cutter
    body=8.5,
    small=7.5,
    heading=10.5,
    title=12.5,
    header=0,
)

A4 = PageSpec(
    layout="a4",
    width=210 * mm,
    height=297 * mm,
    margin_x=20 * mm,
    margin_top=15 * mm,
    margin_bottom=15 * mm,
    body=10,
    small=8.5,
    heading=12,
    title=16,
    header=12 * mm,
)

SPECS: dict[str, PageSpec] = {"receipt80": RECEIPT80, "a4": A4}


def page_spec(layout: str) -> PageSpec:
    try:
        return SPECS[layout]
    except KeyError:
        raise ValueError(f"unknown slip layout {layout!r}") from None


def snap(value: float) -> float:
    """``value`` rounded to whole printer dots, so vector QR modules fall on the dot grid."""
    return round(value / DOT) * DOT
