"""The on-screen preview: the slip as it will print, but nothing on it could pass for genuine."""

from __future__ import annotations

import pytest

from kiosk.slip import render_slip, render_slip_preview
from kiosk.slip.labels import EN, ZH_CN
from tests.unit.slip import pdfcheck, sample
from tests.unit.slip.sample import REGISTRATION


@pytest.mark.parametrize("layout", ["receipt80", "a4"])
def test_preview_has_no_qr_and_says_it_is_a_preview(layout):
    content = sample.content()
    preview = render_slip_preview(content, layout)
    assert pdfcheck.qr_codes(render_slip(content, REGISTRATION, layout))  # the real one has
    assert pdfcheck.qr_codes(preview) == []
    text = pdfcheck.compact(pdfcheck.all_text(preview))
    assert pdfcheck.compact(ZH_CN.preview_no) in text
    assert pdfcheck.compact(ZH_CN.preview_qr) in text
    assert REGISTRATION.slip_no not in text
    assert pdfcheck.compact(ZH_CN.verify_hint) not in text


def test_preview_matches_the_slip_page_width_and_content():
    content = sample.content()
    preview = pdfcheck.pages(render_slip_preview(content, "receipt80"))
    slip = pdfcheck.pages(render_slip(content, REGISTRATION, "receipt80"))
    assert preview[0].width_mm == pytest.approx(slip[0].width_mm)
    # Same records on both: the preview is what the family will take home.
    real = pdfcheck.compact(pdfcheck.all_text(render_slip(content, REGISTRATION, "receipt80")))
    shown = pdfcheck.compact(pdfcheck.all_text(render_slip_preview(content, "receipt80")))
    records = real[real.index(pdfcheck.compact(ZH_CN.visitor_id)):
                   real.index(pdfcheck.compact(ZH_CN.verify_hint))]
    assert records in shown


def test_english_preview_is_marked_in_english():
    preview = render_slip_preview(sample.content(language="en"), "receipt80")
    assert pdfcheck.compact(EN.preview_qr) in pdfcheck.compact(pdfcheck.all_text(preview))
