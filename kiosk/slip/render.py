"""PDF bytes of slips, test pages and enquiry tickets: deterministic, fonts embedded.

Same input, same bytes: reportlab runs in invariant mode (fixed creation date and document ID),
and nothing here reads the clock, so snapshot tests and the registered hash hold.
"""

from __future__ import annotations

import io
import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from kiosk.api.models import EnquiryFiled, SlipRegistered
from kiosk.slip.content import SlipContent
from kiosk.slip.document import SlipBuilder, build_slip, fmt_date, fmt_time
from kiosk.slip.flow import Block, Cell, Row, Style, draw_blocks, draw_text, lay_out, paginate
from kiosk.slip.fonts import FontSet, load_fonts
from kiosk.slip.geometry import Layout, PageSpec, page_spec
from kiosk.slip.labels import Labels, Language, labels_for

# reportlab keeps per-document font state in shared font objects; one render at a time.
_render_lock = threading.Lock()

TEST_URL = "https://example.invalid/kiosk/printer-test"
FONT_SAMPLE = "汉字 𠮷 䶮 堃 赟 ABC abc 0123456789 ¥356.20"


@dataclass(frozen=True)
class Running:
    """Header and footer text printed on every page of a paginated layout."""

    left: str
    right: str


def render_slip(content: SlipContent, registration: SlipRegistered, layout: Layout) -> bytes:
    """The records slip registered as ``registration``."""
    spec = page_spec(layout)
    labels = labels_for(content.language)
    blocks = build_slip(content, registration.slip_no, registration.verify_url,
                        registration.verify_code, spec, labels)
    running = Running(f"{content.prison_name} · {labels.title}",
                      f"{labels.slip_no} {registration.slip_no}")
    return _render(blocks, spec, labels, running,
                   title=f"{labels.title} {registration.slip_no}")


def render_slip_preview(content: SlipContent, layout: Layout) -> bytes:
    """The slip as it will print, before it is registered: marked as a preview, no slip number,
    no QR code and no verify code (those come from POST /slips at print time)."""
    spec = page_spec(layout)
    labels = labels_for(content.language)
    blocks = build_slip(content, labels.preview_no, "", "", spec, labels, preview=True)
    running = Running(f"{content.prison_name} · {labels.title}", labels.preview_no)
    return _render(blocks, spec, labels, running, title=f"{labels.title} {labels.preview_no}")


def render_test_slip(layout: Layout, now: datetime, *, prison_name: str = "",
                     terminal_id: str = "", language: Language = "zh_CN") -> bytes:
    """The officer's test print: fonts, print width and a QR code; no personal data."""
    spec = page_spec(layout)
    labels = labels_for(language)
    b = SlipBuilder(spec, labels)
    if prison_name:
        b.line(prison_name, b.title, align="center")
    b.line(labels.test_title, b.heading, align="center", space_before=1.0)
    b.rule()
    b.kv(labels.issued_at, fmt_time(now) + labels.beijing_time)
    if terminal_id:
        b.kv(labels.terminal, terminal_id)
    b.line(labels.test_notice, b.bold, space_before=2.0)
    b.heading_row(labels.test_fonts)
    b.line(FONT_SAMPLE, b.body)
    b.line(FONT_SAMPLE, b.heading)
    b.heading_row(labels.test_width)
    b.note(labels.test_width_hint)
    b.add(Row((Cell("┃", 0.0, 0.1), Cell("72 mm" if layout == "receipt80" else "170 mm",
                                            0.1, 0.9, "center"), Cell("┃", 0.9, 1.0, "right")),
              b.heading))
    b.rule()
    b.qr(TEST_URL, (labels.test_title,))
    return _render(b.blocks, spec, labels, Running(labels.test_title, terminal_id),
                   title=labels.test_title)


def render_enquiry_ticket(ticket: EnquiryFiled, prison_name: str, terminal_id: str,
                          issued_at: datetime, layout: Layout,
                          language: Language = "zh_CN") -> bytes:
    """The receipt of an enquiry: ticket number, reply due date and a QR of ``track_url``."""
    spec = page_spec(layout)
    labels = labels_for(language)
    b = SlipBuilder(spec, labels)
    b.line(prison_name, b.title, align="center")
    b.line(labels.enquiry_title, b.heading, align="center", space_before=1.0)
    b.rule()
    b.kv(labels.ticket_no, ticket.ticket_no, value_style=Style(spec.heading, bold=True))
    b.kv(labels.reply_due, fmt_date(ticket.reply_due))
    b.kv(labels.issued_at, fmt_time(issued_at) + labels.beijing_time)
    b.kv(labels.terminal, terminal_id)
    b.rule()
    b.qr(ticket.track_url, (labels.track_hint, ticket.ticket_no))
    b.rule(dashed=True)
    b.note(labels.enquiry_keep)
    return _render(b.blocks, spec, labels,
                   Running(f"{prison_name} · {labels.enquiry_title}",
                           f"{labels.ticket_no} {ticket.ticket_no}"),
                   title=f"{labels.enquiry_title} {ticket.ticket_no}")


def _render(blocks: Sequence[Block], spec: PageSpec, labels: Labels, running: Running,
            *, title: str) -> bytes:
    fonts = load_fonts()
    with _render_lock:
        laid = lay_out(blocks, fonts, spec.content_width)
        buf = io.BytesIO()
        if spec.height is None:
            content_height = sum(block.height for block in laid)
            # Whole millimetres, so the page length is a clean custom media size for the driver.
            height = math.ceil((spec.margin_top + content_height + spec.margin_bottom) / mm) * mm
            canvas = _canvas(buf, spec.width, height, title, fonts)
            draw_blocks(canvas, fonts, laid, spec.margin_x, height - spec.margin_top)
            canvas.showPage()
        else:
            avail = spec.height - spec.margin_top - spec.margin_bottom - 2 * spec.header
            pages = paginate(laid, avail)
            canvas = _canvas(buf, spec.width, spec.height, title, fonts)
            for number, page in enumerate(pages, start=1):
                _running_text(canvas, fonts, spec, labels, running, number, len(pages))
                draw_blocks(canvas, fonts, page.blocks, spec.margin_x,
                            spec.height - spec.margin_top - spec.header)
                canvas.showPage()
        canvas.save()
        return buf.getvalue()


def _canvas(buf: io.BytesIO, width: float, height: float, title: str,
            fonts: FontSet) -> Canvas:
    # The initial font is ours, or every page would reference an unembedded Helvetica.
    canvas = Canvas(buf, pagesize=(width, height), invariant=1, pageCompression=1,
                    initialFontName=fonts.main, initialFontSize=10)
    # Metadata never names a person: the slip number identifies the document.
    canvas.setTitle(title)
    canvas.setCreator("prison-kiosk")
    canvas.setAuthor("")
    canvas.setSubject("")
    return canvas


def _running_text(canvas: Canvas, fonts: FontSet, spec: PageSpec, labels: Labels,
                  running: Running, number: int, pages: int) -> None:
    assert spec.height is not None
    style = Style(spec.small)
    left = spec.margin_x
    right = spec.width - spec.margin_x
    top_base = spec.height - spec.margin_top - style.size
    draw_text(canvas, fonts, left, top_base, running.left, style)
    draw_text(canvas, fonts, right - fonts.width(running.right, style.size), top_base,
              running.right, style)
    canvas.setLineWidth(0.5)
    canvas.line(left, top_base - 4, right, top_base - 4)
    foot_base = spec.margin_bottom
    canvas.line(left, foot_base + style.size + 3, right, foot_base + style.size + 3)
    page_text = labels.page.format(page=number, pages=pages)
    draw_text(canvas, fonts, (spec.width - fonts.width(page_text, style.size)) / 2, foot_base,
              page_text, style)
    draw_text(canvas, fonts, right - fonts.width(running.right, style.size), foot_base,
              running.right, style)
