"""The slip on screen before it prints: PDF pages rendered in a worker, shown in a kinetic list.

The PDF (reportlab) and its page images (QtPdf, flattened onto white) are made off the GUI
thread; only the QPixmap conversion happens on it. A newer request or ``clear()`` makes any
render still running land nowhere. ``clear()`` drops the PDF and the images (personal data).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget
from shiboken6 import isValid

from kiosk import log
from ui.printing.pdf_pages import render_pages
from ui.widgets.scroll import kinetic_scroll_area
from ui.workers import Outcome, WorkerPool

FALLBACK_WIDTH_PX = 480  # before the widget has been laid out
RENDER_TIMEOUT_S = 20.0


@dataclass(frozen=True)
class RenderedSlip:
    pdf: bytes
    pages: list[QImage]
    thread_id: int  # which thread rendered it: never the GUI thread


def _render(make_pdf: Callable[[], bytes] | bytes, width_px: int) -> RenderedSlip:
    pdf = make_pdf if isinstance(make_pdf, bytes) else make_pdf()
    return RenderedSlip(pdf, render_pages(pdf, width_px), threading.get_ident())


class SlipPreview(QWidget):
    """Call ``show_slip(make_pdf)``; ``rendered`` fires once the pages are on screen."""

    rendered = Signal()

    def __init__(self, pool: WorkerPool | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("slipPreview")
        self._pool = pool if pool is not None else WorkerPool(1, self)
        self._pages = QWidget()
        self._pages.setObjectName("slipPreviewPages")
        self._column = QVBoxLayout(self._pages)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(12)
        self._column.addStretch(1)
        self.scroll_area: QScrollArea = kinetic_scroll_area(self._pages, "slipPreviewScroll")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)
        self._generation = 0
        self._pdf: bytes | None = None
        self._width_px = 0
        self.last_render: RenderedSlip | None = None

    def show_slip(self, make_pdf: Callable[[], bytes]) -> None:
        """Render ``make_pdf()`` in the worker pool and show its pages."""
        self._submit(make_pdf)

    def clear(self) -> None:
        self._generation += 1
        self._pdf = None
        self.last_render = None
        self._drop_pages()

    def page_labels(self) -> list[QLabel]:
        return self._pages.findChildren(QLabel, "slipPreviewPage")

    def page_images(self) -> list[QImage]:
        return [label.pixmap().toImage() for label in self.page_labels()
                if not label.pixmap().isNull()]

    def _drop_pages(self) -> None:
        for label in self.page_labels():
            label.clear()
            self._column.removeWidget(label)
            label.setParent(None)  # out of the tree at once, not at the next event loop turn
            label.deleteLater()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # A new width: the same PDF again at the new width (pixels, not a blurry rescale).
        if self._pdf is not None and abs(self._target_width() - self._width_px) > 16:
            self._submit(self._pdf)

    def _target_width(self) -> int:
        width = self.scroll_area.viewport().width()
        if width < 64:
            width = FALLBACK_WIDTH_PX
        return round(width * self.devicePixelRatioF())

    def _submit(self, make_pdf: Callable[[], bytes] | bytes) -> None:
        self._generation += 1
        generation = self._generation
        width = self._width_px = self._target_width()

        def done(outcome: Outcome) -> None:
            if isValid(self) and generation == self._generation:
                self._show(outcome)

        self._pool.submit(lambda: _render(make_pdf, width), done, timeout_s=RENDER_TIMEOUT_S)

    def _show(self, outcome: Outcome) -> None:
        if not outcome.ok:
            log.ui.warning("slip preview failed: %s", type(outcome.error).__name__)
            return
        result: RenderedSlip = outcome.value
        self._drop_pages()
        ratio = self.devicePixelRatioF()
        for index, image in enumerate(result.pages):
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            label = QLabel()
            label.setObjectName("slipPreviewPage")
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            label.setPixmap(pixmap)
            self._column.insertWidget(index, label)
        self._pdf = result.pdf
        self.last_render = result
        self.rendered.emit()
