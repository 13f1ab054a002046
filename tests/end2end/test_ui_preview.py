"""The slip preview on the print screen: rendered off the GUI thread, white paper, no QR code,
gone when the visit is wiped. Driven on the real window against the reference server."""

from __future__ import annotations

import io
import threading
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QImage

from kiosk.flow.state import FlowConfig
from ui.printing.pdf_pages import render_pages


def pil(image: QImage) -> Image.Image:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGB")


def open_print_screen(kiosk, demo_credentials):
    visitor = next(c for c in demo_credentials if c.note == "one inmate")
    kiosk.sign_in(visitor.id_number, visitor.reference_number)
    kiosk.wait_screen("records")
    kiosk.qtbot.waitUntil(lambda: kiosk.button("printButton").isEnabled(), timeout=15_000)
    kiosk.tap("printButton")
    kiosk.wait_screen("print")
    preview = kiosk.window.findChild(type(kiosk.visible("slipPreview")), "slipPreview")
    kiosk.qtbot.waitUntil(lambda: preview.page_images() != [], timeout=15_000)
    return preview


def test_preview_shows_white_pages_rendered_in_a_worker_without_a_qr(make_kiosk,
                                                                     demo_credentials):
    kiosk = make_kiosk()
    preview = open_print_screen(kiosk, demo_credentials)
    render = preview.last_render
    assert render is not None and render.thread_id != threading.get_ident()
    images = [pil(image) for image in preview.page_images()]
    pages = PdfReader(io.BytesIO(render.pdf)).pages
    assert len(images) == len(pages)
    for image, page in zip(images, pages, strict=True):
        ratio = float(page.mediabox.height) / float(page.mediabox.width)
        assert image.height / image.width == pytest.approx(ratio, rel=0.01)
        assert image.getpixel((2, 2)) == (255, 255, 255)  # flattened onto paper white
        assert min(image.convert("L").getextrema()) < 64  # and something is printed on it
        assert zxingcpp.read_barcodes(image) == []
    # The decoder does find the real slip's QR rendered the same way at the same width.
    kiosk.tap("printConfirm")
    kiosk.wait_screen("done", timeout=30_000)
    [slip] = Path(kiosk.services.settings.printer.output_dir).glob("*.pdf")
    real = render_pages(slip.read_bytes(), images[0].width)
    assert any(zxingcpp.read_barcodes(pil(page)) for page in real)


def test_preview_follows_the_chosen_sections(make_kiosk, demo_credentials):
    kiosk = make_kiosk()
    preview = open_print_screen(kiosk, demo_credentials)
    first = preview.last_render
    chosen = kiosk.window.controller.state.visit.chosen
    section = next(iter(chosen))
    kiosk.tap(f"printSection_{section.value}")
    kiosk.qtbot.waitUntil(lambda: preview.last_render is not first, timeout=15_000)
    assert kiosk.window.controller.state.visit.chosen == chosen - {section}
    if len(chosen) > 1:
        assert preview.last_render.pdf != first.pdf
    else:
        assert preview.page_images() == []


def test_idle_wipe_leaves_no_preview(make_kiosk, demo_credentials):
    kiosk = make_kiosk(kiosk__idle_timeout_s=1, config=FlowConfig(countdown_s=2))
    preview = open_print_screen(kiosk, demo_credentials)
    kiosk.wait_screen("attract", timeout=15_000)
    kiosk.qtbot.wait(50)
    leftovers = [p for p in kiosk.window.findChildren(type(preview), "slipPreview")
                 if p.page_images()]
    assert leftovers == []
    labels = kiosk.window.findChildren(type(kiosk.visible("topBarTime")), "slipPreviewPage")
    assert all(label.pixmap().isNull() for label in labels)


def test_back_to_the_records_clears_the_preview(make_kiosk, demo_credentials):
    kiosk = make_kiosk()
    preview = open_print_screen(kiosk, demo_credentials)
    kiosk.tap("printBack")
    kiosk.wait_screen("records")
    assert preview.page_images() == [] and preview.last_render is None
    kiosk.qtbot.wait(700)  # the print button's own debounce since it was tapped last
    kiosk.tap("printButton")
    kiosk.wait_screen("print")
    kiosk.qtbot.waitUntil(lambda: preview.page_images() != [], timeout=15_000)
