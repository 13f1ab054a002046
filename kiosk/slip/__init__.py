"""Slips: what a family takes home, rendered to PDF with reportlab (no Qt)."""

from kiosk.slip.content import SlipContent, canonical_json, content_sha256
from kiosk.slip.fonts import FONT_FILES, FontSet, load_fonts
from kiosk.slip.geometry import Layout
from kiosk.slip.render import (
    render_enquiry_ticket,
    render_slip,
    render_slip_preview,
    render_test_slip,
)

__all__ = [
    "FONT_FILES",
    "FontSet",
    "Layout",
    "SlipContent",
    "canonical_json",
    "content_sha256",
    "load_fonts",
    "render_enquiry_ticket",
    "render_slip",
    "render_slip_preview",
    "render_test_slip",
]
