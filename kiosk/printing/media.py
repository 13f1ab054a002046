"""The CUPS media option that matches a PDF's first page, so the driver never rescales it."""

from __future__ import annotations

import re

_MEDIA_BOX = re.compile(
    rb"/MediaBox\s*\[\s*(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s*\]"
)
_POINTS_PER_MM = 72 / 25.4
_NAMED = {(210, 297): "A4", (148, 210): "A5"}


def media_for_pdf(pdf: bytes) -> str | None:
    """``A4`` or ``Custom.WxHmm`` from the first MediaBox; None when it cannot be read.

    Reads the uncompressed page dictionary as reportlab writes it; PDFs that keep page objects
    in compressed object streams yield None and the queue's default media applies.
    """
    match = _MEDIA_BOX.search(pdf)
    if not match:
        return None
    x0, y0, x1, y1 = (float(v) for v in match.groups())
    width = round(abs(x1 - x0) / _POINTS_PER_MM)
    height = round(abs(y1 - y0) / _POINTS_PER_MM)
    if width <= 0 or height <= 0:
        return None
    return _NAMED.get((width, height), f"Custom.{width}x{height}mm")
