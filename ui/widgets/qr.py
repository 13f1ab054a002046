"""A QR code painted on screen (module by module, crisp at any size), for the phone: the
family service entry on the goodbye screens, an enquiry's tracking page."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.slip.qr import QUIET_MODULES, QrMatrix, qr_matrix


def paint_qr(painter: QPainter, matrix: QrMatrix, rect: QRectF) -> None:
    """Dark modules on white, with the quiet zone, filling the square ``rect``."""
    count = matrix.modules + 2 * QUIET_MODULES
    module = rect.width() / count
    painter.fillRect(rect, QColor("#FFFFFF"))  # always dark on white, also in high contrast
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#000000"))
    for r, row in enumerate(matrix.rows):
        for c, dark in enumerate(row):
            if dark:
                painter.drawRect(QRectF(rect.left() + (c + QUIET_MODULES) * module,
                                        rect.top() + (r + QUIET_MODULES) * module,
                                        module + 0.02, module + 0.02))


def qr_image(data: str, side: int) -> QImage:
    """The code as an image (for tests that decode what the screen shows)."""
    image = QImage(side, side, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    paint_qr(painter, qr_matrix(data), QRectF(0, 0, side, side))
    painter.end()
    return image


class QrCode(QWidget):
    def __init__(self, object_name: str, side: int = 260, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setFixedSize(side, side)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._data = ""
        self._matrix: QrMatrix | None = None

    def data(self) -> str:
        return self._data

    def set_data(self, data: str) -> None:
        if data != self._data:
            self._data = data
            self._matrix = qr_matrix(data) if data else None
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._matrix is None:
            return
        painter = QPainter(self)
        side = min(self.width(), self.height())
        paint_qr(painter, self._matrix, QRectF(0, 0, side, side))
        painter.end()
