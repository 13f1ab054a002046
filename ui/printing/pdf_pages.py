"""PDF pages rasterised by QtPdf and flattened onto paper white: shared by the ``qt`` printer
backend and the on-screen slip preview.

A page rendered by QtPdf is transparent where nothing is drawn; painted onto white it looks
like paper on screen and prints as paper. Safe off the GUI thread (QImage, not QPixmap).

One ``QPdfDocument`` serves every PDF, loaded afresh each time under a lock: with QtPdf 6.12,
every ``QPdfDocument`` that rendered a page leaves about 0.3 MB behind when it is destroyed
(0.27 MB per 900-pixel-wide slip, measured over 300 documents), and a kiosk shows a preview
for every slip it prints; a reused document does not grow (docs/reliability.md, Soak).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions

STRIP_PX = 300
"""Height of the strips a page is rendered in (see ``render_page``)."""
_lock = threading.Lock()
_document: QPdfDocument | None = None


class UnreadablePdf(ValueError):
    """QtPdf could not read the PDF, or it has no pages."""


@contextmanager
def opened_pdf(pdf: bytes) -> Iterator[QPdfDocument]:
    """The document read from memory (no temp file), for the ``with`` block only.

    Raises :class:`UnreadablePdf`. Blocks while another thread has a PDF open (pdfium itself
    runs one call at a time anyway)."""
    global _document
    with _lock:
        if _document is None:
            _document = QPdfDocument()  # no parent: used from worker threads, under the lock
        document = _document
        buffer = QBuffer()
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        try:
            document.load(buffer)  # synchronous for an in-memory buffer
            if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
                raise UnreadablePdf("the PDF could not be read")
            yield document
        finally:
            document.close()
            buffer.close()


def render_page(document: QPdfDocument, index: int, pixels: QSize) -> QImage:
    """Page ``index`` at ``pixels``, flattened onto white, rendered a strip at a time.

    PySide holds the GIL for the whole of a ``QPdfDocument.render`` call, so a worker
    rendering a 900 x 4,000-pixel slip in one call froze the GUI thread for 60 ms (the slip
    preview). Strips of ``STRIP_PX`` hold it at most a few milliseconds each; the page takes
    about a third longer to render in all."""
    page = QImage(pixels, QImage.Format.Format_RGB32)
    page.fill(Qt.GlobalColor.white)
    painter = QPainter(page)
    options = QPdfDocumentRenderOptions()
    options.setScaledSize(pixels)
    for top in range(0, pixels.height(), STRIP_PX):
        strip = QRect(0, top, pixels.width(), min(STRIP_PX, pixels.height() - top))
        options.setScaledClipRect(strip)
        painter.drawImage(0, top, document.render(index, strip.size(), options))
    painter.end()
    return page


def render_pages(pdf: bytes, width_px: int) -> list[QImage]:
    """Every page of ``pdf`` scaled to ``width_px`` wide, keeping each page's aspect ratio."""
    with opened_pdf(pdf) as document:
        pages = []
        for index in range(document.pageCount()):
            size_pt = document.pagePointSize(index)
            height = max(1, round(width_px * size_pt.height() / size_pt.width()))
            pages.append(render_page(document, index, QSize(width_px, height)))
        return pages
