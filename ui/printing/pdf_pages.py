"""PDF pages rasterised by QtPdf and flattened onto paper white: shared by the ``qt`` printer
backend and the on-screen slip preview.

A page rendered by QtPdf is transparent where nothing is drawn; painted onto white it looks
like paper on screen and prints as paper. Safe off the GUI thread (QImage, not QPixmap).
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument


class UnreadablePdf(ValueError):
    """QtPdf could not read the PDF, or it has no pages."""


def load_pdf(pdf: bytes) -> tuple[QPdfDocument, QBuffer]:
    """The document read from memory (no temp file); close both when done."""
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)  # synchronous for an in-memory buffer
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
        document.close()
        buffer.close()
        raise UnreadablePdf("the PDF could not be read")
    return document, buffer


def render_page(document: QPdfDocument, index: int, pixels: QSize) -> QImage:
    """Page ``index`` at ``pixels``, flattened onto white."""
    page = QImage(pixels, QImage.Format.Format_RGB32)
    page.fill(Qt.GlobalColor.white)
    painter = QPainter(page)
    painter.drawImage(0, 0, document.render(index, pixels))
    painter.end()
    return page


def render_pages(pdf: bytes, width_px: int) -> list[QImage]:
    """Every page of ``pdf`` scaled to ``width_px`` wide, keeping each page's aspect ratio."""
    document, buffer = load_pdf(pdf)
    try:
        pages = []
        for index in range(document.pageCount()):
            size_pt = document.pagePointSize(index)
            height = max(1, round(width_px * size_pt.height() / size_pt.width()))
            pages.append(render_page(document, index, QSize(width_px, height)))
        return pages
    finally:
        document.close()
        buffer.close()
