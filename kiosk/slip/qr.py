"""QR codes drawn as vector modules, sized for 203 dpi thermal heads.

A bitmap QR would be resampled by the driver and blur; vector rectangles stay sharp at any
resolution. The module is a whole number of printer dots (5 dots at 203 dpi = 0.625 mm), dark
modules of a row are merged into one rectangle (no hairline seams between neighbours), and the
4-module quiet zone is part of the block's size so nothing is ever drawn into it.
"""

from __future__ import annotations

from dataclasses import dataclass

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.pdfgen.canvas import Canvas

from kiosk.slip.geometry import DOT

QUIET_MODULES = 4
MODULE = 5 * DOT


@dataclass(frozen=True)
class QrMatrix:
    rows: tuple[tuple[bool, ...], ...]

    @property
    def modules(self) -> int:
        return len(self.rows)

    def size(self, module: float = MODULE) -> float:
        """Side of the printed code including the quiet zone, in points."""
        return (self.modules + 2 * QUIET_MODULES) * module


def qr_matrix(data: str) -> QrMatrix:
    """The module matrix of ``data`` at error correction M, without quiet zone."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(data)
    code.make(fit=True)
    return QrMatrix(tuple(tuple(bool(m) for m in row) for row in code.get_matrix()))


def draw_qr(canvas: Canvas, matrix: QrMatrix, left: float, top: float,
            module: float = MODULE) -> None:
    """Draw ``matrix`` with its quiet zone's top-left corner at (``left``, ``top``)."""
    path = canvas.beginPath()
    origin_x = left + QUIET_MODULES * module
    origin_y = top - QUIET_MODULES * module
    for r, row in enumerate(matrix.rows):
        c = 0
        while c < len(row):
            if not row[c]:
                c += 1
                continue
            start = c
            while c < len(row) and row[c]:
                c += 1
            path.rect(origin_x + start * module, origin_y - (r + 1) * module,
                      (c - start) * module, module)
    canvas.saveState()
    canvas.setFillGray(0)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
